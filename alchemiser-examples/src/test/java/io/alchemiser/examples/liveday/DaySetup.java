package io.alchemiser.examples.liveday;

import io.alchemiser.alpaca.emulator.FillModel;
import io.alchemiser.core.domain.MarketClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything that makes two emulated days identical: the prices (a folder of {@code SYMBOL.csv} the emulator reads
 * and the app's data lake is filled from), the symphonies and their weights, the trading date and the time the day
 * starts at, the account's cash and holdings, how orders fill, and the app's execution settings. Two days built from
 * one setup plan the same trades, which is how an interrupted day is compared with an uninterrupted one.
 *
 * @param name        names the setup in messages and in the cache of uninterrupted days
 * @param prices      the CSV folder, in the {@code ../shared/prices} layout
 * @param strategies  symphony files and their weights (summing to 1)
 * @param date        the trading day, a weekday the prices reach
 * @param start       New York time the emulator's clock starts at
 * @param cash        the account's settled cash
 * @param holdings    shares held at the start, by symbol (each must be in the prices)
 * @param fills       a new fill model for each emulator
 * @param concurrency the app's {@code execution.concurrency}
 * @param stepWait    the app's {@code execution.stepWaitSeconds}
 */
record DaySetup(String name, Path prices, List<Strategy> strategies, LocalDate date, LocalTime start, BigDecimal cash,
        Map<String, BigDecimal> holdings, Supplier<FillModel> fills, int concurrency, long stepWait) {

    /** One symphony file and its share. */
    record Strategy(Path file, double weight) {
    }

    DaySetup {
        Objects.requireNonNull(name, "name");
        strategies = List.copyOf(strategies);
        holdings = Map.copyOf(holdings);
    }

    /** When the day starts, as an instant. */
    Instant startInstant() {
        return date.atTime(start).atZone(MarketClock.MARKET_ZONE).toInstant();
    }
}
