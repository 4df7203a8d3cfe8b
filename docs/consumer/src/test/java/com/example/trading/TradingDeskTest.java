package com.example.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.event.RunSummary;
import io.alchemiser.core.domain.ledger.RunStatus;
import io.alchemiser.core.domain.ledger.TradeStatus;
import io.alchemiser.inmemory.InMemoryEventBus;
import io.alchemiser.inmemory.InMemoryMarketData;
import io.alchemiser.inmemory.ManualClock;
import io.alchemiser.inmemory.ManualScheduler;
import io.alchemiser.inmemory.SimulatedBroker;
import io.alchemiser.inmemory.testkit.TestPrices;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The application's daily run, embedded with its own ledger, on the library's in-memory adapters. */
class TradingDeskTest {
    static final LocalDate MONDAY = LocalDate.of(2024, 1, 8);

    @Test
    void aDayTradesToTheSymphonysTargetAndTheApplicationsLedgerRecordsIt() {
        ManualClock clock = new ManualClock(MONDAY.atTime(LocalTime.of(15, 45))
                .atZone(ZoneId.of("America/New_York")).toInstant());
        InMemoryMarketData prices = TestPrices.weekdaysFrom(LocalDate.of(2024, 1, 1))
                .closes("SPY", 105, 104, 103, 102, 101, 100)
                .closes("QQQ", 200, 199, 201, 200, 202, 201)
                .closes("TLT", 90, 90.5, 90, 90.5, 90, 90.5)
                .quotedAt(clock)
                .build();
        SimulatedBroker broker = SimulatedBroker.builder(clock).cash(new BigDecimal("10000")).quotes(prices).build();
        ListLedger ledger = new ListLedger();
        TradingDesk desk = new TradingDesk(Map.of(Path.of("src/test/resources/guard.clj"), 1.0), prices, prices,
                broker, ledger, new InMemoryEventBus(), ManualScheduler.builder().clock(clock).build(), clock,
                clock::advance);

        RunSummary summary = desk.tradeToday(MONDAY);

        assertThat(summary.trades()).extracting(t -> t.symbol().value()).containsExactlyInAnyOrder("SPY", "QQQ");
        assertThat(ledger.trades(RunId.forDate(MONDAY))).allSatisfy(t ->
                assertThat(t.status()).isEqualTo(TradeStatus.FILLED));
        assertThat(ledger.latestRun(RunId.forDate(MONDAY))).get().extracting(r -> r.status())
                .isEqualTo(RunStatus.COMPLETED);
        assertThat(desk.fills()).anySatisfy(f -> assertThat(f).startsWith("BUY").endsWith("SPY"));
        assertThat(broker.positions()).extracting(p -> p.symbol()).contains(Symbol.of("SPY"), Symbol.of("QQQ"));
    }
}
