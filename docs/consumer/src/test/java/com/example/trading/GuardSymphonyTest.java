package com.example.trading;

import static io.alchemiser.inmemory.testkit.SymphonyAssert.assertThatSymphony;

import io.alchemiser.inmemory.InMemoryMarketData;
import io.alchemiser.inmemory.testkit.TestPrices;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A symphony unit-tested with the library's strategy-testing kit, on prices written in the test. */
class GuardSymphonyTest {
    static final Path GUARD = Path.of("src/test/resources/guard.clj");

    @Test
    void whenSpyIsOverboughtItHoldsBonds() {
        InMemoryMarketData rising = TestPrices.weekdaysFrom(LocalDate.of(2024, 1, 1))
                .closes("SPY", 100, 101, 102, 103, 104, 105)
                .closes("QQQ", 200, 199, 201, 200, 202, 201)
                .closes("TLT", 90, 90.5, 90, 90.5, 90, 90.5)
                .build();

        assertThatSymphony(GUARD).on(rising).at(LocalDate.of(2024, 1, 8))
                .allocates("TLT", 1.0)
                .because("rsi(window 3) of SPY");
    }

    @Test
    void otherwiseItHoldsEquitiesEqually() {
        InMemoryMarketData falling = TestPrices.weekdaysFrom(LocalDate.of(2024, 1, 1))
                .closes("SPY", 105, 104, 103, 102, 101, 100)
                .closes("QQQ", 200, 199, 201, 200, 202, 201)
                .closes("TLT", 90, 90.5, 90, 90.5, 90, 90.5)
                .build();

        assertThatSymphony(GUARD).on(falling).at(LocalDate.of(2024, 1, 8))
                .allocates("SPY", 0.5).allocates("QQQ", 0.5).allocatesNothingTo("TLT");
    }

    @Test
    void aWeekOfBacktestSwitchesFromBondsToEquitiesWhenSpyTurns() {
        InMemoryMarketData turning = TestPrices.weekdaysFrom(LocalDate.of(2024, 1, 1))
                .closes("SPY", 100, 101, 102, 103, 104, 105, 104, 103, 102, 101)
                .closes("QQQ", 200, 199, 201, 200, 202, 200, 200, 200, 200, 200)
                .closes("TLT", 90, 90.5, 90, 90.5, 90, 90.5, 90, 90.5, 90, 90.5)
                .build();

        assertThatSymphony(GUARD).on(turning).backtest(LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 12), "SPY")
                .holdsOn(LocalDate.of(2024, 1, 8), "TLT", 1.0)
                .holdsOn(LocalDate.of(2024, 1, 9), "SPY", 0.5)
                .beatsTheBenchmark();
    }
}
