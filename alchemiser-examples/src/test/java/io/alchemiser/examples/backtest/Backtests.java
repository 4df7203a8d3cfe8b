package io.alchemiser.examples.backtest;

import io.alchemiser.core.application.backtest.BacktestProgress;
import io.alchemiser.core.application.backtest.BacktestSettings;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.portfolio.RebalanceRule;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.dsl.compile.Symphonies;
import io.alchemiser.dsl.compile.Symphony;
import java.time.LocalDate;
import java.util.List;

/** Backtests of symphony text written in a test, over prices built in the test. */
final class Backtests {
    /** Holds AAA while its 5-day RSI is above 50, else BBB and SPY equally: switches often on swinging prices. */
    static final String SWITCHER = "(defsymphony \"switcher\" {:rebalance-frequency :daily}\n"
            + "  (if (> (rsi \"AAA\" {:window 5}) 50)\n"
            + "    [(asset \"AAA\")]\n"
            + "    [(weight-equal [(asset \"BBB\") (asset \"SPY\")])]))\n";

    private Backtests() {
    }

    static Symphony compile(String name, String text) {
        return Symphonies.compile(name, text);
    }

    /** One symphony from its history start to {@code to}, with its own rule, 10,000 dollars, no costs. */
    static BacktestRun run(String text, PriceHistory data, LocalDate to) {
        Symphony s = compile("test.clj", text);
        RebalanceRule rule = SymphonyBacktest.ruleOf(s.options());
        BacktestSettings settings = new BacktestSettings(null, to, 10_000, 0, 0, Symbol.of("SPY"), 0, rule);
        return SymphonyBacktest.run(List.of(s), List.of(1.0), data, settings, "the symphony's option",
                BacktestProgress.none());
    }

    /** {@link #SWITCHER} over 260 swinging weekdays. */
    static BacktestRun switcher() {
        TestPrices prices = TestPrices.swinging(260);
        return run(SWITCHER, prices.inMemory(), last(prices));
    }

    static LocalDate last(TestPrices prices) {
        List<LocalDate> dates = prices.dates();
        return dates.get(dates.size() - 1);
    }
}
