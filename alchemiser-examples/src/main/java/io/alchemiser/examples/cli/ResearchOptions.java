package io.alchemiser.examples.cli;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.Scheduler;
import io.alchemiser.examples.backtest.SymphonyBacktest;
import io.alchemiser.examples.research.JobSettings;
import io.alchemiser.examples.research.PriceSource;
import java.time.LocalDate;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options {@code rank} and {@code sweep} share ({@code @Mixin}): the prices, the window and its out-of-sample
 * start, the costs, the benchmark, the start capital, the risk-free rate, the anchor day, the threads and the
 * output folder.
 */
final class ResearchOptions {
    @Option(names = "--data", required = true, paramLabel = "DIR|s3://BUCKET/PREFIX",
            description = "price data: a CSV folder or a Parquet data lake, local or in S3 (AWS default credentials)")
    String data;

    @Option(names = "--s3-region", paramLabel = "REGION", description = "the S3 bucket's region (default: us-east-1)")
    String s3Region;

    @Option(names = "--s3-endpoint", paramLabel = "URL",
            description = "an S3-compatible endpoint (MinIO and the like; path-style access)")
    String s3Endpoint;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD",
            description = "first day (default: each symphony's own history start)")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "last day (default: the benchmark's last bar)")
    LocalDate to;

    @Option(names = "--oos-from", paramLabel = "YYYY-MM-DD",
            description = "first out-of-sample day: statistics before it are in-sample, from it on out-of-sample")
    LocalDate oosFrom;

    @Mixin
    CostsOption costs;

    @Option(names = "--benchmark", paramLabel = "SYMBOL", defaultValue = "SPY",
            description = "its trading days are the calendar (default: ${DEFAULT-VALUE})")
    String benchmark;

    @Option(names = "--capital", paramLabel = "DOLLARS", defaultValue = "10000",
            description = "start capital (default: ${DEFAULT-VALUE})")
    double capital;

    @Option(names = "--risk-free", paramLabel = "RATE", defaultValue = "0",
            description = "annual risk-free rate for Sharpe, a fraction (default: ${DEFAULT-VALUE})")
    double riskFree;

    @Option(names = "--anchor", paramLabel = "DAY", defaultValue = "first",
            description = "the trading day of each period weekly ... yearly rules trade on: first or last "
                    + "(default: ${DEFAULT-VALUE})")
    String anchor;

    @Option(names = "--jobs", paramLabel = "N",
            description = "backtests at once on this machine (default: every core)")
    Integer jobs;

    @Option(names = "--out", paramLabel = "DIR",
            description = "write the report files (text, CSV, JSON, HTML) into DIR")
    String out;

    /** Where the prices are. @throws UsageException for a malformed location */
    PriceSource prices() {
        return UsageException.checking(() -> new PriceSource(data, s3Region, s3Endpoint));
    }

    /** The threads: {@code --jobs}, or every core. @throws UsageException below 1 */
    int jobs() {
        if (jobs != null && jobs < 1) {
            throw new UsageException("--jobs " + jobs + ": at least 1");
        }
        return jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    }

    /**
     * The job's settings; without {@code --to}, the last day is the benchmark's last bar in the data.
     *
     * @throws UsageException for values out of range
     */
    JobSettings settings(PriceSource prices) {
        Symbol bench = UsageException.checking(() -> Symbol.of(benchmark));
        if (!(capital > 0) || !Double.isFinite(capital)) {
            throw new UsageException("--capital " + capital + ": a positive number of dollars");
        }
        LocalDate end = to != null ? to : prices.read(null, history -> UsageException.checking(
                () -> SymphonyBacktest.lastBenchmarkDate(history, bench, LocalDate.now(Scheduler.MARKET_ZONE))));
        return UsageException.checking(() -> new JobSettings(from, end, oosFrom, costs.orNone(), capital,
                bench.value(), riskFree, BacktestCommand.anchor(anchor)));
    }
}
