package io.alchemiser.examples.research;

import io.alchemiser.core.application.portfolio.RebalanceAnchor;
import io.alchemiser.examples.backtest.TestPrices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** Small generated symphonies and prices for the research tests (no ../shared). */
final class Fixtures {
    /** AAA swings so an RSI condition flips; BBB trends; SPY drifts: 400 weekdays from 2023-01-02. */
    static final int DAYS = 400;
    static final LocalDate FIRST = LocalDate.of(2023, 1, 2);

    /** An RSI switch: the window literal 5 starts at 2:30, the threshold 50 at 2:34. */
    static final String SWITCHER = "(defsymphony \"switcher\" {:rebalance-frequency :daily}\n"
            + "  (if (> (rsi \"AAA\" {:window 5}) 50)\n"
            + "    [(asset \"AAA\")]\n"
            + "    [(weight-equal [(asset \"BBB\") (asset \"SPY\")])]))\n";
    static final String MONTHLY = "(defsymphony \"monthly pair\" {:rebalance-frequency :monthly}\n"
            + "  (weight-equal [(asset \"AAA\") (asset \"BBB\")]))\n";
    static final String THRESHOLD = "(defsymphony \"corridor\" {:rebalance-threshold 0.05}\n"
            + "  (weight-specified 0.7 (asset \"BBB\") 0.3 (asset \"SPY\")))\n";
    static final String MISSING = "(defsymphony \"needs UNH\" {} (asset \"UNH\"))\n";
    static final String BROKEN = "(defsymphony \"broken\" {}\n  (asset \"AAA\" ))\n  )\n";
    /** Needs 300 bars of history: with 400 bars, its history starts on bar 299. */
    static final String LATE = "(defsymphony \"late\" {}\n"
            + "  (if (> (moving-average-price \"SPY\" {:window 300}) 1) [(asset \"SPY\")] [(asset \"BBB\")]))\n";
    /** Needs 450 bars of history: with 400 bars, never. */
    static final String NEVER = LATE.replace("\"late\"", "\"never\"").replace("300", "450");

    private Fixtures() {
    }

    static TestPrices prices() {
        return TestPrices.swinging(DAYS);
    }

    static Path write(Path dir, String name, String text) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings over the generated prices, no costs, no split. */
    static JobSettings settings(LocalDate from, LocalDate oosFrom) {
        return new JobSettings(from, prices().dates().get(DAYS - 1), oosFrom, JobSettings.Costs.NONE, 10_000, "SPY", 0,
                RebalanceAnchor.FIRST_TRADING_DAY);
    }
}
