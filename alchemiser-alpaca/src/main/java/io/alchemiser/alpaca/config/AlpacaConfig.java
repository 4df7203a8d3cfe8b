package io.alchemiser.alpaca.config;

import io.alchemiser.core.domain.Secret;
import io.alchemiser.core.port.Sleeper;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything the Alpaca adapters need: credentials, paper or live, base URLs, the two data feeds, the request budget,
 * timeouts, retry and order-tracking policy, and the clock and sleeper they wait with. An immutable, validated value:
 * build one with {@link #builder()}; {@link AlpacaConfigReader} reads one from a properties file and the environment.
 *
 * <p><b>Safety.</b> Paper is the default; live trading must be asked for by name. A paper config refuses Alpaca's live
 * trading host and a live config refuses the paper host, so a stray URL override cannot flip the account. Plain
 * {@code http} is accepted only for loopback hosts (tests, local proxies): keys are never sent in clear over a
 * network. {@link #toString()} masks both credentials.
 *
 * <p><b>Base URLs</b> are given without the API version: {@code https://paper-api.alpaca.markets}. A URL ending in
 * {@code /v2} or {@code /v2/} (as Alpaca's dashboard shows it) is accepted and the version dropped; any other version
 * segment ({@code /v1}, {@code /v1beta3}) is refused, since the adapters speak v2.
 *
 * <p><b>Ranges.</b> Every number is checked when the config is built; the message names the setting and its range.
 */
public final class AlpacaConfig {

    /** Alpaca's paper-trading API. */
    public static final URI PAPER_TRADING_URL = URI.create("https://paper-api.alpaca.markets");
    /** Alpaca's live-trading API: real money. */
    public static final URI LIVE_TRADING_URL = URI.create("https://api.alpaca.markets");
    /** Alpaca's market data API (the same for paper and live). */
    public static final URI DATA_URL = URI.create("https://data.alpaca.markets");

    /** Default client-side budget: under Alpaca's 200 requests a minute per key, with room for a stray call. */
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 190;
    /** Highest budget accepted (Alpaca's largest plan allows 10,000 a minute). */
    public static final int MAX_REQUESTS_PER_MINUTE = 10_000;
    /** Default history delay: Alpaca's free plan serves SIP bars only up to 15 minutes before now. */
    public static final Duration DEFAULT_HISTORY_DELAY = Duration.ofMinutes(15);

    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration MIN_POLL_CYCLE = Duration.ofMillis(10);
    private static final Duration MAX_POLL_CYCLE = Duration.ofMinutes(5);
    private static final Duration MAX_HISTORY_DELAY = Duration.ofDays(1);
    private static final Duration MAX_CACHE_TTL = Duration.ofDays(30);
    private static final Pattern API_VERSION = Pattern.compile("v\\d+(?:(?:alpha|beta)\\d*)?", Pattern.CASE_INSENSITIVE);

    /** Paper (simulated fills, fake money) or live (real money). */
    public enum Mode {
        PAPER, LIVE
    }

    /** One of Alpaca's stock data feeds: IEX (one exchange; every plan) or SIP (all exchanges, consolidated). */
    public enum Feed {
        IEX, SIP;

        /** The value of the {@code feed} query parameter. */
        public String queryValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Secret keyId;
    private final Secret secretKey;
    private final Mode mode;
    private final URI tradingUrl;
    private final URI dataUrl;
    private final Feed historyFeed;
    private final Feed quoteFeed;
    private final Duration historyDelay;
    private final int requestsPerMinute;
    private final boolean streamEnabled;
    private final Duration orderPollCycle;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final Duration calendarCacheTtl;
    private final Clock clock;
    private final Sleeper sleeper;

    private AlpacaConfig(Builder b) {
        if (b.keyId == null || b.secretKey == null) {
            throw new IllegalArgumentException("Alpaca credentials missing: a key id and a secret key are both needed"
                    + " (the environment variables " + AlpacaConfigReader.ENV_KEY_ID + " and "
                    + AlpacaConfigReader.ENV_SECRET_KEY + ")");
        }
        this.keyId = b.keyId;
        this.secretKey = b.secretKey;
        this.mode = b.mode;
        this.tradingUrl = baseUrl(b.tradingUrl != null ? b.tradingUrl
                : (b.mode == Mode.LIVE ? LIVE_TRADING_URL : PAPER_TRADING_URL), "trading URL");
        this.dataUrl = baseUrl(b.dataUrl != null ? b.dataUrl : DATA_URL, "data URL");
        this.historyFeed = b.historyFeed;
        this.quoteFeed = b.quoteFeed;
        this.historyDelay = within(b.historyDelay, Duration.ZERO, MAX_HISTORY_DELAY, "history delay");
        if (b.requestsPerMinute < 1 || b.requestsPerMinute > MAX_REQUESTS_PER_MINUTE) {
            throw new IllegalArgumentException("requests per minute must be 1.." + MAX_REQUESTS_PER_MINUTE + ", got "
                    + b.requestsPerMinute);
        }
        this.requestsPerMinute = b.requestsPerMinute;
        this.streamEnabled = b.streamEnabled;
        this.orderPollCycle = within(b.orderPollCycle, MIN_POLL_CYCLE, MAX_POLL_CYCLE, "order poll cycle");
        this.connectTimeout = within(b.connectTimeout, Duration.ofMillis(1), MAX_TIMEOUT, "connect timeout");
        this.requestTimeout = within(b.requestTimeout, Duration.ofMillis(1), MAX_TIMEOUT, "request timeout");
        this.retryPolicy = b.retryPolicy;
        this.calendarCacheTtl = within(b.calendarCacheTtl, Duration.ofSeconds(1), MAX_CACHE_TTL, "calendar cache TTL");
        this.clock = b.clock;
        this.sleeper = b.sleeper;
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

    public Secret keyId() {
        return keyId;
    }

    public Secret secretKey() {
        return secretKey;
    }

    public Mode mode() {
        return mode;
    }

    /** The trading API base URL, without a version segment or trailing slash. */
    public URI tradingUrl() {
        return tradingUrl;
    }

    /** The market data API base URL, without a version segment or trailing slash. */
    public URI dataUrl() {
        return dataUrl;
    }

    /** The {@code trade_updates} stream: the trading host's {@code /stream}, over {@code wss} (or {@code ws}). */
    public URI streamUrl() {
        String scheme = tradingUrl.getScheme().equalsIgnoreCase("https") ? "wss" : "ws";
        return URI.create(scheme + tradingUrl.toString().substring(tradingUrl.getScheme().length()) + "/stream");
    }

    /** The feed daily bars come from; default {@link Feed#SIP}, the consolidated prices backtests use. */
    public Feed historyFeed() {
        return historyFeed;
    }

    /** The feed latest quotes and trades come from; default {@link Feed#IEX}, which every plan may read live. */
    public Feed quoteFeed() {
        return quoteFeed;
    }

    /**
     * How far behind "now" a bars request must end when the history feed is SIP: default 15 minutes (Alpaca's free
     * plan refuses more recent SIP data); zero on a paid plan.
     */
    public Duration historyDelay() {
        return historyDelay;
    }

    /** The client-side budget of requests a minute, shared by every call made with this key id. */
    public int requestsPerMinute() {
        return requestsPerMinute;
    }

    /** Whether order states come from the {@code trade_updates} stream (with polling as the fallback). */
    public boolean streamEnabled() {
        return streamEnabled;
    }

    /** How often one batched order poll runs while orders are awaited and the stream is not delivering. */
    public Duration orderPollCycle() {
        return orderPollCycle;
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
                + tradingUrl + ", dataUrl=" + dataUrl + ", historyFeed=" + historyFeed.queryValue() + ", quoteFeed="
                + quoteFeed.queryValue() + ", historyDelay=" + historyDelay + ", requestsPerMinute="
                + requestsPerMinute + ", stream=" + (streamEnabled ? "on" : "off") + ", orderPollCycle="
                + orderPollCycle + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", retry=" + retryPolicy + ", calendarCacheTtl=" + calendarCacheTtl + "]";
    }

    /** Builds an {@link AlpacaConfig}; every setting but the two credentials has a default. */
    public static final class Builder {
        private Secret keyId;
        private Secret secretKey;
        private Mode mode = Mode.PAPER;
        private URI tradingUrl;
        private URI dataUrl;
        private Feed historyFeed = Feed.SIP;
        private Feed quoteFeed = Feed.IEX;
        private Duration historyDelay = DEFAULT_HISTORY_DELAY;
        private int requestsPerMinute = DEFAULT_REQUESTS_PER_MINUTE;
        private boolean streamEnabled = true;
        private Duration orderPollCycle = Duration.ofSeconds(2);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(15);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
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

        /** The feed of daily bars; default {@link Feed#SIP}. */
        public Builder historyFeed(Feed feed) {
            this.historyFeed = Objects.requireNonNull(feed, "historyFeed");
            return this;
        }

        /** The feed of latest quotes and trades; default {@link Feed#IEX}. */
        public Builder quoteFeed(Feed feed) {
            this.quoteFeed = Objects.requireNonNull(feed, "quoteFeed");
            return this;
        }

        /** How far before now a SIP bars request ends; 0 to 1 day, default 15 minutes, zero on a paid plan. */
        public Builder historyDelay(Duration delay) {
            this.historyDelay = Objects.requireNonNull(delay, "historyDelay");
            return this;
        }

        /** Client-side requests a minute for this key id, 1 to {@value #MAX_REQUESTS_PER_MINUTE}; default 190. */
        public Builder requestsPerMinute(int requests) {
            this.requestsPerMinute = requests;
            return this;
        }

        /** Whether to follow the {@code trade_updates} stream; default on. Off means polling alone. */
        public Builder stream(boolean enabled) {
            this.streamEnabled = enabled;
            return this;
        }

        /** The batched order poll's cycle, 10 ms to 5 minutes; default 2 s. */
        public Builder orderPollCycle(Duration cycle) {
            this.orderPollCycle = Objects.requireNonNull(cycle, "orderPollCycle");
            return this;
        }

        /** 1 ms to 10 minutes; default 5 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "connectTimeout");
            return this;
        }

        /** Time allowed from sending a request to receiving the response headers, 1 ms to 10 minutes; default 15 s. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "requestTimeout");
            return this;
        }

        /** Default {@link RetryPolicy#defaults()}. */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /** How long a fetched year of the market calendar is trusted, 1 s to 30 days; default 6 h. */
        public Builder calendarCacheTtl(Duration ttl) {
            this.calendarCacheTtl = Objects.requireNonNull(ttl, "calendarCacheTtl");
            return this;
        }

        /** The clock deadlines, cache ages and the history delay are measured on; default UTC system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How the adapters wait between attempts and polls; default {@link Sleeper#system()}. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** @throws IllegalArgumentException for missing credentials or an unsafe, invalid or out-of-range setting */
        public AlpacaConfig build() {
            return new AlpacaConfig(this);
        }
    }

    private static Duration within(Duration d, Duration min, Duration max, String what) {
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(what + " must be " + min + " to " + max + ", got " + d);
        }
        return d;
    }

    /**
     * Checks a base URL and returns it without a trailing slash or a {@code /v2} segment.
     *
     * @throws IllegalArgumentException for a relative or non-http(s) URL, a query or fragment, an API version other
     *     than v2, or plain http to a host that is not loopback
     */
    static URI baseUrl(URI url, String what) {
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
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (last.equalsIgnoreCase("v2")) {
            path = path.substring(0, path.length() - last.length() - 1);
        } else if (API_VERSION.matcher(last).matches()) {
            throw new IllegalArgumentException("the Alpaca " + what + " " + url + " names API version '" + last
                    + "'; these adapters speak v2: give the base URL without a version, e.g. " + url.getScheme()
                    + "://" + url.getRawAuthority());
        }
        return URI.create(url.getScheme() + "://" + url.getRawAuthority() + path);
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
