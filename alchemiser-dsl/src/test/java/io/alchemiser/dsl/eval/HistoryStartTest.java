package io.alchemiser.dsl.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.dsl.compile.Symphony;
import io.alchemiser.dsl.read.SourcePosition;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The first date a symphony can be evaluated, and which symbol and indicator set it. */
class HistoryStartTest {
    /** SPY from day 0, QQQ listed on day 5; 30 days in all. */
    private static final TestMarket MARKET;

    static {
        double[] spy = new double[30];
        double[] qqq = new double[25];
        for (int i = 0; i < spy.length; i++) {
            spy[i] = 100 + (i % 3);
        }
        for (int i = 0; i < qqq.length; i++) {
            qqq[i] = 50 + (i % 4);
        }
        MARKET = TestMarket.builder().add("SPY", spy).addFrom("QQQ", 5, qqq).build();
    }

    private static HistoryStart start(String text) {
        return SymphonyEvaluator.historyStart(Fixtures.compile(text), EvaluationSession.open(MARKET, TestMarket.day(29)));
    }

    @Test
    void theLongestIndicatorWarmUpSetsTheStart() {
        // rsi 14 of SPY needs 15 bars: SPY's bar 15 is day 14; QQQ (held) starts on day 5
        HistoryStart start = start("(if (> (rsi \"SPY\" {:window 14}) 50) [(asset \"QQQ\")] [(asset \"SPY\")])");
        assertThat(start.date()).isEqualTo(TestMarket.day(14));
        assertThat(start.symbol()).isEqualTo(Symbol.of("SPY"));
        assertThat(start.requirement()).isEqualTo("rsi(window 14) of SPY needs 15 bars");
        assertThat(start.position()).isEqualTo(new SourcePosition("golden.clj", 1, 8));
    }

    @Test
    void aLateListingSetsTheStartWhenItIsLater() {
        HistoryStart start = start("(if (> (current-price \"SPY\") 1) [(asset \"QQQ\")] [(asset \"SPY\")])");
        assertThat(start.date()).isEqualTo(TestMarket.day(5));
        assertThat(start.symbol()).isEqualTo(Symbol.of("QQQ"));
        assertThat(start.requirement()).isEqualTo("holding QQQ needs its first bar");
    }

    @Test
    void aRankedGroupAddsTheFiltersWindowToItsOwnStart() {
        // the group can be evaluated from day 14 (rsi 14 of SPY); moving-average-return 3 of its history needs
        // 3 more trading days: day 17. The asset SPY needs 4 bars for its own moving-average-return 3: day 3.
        String text = "(filter (moving-average-return {:window 3}) (select-top 1) [(group \"g\" [(if (> (rsi \"SPY\""
                + " {:window 14}) 50) [(asset \"QQQ\")] [(asset \"SPY\")])]) (asset \"SPY\")])";
        HistoryStart start = start(text);
        assertThat(start.date()).isEqualTo(TestMarket.day(17));
        assertThat(start.symbol()).isEqualTo(Symbol.of("SPY"));
        assertThat(start.requirement()).isEqualTo("rsi(window 14) of SPY needs 15 bars, then 3 trading days of the"
                + " allocation history of group \"g\" for moving-average-return(window 3) read by filter@1:1");

        Symphony symphony = Fixtures.compile(text);
        EvaluationSession context = EvaluationSession.open(MARKET, TestMarket.day(29));
        assertThat(SymphonyEvaluator.evaluate(symphony, context, TestMarket.day(17)).weights().total()).isEqualTo(1.0);
        EvaluationException early = catchThrowableOfType(EvaluationException.class,
                () -> SymphonyEvaluator.evaluate(symphony, context, TestMarket.day(16)));
        assertThat(early.reason()).isEqualTo(EvaluationException.Reason.INSUFFICIENT_HISTORY);
        // day 16 needs the group on day 13, when rsi 14 of SPY has only 14 bars
        assertThat(early.getMessage()).contains("rsi(window 14) of SPY on 2024-01-18 needs 15 bars");
    }

    @Test
    void aFilterBesideASiblingUnderInverseVolatilityAddsTheWindowToItsOwnStart() {
        // the filter ranks SPY and QQQ by rsi 14: QQQ, listed on day 5, has its 15th bar on day 19, so the filter can
        // be evaluated from day 19; inverse volatility 4 reads 4 returns of its history: day 23. (With the kept
        // assets measured one by one, as before a filter was one unit, the filter's own day 19 was the start.)
        String text = "(weight-inverse-volatility 4 [(filter (rsi {:window 14}) (select-top 1)"
                + " [(asset \"SPY\") (asset \"QQQ\")]) (asset \"SPY\")])";
        HistoryStart start = start(text);
        assertThat(start.date()).isEqualTo(TestMarket.day(23));
        assertThat(start.symbol()).isEqualTo(Symbol.of("QQQ"));
        assertThat(start.requirement()).isEqualTo("rsi(window 14) of QQQ needs 15 bars, then 4 trading days of the"
                + " allocation history of filter@1:31 for stdev-return(window 4) read by weight-inverse-volatility@1:1");
        Symphony symphony = Fixtures.compile(text);
        EvaluationSession context = EvaluationSession.open(MARKET, TestMarket.day(29));
        assertThat(SymphonyEvaluator.evaluate(symphony, context, start.date()).weights().total()).isEqualTo(1.0);
        assertThat(catchThrowableOfType(EvaluationException.class, () -> SymphonyEvaluator.evaluate(symphony, context,
                TestMarket.day(22))).reason()).isEqualTo(EvaluationException.Reason.INSUFFICIENT_HISTORY);
    }

    @Test
    void aSoleChildOfInverseVolatilityNeedsNoHistoryForItsVolatility() {
        // the filter is the only unit: it takes the whole weight and its volatility is never read, so the start is
        // the filter's own, day 19, and it evaluates there
        String text = "(weight-inverse-volatility 4 [(filter (rsi {:window 14}) (select-top 1)"
                + " [(asset \"SPY\") (asset \"QQQ\")])])";
        assertThat(start(text).date()).isEqualTo(TestMarket.day(19));
        LocalDate day19 = TestMarket.day(19);
        assertThat(SymphonyEvaluator.evaluate(Fixtures.compile(text), EvaluationSession.open(MARKET, day19), day19)
                .weights().total()).isEqualTo(1.0);
    }

    @Test
    void anIndicatorLongerThanTheDataHasNoStart() {
        EvaluationException e = catchThrowableOfType(EvaluationException.class,
                () -> start("(if (> (rsi \"SPY\" {:window 100}) 50) [(asset \"QQQ\")] [(asset \"SPY\")])"));
        assertThat(e.reason()).isEqualTo(EvaluationException.Reason.INSUFFICIENT_HISTORY);
        assertThat(e.getMessage()).contains("rsi(window 100) of SPY needs 101 bars, more than the data through "
                + LocalDate.of(2024, 2, 9) + " holds");
    }
}
