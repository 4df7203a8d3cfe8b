package io.alchemiser.examples.app;

import io.alchemiser.alpaca.config.AlpacaConfig;
import io.alchemiser.core.application.execution.ExecutionSettings;
import io.alchemiser.core.application.portfolio.RebalanceAnchor;
import io.alchemiser.core.application.portfolio.RebalanceSettings;
import io.alchemiser.core.application.run.RunSettings;
import io.alchemiser.core.domain.Secret;
import io.alchemiser.examples.config.AppConfig;
import io.alchemiser.examples.config.ConfigException;
import io.alchemiser.examples.notify.SmtpSettings;
import io.alchemiser.s3.S3Settings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the configuration means for the libraries: each section translated into the settings value its service or
 * adapter takes ({@link RunSettings}, {@link AlpacaConfig}, {@link S3Settings}, {@link SmtpSettings}, the
 * notifier's channels), with the environment where the configuration defers to it (Alpaca's keys). No I/O and no
 * ports: {@link Wiring} builds those from these values. A value that the libraries refuse is a
 * {@link ConfigException} at the key it came from; a secret is only ever handed over as a {@link Secret}.
 */
final class AppSettings {
    /** Alpaca's own variable names for the key id and secret key; they win over the file. */
    public static final String ENV_KEY_ID = "APCA_API_KEY_ID";
    public static final String ENV_SECRET_KEY = "APCA_API_SECRET_KEY";
    /** Base URL overrides; they win over the file. */
    public static final String ENV_TRADING_URL = "APCA_API_BASE_URL";
    public static final String ENV_DATA_URL = "APCA_API_DATA_URL";
    /** If set, must agree with {@code broker.type}: the configuration alone decides paper or live. */
    public static final String ENV_MODE = "ALCHEMISER_ALPACA_MODE";
    /** Strategies evaluated at once by a daily run. */
    static final int EVALUATION_THREADS = 4;

    private final AppConfig config;
    private final Map<String, String> env;

    private AppSettings(AppConfig config, Map<String, String> env) {
        this.config = Objects.requireNonNull(config, "config");
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    }

    /** The settings of {@code config}, with {@code env} for what the configuration leaves to the environment. */
    public static AppSettings of(AppConfig config, Map<String, String> env) {
        return new AppSettings(config, env);
    }

    public AppConfig config() {
        return config;
    }

    /** How a daily run plans and works its orders. */
    public RunSettings run() {
        AppConfig.Rebalance r = config.rebalance();
        AppConfig.Execution e = config.execution();
        return new RunSettings(
                new RebalanceSettings(r.minTradeDollars(), r.minTradePercent() / 100, r.cashReserve(), r.fractionalShares()),
                new ExecutionSettings(e.steps(), Duration.ofSeconds(e.stepWaitSeconds()), e.concurrency(),
                        e.maxSpreadPercent() / 100, Duration.ofSeconds(e.buyingPowerWaitSeconds())),
                EVALUATION_THREADS).withIntraday(config.data().intraday())
                .withAnchor(r.anchor() == AppConfig.Anchor.LAST ? RebalanceAnchor.LAST_TRADING_DAY
                        : RebalanceAnchor.FIRST_TRADING_DAY);
    }

    /**
     * Alpaca's settings: paper or live from {@code broker.type} (paper when the broker is simulated and only
     * market data is wanted), keys and base URLs from the environment or else {@code broker.alpaca}.
     *
     * @throws ConfigException when a key is missing, {@value #ENV_MODE} disagrees with {@code broker.type}, or
     *                         Alpaca's settings refuse a value (such as the live host for a paper account)
     */
    public AlpacaConfig alpaca() {
        AppConfig.Broker broker = config.broker();
        AlpacaConfig.Mode mode = broker.isLive() ? AlpacaConfig.Mode.LIVE : AlpacaConfig.Mode.PAPER;
        String envMode = present(ENV_MODE).orElse(null);
        if (envMode != null && broker.type().isAlpaca() && !envMode.strip().equalsIgnoreCase(mode.name())) {
            throw config.errorAt("broker.type", broker.type() + " but " + ENV_MODE + " says " + envMode.strip()
                    + "; the configuration decides paper or live, so unset the variable or change broker.type");
        }
        AppConfig.Alpaca file = broker.alpaca() != null ? broker.alpaca()
                : new AppConfig.Alpaca(null, null, null, null, null, null, null);
        AlpacaConfig.Builder b = AlpacaConfig.builder().mode(mode)
                .keyId(credential(ENV_KEY_ID, file.keyId(), "keyId"))
                .secretKey(credential(ENV_SECRET_KEY, file.secretKey(), "secretKey"));
        url(ENV_TRADING_URL, file.tradingUrl(), "broker.alpaca.tradingUrl").ifPresent(b::tradingUrl);
        url(ENV_DATA_URL, file.dataUrl(), "broker.alpaca.dataUrl").ifPresent(b::dataUrl);
        if (file.quoteFeed() != null) {
            b.quoteFeed(feed(file.quoteFeed()));
        }
        if (file.historyFeed() != null) {
            b.historyFeed(feed(file.historyFeed()));
        }
        if (file.requestsPerMinute() != null) {
            b.requestsPerMinute(file.requestsPerMinute());
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) { // AlpacaConfig's documented refusal of an unsafe or invalid setting
            throw config.errorAt("broker.alpaca", e.getMessage());
        }
    }

    /** The S3 bucket of the data lake, when {@code data.store} is s3. */
    public Optional<S3Settings> s3() {
        AppConfig.S3 s3 = config.data().s3();
        if (config.data().store() != AppConfig.DataStore.S3 || s3 == null) {
            return Optional.empty();
        }
        S3Settings.Builder b = S3Settings.builder(s3.bucket()).prefix(s3.prefix()).region(s3.region())
                .pathStyleAccess(s3.pathStyle());
        if (s3.endpoint() != null) {
            b.endpoint(s3.endpoint());
        }
        try {
            return Optional.of(b.build());
        } catch (IllegalArgumentException e) { // S3Settings' documented refusal, e.g. a prefix ending in '/'
            throw config.errorAt("data.s3", e.getMessage());
        }
    }

    /** Where run summaries go besides the log, and where the equity after each run is kept for the P&L line. */
    public Notifier notifier() {
        AppConfig.Notifications n = config.notifications();
        Optional<SmtpSettings> smtp = Optional.empty();
        if (n.smtp() != null) {
            AppConfig.Smtp s = n.smtp();
            try {
                smtp = Optional.of(new SmtpSettings(s.host(), s.port(), s.username(), s.password(), s.from(), s.to(),
                        s.startTls()));
            } catch (IllegalArgumentException e) { // SmtpSettings' documented refusal, e.g. a malformed address
                throw config.errorAt("notifications.smtp", e.getMessage());
            }
        }
        return new Notifier(Optional.ofNullable(n.directory()), smtp, config.ledger().path());
    }

    /**
     * The notifier's setup: summaries always go to the log, and to a folder and a mailbox when set; the equity
     * history lives beside the ledger.
     */
    public record Notifier(Optional<Path> directory, Optional<SmtpSettings> smtp, Path ledgerPath) {
    }

    private static AlpacaConfig.Feed feed(AppConfig.Feed feed) {
        return feed == AppConfig.Feed.SIP ? AlpacaConfig.Feed.SIP : AlpacaConfig.Feed.IEX;
    }

    private Secret credential(String variable, Secret fromFile, String key) {
        Optional<String> fromEnv = present(variable);
        if (fromEnv.isPresent()) {
            return Secret.of(fromEnv.get());
        }
        if (fromFile != null) {
            return fromFile;
        }
        throw config.errorAt("broker.alpaca." + key, "Alpaca credentials missing: set " + ENV_KEY_ID + " and "
                + ENV_SECRET_KEY + " in the environment (or broker.alpaca.keyId and secretKey in a file only you can "
                + "read)");
    }

    private Optional<URI> url(String variable, URI fromFile, String key) {
        Optional<String> fromEnv = present(variable);
        if (fromEnv.isEmpty()) {
            return Optional.ofNullable(fromFile);
        }
        try {
            return Optional.of(URI.create(fromEnv.get().strip()));
        } catch (IllegalArgumentException e) {
            throw config.errorAt(key, "the environment variable " + variable + " (which wins over this key) is not a "
                    + "URL");
        }
    }

    private Optional<String> present(String variable) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
