package io.alchemiser.inmemory.execution;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.port.MarketData;
import io.alchemiser.core.port.Strategy;
import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.core.domain.strategy.DecisionStep;
import io.alchemiser.inmemory.InMemoryMarketData;
import io.alchemiser.inmemory.ManualClock;
import io.alchemiser.inmemory.ManualScheduler;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/** Shared pieces of the execution tests: a Wednesday at 15:45 in New York, flat prices, simple strategies. */
final class Fixture {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 18);
    static final ManualScheduler CALENDAR = ManualScheduler.weekdays();

    private Fixture() {
    }

    static ManualClock clock() {
        return new ManualClock(ZonedDateTime.of(TODAY, LocalTime.of(15, 45), io.alchemiser.core.port.Scheduler.MARKET_ZONE)
                .toInstant());
    }

    static Symbol s(String ticker) {
        return Symbol.of(ticker);
    }

    /** 30 weekdays of bars ending today (or {@code lastDay}) at a constant price per symbol. */
    static InMemoryMarketData prices(LocalDate lastDay, Map<String, String> closes) {
        List<BarSeries> all = new ArrayList<>();
        closes.forEach((ticker, close) -> {
            List<DailyBar> bars = new ArrayList<>();
            LocalDate d = lastDay.minusDays(42);
            while (!d.isAfter(lastDay)) {
                if (d.getDayOfWeek().getValue() <= 5) {
                    bars.add(DailyBar.closeOnly(d, new BigDecimal(close)));
                }
                d = d.plusDays(1);
            }
            all.add(new BarSeries(s(ticker), bars));
        });
        return InMemoryMarketData.builder().bars(all).build();
    }

    static Strategy fixed(String name, Map<String, Double> weights) {
        return strategy(name, (data, date) -> {
            Map<Symbol, Double> w = new java.util.HashMap<>();
            weights.forEach((t, x) -> w.put(s(t), x));
            return Weights.of(w);
        }, weights.keySet());
    }

    static Strategy strategy(String name, BiFunction<MarketData, LocalDate, Weights> rule, Set<String> tickers) {
        return new Strategy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<Symbol> symbols() {
                Set<Symbol> out = new java.util.TreeSet<>();
                tickers.forEach(t -> out.add(s(t)));
                return out;
            }

            @Override
            public StrategyResult evaluate(MarketData data, LocalDate asOf) {
                symbols().forEach(sym -> data.dailyBars(sym, asOf.minusDays(10), asOf));
                return new StrategyResult(name, asOf, rule.apply(data, asOf),
                        List.of(new DecisionStep("if", name + ".clj:3:5", "took the then branch", Map.of("left", 1.0))));
            }
        };
    }
}
