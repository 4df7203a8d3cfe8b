package io.alchemiser.examples.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Downloads a public symphony's backtest from Composer: {@code POST {base}/api/v2/public/symphonies/{id}/backtest}
 * with the body {@code {capital, start_date, end_date, slippage_percent, apply_reg_fee, apply_taf_fee,
 * backtest_version: "v2"}}. No credentials are sent (the endpoint is public). The answer is the JSON
 * {@link ComposerBacktest#parse} reads.
 */
public final class ComposerBacktestClient {
    /** Composer's backtest service. */
    public static final String DEFAULT_BASE = "https://backtest-api.composer.trade";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;

    /**
     * @param base    the service's base URL, e.g. {@link #DEFAULT_BASE} (tests give a local server's)
     * @param timeout how long one request may take
     */
    public ComposerBacktestClient(URI base, Duration timeout) {
        this.base = Objects.requireNonNull(base, "base");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
            throw new IllegalArgumentException("the Composer URL must be http or https, got " + base);
        }
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * What to ask for.
     *
     * @param capital         start capital in dollars
     * @param slippagePercent slippage as Composer's body names it, in percent (0.01 = 1 basis point)
     * @param fees            whether the SEC fee and the FINRA TAF apply
     */
    public record Request(String symphonyId, LocalDate start, LocalDate end, double capital, double slippagePercent,
            boolean fees) {
        public Request {
            Objects.requireNonNull(symphonyId, "symphonyId");
            if (!ID.matcher(symphonyId).matches()) {
                throw new IllegalArgumentException("--fetch " + symphonyId + ": a symphony id is letters, digits, '_' "
                        + "or '-' (the last part of its Composer URL)");
            }
            if (start.isAfter(end)) {
                throw new IllegalArgumentException("the backtest starts " + start + " after it ends " + end);
            }
            if (!(capital > 0) || !(slippagePercent >= 0)) {
                throw new IllegalArgumentException("capital must be positive and slippage not negative");
            }
        }

        /** The JSON body. */
        public String body() {
            ObjectNode n = MAPPER.createObjectNode();
            n.put("capital", capital);
            n.put("start_date", start.toString());
            n.put("end_date", end.toString());
            n.put("slippage_percent", slippagePercent);
            n.put("apply_reg_fee", fees);
            n.put("apply_taf_fee", fees);
            n.put("backtest_version", "v2");
            return n.toString();
        }
    }

    /** The URL the request goes to. */
    public URI uri(String symphonyId) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + "/api/v2/public/symphonies/"
                + symphonyId + "/backtest");
    }

    /**
     * The backtest's JSON text.
     *
     * @throws UncheckedIOException     if the service cannot be reached
     * @throws IllegalArgumentException if it answers with an error status (the status and the start of the answer)
     */
    public String fetch(Request request) {
        HttpRequest r = HttpRequest.newBuilder(uri(request.symphonyId())).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.body())).build();
        HttpResponse<String> answer;
        try {
            answer = http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach Composer at " + r.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException("interrupted while waiting for Composer", new IOException(e));
        }
        if (answer.statusCode() / 100 != 2) {
            String text = answer.body() == null ? "" : answer.body().strip();
            throw new IllegalArgumentException("Composer answered " + answer.statusCode() + " for symphony "
                    + request.symphonyId() + (text.isEmpty() ? "" : ": " + (text.length() > 200
                            ? text.substring(0, 200) + "..." : text)));
        }
        return answer.body();
    }
}
