package io.alchemiser.alpaca.config;

import io.alchemiser.core.domain.Secret;
import io.alchemiser.core.port.Sleeper;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * Everything the Alpaca adapters need: credentials, paper or live, base URLs, data feed, timeouts, retry and polling
 * policy, and the clock and sleeper they wait with. Immutable; build one with {@link #builder()}, or read one from the
 * environment and a config file with {@link #fromEnvironment()} / {@link #fromProperties(Properties, Map)}.
 *
 * <p><b>Safety.</b> Paper is the default; live trading must be asked for by name. A paper config refuses Alpaca's live
 * trading host and a live config refuses the paper host, so a stray URL override cannot flip the account. Plain
 * {@code http} is accepted only for loopback hosts (tests, local proxies): keys are never sent in clear over a
 * network. {@link #toString()} masks both credentials.
 */
public final class AlpacaConfig {

    /** Alpaca's paper-trading API. */
    public static final URI PAPER_TRADING_URL = URI.create("https://paper-api.alpaca.markets");
    /** Alpaca's live-trading API: real money. */
    public static final URI LIVE_TRADING_URL = URI.create("https://api.alpaca.markets");
    /** Alpaca's market data API (the same for paper and live). */
    public static final URI DATA_URL = URI.create("https://data.alpaca.markets");

    /** Environment variables read by {@link #fromEnvironment()}; the names are Alpaca's own where Alpaca has one. */
    public static final String ENV_KEY_ID = "APCA_API_KEY_ID";
    public static final String ENV_SECRET_KEY = "APCA_API_SECRET_KEY";
    public static final String ENV_TRADING_URL = "APCA_API_BASE_URL";
    public static final String ENV_DATA_URL = "APCA_API_DATA_URL";
    public static final String ENV_MODE = "ALCHEMISER_ALPACA_MODE";

    /** Config-file keys read by {@link #fromProperties(Properties, Map)}. */
    public static final String KEY_MODE = "alpaca.mode";
    public static final String KEY_KEY_ID = "alpaca.key-id";
    public static final String KEY_SECRET_KEY = "alpaca.secret-key";
    public static final String KEY_TRADING_URL = "alpaca.trading-url";
    public static final String KEY_DATA_URL = "alpaca.data-url";
    public static final String KEY_FEED = "alpaca.feed";
    public static final String KEY_CONNECT_TIMEOUT = "alpaca.connect-timeout";
    public static final String KEY_REQUEST_TIMEOUT = "alpaca.request-timeout";
    public static final String KEY_RETRY_MAX_ATTEMPTS = "alpaca.retry.max-attempts";
    public static final String KEY_RETRY_INITIAL_BACKOFF = "alpaca.retry.initial-backoff";
    public static final String KEY_RETRY_MAX_BACKOFF = "alpaca.retry.max-backoff";
    public static final String KEY_RETRY_MAX_RETRY_AFTER = "alpaca.retry.max-retry-after";
    public static final String KEY_ORDER_POLL_INITIAL = "alpaca.order.poll-initial";
    public static final String KEY_ORDER_POLL_MAX = "alpaca.order.poll-max";
    public static final String KEY_CALENDAR_CACHE_TTL = "alpaca.calendar.cache-ttl";

    static final Set<String> KNOWN_KEYS = Set.of(KEY_MODE, KEY_KEY_ID, KEY_SECRET_KEY, KEY_TRADING_URL,
            KEY_DATA_URL, KEY_FEED, KEY_CONNECT_TIMEOUT, KEY_REQUEST_TIMEOUT, KEY_RETRY_MAX_ATTEMPTS,
            KEY_RETRY_INITIAL_BACKOFF, KEY_RETRY_MAX_BACKOFF, KEY_RETRY_MAX_RETRY_AFTER, KEY_ORDER_POLL_INITIAL,
            KEY_ORDER_POLL_MAX, KEY_CALENDAR_CACHE_TTL);

    /** Paper (simulated fills, fake money) or live (real money). */
    public enum Mode {
        PAPER, LIVE;

        static Mode parse(String text, String source) {
            switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "paper":
                    return PAPER;
                case "live":
                    return LIVE;
                default:
                    throw new IllegalArgumentException(source + " must be 'paper' or 'live', got '" + text + "'");
            }
        }
    }

    /** Alpaca's stock data feed: IEX (free plan) or SIP (all exchanges, paid subscription). */
    public enum Feed {
        IEX, SIP;

        /** The value of the {@code feed} query parameter. */
        public String queryValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Feed parse(String text, String source) {
            switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "iex":
                    return IEX;
                case "sip":
                    return SIP;
                default:
                    throw new IllegalArgumentException(source + " must be 'iex' or 'sip', got '" + text + "'");
            }
        }
    }

    private final Secret keyId;
    private final Secret secretKey;
    private final Mode mode;
    private final URI tradingUrl;
    private final URI dataUrl;
    private final Feed feed;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final Duration orderPollInitial;
    private final Duration orderPollMax;
    private final Duration calendarCacheTtl;
    private final Clock clock;
    private final Sleeper sleeper;

    private AlpacaConfig(Builder b) {
        if (b.keyId == null || b.secretKey == null) {
            throw new IllegalArgumentException("Alpaca credentials missing: set " + ENV_KEY_ID + " and " + ENV_SECRET_KEY
                    + " (or " + KEY_KEY_ID + " and " + KEY_SECRET_KEY + " in the config file)");
        }
        this.keyId = b.keyId;
        this.secretKey = b.secretKey;
        this.mode = b.mode;
        this.tradingUrl = checkUrl(b.tradingUrl != null ? b.tradingUrl
                : (b.mode == Mode.LIVE ? LIVE_TRADING_URL : PAPER_TRADING_URL), "trading URL");
        this.dataUrl = checkUrl(b.dataUrl != null ? b.dataUrl : DATA_URL, "data URL");
        this.feed = b.feed;
        this.connectTimeout = positive(b.connectTimeout, "connect timeout");
        this.requestTimeout = positive(b.requestTimeout, "request timeout");
        this.retryPolicy = Objects.requireNonNull(b.retryPolicy, "retryPolicy");
        this.orderPollInitial = positive(b.orderPollInitial, "order poll interval");
        this.orderPollMax = positive(b.orderPollMax, "order poll maximum");
        if (orderPollMax.compareTo(orderPollInitial) < 0) {
            throw new IllegalArgumentException("order poll maximum " + orderPollMax + " is below the initial interval "
                    + orderPollInitial);
        }
        this.calendarCacheTtl = positive(b.calendarCacheTtl, "calendar cache TTL");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.sleeper = Objects.requireNonNull(b.sleeper, "sleeper");
        String host = tradingUrl.getHost().toLowerCase(Locale.ROOT);
        if (mode == Mode.PAPER && host.equals(LIVE_TRADING_URL.getHost())) {
            throw new IllegalArgumentException("paper mode, but the trading URL " + tradingUrl
                    + " is Alpaca's live host; set mode to live to trade real money");
        }
        if (mode == Mode.LIVE && host.equals(PAPER_TRADING_URL.getHost())) {
            throw new IllegalArgumentException("live mode, but the trading URL " + tradingUrl + " is Alpaca's paper host");
        }
    }

    public static Builder builder() {
        return new Builder();
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
     * is set wins over the file, so keys can stay out of files. Durations are ISO-8601 ({@code PT5S}) or a number with
     * {@code ms}, {@code s}, {@code m} or {@code h} ({@code 250ms}, {@code 5s}).
     *
     * @throws IllegalArgumentException naming the key, for an unknown {@code alpaca.*} key (a typo), a value that does
     *     not parse, or missing credentials; never quoting a credential
     */
    public static AlpacaConfig fromProperties(Properties file, Map<String, String> env) {
        return AlpacaConfigReader.read(file, env);
    }

    public Secret keyId() {
        return keyId;
    }

    public Secret secretKey() {
        return secretKey;
    }

    public Mode mode() {
        return mode;
    }

    public URI tradingUrl() {
        return tradingUrl;
    }

    public URI dataUrl() {
        return dataUrl;
    }

    public Feed feed() {
        return feed;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public Duration orderPollInitial() {
        return orderPollInitial;
    }

    public Duration orderPollMax() {
        return orderPollMax;
    }

    public Duration calendarCacheTtl() {
        return calendarCacheTtl;
    }

    public Clock clock() {
        return clock;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    /** Masks the credentials; everything else as configured. */
    @Override
    public String toString() {
        return "AlpacaConfig[mode=" + mode + ", keyId=" + keyId + ", secretKey=" + secretKey + ", tradingUrl="
                + tradingUrl + ", dataUrl=" + dataUrl + ", feed=" + feed.queryValue() + ", connectTimeout="
                + connectTimeout + ", requestTimeout=" + requestTimeout + ", retry=" + retryPolicy
                + ", orderPoll=" + orderPollInitial + ".." + orderPollMax + ", calendarCacheTtl=" + calendarCacheTtl
                + "]";
    }

    /** Builds an {@link AlpacaConfig}; every setting but the two credentials has a default. */
    public static final class Builder {
        private Secret keyId;
        private Secret secretKey;
        private Mode mode = Mode.PAPER;
        private URI tradingUrl;
        private URI dataUrl;
        private Feed feed = Feed.IEX;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(15);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Duration orderPollInitial = Duration.ofMillis(200);
        private Duration orderPollMax = Duration.ofSeconds(2);
        private Duration calendarCacheTtl = Duration.ofHours(6);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();

        private Builder() {
        }

        public Builder keyId(Secret keyId) {
            this.keyId = Objects.requireNonNull(keyId, "keyId");
            return this;
        }

        public Builder secretKey(Secret secretKey) {
            this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
            return this;
        }

        /** Default {@link Mode#PAPER}. */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Overrides the trading API base URL (default: the paper or live host, by mode). */
        public Builder tradingUrl(URI url) {
            this.tradingUrl = Objects.requireNonNull(url, "tradingUrl");
            return this;
        }

        /** Overrides the market data base URL (default {@link #DATA_URL}). */
        public Builder dataUrl(URI url) {
            this.dataUrl = Objects.requireNonNull(url, "dataUrl");
            return this;
        }

        /** Default {@link Feed#IEX}, which every Alpaca plan may read. */
        public Builder feed(Feed feed) {
            this.feed = Objects.requireNonNull(feed, "feed");
            return this;
        }

        /** Default 5 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "connectTimeout");
            return this;
        }

        /** Time allowed from sending a request to receiving the response headers; default 15 s. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "requestTimeout");
            return this;
        }

        /** Default {@link RetryPolicy#defaults()}. */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /** How {@code awaitTerminal} polls an order: starting interval (default 200 ms) growing to at most max (2 s). */
        public Builder orderPolling(Duration initial, Duration max) {
            this.orderPollInitial = Objects.requireNonNull(initial, "initial");
            this.orderPollMax = Objects.requireNonNull(max, "max");
            return this;
        }

        Builder orderPollInitial(Duration initial) {
            this.orderPollInitial = initial;
            return this;
        }

        Builder orderPollMax(Duration max) {
            this.orderPollMax = max;
            return this;
        }

        /** How long a fetched year of the market calendar is trusted before it is fetched again; default 6 h. */
        public Builder calendarCacheTtl(Duration ttl) {
            this.calendarCacheTtl = Objects.requireNonNull(ttl, "calendarCacheTtl");
            return this;
        }

        /** The clock deadlines and cache ages are measured on; default UTC system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How the adapters wait between attempts and polls; default {@link Sleeper#system()}. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** @throws IllegalArgumentException for missing credentials or an unsafe or invalid setting */
        public AlpacaConfig build() {
            return new AlpacaConfig(this);
        }
    }

    private static Duration positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
        return d;
    }

    private static URI checkUrl(URI url, String what) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("the Alpaca " + what + " must be an absolute http(s) URL, got " + url);
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("the Alpaca " + what + " must not carry a query or fragment: " + url);
        }
        if (scheme.equals("http") && !isLoopback(url.getHost())) {
            throw new IllegalArgumentException("the Alpaca " + what + " " + url
                    + " is plain http to a non-loopback host; keys would cross the network in clear, use https");
        }
        return url;
    }

    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a name: resolving it here would do network I/O in a constructor
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
