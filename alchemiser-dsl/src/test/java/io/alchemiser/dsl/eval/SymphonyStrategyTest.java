package io.alchemiser.dsl.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.dsl.compile.Symphony;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A symphony as a core strategy: its name and symbols, caching in the caller's session, and thread-safety. */
class SymphonyStrategyTest {
    private static final int DAYS = 40;
    private static final String TEXT = "(defsymphony \"Rotator\" {:rebalance-frequency :daily}\n"
            + " (weight-equal [\n"
            + "  (if (> (rsi \"SPY\" {:window 5}) 60) [(asset \"TLT\")] [(asset \"SPY\")])\n"
            + "  (filter (moving-average-return {:window 3}) (select-top 1)\n"
            + "    [(group \"a\" [(if (< (current-price \"QQQ\") (moving-average-price \"QQQ\" {:window 4}))"
            + " [(asset \"GLD\")] [(asset \"QQQ\")])]) (group \"b\" [(asset \"TLT\")]) (asset \"GLD\")])]))";

    private static TestMarket market() {
        double[] spy = new double[DAYS];
        double[] qqq = new double[DAYS];
        double[] tlt = new double[DAYS];
        double[] gld = new double[DAYS];
        for (int i = 0; i < DAYS; i++) {
            spy[i] = 100 + 5 * Math.sin(i / 3.0);
            qqq[i] = 200 + 8 * Math.cos(i / 2.0) + i;
            tlt[i] = 90 - 0.2 * i + Math.sin(i);
            gld[i] = 150 + 3 * Math.sin(i / 5.0 + 1);
        }
        return TestMarket.builder().add("SPY", spy).add("QQQ", qqq).add("TLT", tlt).add("GLD", gld).build();
    }

    private static Symphony symphony() {
        return Fixtures.compile(TEXT);
    }

    @Test
    void nameAndSymbols() {
        SymphonyStrategy strategy = new SymphonyStrategy(symphony());
        assertThat(strategy.name()).isEqualTo("Rotator");
        assertThat(new SymphonyStrategy(symphony(), "rotator 40%").name()).isEqualTo("rotator 40%");
        assertThat(strategy.symbols()).containsExactly(Symbol.of("GLD"), Symbol.of("QQQ"), Symbol.of("SPY"),
                Symbol.of("TLT"));
        assertThatThrownBy(() -> new SymphonyStrategy(symphony(), " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void weightsOnlyMatchFullEvaluationsOnEveryDay() {
        TestMarket market = market();
        SymphonyStrategy traced = new SymphonyStrategy(symphony());
        SymphonyStrategy untraced = new SymphonyStrategy(symphony());
        EvaluationSession session = EvaluationSession.open(market, TestMarket.day(DAYS - 1));
        EvaluationSession other = EvaluationSession.open(market, TestMarket.day(DAYS - 1));
        for (int day = 10; day < DAYS; day++) {
            assertThat(untraced.weights(session, TestMarket.day(day)))
                    .isEqualTo(traced.evaluate(other, TestMarket.day(day)).weights());
        }
    }

    @Test
    void historyStartOverTheWholeDataNamesWhatSetsIt() {
        var start = new SymphonyStrategy(symphony()).historyStart(
                EvaluationSession.open(market(), TestMarket.day(DAYS - 1)));
        assertThat(start).isPresent();
        assertThat(start.get().date()).isAfter(TestMarket.day(0));
        assertThat(start.get().setBy()).contains("golden.clj:");
    }

    @Test
    void oneSessionLoadsTheDataOnceForEveryDateAndMatchesFreshSessions() {
        TestMarket market = market();
        SymphonyStrategy strategy = new SymphonyStrategy(symphony());
        EvaluationSession session = EvaluationSession.open(market, TestMarket.day(DAYS - 1));
        for (int day = 10; day < DAYS; day++) {
            StrategyResult cached = strategy.evaluate(session, TestMarket.day(day));
            StrategyResult fresh = SymphonyEvaluator.evaluate(symphony(),
                    EvaluationSession.open(market(), TestMarket.day(day)), TestMarket.day(day));
            assertThat(cached.weights()).isEqualTo(fresh.weights());
            assertThat(cached.decisionPath()).isEqualTo(fresh.decisionPath());
        }
        // one batched load for 30 dates
        assertThat(market.requests()).isEqualTo(1);
        strategy.evaluate(session, TestMarket.day(12));
        new SymphonyStrategy(symphony(), "another instance").evaluate(session, TestMarket.day(15));
        assertThat(market.requests()).isEqualTo(1);
        // the strategy keeps nothing: a new session reads the data again
        strategy.evaluate(EvaluationSession.open(market, TestMarket.day(20)), TestMarket.day(20));
        assertThat(market.requests()).isEqualTo(2);
    }

    @Test
    void evaluationsFromManyThreadsAgreeWithSequentialOnes() throws Exception {
        TestMarket market = market();
        SymphonyStrategy shared = new SymphonyStrategy(symphony());
        EvaluationSession session = EvaluationSession.open(market, TestMarket.day(DAYS - 1));
        List<StrategyResult> expected = new ArrayList<>();
        for (int day = 10; day < DAYS; day++) {
            expected.add(SymphonyEvaluator.evaluate(symphony(), EvaluationSession.open(market(), TestMarket.day(day)),
                    TestMarket.day(day)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<StrategyResult>> futures = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (int day = DAYS - 1; day >= 10; day--) {
                    LocalDate date = TestMarket.day(day);
                    futures.add(pool.submit(() -> shared.evaluate(session, date)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                StrategyResult got = futures.get(i).get();
                StrategyResult want = expected.get(DAYS - 1 - (i % (DAYS - 10)) - 10);
                assertThat(got.asOf()).isEqualTo(want.asOf());
                assertThat(got.weights()).isEqualTo(want.weights());
                assertThat(got.decisionPath()).isEqualTo(want.decisionPath());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDateAfterTheSessionsDataIsRefused() {
        SymphonyStrategy strategy = new SymphonyStrategy(symphony());
        EvaluationSession session = EvaluationSession.open(market(), TestMarket.day(20));
        assertThatThrownBy(() -> strategy.evaluate(session, TestMarket.day(21)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds bars only through 2024-01-29");
    }
}
