package io.alchemiser.alpaca.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.alchemiser.alpaca.config.AlpacaConfig;
import io.alchemiser.alpaca.config.RetryPolicy;
import io.alchemiser.core.domain.Secret;
import io.alchemiser.core.port.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thin HTTP client for Alpaca's REST APIs on {@link java.net.http.HttpClient}: authentication headers, JSON
 * bodies, timeouts, the key's {@link RequestBudget} (every attempt takes one request from it, retries included), and
 * the retry rules of {@link RetryPolicy}.
 *
 * <ul>
 *   <li>HTTP 429 is retried for every method (the request was not processed), after {@code Retry-After} or, failing
 *       that, until {@code X-RateLimit-Reset}, or after the jittered backoff when Alpaca gives neither.</li>
 *   <li>5xx, timeouts and network failures are retried with jittered backoff for idempotent calls (GET, DELETE) only.
 *       For a POST they fail at once with {@link AlpacaCallException#outcomeUnknown()} set, for the caller to
 *       reconcile.</li>
 *   <li>Any other status of 400 or more fails at once with Alpaca's {@code message} and {@code code}.</li>
 * </ul>
 *
 * <p>One debug line per attempt: method, path and query, status, latency. Headers are never logged, and every message
 * this class produces has both credentials redacted. Thread-safe.
 */
public final class AlpacaHttp {

    /** Which of Alpaca's two hosts a call goes to. */
    public enum Api {
        TRADING, DATA
    }

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaHttp.class);
    private static final String USER_AGENT = "alchemiser-alpaca";

    private final AlpacaConfig config;
    private final HttpClient client;
    private final RequestBudget budget;

    public AlpacaHttp(AlpacaConfig config) {
        this(config, HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    AlpacaHttp(AlpacaConfig config, HttpClient client) {
        this.config = Objects.requireNonNull(config, "config");
        this.client = Objects.requireNonNull(client, "client");
        this.budget = RequestBudget.forKey(config.keyId(), config.requestsPerMinute());
    }

    /** The request budget of this config's key id, shared with every other client using the same key id. */
    public RequestBudget budget() {
        return budget;
    }

    public AlpacaConfig config() {
        return config;
    }

    public Clock clock() {
        return config.clock();
    }

    public Sleeper sleeper() {
        return config.sleeper();
    }

    /** An idempotent GET; the parsed JSON body of a 2xx answer ({@code MissingNode} when the body is empty). */
    public JsonNode get(Api api, String path, Map<String, String> query) {
        Reply reply = exchange("GET", api, path, query, null, true);
        return Json.parse(reply.body, "GET " + path);
    }

    /** A non-idempotent POST of a JSON body: never retried except after a 429. */
    public JsonNode post(Api api, String path, JsonNode body) {
        Reply reply = exchange("POST", api, path, Map.of(), Json.write(body), false);
        return Json.parse(reply.body, "POST " + path);
    }

    /** An idempotent DELETE. */
    public void delete(Api api, String path) {
        exchange("DELETE", api, path, Map.of(), null, true);
    }

    /**
     * Opens a WebSocket to {@code uri} on this client, after taking one request from the budget (the upgrade is an
     * HTTP request to Alpaca). Authentication is the caller's first message; no credential goes into the URL or a
     * header here.
     */
    public CompletableFuture<WebSocket> openWebSocket(URI uri, WebSocket.Listener listener) {
        budget.acquire();
        LOG.debug("WS {} -> connecting", uri.getRawPath());
        return client.newWebSocketBuilder().connectTimeout(config.connectTimeout()).buildAsync(uri, listener);
    }

    private Reply exchange(String method, Api api, String path, Map<String, String> query, String body,
            boolean idempotent) {
        String target = path + queryString(query);
        URI uri = URI.create(base(api) + target);
        RetryPolicy policy = config.retryPolicy();
        for (int attempt = 1; ; attempt++) {
            final int retry = attempt;
            boolean last = attempt >= policy.maxAttempts();
            Reply reply;
            budget.acquire();
            long started = System.nanoTime();
            try {
                reply = send(method, uri, body);
            } catch (IOException e) {
                LOG.debug("{} {} -> no response after {} ms (attempt {}): {}", method, target, elapsedMillis(started),
                        attempt, e.getClass().getSimpleName());
                if (!idempotent || last) {
                    throw failure(AlpacaCallException.Failure.NETWORK, method, path, 0, null, "no response", !idempotent,
                            e);
                }
                pause(method, path, jittered(policy.backoffCeiling(attempt)), !idempotent);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure(AlpacaCallException.Failure.INTERRUPTED, method, path, 0, null, "interrupted",
                        !idempotent, e);
            }
            LOG.debug("{} {} -> {} in {} ms (attempt {})", method, target, reply.status, elapsedMillis(started), attempt);
            if (reply.status < 400) {
                return reply;
            }
            ErrorBody error = ErrorBody.of(reply.body, reply.status);
            if (reply.status == 429) {
                Duration wait = rateLimitWait(reply.response).orElseGet(() -> jittered(policy.backoffCeiling(retry)));
                if (last || wait.compareTo(policy.maxRetryAfter()) > 0) {
                    throw failure(AlpacaCallException.Failure.RATE_LIMITED, method, path, 429, error.code,
                            error.message + (last ? "" : "; Alpaca asked for a " + wait.toSeconds()
                                    + " s wait, more than the allowed " + policy.maxRetryAfter().toSeconds() + " s"),
                            false, null);
                }
                pause(method, path, wait, false);
                continue;
            }
            if (reply.status >= 500) {
                if (!idempotent || last) {
                    throw failure(AlpacaCallException.Failure.STATUS, method, path, reply.status, error.code,
                            error.message, !idempotent, null);
                }
                pause(method, path, jittered(policy.backoffCeiling(attempt)), false);
                continue;
            }
            throw failure(AlpacaCallException.Failure.STATUS, method, path, reply.status, error.code, error.message,
                    false, null);
        }
    }

    private Reply send(String method, URI uri, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("APCA-API-KEY-ID", config.keyId().reveal())
                .header("APCA-API-SECRET-KEY", config.secretKey().reveal())
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        if (body != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(
                StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.body(), response);
    }

    private void pause(String method, String path, Duration wait, boolean outcomeUnknown) {
        LOG.debug("{} {} -> retrying in {} ms", method, path, wait.toMillis());
        try {
            config.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(AlpacaCallException.Failure.INTERRUPTED, method, path, 0, null, "interrupted", outcomeUnknown,
                    e);
        }
    }

    /** How long Alpaca asked us to wait: {@code Retry-After} (seconds or HTTP date), else {@code X-RateLimit-Reset}. */
    private Optional<Duration> rateLimitWait(HttpResponse<String> response) {
        Instant now = config.clock().instant();
        Optional<String> retryAfter = response.headers().firstValue("Retry-After");
        if (retryAfter.isPresent()) {
            String v = retryAfter.get().strip();
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    return Optional.of(nonNegative(Duration.between(now, at)));
                } catch (DateTimeParseException notDate) {
                    LOG.debug("ignoring unreadable Retry-After header '{}'", v);
                }
            }
        }
        Optional<String> reset = response.headers().firstValue("X-RateLimit-Reset");
        if (reset.isPresent()) {
            try {
                Instant at = Instant.ofEpochSecond(Long.parseLong(reset.get().strip()));
                return Optional.of(nonNegative(Duration.between(now, at)));
            } catch (NumberFormatException e) {
                LOG.debug("ignoring unreadable X-RateLimit-Reset header '{}'", reset.get());
            }
        }
        return Optional.empty();
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Equal jitter: between half the ceiling and all of it. */
    private static Duration jittered(Duration ceiling) {
        long nanos = ceiling.toNanos();
        if (nanos <= 1) {
            return ceiling;
        }
        long half = nanos / 2;
        return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(nanos - half + 1));
    }

    private AlpacaCallException failure(AlpacaCallException.Failure failure, String method, String path, int status,
            Long code, String message, boolean outcomeUnknown, Throwable cause) {
        Secret key = config.keyId();
        Secret secret = config.secretKey();
        Throwable safeCause = cause == null ? null : new RedactedCause(cause, key, secret);
        return new AlpacaCallException(failure, method, path, status, code, key.redact(secret.redact(message)),
                outcomeUnknown, safeCause);
    }

    private String base(Api api) {
        return (api == Api.TRADING ? config.tradingUrl() : config.dataUrl()).toString();
    }

    /** Percent-encodes one path segment (a symbol such as {@code BRK.B}, an order id). */
    public static String segment(String raw) {
        return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner joiner = new StringJoiner("&", "?", "");
        for (Map.Entry<String, String> e : query.entrySet()) {
            joiner.add(segment(e.getKey()) + "=" + segment(e.getValue()));
        }
        return joiner.toString();
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static final class Reply {
        final int status;
        final String body;
        final HttpResponse<String> response;

        Reply(int status, String body, HttpResponse<String> response) {
            this.status = status;
            this.body = body;
            this.response = response;
        }
    }

    /** Alpaca's error body: {@code {"code": 40310000, "message": "insufficient buying power", ...}}. */
    private static final class ErrorBody {
        final Long code;
        final String message;

        private ErrorBody(Long code, String message) {
            this.code = code;
            this.message = message;
        }

        static ErrorBody of(String body, int status) {
            if (body != null && !body.isBlank()) {
                try {
                    JsonNode node = Json.MAPPER.readTree(body);
                    if (node != null && node.isObject()) {
                        JsonNode message = node.get("message");
                        JsonNode code = node.get("code");
                        Long c = code != null && code.canConvertToLong() ? code.longValue() : null;
                        if (message != null && message.isTextual() && !message.asText().isBlank()) {
                            return new ErrorBody(c, message.asText().strip());
                        }
                        return new ErrorBody(c, "HTTP " + status);
                    }
                } catch (IOException notJson) {
                    // fall through: report a short excerpt of the text
                }
                String text = body.strip().replaceAll("\\s+", " ");
                return new ErrorBody(null, text.length() > 200 ? text.substring(0, 200) + "..." : text);
            }
            return new ErrorBody(null, "HTTP " + status + " with an empty body");
        }
    }

    /** Keeps a failure's type and message for diagnosis, with credentials masked, and without its own cause chain. */
    private static final class RedactedCause extends IOException {
        RedactedCause(Throwable original, Secret key, Secret secret) {
            super(original.getClass().getName() + (original.getMessage() == null ? ""
                    : ": " + key.redact(secret.redact(original.getMessage()))));
            setStackTrace(original.getStackTrace());
        }
    }
}
