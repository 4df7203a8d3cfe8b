package io.alchemiser.examples.config;

import io.alchemiser.core.domain.Secret;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The app's configuration: one YAML file (documented in {@code docs/operations.md}, annotated example in
 * {@code alchemiser.example.yaml}). {@link ConfigLoader} reads it, rejects unknown keys, fills every default and
 * resolves relative paths against the file's directory, so code reading an {@code AppConfig} finds no nulls
 * except where a section is truly optional ({@code alpaca}, {@code s3}, {@code smtp}, {@code directory}).
 */
public record AppConfig(Path file, List<StrategyEntry> strategies, Broker broker, Data data, Rebalance rebalance,
        Execution execution, Schedule schedule, Ledger ledger, Notifications notifications) {

    /** A symphony file and its share of the portfolio. {@code name} is null to use the symphony's own name. */
    public record StrategyEntry(Path file, Double weight, String name) {
    }

    /** Which broker: {@code simulated}, {@code alpaca-paper} or {@code alpaca-live}. */
    public record Broker(String type, Simulated simulated, Alpaca alpaca) {
        public boolean isSimulated() {
            return "simulated".equals(type);
        }

        public boolean isLive() {
            return "alpaca-live".equals(type);
        }
    }

    /**
     * The in-memory simulated broker: starting cash, spread in basis points, random seed, and where its simulated
     * time starts ({@code startAt}, New York wall time; null for now). The simulated market keeps the real calendar,
     * so a run outside market hours stops as a live one would; {@code startAt} rehearses a chosen moment instead.
     */
    public record Simulated(BigDecimal cash, Double spreadBps, Long seed, java.time.LocalDateTime startAt) {
    }

    /**
     * Alpaca credentials and endpoints. Keys left out here are read from the environment variables
     * {@code APCA_API_KEY_ID} and {@code APCA_API_SECRET_KEY}; URLs default to Alpaca's paper or live endpoints.
     */
    public record Alpaca(Secret keyId, Secret secretKey, String tradingUrl, String dataUrl, String feed) {
    }

    /**
     * Where bars come from: {@code local} (a Parquet data lake in {@code path}), {@code s3} (a Parquet data lake in
     * a bucket) or {@code csv} (a folder of SYMBOL.csv files in {@code path}). {@code source} is what
     * {@code data refresh} fetches from: {@code alpaca}, or {@code csv} with {@code sourcePath}.
     * {@code intraday} appends today's live price as the last bar when a run happens before the close.
     */
    public record Data(String store, Path path, S3 s3, String source, Path sourcePath, LocalDate historyStart,
            Boolean intraday) {
    }

    /** An S3 or S3-compatible bucket. {@code endpoint} and {@code pathStyle} make MinIO and others work. */
    public record S3(String bucket, String prefix, String region, String endpoint, Boolean pathStyle) {
    }

    /** Rebalance rules: minimum trade in dollars and in percent of equity, cash reserve, fractional shares. */
    public record Rebalance(BigDecimal minTradeDollars, Double minTradePercent, BigDecimal cashReserve,
            Boolean fractionalShares) {
    }

    /** Walk-the-book steps (fractions), seconds per step, orders at once, widest spread walked as quoted. */
    public record Execution(List<Double> steps, Long stepWaitSeconds, Integer concurrency, Double maxSpreadPercent,
            Long buyingPowerWaitSeconds) {
    }

    /** Run this many minutes before each session's actual close. */
    public record Schedule(Integer minutesBeforeClose) {
    }

    /** The ledger database file (H2), without extension. */
    public record Ledger(Path path) {
    }

    /** Where run summaries go: always the log; optionally a folder and an SMTP server. */
    public record Notifications(Path directory, Smtp smtp) {
    }

    /** SMTP delivery. */
    public record Smtp(String host, Integer port, String username, Secret password, String from, List<String> to,
            Boolean startTls) {
    }
}
