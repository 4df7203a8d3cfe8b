package io.alchemiser.inmemory.execution;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.Ports;
import io.alchemiser.core.port.Strategy;
import io.alchemiser.core.testing.TestStrategy;
import io.alchemiser.inmemory.InMemoryEventBus;
import io.alchemiser.inmemory.InMemoryLedger;
import io.alchemiser.inmemory.InMemoryMarketData;
import io.alchemiser.inmemory.ManualClock;
import io.alchemiser.inmemory.ManualScheduler;
import io.alchemiser.inmemory.SimulatedBroker;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        return InMemoryMarketData.builder().clock(clock()).bars(all).build();
    }

    static Strategy fixed(String name, Map<String, Double> weights) {
        return TestStrategy.fixed(name, weights);
    }

    /** The ports of a run on the simulated broker, on simulated time. */
    static Ports ports(InMemoryMarketData data, SimulatedBroker broker, InMemoryLedger ledger, InMemoryEventBus events,
            ManualClock clock) {
        return Ports.builder().priceHistory(data).quotes(data).broker(broker).ledger(ledger).events(events)
                .calendar(ManualScheduler.builder().clock(clock).build()).clock(clock).sleeper(clock::advance).build();
    }
}
