package io.alchemiser.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alchemiser.examples.backtest.TestPrices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rank} and {@code sweep} from the command line, on generated prices. */
class ResearchCommandsTest {
    private static final String SWITCHER = "(defsymphony \"switcher\" {:rebalance-frequency :daily}\n"
            + "  (if (> (rsi \"AAA\" {:window 5}) 50)\n"
            + "    [(asset \"AAA\")]\n"
            + "    [(weight-equal [(asset \"BBB\") (asset \"SPY\")])]))\n";

    @TempDir
    Path dir;
    private String prices;
    private Path library;

    @BeforeEach
    void files() throws IOException {
        prices = TestPrices.swinging(300).writeCsv(dir.resolve("prices")).toString();
        library = Files.createDirectories(dir.resolve("library"));
        Files.writeString(library.resolve("switcher.clj"), SWITCHER);
        Files.writeString(library.resolve("pair.clj"),
                "(defsymphony \"pair\" {:rebalance-frequency :weekly} (weight-equal [(asset \"AAA\") (asset \"BBB\")]))");
        Files.writeString(library.resolve("unh.clj"), "(defsymphony \"needs UNH\" {} (asset \"UNH\"))");
    }

    @Test
    void rankPrintsTheLeaderboardAndWritesItsFiles() throws IOException {
        Path out = dir.resolve("ranked");
        Cli cli = Cli.run("rank", library.toString(), "--data", prices, "--from", "2023-02-01", "--oos-from",
                "2023-09-01", "--costs", "composer", "--jobs", "2", "--out", out.toString());
        assertThat(cli.code).as(cli.toString()).isZero();
        assertThat(cli.out).contains("rank: 3 symphonies, from 2023-02-01 to 2024-02-23, out of sample from 2023-09-01, "
                + "costs composer; ranked by out-of-sample Sharpe")
                .contains("OOS Sharpe").contains("1 failed:").contains("unh.clj  missing data: ").contains("no bars for UNH")
                .contains("3 backtests in").contains("on 2 threads on this machine");
        for (String f : new String[] {"leaderboard.txt", "leaderboard.csv", "leaderboard.json", "leaderboard.html"}) {
            assertThat(Files.size(out.resolve(f))).as(f).isPositive();
        }
        assertThat(Files.readString(out.resolve("leaderboard.txt"))).doesNotContain("backtests in");
    }

    @Test
    void rankWithJsonPrintsOnlyJsonOnStandardOutput() throws IOException {
        Cli cli = Cli.run("rank", library.resolve("pair.clj").toString(), "--data", prices, "--json");
        assertThat(cli.code).as(cli.toString()).isZero();
        JsonNode root = new ObjectMapper().readTree(cli.out);
        assertThat(root.at("/ranked/0/symphony").asText()).isEqualTo("pair");
        assertThat(cli.err).contains("1 backtest in");
    }

    @Test
    void badInputIsRefusedWithTheOptionNamed() {
        Cli missing = Cli.run("rank", dir.resolve("nope").toString(), "--data", prices);
        assertThat(missing.code).isEqualTo(ExitCodes.INPUT);
        assertThat(missing.err).contains("nope: no such file or folder");
        Cli jobs = Cli.run("rank", library.toString(), "--data", prices, "--jobs", "0");
        assertThat(jobs.code).isEqualTo(ExitCodes.INPUT);
        assertThat(jobs.err).contains("--jobs 0: at least 1");
        Cli oos = Cli.run("rank", library.toString(), "--data", prices, "--from", "2023-06-01", "--oos-from",
                "2023-05-01");
        assertThat(oos.code).isEqualTo(ExitCodes.INPUT);
        assertThat(oos.err).contains("--oos-from 2023-05-01 must fall after --from 2023-06-01");
        Cli by = Cli.run("rank", library.toString(), "--data", prices, "--by", "alpha");
        assertThat(by.err).contains("'alpha' is no statistic: expected sharpe|cagr|calmar|total|maxdd|volatility|turnover");
    }

    @Test
    void sweepReportsEveryCombinationAndWritesAHeatmap() throws IOException {
        Path out = dir.resolve("swept");
        Path file = library.resolve("switcher.clj");
        Cli cli = Cli.run("sweep", file.toString(), "--vary", "2:30=3..7/2", "--vary", "2:34=45..55/5", "--data",
                prices, "--from", "2023-02-01", "--stat", "cagr", "--out", out.toString());
        assertThat(cli.code).as(cli.toString()).isZero();
        assertThat(cli.out).contains("9 combinations of 2:30 (5) over 3 values 3..7; 2:34 (50) over 3 values 45..55")
                .contains("in-sample CAGR at the original parameters:").contains("9 backtests in");
        String html = Files.readString(out.resolve("sweep.html"));
        assertThat(html).contains("<table class=\"heatmap\">").contains("class=\"original\"");
        assertThat(Files.readString(out.resolve("sweep.csv")).lines()).hasSize(10);
    }

    @Test
    void aVaryThatNamesNoNumberIsAnErrorAtTheFilesLineAndColumn() {
        Path file = library.resolve("switcher.clj");
        Cli cli = Cli.run("sweep", file.toString(), "--vary", "2:22=1..3", "--data", prices);
        assertThat(cli.code).isEqualTo(ExitCodes.INPUT);
        assertThat(cli.err).startsWith(file + ":2:22: error: no number starts here: the keyword :window does; "
                + "numbers on line 2 start at columns 30, 34")
                .contains("  (if (> (rsi \"AAA\" {:window 5}) 50)")
                .contains(" ".repeat(21) + "^");
        Cli malformed = Cli.run("sweep", file.toString(), "--vary", "2:30", "--data", prices);
        assertThat(malformed.code).isEqualTo(ExitCodes.INPUT);
        assertThat(malformed.err).contains("--vary 2:30: expected LINE:COL=FROM..TO");
    }
}
