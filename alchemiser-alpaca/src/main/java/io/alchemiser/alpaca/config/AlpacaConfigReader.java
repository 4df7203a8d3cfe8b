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

/**
 * Reads an {@link AlpacaConfig} from a config file's {@code alpaca.*} properties and the environment, the
 * environment winning. Kept apart from {@link AlpacaConfig} so the value type stays a value type.
 */
final class AlpacaConfigReader {

    private AlpacaConfigReader() {
    }

    static AlpacaConfig read(Properties file, Map<String, String> env) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(env, "env");
        Set<String> unknown = new TreeSet<>();
        for (String name : file.stringPropertyNames()) {
            if (name.startsWith("alpaca.") && !AlpacaConfig.KNOWN_KEYS.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown Alpaca config keys " + unknown + "; known keys are "
                    + new TreeSet<>(AlpacaConfig.KNOWN_KEYS));
        }
        AlpacaConfig.Builder b = AlpacaConfig.builder();
        String mode = pick(env, AlpacaConfig.ENV_MODE, file, AlpacaConfig.KEY_MODE);
        if (mode != null) {
            String source = mode.equals(env.get(AlpacaConfig.ENV_MODE)) ? AlpacaConfig.ENV_MODE : AlpacaConfig.KEY_MODE;
            b.mode(AlpacaConfig.Mode.parse(mode, source));
        }
        String keyId = pick(env, AlpacaConfig.ENV_KEY_ID, file, AlpacaConfig.KEY_KEY_ID);
        String secret = pick(env, AlpacaConfig.ENV_SECRET_KEY, file, AlpacaConfig.KEY_SECRET_KEY);
        if (keyId != null) {
            b.keyId(Secret.of(keyId));
        }
        if (secret != null) {
            b.secretKey(Secret.of(secret));
        }
        String tradingUrl = pick(env, AlpacaConfig.ENV_TRADING_URL, file, AlpacaConfig.KEY_TRADING_URL);
        if (tradingUrl != null) {
            b.tradingUrl(uri(tradingUrl, AlpacaConfig.KEY_TRADING_URL));
        }
        String dataUrl = pick(env, AlpacaConfig.ENV_DATA_URL, file, AlpacaConfig.KEY_DATA_URL);
        if (dataUrl != null) {
            b.dataUrl(uri(dataUrl, AlpacaConfig.KEY_DATA_URL));
        }
        String feed = file.getProperty(AlpacaConfig.KEY_FEED);
        if (feed != null) {
            b.feed(AlpacaConfig.Feed.parse(feed, AlpacaConfig.KEY_FEED));
        }
        durationProperty(file, AlpacaConfig.KEY_CONNECT_TIMEOUT).ifPresent(b::connectTimeout);
        durationProperty(file, AlpacaConfig.KEY_REQUEST_TIMEOUT).ifPresent(b::requestTimeout);
        durationProperty(file, AlpacaConfig.KEY_ORDER_POLL_INITIAL).ifPresent(b::orderPollInitial);
        durationProperty(file, AlpacaConfig.KEY_ORDER_POLL_MAX).ifPresent(b::orderPollMax);
        durationProperty(file, AlpacaConfig.KEY_CALENDAR_CACHE_TTL).ifPresent(b::calendarCacheTtl);
        RetryPolicy d = RetryPolicy.defaults();
        String attempts = file.getProperty(AlpacaConfig.KEY_RETRY_MAX_ATTEMPTS);
        int maxAttempts = d.maxAttempts();
        if (attempts != null) {
            try {
                maxAttempts = Integer.parseInt(attempts.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(AlpacaConfig.KEY_RETRY_MAX_ATTEMPTS + " must be a whole number, got '"
                        + attempts + "'");
            }
        }
        b.retryPolicy(new RetryPolicy(maxAttempts,
                durationProperty(file, AlpacaConfig.KEY_RETRY_INITIAL_BACKOFF).orElse(d.initialBackoff()),
                durationProperty(file, AlpacaConfig.KEY_RETRY_MAX_BACKOFF).orElse(d.maxBackoff()),
                durationProperty(file, AlpacaConfig.KEY_RETRY_MAX_RETRY_AFTER).orElse(d.maxRetryAfter())));
        return b.build();
    }

    private static String pick(Map<String, String> env, String envName, Properties file, String key) {
        String fromEnv = env.get(envName);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        String fromFile = file.getProperty(key);
        return fromFile == null || fromFile.isBlank() ? null : fromFile;
    }

    private static URI uri(String text, String source) {
        try {
            return URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is not a URL: '" + text + "'");
        }
    }

    private static Optional<Duration> durationProperty(Properties file, String key) {
        String text = file.getProperty(key);
        return text == null ? Optional.empty() : Optional.of(parseDuration(text, key));
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
