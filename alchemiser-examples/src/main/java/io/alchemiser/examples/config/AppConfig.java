package io.alchemiser.examples.config;

import io.alchemiser.core.domain.Secret;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The app's configuration: one YAML file (every key, its default and its range in {@code docs/operations.md}; an
 * annotated example in {@code alchemiser.example.yaml}). {@link ConfigLoader} reads it and refuses what cannot be
 * meant — duplicate and unknown keys, values out of range, combinations that cannot work — fills every default and
 * resolves relative paths against the file's directory. So code reading an {@code AppConfig} finds typed, checked
 * values and no nulls, except where a value is truly optional ({@code Broker.alpaca}, the fields of
 * {@link Alpaca}, {@code Simulated.startAt}, {@code Data.s3}, {@code Data.sourcePath}, {@code StrategyEntry.name},
 * {@code Notifications.directory} and {@code .smtp}, {@code Smtp.username} and {@code .password}).
 *
 * <p>{@link #errorAt} makes an error for a check that can only be made later (with the environment, or after the
 * symphonies compiled) that still names the file, line, column and key.
 */
public record AppConfig(Path file, List<StrategyEntry> strategies, Broker broker, Data data, Evaluation evaluation,
        Rebalance rebalance, Execution execution, Schedule schedule, Ledger ledger, Notifications notifications, KeyPositions positions) {

    public AppConfig {
        Objects.requireNonNull(file, "file");
        strategies = List.copyOf(strategies);
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(rebalance, "rebalance");
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(notifications, "notifications");
        Objects.requireNonNull(positions, "positions");
    }

    /**
     * An error about {@code keyPath} (such as {@code strategies[1].name} or {@code broker.alpaca.keyId}) at the
     * position of that key in the file, or of its closest enclosing key that is in the file.
     */
    public ConfigException errorAt(String keyPath, String message) {
        return new ConfigException(positions.of(keyPath) + ": " + keyPath + ": " + message);
    }

    /** A symphony file and its share of the portfolio. {@code name} is null to use the symphony's own name. */
    public record StrategyEntry(Path file, double weight, String name) {
    }

    /** A value of a key that takes one of a few names, such as {@code broker.type}. */
    interface Choice {
        /** The constant's name. */
        String name();

        /** The name as written in the configuration file: the constant's, lower case, {@code _} as {@code -}. */
        default String configName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Which broker trades. */
    public enum BrokerType implements Choice {
        /** The in-memory simulated broker on simulated time. */
        SIMULATED,
        /** Alpaca's paper-trading account (fake money). */
        ALPACA_PAPER,
        /** Alpaca's live account: real money. */
        ALPACA_LIVE;

        /** Whether this is one of Alpaca's accounts. */
        public boolean isAlpaca() {
            return this != SIMULATED;
        }

        /** The name as written in the file. */
        @Override
        public String toString() {
            return configName();
        }
    }

    /** Where bars are kept. */
    public enum DataStore implements Choice {
        /** A Parquet data lake in a local folder. */
        LOCAL,
        /** A Parquet data lake in an S3 (or S3-compatible) bucket. */
        S3,
        /** A folder of {@code SYMBOL.csv} files, read as it is (nothing refreshes it). */
        CSV;

        /** The name as written in the file. */
        @Override
        public String toString() {
            return configName();
        }
    }

    /** Where {@code data refresh} fetches missing days from. */
    public enum DataSource implements Choice {
        /** Alpaca's market-data API. */
        ALPACA,
        /** A folder of {@code SYMBOL.csv} files ({@code data.sourcePath}). */
        CSV;

        /** The name as written in the file. */
        @Override
        public String toString() {
            return configName();
        }
    }

    /** Alpaca's stock data feed. */
    public enum Feed implements Choice {
        /** One exchange; every Alpaca plan may read it. */
        IEX,
        /** All exchanges; recent data needs a paid subscription. */
        SIP;

        /** The name as written in the file. */
        @Override
        public String toString() {
            return configName();
        }
    }

    /** Which broker, and the settings of each kind; {@code alpaca} is null when the file has no such section. */
    public record Broker(BrokerType type, Simulated simulated, Alpaca alpaca) {
        public boolean isSimulated() {
            return type == BrokerType.SIMULATED;
        }

        public boolean isLive() {
            return type == BrokerType.ALPACA_LIVE;
        }
    }

    /**
     * The in-memory simulated broker: starting cash, spread in basis points, random seed, and where its simulated
     * time starts ({@code startAt}, New York wall time; null for now). The simulated market keeps the real calendar,
     * so a run outside market hours stops as a live one would; {@code startAt} rehearses a chosen moment instead.
     */
    public record Simulated(BigDecimal cash, double spreadBps, long seed, LocalDateTime startAt) {
    }

    /**
     * Alpaca credentials, endpoints, feeds and request budget as written in the file; each is null when not given.
     * Keys left out are read from the environment variables {@code APCA_API_KEY_ID} and {@code APCA_API_SECRET_KEY};
     * URLs default to Alpaca's paper or live endpoints, the quote feed to {@link Feed#IEX}, the history feed to
     * {@link Feed#SIP}, the requests a minute to the adapter's 190.
     */
    public record Alpaca(Secret keyId, Secret secretKey, URI tradingUrl, URI dataUrl, Feed quoteFeed, Feed historyFeed,
            Integer requestsPerMinute) {
    }

    /**
     * Where bars come from: a local Parquet data lake in {@code path}, one in an S3 bucket ({@code s3}), or a folder
     * of SYMBOL.csv files in {@code path}. {@code source} is what {@code data refresh} fetches from: Alpaca, or the
     * CSV folder {@code sourcePath}. {@code intraday} (on by default with an Alpaca broker, off with the simulated one)
     * puts today's live price as the last bar when a run happens while the market is open.
     */
    public record Data(DataStore store, Path path, S3 s3, DataSource source, Path sourcePath, LocalDate historyStart,
            boolean intraday) {
    }

    /** An S3 or S3-compatible bucket. {@code endpoint} (null for AWS) and {@code pathStyle} make MinIO and others work. */
    public record S3(String bucket, String prefix, String region, URI endpoint, boolean pathStyle) {
    }

    /** Rebalance rules: minimum trade in dollars and in percent of equity, cash reserve, fractional shares. */
    public record Rebalance(BigDecimal minTradeDollars, double minTradePercent, BigDecimal cashReserve,
            boolean fractionalShares, Anchor anchor) {
    }

    /**
     * How symphonies are evaluated: a decision whose two sides (or a filter's last kept and first dropped scores)
     * differ relatively by less than {@code fragileMarginPercent} is marked fragile in the decision path.
     */
    public record Evaluation(double fragileMarginPercent) {
    }

    /** Which trading day of each week, month, quarter or year a symphony with a calendar rebalance rule trades on. */
    public enum Anchor implements Choice {
        /** The first trading day of the period (the default). */
        FIRST,
        /** The last trading day of the period. */
        LAST;

        /** The name as written in the file. */
        @Override
        public String toString() {
            return configName();
        }
    }

    /** Walk-the-book steps (fractions), seconds per step, orders at once, widest spread walked as quoted. */
    public record Execution(List<Double> steps, int stepWaitSeconds, int concurrency, double maxSpreadPercent,
            int buyingPowerWaitSeconds) {
        public Execution {
            steps = List.copyOf(steps);
        }
    }

    /** Run this many minutes before each session's actual close. */
    public record Schedule(int minutesBeforeClose) {
    }

    /** The ledger database file (H2), without extension. */
    public record Ledger(Path path) {
    }

    /** Where run summaries go: always the log; optionally a folder and an SMTP server (each null when not set). */
    public record Notifications(Path directory, Smtp smtp) {
    }

    /** SMTP delivery; {@code username} and {@code password} are both given or both null. */
    public record Smtp(String host, int port, String username, Secret password, String from, List<String> to,
            boolean startTls) {
        public Smtp {
            to = List.copyOf(to);
        }
    }
}
