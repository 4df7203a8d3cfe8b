package io.alchemiser.examples.research;

import io.alchemiser.core.application.portfolio.RebalanceAnchor;
import io.alchemiser.examples.backtest.TestPrices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    static final LocalDate D = LocalDate.of(2024, 1, 2);

    /**
     * A hand-made 3 × 3 sweep of {@link #SWITCHER}'s window (3, 5, 7) and threshold (40, 50, 60), the original in the
     * middle (unit 4), with an out-of-sample split on {@code oos} (or none).
     */
    static ResearchJob sweep3x3(LocalDate oos) {
        List<Vary> varied = List.of(new Vary(2, 30, "5", List.of("3", "5", "7"), 1, false),
                new Vary(2, 34, "50", List.of("40", "50", "60"), 1, false));
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            units.add(new Unit(i, 0, List.of(new Unit.Parameter(2, 30, varied.get(0).values().get(i / 3)),
                    new Unit.Parameter(2, 34, varied.get(1).values().get(i % 3)))));
        }
        return new ResearchJob(ResearchJob.Kind.SWEEP, List.of(new SymphonySource("dir/s.clj", SWITCHER)), units,
                varied, new JobSettings(null, D.plusDays(300), oos, JobSettings.Costs.NONE, 10_000, "SPY", 0,
                        RebalanceAnchor.FIRST_TRADING_DAY), PriceSource.folder(Path.of("p")), Set.of("SPY"));
    }

    /** One result per unit of {@code job} with these Sharpe ratios (NaN: the unit failed for missing data). */
    static List<UnitResult> results(ResearchJob job, double... sharpe) {
        List<UnitResult> out = new ArrayList<>();
        boolean split = job.settings().oosFrom() != null;
        for (int i = 0; i < sharpe.length; i++) {
            Unit u = job.units().get(i);
            List<String> p = u.parameters().stream().map(Unit.Parameter::text).toList();
            String file = job.sources().get(u.source()).file();
            out.add(Double.isNaN(sharpe[i])
                    ? UnitResult.failed(u, file, "s", p, UnitResult.Failure.MISSING_DATA, "no bars for UNH")
                    : new UnitResult(i, file, "s", p, null, "", D, stats(sharpe[i]),
                            split ? stats(sharpe[i] / 2) : null));
        }
        return out;
    }

    static SegmentStats stats(double sharpe) {
        return new SegmentStats(D, D.plusDays(300), 200, sharpe / 10, sharpe / 10, 0.2, sharpe, 0.1, sharpe, 2.0);
    }
}
