package io.alchemiser.examples.backtest;

import io.alchemiser.core.application.backtest.BacktestProgress;
import io.alchemiser.core.application.backtest.BacktestResult;
import io.alchemiser.core.application.backtest.BacktestSettings;
import io.alchemiser.core.application.backtest.SleeveReport;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.dsl.compile.Symphony;
import io.alchemiser.dsl.eval.SymphonyStrategy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Replays a symphony over the days of the user's Composer backtest, with the symphony's own rebalance rule and the
 * chosen costs, and compares the two day by day: the allocations at each close, and the daily returns.
 */
public final class ParityCheck {
    private static final double TRADING_DAYS = 252;

    /**
     * How to compare.
     *
     * @param tolerance     two allocations match when no weight differs by more than this (0.005 = half a point)
     * @param benchmark     the symbol whose trading days are the replay's calendar
     * @param composerCosts whether the replay charges Composer's costs (1 bp slippage, SEC fee, FINRA TAF)
     */
    public record Options(double tolerance, Symbol benchmark, boolean composerCosts) {
        public Options {
            Objects.requireNonNull(benchmark, "benchmark");
            if (!(tolerance >= 0 && tolerance < 1)) {
                throw new IllegalArgumentException("--tolerance is a fraction in [0, 1), e.g. 0.005; got " + tolerance);
            }
        }
    }

    private ParityCheck() {
    }

    /**
     * Replays {@code symphony} over {@code data} on Composer's days and compares.
     *
     * @throws io.alchemiser.dsl.eval.EvaluationException  if the symphony cannot be evaluated on some day
     * @throws io.alchemiser.core.port.MarketDataException if the data lacks a symbol or the benchmark
     */
    public static ParityResult run(Symphony symphony, PriceHistory data, ComposerBacktest composer, Options options,
            BacktestProgress progress) {
        NavigableMap<LocalDate, Double> capital = composer.capital();
        Map.Entry<LocalDate, Double> start = capital.ceilingEntry(composer.firstDay());
        double startCapital = start != null && start.getValue() > 0 ? start.getValue() : 10_000;
        BacktestSettings settings = new BacktestSettings(composer.firstDay(), composer.lastDay(), startCapital, 0, 0,
                options.benchmark(), 0, null);
        if (options.composerCosts()) {
            settings = settings.withComposerCosts();
        }
        BacktestRun run = SymphonyBacktest.run(List.of(symphony), List.of(1.0), data, settings,
                "the symphony's own rule", progress);
        BacktestResult r = run.result();
        Map<LocalDate, Integer> index = new HashMap<>();
        for (int i = 0; i < r.dates().size(); i++) {
            index.put(r.dates().get(i), i);
        }
        Comparison c = Comparison.of(r, index, composer, options.tolerance());
        EvaluationSession session = EvaluationSession.open(data, composer.lastDay());
        SymphonyStrategy strategy = new SymphonyStrategy(symphony, run.symphonies().get(0).name());
        return new ParityResult(run, composer, options.tolerance(), c.differences().size(), c.matching(),
                c.notReplayed(), divergence(c.first(), r, index, composer, strategy, session),
                divergence(c.worst(), r, index, composer, strategy, session), returns(r, capital), c.differences());
    }

    /** The day-by-day comparison of allocations: each day's difference, and the first and the worst that differ. */
    private record Comparison(NavigableMap<LocalDate, Double> differences, int matching, List<LocalDate> notReplayed,
            LocalDate first, LocalDate worst) {
        static Comparison of(BacktestResult r, Map<LocalDate, Integer> index, ComposerBacktest composer,
                double tolerance) {
            NavigableMap<LocalDate, Double> differences = new TreeMap<>();
            List<LocalDate> notReplayed = new ArrayList<>();
            int matching = 0;
            LocalDate first = null;
            LocalDate worst = null;
            double worstDiff = -1;
            for (Map.Entry<LocalDate, Map<String, Double>> day : composer.allocations().entrySet()) {
                Integer i = index.get(day.getKey());
                if (i == null) {
                    notReplayed.add(day.getKey());
                    continue;
                }
                double diff = difference(ours(r.holdings().get(i)), theirs(day.getValue()));
                differences.put(day.getKey(), diff);
                if (diff <= tolerance) {
                    matching++;
                    continue;
                }
                if (first == null) {
                    first = day.getKey();
                }
                if (diff > worstDiff) {
                    worst = day.getKey();
                    worstDiff = diff;
                }
            }
            return new Comparison(differences, matching, notReplayed, first, worst);
        }
    }

    /** This replay's weights with cash under {@link ComposerBacktest#CASH}. */
    static Map<String, Double> ours(Weights w) {
        Map<String, Double> out = new TreeMap<>();
        w.bySymbol().forEach((s, x) -> out.put(s.value(), x));
        out.put(ComposerBacktest.CASH, w.cash());
        return out;
    }

    /** Composer's weights, with cash as the rest when it does not give {@code $USD}. */
    static Map<String, Double> theirs(Map<String, Double> given) {
        Map<String, Double> out = new TreeMap<>(given);
        if (!out.containsKey(ComposerBacktest.CASH)) {
            double sum = given.values().stream().mapToDouble(Double::doubleValue).sum();
            out.put(ComposerBacktest.CASH, Math.max(0, 1 - sum));
        }
        return out;
    }

    /** The largest difference of one weight, over every symbol either holds and cash. */
    static double difference(Map<String, Double> a, Map<String, Double> b) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        double max = 0;
        for (String k : keys) {
            max = Math.max(max, Math.abs(a.getOrDefault(k, 0.0) - b.getOrDefault(k, 0.0)));
        }
        return max;
    }

    private static Optional<ParityResult.Divergence> divergence(LocalDate date, BacktestResult r,
            Map<LocalDate, Integer> index, ComposerBacktest composer, SymphonyStrategy strategy,
            EvaluationSession session) {
        if (date == null) {
            return Optional.empty();
        }
        Map<String, Double> ours = ours(r.holdings().get(index.get(date)));
        Map<String, Double> theirs = theirs(composer.allocations().get(date));
        LocalDate pathDate = lastRebalance(r.sleeves().get(0), date);
        StrategyResult evaluated = strategy.evaluate(session, pathDate);
        List<DecisionMargins.MarginStep> path = DecisionMargins.of(evaluated.decisionPath());
        return Optional.of(new ParityResult.Divergence(date, difference(ours, theirs), ours, theirs, pathDate, path,
                DecisionMargins.decisive(path)));
    }

    /** The sleeve's last rebalance on or before {@code date}: the decision its holdings come from. */
    private static LocalDate lastRebalance(SleeveReport sleeve, LocalDate date) {
        LocalDate last = null;
        for (LocalDate d : sleeve.rebalances()) {
            if (!d.isAfter(date)) {
                last = d;
            }
        }
        return last == null ? date : last;
    }

    private static ParityResult.Returns returns(BacktestResult r, NavigableMap<LocalDate, Double> capital) {
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        NavigableMap<LocalDate, Double> compared = new TreeMap<>();
        double ourGrowth = 1;
        double theirGrowth = 1;
        for (int i = 1; i < r.dates().size(); i++) {
            Double before = capital.get(r.dates().get(i - 1));
            Double after = capital.get(r.dates().get(i));
            if (before == null || after == null || before <= 0) {
                continue;
            }
            double a = r.equity()[i] / r.equity()[i - 1] - 1;
            double b = after / before - 1;
            ours.add(a);
            theirs.add(b);
            ourGrowth *= 1 + a;
            theirGrowth *= 1 + b;
            compared.put(r.dates().get(i - 1), before);
            compared.put(r.dates().get(i), after);
        }
        return new ParityResult.Returns(ours.size(), correlation(ours, theirs), trackingError(ours, theirs),
                ourGrowth - 1, theirGrowth - 1, compared);
    }

    /** Pearson correlation; NaN for fewer than two values or a series without variance. */
    static double correlation(List<Double> x, List<Double> y) {
        int n = x.size();
        if (n < 2) {
            return Double.NaN;
        }
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x.get(i) - mx;
            double dy = y.get(i) - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    /** Sample standard deviation of the differences, annualised by √252; NaN for fewer than two values. */
    static double trackingError(List<Double> x, List<Double> y) {
        int n = x.size();
        if (n < 2) {
            return Double.NaN;
        }
        List<Double> d = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            d.add(x.get(i) - y.get(i));
        }
        double m = mean(d);
        double ss = 0;
        for (double v : d) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (n - 1)) * Math.sqrt(TRADING_DAYS);
    }

    private static double mean(List<Double> v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.size();
    }
}
