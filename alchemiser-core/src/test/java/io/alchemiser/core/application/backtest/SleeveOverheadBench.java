package io.alchemiser.core.application.backtest;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.portfolio.RebalanceRule;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.core.port.WeightedStrategy;
import io.alchemiser.core.testing.TestStrategy;
import io.alchemiser.core.testing.WeekdayCloses;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the sleeve bookkeeping costs a backtest: ten years of a strategy whose evaluation is nearly free (so the
 * simulation is all there is to time), replayed by the backtester and by the pre-sleeve simulation
 * ({@link ReferenceBacktester}), interleaved, median of 7 each, in CPU time of the running thread (so a busy machine
 * does not skew the comparison). Also a threshold and a monthly rule, and four daily sleeves. Prints figures;
 * asserts nothing. Run: {@code java -cp <core test classpath>
 * io.alchemiser.core.application.backtest.SleeveOverheadBench}.
 */
public final class SleeveOverheadBench {
    private SleeveOverheadBench() {
    }

    public static void main(String[] args) {
        int days = 2520;
        int symbols = 10;
        LocalDate start = LocalDate.of(2014, 1, 6);
        WeekdayCloses prices = new WeekdayCloses(start);
        String[] tickers = new String[symbols];
        for (int k = 0; k < symbols; k++) {
            tickers[k] = "S" + k;
            double[] c = new double[days];
            c[0] = 100;
            for (int i = 1; i < days; i++) {
                c[i] = c[i - 1] * (1 + 0.01 * Math.sin(i * 0.37 + k));
            }
            prices.with(tickers[k], c);
        }
        LocalDate end = prices.dailyBars(Symbol.of("S0"), start, start.plusYears(20)).lastDate();
        List<WeightedStrategy> one = List.of(new WeightedStrategy(rotating("daily", tickers, RebalanceRule.daily()), 1));
        BacktestSettings settings = new BacktestSettings(start, end, 10_000, 5, 0, Symbol.of("S0"), 0, null);
        long[] now = new long[7];
        long[] before = new long[7];
        for (int run = 0; run < 7; run++) {
            long t = cpu();
            new Backtester().run(one, prices, settings, BacktestProgress.none());
            now[run] = cpu() - t;
            t = cpu();
            ReferenceBacktester.run(one, EvaluationSession.open(prices, end), settings);
            before[run] = cpu() - t;
        }
        System.out.printf(Locale.ROOT, "%,d days, %d symbols, 5 held, daily: sleeves %.1f ms, before sleeves %.1f ms "
                + "(CPU, median of 7)%n", days, symbols, median(now) / 1e6, median(before) / 1e6);
        for (RebalanceRule rule : List.of(RebalanceRule.corridor(0.05), RebalanceRule.every(RebalanceRule.Frequency.MONTHLY))) {
            List<WeightedStrategy> s = List.of(new WeightedStrategy(rotating(rule.keyword(), tickers, rule), 1));
            System.out.printf(Locale.ROOT, "  %s: %.1f ms%n", rule, time(s, prices, settings) / 1e6);
        }
        List<WeightedStrategy> four = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            four.add(new WeightedStrategy(rotating("s" + k, tickers, RebalanceRule.daily()), 0.25));
        }
        System.out.printf(Locale.ROOT, "  four daily sleeves: %.1f ms%n", time(four, prices, settings) / 1e6);
    }

    private static long time(List<WeightedStrategy> s, WeekdayCloses prices, BacktestSettings settings) {
        long[] t = new long[7];
        for (int run = 0; run < 7; run++) {
            long start = cpu();
            new Backtester().run(s, prices, settings, BacktestProgress.none());
            t[run] = cpu() - start;
        }
        return median(t);
    }

    /** Holds five of the symbols equally, a different five every few days. */
    private static TestStrategy rotating(String name, String[] tickers, RebalanceRule rule) {
        return TestStrategy.of(name, (session, date) -> {
            int shift = (int) (date.toEpochDay() / 3 % tickers.length);
            Map<Symbol, Double> w = new HashMap<>();
            for (int k = 0; k < 5; k++) {
                w.put(Symbol.of(tickers[(shift + k) % tickers.length]), 0.2);
            }
            return Weights.of(w);
        }, tickers).withRebalanceRule(rule);
    }

    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long median(long[] v) {
        long[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
