package io.alchemiser.examples.backtest;

import io.alchemiser.core.application.backtest.BacktestProgress;
import io.alchemiser.core.application.backtest.BacktestResult;
import io.alchemiser.core.application.backtest.BacktestSettings;
import io.alchemiser.core.application.backtest.Backtester;
import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.portfolio.RebalanceRule.Frequency;
import io.alchemiser.core.domain.portfolio.RebalanceRule;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.core.port.WeightedStrategy;
import io.alchemiser.dsl.compile.Symphony;
import io.alchemiser.dsl.compile.SymphonyOptions;
import io.alchemiser.dsl.eval.SymphonyStrategy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Backtests compiled symphonies, alone or as a weighted set merged as in the daily run, with core's
 * {@link Backtester}; and the choices the {@code backtest} command makes around it: the rebalance rule a symphony
 * asks for, the text of {@code --rebalance}, and the default last date.
 *
 * <p>One {@link EvaluationSession}, holding bars through the last date, serves every symphony of a run. When the
 * settings have no start date, each symphony works out its history start and the backtest starts at the latest; the
 * result's {@link BacktestResult#historyStart()} says which symphony, symbol and indicator set it.
 */
public final class SymphonyBacktest {

    /**
     * A rebalance rule and where it came from.
     *
     * @param rule   the rule for the whole portfolio, or {@code null} when each symphony follows its own
     * @param source for people: {@code "the symphony's :rebalance-frequency"}, {@code "--rebalance"}, ...
     */
    public record RuleChoice(RebalanceRule rule, String source) {
        public RuleChoice {
            Objects.requireNonNull(source, "source");
        }
    }

    private SymphonyBacktest() {
    }

    /** The rule a symphony's options ask for: its {@code :rebalance-threshold} if set, else its frequency. */
    public static RebalanceRule ruleOf(SymphonyOptions options) {
        return SymphonyStrategy.ruleOf(options);
    }

    /**
     * The rule when none is given: a single symphony's own option; for several, each symphony's own rule in a sleeve
     * of its own ({@code null}), as Composer runs several symphonies in one account.
     */
    public static RuleChoice defaultRule(List<Symphony> symphonies) {
        if (symphonies.size() == 1) {
            SymphonyOptions options = symphonies.get(0).options();
            return new RuleChoice(ruleOf(options), options.rebalanceThreshold().isPresent()
                    ? "the symphony's :rebalance-threshold" : "the symphony's :rebalance-frequency");
        }
        return new RuleChoice(null, "each symphony's own :rebalance-frequency or :rebalance-threshold, a sleeve each, "
                + "netted in one account");
    }

    /**
     * Parses {@code daily}, {@code weekly}, {@code monthly}, {@code quarterly}, {@code yearly}, {@code none} or
     * {@code threshold:F} with F a drift fraction in (0, 1), e.g. {@code threshold:0.05}.
     *
     * @throws IllegalArgumentException naming what is accepted
     */
    public static RebalanceRule parseRule(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("threshold:")) {
            double threshold;
            try {
                threshold = Double.parseDouble(t.substring("threshold:".length()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--rebalance " + text + ": the threshold is a fraction, e.g. "
                        + "threshold:0.05 for five percentage points of drift");
            }
            if (!(threshold > 0 && threshold < 1)) {
                throw new IllegalArgumentException("--rebalance " + text + ": the threshold is a fraction in (0, 1), "
                        + "e.g. threshold:0.05");
            }
            return RebalanceRule.drift(threshold);
        }
        for (Frequency f : Frequency.values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(t)) {
                return RebalanceRule.every(f);
            }
        }
        throw new IllegalArgumentException("--rebalance " + text
                + ": expected daily, weekly, monthly, quarterly, yearly, none or threshold:FRACTION (e.g. threshold:0.05)");
    }

    /**
     * The rule for people: {@code monthly}, {@code threshold 0.05 (...)}, or, for {@code null}, each symphony's own
     * rule.
     */
    public static String describe(RebalanceRule rule) {
        if (rule == null) {
            return "each symphony by its own rule";
        }
        return rule.isThreshold()
                ? "threshold " + rule.threshold() + " (back to target when a holding's weight drifts more than that "
                        + "from its target, or when the target's symbols change)"
                : rule.frequency().keyword();
    }

    /** The costs for people: {@code 5 bps per trade + 1 bps slippage}, plus the fees when they are charged. */
    public static String describeCosts(BacktestSettings s) {
        String bps = BacktestSummary.plain(s.costBps()) + " bps per trade + " + BacktestSummary.plain(s.slippageBps())
                + " bps slippage";
        return s.fees().isNone() ? bps : bps + " + SEC fee and FINRA TAF on sales, at the rates in force on each day";
    }

    /**
     * The last date of the benchmark's bars on or before {@code today}: the default end of a backtest.
     *
     * @throws IllegalArgumentException if the benchmark has no bars
     */
    public static LocalDate lastBenchmarkDate(PriceHistory data, Symbol benchmark, LocalDate today) {
        BarSeries bars = data.dailyBars(benchmark, EvaluationSession.EARLIEST, today);
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("benchmark " + benchmark + " has no bars on or before " + today);
        }
        return bars.lastDate();
    }

    /**
     * Backtests {@code symphonies}, allocated {@code weights}, over {@code data}.
     *
     * @param weights    one allocation per symphony, summing to 1
     * @param ruleSource where {@code settings.rule()} came from, for the outputs
     * @throws io.alchemiser.dsl.eval.EvaluationException if a symphony cannot be evaluated on some day
     * @throws io.alchemiser.core.port.MarketDataException if the benchmark or a held symbol has no price
     * @throws IllegalArgumentException if the weights do not match the symphonies or do not sum to 1
     */
    public static BacktestRun run(List<Symphony> symphonies, List<Double> weights, PriceHistory data,
            BacktestSettings settings, String ruleSource, BacktestProgress progress) {
        if (symphonies.isEmpty() || symphonies.size() != weights.size()) {
            throw new IllegalArgumentException(symphonies.size() + " symphonies but " + weights.size() + " weights");
        }
        long start = System.nanoTime();
        List<WeightedStrategy> strategies = new ArrayList<>();
        List<BacktestRun.Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < symphonies.size(); i++) {
            Symphony s = symphonies.get(i);
            String name = uniqueName(s.name(), names);
            strategies.add(new WeightedStrategy(new SymphonyStrategy(s, name), weights.get(i)));
            entries.add(new BacktestRun.Entry(s.position().file(), name, weights.get(i)));
        }
        BacktestResult result = new Backtester().run(strategies, data, settings, progress);
        return new BacktestRun(entries, settings, ruleSource, result, System.nanoTime() - start);
    }

    private static String uniqueName(String name, Set<String> taken) {
        String base = name.isBlank() ? "symphony" : name;
        String candidate = base;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = base + " #" + n;
        }
        return candidate;
    }
}
