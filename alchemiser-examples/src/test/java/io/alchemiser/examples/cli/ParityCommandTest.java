package io.alchemiser.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.alchemiser.dsl.compile.Symphonies;
import io.alchemiser.examples.backtest.ComposerFixtures;
import io.alchemiser.examples.backtest.TestPrices;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code parity} command end to end, with Composer's backtest from a file or from a loopback stub of its API. */
class ParityCommandTest {
    static final String SWITCHER = "(defsymphony \"switcher\" {:rebalance-frequency :daily}\n"
            + "  (if (> (rsi \"AAA\" {:window 5}) 50)\n"
            + "    [(asset \"AAA\")]\n"
            + "    [(weight-equal [(asset \"BBB\") (asset \"SPY\")])]))\n";

    @TempDir
    Path dir;
    Path data;
    Path symphony;
    TestPrices prices = TestPrices.swinging(120);
    ComposerFixtures fixture;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void writeFiles() throws Exception {
        data = prices.writeCsv(dir.resolve("prices"));
        symphony = Files.writeString(dir.resolve("switcher.clj"), SWITCHER);
        List<LocalDate> days = prices.dates();
        fixture = ComposerFixtures.of(Symphonies.compile(symphony), prices.inMemory(), days.get(10),
                days.get(days.size() - 1), true);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    int parity(Object... args) {
        CommandLine cli = new CommandLine(new ParityCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler(new ErrorHandler());
        return cli.execute(java.util.Arrays.stream(args).map(String::valueOf).toArray(String[]::new));
    }

    /** A local stand-in for Composer's backtest API: answers {@code status} and {@code body}, records each request. */
    String stub(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void comparesWithAComposerFileAndWritesTheHtmlPage() throws Exception {
        LocalDate changed = fixture.dates().get(30);
        Path json = Files.writeString(dir.resolve("composer.json"), fixture.shiftToCash(changed, 0.1).json());
        Path html = dir.resolve("out/parity.html");

        int code = parity(symphony, "--composer", json, "--data", data, "--html", html);

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("110 compared, 109 match within 0.5 points")
                .contains("first divergence: " + changed).contains("decided by: ").contains("report: " + html);
        assertThat(Files.readString(html)).contains("<h2>First divergence</h2>");
    }

    @Test
    void printsJsonWithATolerance() throws Exception {
        LocalDate changed = fixture.dates().get(30);
        Path json = Files.writeString(dir.resolve("composer.json"), fixture.shiftToCash(changed, 0.1).json());

        int code = parity(symphony, "--composer", json, "--data", data, "--tolerance", "0.2", "--json");

        assertThat(code).as(err.toString()).isZero();
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("days").get("matching").asInt()).as("10 points is inside a 20-point tolerance")
                .isEqualTo(110);
        assertThat(root.get("firstDivergence").isNull()).isTrue();
        assertThat(root.get("settings").get("regulatoryFees").asBoolean()).isTrue();
    }

    @Test
    void fetchesTheBacktestFromComposersApiAndKeepsIt() throws Exception {
        String base = stub(200, fixture.json());
        Path saved = dir.resolve("saved.json");

        int code = parity(symphony, "--fetch", "AbC-123_x", "--from", "2023-01-16", "--to", "2023-06-16", "--data",
                data, "--composer-url", base, "--save", saved, "--capital", "2500");

        assertThat(code).as(err.toString()).isZero();
        assertThat(requests).hasSize(1);
        String[] request = requests.get(0).split(" ", 3);
        assertThat(request[0]).isEqualTo("POST");
        assertThat(request[1]).isEqualTo("/api/v2/public/symphonies/AbC-123_x/backtest");
        JsonNode body = new ObjectMapper().readTree(request[2]);
        assertThat(body.get("capital").asDouble()).isEqualTo(2500.0);
        assertThat(body.get("start_date").asText()).isEqualTo("2023-01-16");
        assertThat(body.get("end_date").asText()).isEqualTo("2023-06-16");
        assertThat(body.get("slippage_percent").asDouble()).isEqualTo(0.01);
        assertThat(body.get("apply_reg_fee").asBoolean()).isTrue();
        assertThat(body.get("apply_taf_fee").asBoolean()).isTrue();
        assertThat(body.get("backtest_version").asText()).isEqualTo("v2");
        assertThat(Files.readString(saved)).isEqualTo(fixture.json());
        assertThat(out.toString()).contains("110 compared, 110 match");
    }

    @Test
    void saysWhatComposerAnsweredWhenItRefuses() throws Exception {
        String base = stub(404, "{\"error\": \"symphony not found\"}");

        int code = parity(symphony, "--fetch", "nope", "--from", "2023-01-16", "--data", data, "--composer-url", base);

        assertThat(code).isEqualTo(ExitCodes.INPUT);
        assertThat(err.toString()).contains("Composer answered 404 for symphony nope: {\"error\": \"symphony not found\"}");
    }

    @Test
    void refusesWhatCannotWork() throws Exception {
        assertThat(parity(symphony, "--fetch", "x", "--data", data)).isEqualTo(ExitCodes.INPUT);
        assertThat(err.toString()).contains("--fetch needs --from");
        assertThat(parity(symphony, "--fetch", "../../etc", "--from", "2023-01-16", "--data", data))
                .isEqualTo(ExitCodes.INPUT);
        assertThat(err.toString()).contains("a symphony id is letters, digits");
        Path json = Files.writeString(dir.resolve("c.json"), fixture.json());
        assertThat(parity(symphony, "--composer", json, "--fetch", "x", "--data", data)).as("one source")
                .isEqualTo(ExitCodes.USAGE);
        assertThat(parity(symphony, "--data", data)).as("a source is required").isEqualTo(ExitCodes.USAGE);
        assertThat(parity(symphony, "--composer", json, "--data", data, "--from", "2023-01-16"))
                .isEqualTo(ExitCodes.INPUT);
        assertThat(err.toString()).contains("--from, --to and --save go with --fetch");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"tdvm_weights\": 3}");
        assertThat(parity(symphony, "--composer", broken, "--data", data)).isEqualTo(ExitCodes.INPUT);
        assertThat(err.toString()).contains("broken.json: field tdvm_weights is missing or not an object");
    }
}
