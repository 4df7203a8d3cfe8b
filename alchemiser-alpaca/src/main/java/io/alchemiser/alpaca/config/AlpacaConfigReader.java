package io.alchemiser.alpaca.config;

import io.alchemiser.core.domain.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads an {@link AlpacaConfig} from the environment and a config file's {@code alpaca.*} properties, the environment
 * winning, so keys can stay out of files. For library users; an application with its own configuration builds
 * {@link AlpacaConfig#builder()} directly.
 *
 * <p>Durations are ISO-8601 ({@code PT5S}) or a number with {@code ms}, {@code s}, {@code m} or {@code h}
 * ({@code 250ms}, {@code 5s}). Errors name the key, never quote a credential, and an unknown {@code alpaca.*} key is
 * an error, so a typo surfaces instead of silently taking a default.
 */
public final class AlpacaConfigReader {

    /** Environment variables; the names are Alpaca's own where Alpaca has one. */
    public static final String ENV_KEY_ID = "APCA_API_KEY_ID";
    public static final String ENV_SECRET_KEY = "APCA_API_SECRET_KEY";
    public static final String ENV_TRADING_URL = "APCA_API_BASE_URL";
    public static final String ENV_DATA_URL = "APCA_API_DATA_URL";
    public static final String ENV_MODE = "ALCHEMISER_ALPACA_MODE";

    /** Config-file keys. */
    public static final String KEY_MODE = "alpaca.mode";
    public static final String KEY_KEY_ID = "alpaca.key-id";
    public static final String KEY_SECRET_KEY = "alpaca.secret-key";
    public static final String KEY_TRADING_URL = "alpaca.trading-url";
    public static final String KEY_DATA_URL = "alpaca.data-url";
    public static final String KEY_HISTORY_FEED = "alpaca.history-feed";
    public static final String KEY_QUOTE_FEED = "alpaca.quote-feed";
    public static final String KEY_HISTORY_DELAY = "alpaca.history-delay";
    public static final String KEY_REQUESTS_PER_MINUTE = "alpaca.requests-per-minute";
    public static final String KEY_STREAM = "alpaca.stream";
    public static final String KEY_ORDER_POLL_CYCLE = "alpaca.order.poll-cycle";
    public static final String KEY_CONNECT_TIMEOUT = "alpaca.connect-timeout";
    public static final String KEY_REQUEST_TIMEOUT = "alpaca.request-timeout";
    public static final String KEY_RETRY_MAX_ATTEMPTS = "alpaca.retry.max-attempts";
    public static final String KEY_RETRY_INITIAL_BACKOFF = "alpaca.retry.initial-backoff";
    public static final String KEY_RETRY_MAX_BACKOFF = "alpaca.retry.max-backoff";
    public static final String KEY_RETRY_MAX_RETRY_AFTER = "alpaca.retry.max-retry-after";
    public static final String KEY_CALENDAR_CACHE_TTL = "alpaca.calendar.cache-ttl";

    static final Set<String> KNOWN_KEYS = Set.of(KEY_MODE, KEY_KEY_ID, KEY_SECRET_KEY, KEY_TRADING_URL,
            KEY_DATA_URL, KEY_HISTORY_FEED, KEY_QUOTE_FEED, KEY_HISTORY_DELAY, KEY_REQUESTS_PER_MINUTE, KEY_STREAM,
            KEY_ORDER_POLL_CYCLE, KEY_CONNECT_TIMEOUT, KEY_REQUEST_TIMEOUT, KEY_RETRY_MAX_ATTEMPTS,
            KEY_RETRY_INITIAL_BACKOFF, KEY_RETRY_MAX_BACKOFF, KEY_RETRY_MAX_RETRY_AFTER, KEY_CALENDAR_CACHE_TTL);

    /** Keys an earlier version read, with what replaced them. */
    private static final Map<String, String> REPLACED = Map.of(
            "alpaca.feed", KEY_HISTORY_FEED + " (bars, default sip) and " + KEY_QUOTE_FEED + " (quotes, default iex)",
            "alpaca.order.poll-initial", KEY_ORDER_POLL_CYCLE + " (one batched poll per cycle, default 2s)",
            "alpaca.order.poll-max", KEY_ORDER_POLL_CYCLE + " (one batched poll per cycle, default 2s)");

    private AlpacaConfigReader() {
    }

    /** Reads the configuration from the process environment only ({@link #fromEnvironment(Map)}). */
    public static AlpacaConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * Reads credentials, mode and base URLs from environment variables: {@value #ENV_KEY_ID},
     * {@value #ENV_SECRET_KEY}, optional {@value #ENV_MODE} ({@code paper}|{@code live}, default paper),
     * {@value #ENV_TRADING_URL} and {@value #ENV_DATA_URL}. Everything else takes its default.
     */
    public static AlpacaConfig fromEnvironment(Map<String, String> env) {
        return fromProperties(new Properties(), env);
    }

    /**
     * Reads a config file's {@code alpaca.*} properties, then lets the environment override them: a variable that
     * is set wins over the file.
     *
     * @throws IllegalArgumentException naming the key, for an unknown or replaced {@code alpaca.*} key, a value that
     *     does not parse or is out of range, or missing credentials; never quoting a credential
     */
    public static AlpacaConfig fromProperties(Properties file, Map<String, String> env) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(env, "env");
        checkKeys(file);
        AlpacaConfig.Builder b = AlpacaConfig.builder();
        String mode = pick(env, ENV_MODE, file, KEY_MODE);
        if (mode != null) {
            b.mode(mode(mode, mode.equals(env.get(ENV_MODE)) ? ENV_MODE : KEY_MODE));
        }
        Optional.ofNullable(pick(env, ENV_KEY_ID, file, KEY_KEY_ID)).map(Secret::of).ifPresent(b::keyId);
        Optional.ofNullable(pick(env, ENV_SECRET_KEY, file, KEY_SECRET_KEY)).map(Secret::of).ifPresent(b::secretKey);
        Optional.ofNullable(pick(env, ENV_TRADING_URL, file, KEY_TRADING_URL)).map(u -> uri(u, KEY_TRADING_URL))
                .ifPresent(b::tradingUrl);
        Optional.ofNullable(pick(env, ENV_DATA_URL, file, KEY_DATA_URL)).map(u -> uri(u, KEY_DATA_URL))
                .ifPresent(b::dataUrl);
        property(file, KEY_HISTORY_FEED).map(v -> feed(v, KEY_HISTORY_FEED)).ifPresent(b::historyFeed);
        property(file, KEY_QUOTE_FEED).map(v -> feed(v, KEY_QUOTE_FEED)).ifPresent(b::quoteFeed);
        property(file, KEY_REQUESTS_PER_MINUTE).map(v -> whole(v, KEY_REQUESTS_PER_MINUTE))
                .ifPresent(b::requestsPerMinute);
        property(file, KEY_STREAM).map(v -> onOff(v, KEY_STREAM)).ifPresent(b::stream);
        duration(file, KEY_HISTORY_DELAY, b::historyDelay);
        duration(file, KEY_ORDER_POLL_CYCLE, b::orderPollCycle);
        duration(file, KEY_CONNECT_TIMEOUT, b::connectTimeout);
        duration(file, KEY_REQUEST_TIMEOUT, b::requestTimeout);
        duration(file, KEY_CALENDAR_CACHE_TTL, b::calendarCacheTtl);
        RetryPolicy d = RetryPolicy.defaults();
        try {
            b.retryPolicy(new RetryPolicy(
                    property(file, KEY_RETRY_MAX_ATTEMPTS).map(v -> whole(v, KEY_RETRY_MAX_ATTEMPTS))
                            .orElse(d.maxAttempts()),
                    property(file, KEY_RETRY_INITIAL_BACKOFF).map(v -> parseDuration(v, KEY_RETRY_INITIAL_BACKOFF))
                            .orElse(d.initialBackoff()),
                    property(file, KEY_RETRY_MAX_BACKOFF).map(v -> parseDuration(v, KEY_RETRY_MAX_BACKOFF))
                            .orElse(d.maxBackoff()),
                    property(file, KEY_RETRY_MAX_RETRY_AFTER).map(v -> parseDuration(v, KEY_RETRY_MAX_RETRY_AFTER))
                            .orElse(d.maxRetryAfter())));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("alpaca.retry: " + e.getMessage(), e);
        }
        return b.build();
    }

    private static void checkKeys(Properties file) {
        Set<String> unknown = new TreeSet<>();
        for (String name : file.stringPropertyNames()) {
            if (REPLACED.containsKey(name)) {
                throw new IllegalArgumentException(name + " is no longer read; it was replaced by "
                        + REPLACED.get(name));
            }
            if (name.startsWith("alpaca.") && !KNOWN_KEYS.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown Alpaca config keys " + unknown + "; known keys are "
                    + new TreeSet<>(KNOWN_KEYS));
        }
    }

    private static String pick(Map<String, String> env, String envName, Properties file, String key) {
        String fromEnv = env.get(envName);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        String fromFile = file.getProperty(key);
        return fromFile == null || fromFile.isBlank() ? null : fromFile;
    }

    private static Optional<String> property(Properties file, String key) {
        return Optional.ofNullable(file.getProperty(key));
    }

    private static void duration(Properties file, String key, Consumer<Duration> set) {
        property(file, key).map(v -> parseDuration(v, key)).ifPresent(set);
    }

    /** {@code paper} or {@code live}, any case. */
    static AlpacaConfig.Mode mode(String text, String source) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "paper":
                return AlpacaConfig.Mode.PAPER;
            case "live":
                return AlpacaConfig.Mode.LIVE;
            default:
                throw new IllegalArgumentException(source + " must be 'paper' or 'live', got '" + text + "'");
        }
    }

    /** {@code iex} or {@code sip}, any case. */
    static AlpacaConfig.Feed feed(String text, String source) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "iex":
                return AlpacaConfig.Feed.IEX;
            case "sip":
                return AlpacaConfig.Feed.SIP;
            default:
                throw new IllegalArgumentException(source + " must be 'iex' or 'sip', got '" + text + "'");
        }
    }

    private static boolean onOff(String text, String source) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "on":
            case "true":
                return true;
            case "off":
            case "false":
                return false;
            default:
                throw new IllegalArgumentException(source + " must be 'on' or 'off', got '" + text + "'");
        }
    }

    private static int whole(String text, String source) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " must be a whole number, got '" + text + "'");
        }
    }

    private static URI uri(String text, String source) {
        try {
            return URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is not a URL: '" + text + "'");
        }
    }

    /** Parses {@code PT5S}, {@code 250ms}, {@code 5s}, {@code 2m} or {@code 1h}. */
    static Duration parseDuration(String text, String source) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).strip()));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1).strip());
            switch (t.charAt(t.length() - 1)) {
                case 's':
                    return Duration.ofSeconds(n);
                case 'm':
                    return Duration.ofMinutes(n);
                case 'h':
                    return Duration.ofHours(n);
                default:
                    break;
            }
        } catch (RuntimeException e) {
            // fall through to the uniform message
        }
        throw new IllegalArgumentException(source + " must be a duration such as 250ms, 5s, 2m or PT5S, got '" + text
                + "'");
    }
}
