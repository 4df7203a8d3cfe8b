package io.alchemiser.dsl.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.dsl.compile.Symphonies;
import io.alchemiser.dsl.compile.Symphony;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The open question of issue 11: {@code weight-inverse-volatility} over groups, measured on {@code bento.clj} against
 * Composer's own backtest. Composer reports, from the close of 2025-06-24 to the close of 2026-01-09 (138 daily
 * returns, its own rebalance rule, no costs): +59.06% cumulative, 10.50% max drawdown, 36.78% volatility.
 *
 * <p>This test replays the same window with this engine's allocations and pins its figures, so a change of the
 * evaluator that moves them is seen and {@code docs/dsl.md} (which records every candidate definition of a group's
 * volatility tried and its figures) is brought up to date. Conventions, as Composer's exports fit them: the window
 * earns the returns from the first close to the last; max drawdown from the first close; volatility the sample
 * deviation of daily returns times √252. The portfolio trades at a close to that close's target when the rule says
 * so and otherwise drifts with prices.
 *
 * <p>What it shows: the engine matches Composer's max drawdown (set on 2025-10-08..10 by the inverse-volatility node
 * at bento.clj:5046:20, whose weights every other candidate definition moves) but not its return or volatility; no
 * candidate definition reproduces all three (see docs/dsl.md).
 */
@Tag("shared")
class BentoParityTest {
    private static final LocalDate FROM = LocalDate.of(2025, 6, 24);
    private static final LocalDate TO = LocalDate.of(2026, 1, 9);
    private static final double CORRIDOR = 0.05;

    private static List<LocalDate> dates;
    private static List<Weights> targets;
    private static Map<Symbol, double[]> closes;

    @BeforeAll
    static void evaluate() throws IOException {
        CsvPriceHistory prices = new CsvPriceHistory(SharedFolder.prices());
        Symphony bento = Symphonies.compile(SharedFolder.strategies().resolve("bento.clj"));
        assertThat(bento.options().rebalanceThreshold()).hasValue(CORRIDOR);
        for (Symbol symbol : bento.symbols()) {
            BarSeries bars = prices.dailyBars(symbol, FROM, TO);
            assertThat(bars.isEmpty() || bars.lastDate().equals(TO)).as(symbol + " has prices through " + TO).isTrue();
        }
        BarSeries spy = prices.dailyBars(Symbol.of("SPY"), FROM, TO);
        dates = new ArrayList<>();
        for (int i = 0; i < spy.size(); i++) {
            dates.add(spy.date(i));
        }
        EvaluationSession session = EvaluationSession.open(prices, TO);
        targets = new ArrayList<>();
        closes = new HashMap<>();
        for (LocalDate date : dates) {
            Weights target = SymphonyEvaluator.weights(bento, session, date);
            targets.add(target);
            for (Symbol symbol : target.bySymbol().keySet()) {
                closes.computeIfAbsent(symbol, s -> closesOn(prices.dailyBars(s, FROM, TO)));
            }
        }
    }

    private static double[] closesOn(BarSeries bars) {
        double[] out = new double[dates.size()];
        for (int i = 0; i < out.length; i++) {
            int bar = bars.indexAtOrBefore(dates.get(i));
            assertThat(bar).isNotNegative();
            assertThat(bars.date(bar)).as(bars.symbol() + " on " + dates.get(i)).isEqualTo(dates.get(i));
            out[i] = bars.closes()[bar];
        }
        return out;
    }

    @Test
    void theWindowHas138DailyReturns() {
        assertThat(dates).hasSize(139);
        assertThat(dates.get(0)).isEqualTo(FROM);
        assertThat(dates.get(dates.size() - 1)).isEqualTo(TO);
    }

    /**
     * The corridor alone (trade back to target when a holding's weight is more than 5 points off), as core's
     * Backtester applied {@code :rebalance-threshold} before sleeves: the figures issue 11 quotes for this engine.
     */
    @Test
    void withTheCorridorAloneTheEngineMakes51point17PercentAndMatchesComposersDrawdown() {
        Stats stats = Stats.of(replay(false));
        System.out.println("bento, corridor alone: " + stats);
        assertThat(stats.totalPercent()).isCloseTo(51.17, within(0.005));
        assertThat(stats.maxDrawdownPercent()).isCloseTo(10.50, within(0.005)); // Composer: 10.50
        assertThat(stats.volatilityPercent()).isCloseTo(36.38, within(0.005));
    }

    /**
     * Issue 11's statement of Composer's rule: the corridor, and a full rebalance whenever the target's symbols change.
     * Core's Backtester with the symphony's own rule gives these same figures.
     */
    @Test
    void withComposersRuleTheEngineMakes51point14PercentAndMatchesComposersDrawdown() {
        Stats stats = Stats.of(replay(true));
        System.out.println("bento, corridor and symbol changes: " + stats);
        assertThat(stats.totalPercent()).isCloseTo(51.14, within(0.005));
        assertThat(stats.maxDrawdownPercent()).isCloseTo(10.50, within(0.005)); // Composer: 10.50
        assertThat(stats.volatilityPercent()).isCloseTo(36.33, within(0.005));
    }

    /** Equity at each close, starting at 1, trading to the day's target when the rule says so. */
    private static double[] replay(boolean rebalanceOnNewSymbols) {
        Map<Symbol, Double> held = new TreeMap<>();
        double cash = 1;
        double[] equity = new double[dates.size()];
        for (int i = 0; i < dates.size(); i++) {
            if (i > 0) {
                int day = i;
                held.replaceAll((s, value) -> value * closes.get(s)[day] / closes.get(s)[day - 1]);
            }
            double total = cash + held.values().stream().mapToDouble(Double::doubleValue).sum();
            Weights target = targets.get(i);
            if (i == 0 || outOfCorridor(held, total, target)
                    || rebalanceOnNewSymbols && !held.keySet().equals(target.bySymbol().keySet())) {
                held.clear();
                cash = total;
                for (Map.Entry<Symbol, Double> w : target.bySymbol().entrySet()) {
                    held.put(w.getKey(), w.getValue() * total);
                    cash -= w.getValue() * total;
                }
            }
            equity[i] = total;
        }
        return equity;
    }

    private static boolean outOfCorridor(Map<Symbol, Double> held, double total, Weights target) {
        TreeSet<Symbol> all = new TreeSet<>(held.keySet());
        all.addAll(target.bySymbol().keySet());
        for (Symbol s : all) {
            if (Math.abs(held.getOrDefault(s, 0.0) / total - target.weight(s)) > CORRIDOR) {
                return true;
            }
        }
        return false;
    }

    /** Composer's statistics of an equity curve, in percent. */
    record Stats(double totalPercent, double maxDrawdownPercent, double volatilityPercent) {
        static Stats of(double[] equity) {
            int n = equity.length - 1;
            double[] r = new double[n];
            double mean = 0;
            for (int i = 1; i <= n; i++) {
                r[i - 1] = equity[i] / equity[i - 1] - 1;
                mean += r[i - 1] / n;
            }
            double squares = 0;
            for (double x : r) {
                squares += (x - mean) * (x - mean);
            }
            double peak = equity[0];
            double drawdown = 0;
            for (double e : equity) {
                peak = Math.max(peak, e);
                drawdown = Math.max(drawdown, (peak - e) / peak);
            }
            return new Stats((equity[n] / equity[0] - 1) * 100, drawdown * 100,
                    Math.sqrt(squares / (n - 1) * 252) * 100);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "cumulative %+.2f%%, max drawdown %.2f%%, volatility %.2f%%",
                    totalPercent, maxDrawdownPercent, volatilityPercent);
        }
    }
}
