package io.alchemiser.inmemory.testkit;

import static io.alchemiser.inmemory.testkit.SymphonyAssert.assertThatSymphony;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.dsl.read.SymphonyException;
import io.alchemiser.inmemory.BarGenerator;
import io.alchemiser.inmemory.InMemoryMarketData;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The strategy-testing kit, tested with itself. */
class SymphonyAssertTest {
    static final LocalDate MONDAY = LocalDate.of(2024, 1, 1);
    static final String GUARD = """
            (defsymphony "Guard" {:rebalance-frequency :daily}
              (if (> (rsi "SPY" {:window 3}) 70)
                [(asset "TLT")]
                [(weight-equal [(asset "SPY") (asset "QQQ")])]))
            """;

    /** SPY rises every day (its RSI is 100), QQQ and TLT drift. */
    final InMemoryMarketData rising = TestPrices.weekdaysFrom(MONDAY)
            .closes("SPY", 100, 101, 102, 103, 104, 105)
            .closes("QQQ", 200, 199, 201, 200, 202, 201)
            .closes("TLT", 90, 90.5, 90, 90.5, 90, 90.5)
            .build();

    /** SPY falls every day (its RSI is 0). */
    final InMemoryMarketData falling = TestPrices.weekdaysFrom(MONDAY)
            .closes("SPY", 105, 104, 103, 102, 101, 100)
            .closes("QQQ", 200, 199, 201, 200, 202, 201)
            .closes("TLT", 90, 90.5, 90, 90.5, 90, 90.5)
            .build();

    @Test
    void anOverboughtMarketGoesToBondsAndSaysWhy() {
        assertThatSymphony(GUARD).mentionsExactly("QQQ", "SPY", "TLT")
                .on(rising).at(LocalDate.of(2024, 1, 8))
                .allocates("TLT", 1.0)
                .holdsOnly("TLT")
                .because("rsi(window 3) of SPY")
                .because("then-branch");
    }

    @Test
    void otherwiseItSplitsEquallyBetweenTheEquities() {
        assertThatSymphony(GUARD).on(falling).at(LocalDate.of(2024, 1, 8))
                .allocates("SPY", 0.5).allocates("QQQ", 0.5)
                .allocatesNothingTo("TLT")
                .because("else-branch");
    }

    @Test
    void aWrongExpectationFailsWithTheWeightsAndTheDecisionPath() {
        assertThatThrownBy(() -> assertThatSymphony(GUARD).on(rising).at(LocalDate.of(2024, 1, 8))
                .allocates("SPY", 0.5))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to allocate 0.5 to SPY on 2024-01-08 but it allocates 0.0")
                .hasMessageContaining("decision path:").hasMessageContaining("then-branch");
        assertThatThrownBy(() -> assertThatSymphony(GUARD).on(rising).at(LocalDate.of(2024, 1, 8))
                .because("moving-average"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("to mention \"moving-average\"");
    }

    @Test
    void aSymphonyThatDoesNotCompileFailsWithItsPositionedDiagnostic() {
        assertThatThrownBy(() -> assertThatSymphony("(weight-equal [(asset \"SPY\")"))
                .isInstanceOf(SymphonyException.class).hasMessageContaining("test.clj:1:");
    }

    @Test
    void tooLittleHistoryIsAnEvaluationErrorNamingTheIndicator() {
        assertThatThrownBy(() -> assertThatSymphony(GUARD).on(rising).at(LocalDate.of(2024, 1, 2)))
                .isInstanceOf(SymphonyException.class).hasMessageContaining("rsi(window 3) of SPY");
    }

    @Test
    void aGeneratedRegimeServesEverySymbolOfTheDemoUniverse() {
        InMemoryMarketData market = TestPrices.weekdaysFrom(MONDAY)
                .generated(BarGenerator.demo(7), LocalDate.of(2024, 6, 28)).build();
        AllocationAssert allocation = assertThatSymphony(GUARD).on(market).at(LocalDate.of(2024, 6, 28));
        assertThat(allocation.decisionPath()).hasSize(1);
    }

    /** SPY rises for six days, then falls for four; QQQ is flat from the turn on. */
    final InMemoryMarketData turning = TestPrices.weekdaysFrom(MONDAY)
            .closes("SPY", 100, 101, 102, 103, 104, 105, 104, 103, 102, 101)
            .closes("QQQ", 200, 199, 201, 200, 202, 200, 200, 200, 200, 200)
            .closes("TLT", 90, 90.5, 90, 90.5, 90, 90.5, 90, 90.5, 90, 90.5)
            .build();

    @Test
    void aShortBacktestHoldsBondsWhileSpyIsOverboughtThenTheEquities() {
        LocalDate friday = LocalDate.of(2024, 1, 5);
        LocalDate turn = LocalDate.of(2024, 1, 9);
        LocalDate end = LocalDate.of(2024, 1, 12);
        // TLT from Friday's close to the turn (90 -> 90.5 -> 90), then half SPY, half flat QQQ, rebalanced daily
        double expected = (90.5 / 90) * (90 / 90.5) * (0.5 * 103 / 104 + 0.5) * (0.5 * 102 / 103 + 0.5)
                * (0.5 * 101 / 102 + 0.5) - 1;

        BacktestAssert backtest = assertThatSymphony(GUARD).on(turning).backtest(friday, end)
                .holdsOn(friday, "TLT", 1.0)
                .holdsOn(LocalDate.of(2024, 1, 8), "TLT", 1.0)
                .holdsOn(turn, "SPY", 0.5).holdsOn(turn, "QQQ", 0.5).holdsOn(turn, "TLT", 0)
                .hasTotalReturn(expected);

        assertThat(backtest.result().dates()).first().isEqualTo(friday);
        backtest.rebalances(6); // a daily symphony trades back to its target at every close: Jan 5, 8, 9, 10, 11, 12
        // SPY fell from 104 to 101 over the week; half of the portfolio in flat QQQ lost less
        assertThatSymphony(GUARD).on(turning).backtest(friday, end, "SPY").beatsTheBenchmark();
        assertThat(backtest.result().trades()).filteredOn(t -> t.date().equals(turn)).hasSize(3);
    }

    @Test
    void aWrongBacktestExpectationFailsWithTheHoldingsOfEachClose() {
        BacktestAssert backtest = assertThatSymphony(GUARD).on(turning)
                .backtest(LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 12));

        assertThatThrownBy(() -> backtest.holdsOn(LocalDate.of(2024, 1, 8), "SPY", 0.5))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to hold 0.5 of SPY at the close of 2024-01-08 but it held 0.0")
                .hasMessageContaining("holdings at each close:").hasMessageContaining("2024-01-12");
        assertThatThrownBy(() -> backtest.beatsTheBenchmark()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("to beat its benchmark");
        assertThatThrownBy(() -> backtest.isAllCashOn(LocalDate.of(2024, 1, 6)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("2024-01-06 is not a day of the backtest");
        assertThatThrownBy(() -> backtest.rebalances(99)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("to rebalance on 99 days");
    }
}
