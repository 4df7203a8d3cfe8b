package io.alchemiser.dsl.eval;

import static io.alchemiser.dsl.eval.Fixtures.evaluate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.dsl.eval.EvaluationException.Reason;
import io.alchemiser.dsl.read.SourcePosition;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Missing or short history is an error naming the symbol, indicator, window, date and node; never a default. */
class HistoryErrorsTest {

    private static EvaluationException failure(String text, TestMarket market, int day) {
        return catchThrowableOfType(EvaluationException.class, () -> evaluate(text, market, day));
    }

    @Test
    void tooFewBarsForAWindowNamesSymbolIndicatorWindowDateAndPosition() {
        TestMarket market = TestMarket.builder().add("SPY", 100, 101, 102, 103, 104).add("QQQ", 1, 1, 1, 1, 1).build();
        String text = "(weight-equal [\n  (if (> (rsi \"SPY\" {:window 10}) 50) [(asset \"SPY\")] [(asset \"QQQ\")])])";
        EvaluationException e = failure(text, market, 4);
        assertThat(e.reason()).isEqualTo(Reason.INSUFFICIENT_HISTORY);
        assertThat(e.position()).isEqualTo(new SourcePosition("golden.clj", 2, 10));
        assertThat(e.date()).contains(LocalDate.of(2024, 1, 5));
        assertThat(e.getMessage()).isEqualTo("golden.clj:2:10: error: rsi(window 10) of SPY on 2024-01-05 needs 11"
                + " bars of SPY up to that day, but it has only 5 (its first bar is 2024-01-01)");
    }

    @Test
    void aSymbolWithoutABarOnTheDateIsAnErrorNotAnOlderClose() {
        // QQQ has no bar on day 3 (2024-01-04); its close of day 2 is not used in its place
        TestMarket market = TestMarket.builder()
                .add("SPY", 100, 101, 102, 103, 104)
                .addWithGaps("QQQ", new int[] {3}, 10, 11, 12, 14)
                .build();
        EvaluationException e = failure("(if (> (current-price \"QQQ\") 11) [(asset \"SPY\")] [(asset \"QQQ\")])",
                market, 3);
        assertThat(e.reason()).isEqualTo(Reason.MISSING_BAR);
        assertThat(e.getMessage()).contains("current-price of QQQ on 2024-01-04")
                .contains("QQQ has no bar on 2024-01-04 (its last bar before is 2024-01-03)")
                .startsWith("golden.clj:1:8: error:");
    }

    @Test
    void holdingASymbolBeforeItsFirstBarIsAnError() {
        TestMarket market = TestMarket.builder().add("SPY", 100, 101, 102).addFrom("NEW", 2, 5).build();
        String text = "(weight-equal [(asset \"SPY\") (asset \"NEW\")])";
        EvaluationException e = failure(text, market, 1);
        assertThat(e.reason()).isEqualTo(Reason.INSUFFICIENT_HISTORY);
        assertThat(e.getMessage()).isEqualTo("golden.clj:1:30: error: holding NEW on 2024-01-02: NEW has no history"
                + " then (it has no bars on or before that day)");
        // with data loaded beyond the date, the message names the first bar
        LocalDate day1 = TestMarket.day(1);
        EvaluationException later = catchThrowableOfType(EvaluationException.class, () -> SymphonyEvaluator.evaluate(
                Fixtures.compile(text), EvaluationSession.open(market, TestMarket.day(2)), day1));
        assertThat(later.getMessage()).endsWith("NEW has no history then (its first bar is 2024-01-03)");
    }

    @Test
    void aDateWithNoBarForAnySymbolIsNoTradingDay() {
        TestMarket market = TestMarket.builder().add("SPY", 100, 101, 102, 103, 104, 105).build();
        LocalDate saturday = LocalDate.of(2024, 1, 6);
        EvaluationException e = catchThrowableOfType(EvaluationException.class, () -> SymphonyEvaluator.evaluate(
                Fixtures.compile("(asset \"SPY\")"), EvaluationSession.open(market, saturday.plusDays(7)), saturday));
        assertThat(e.reason()).isEqualTo(Reason.MISSING_BAR);
        assertThat(e.getMessage()).contains("no symbol of golden has a bar on 2024-01-06, so it is not a trading"
                + " day in the data (the last trading day before it is 2024-01-05)");
    }

    @Test
    void aSymbolTheSourceDoesNotKnowIsNamed() {
        TestMarket market = TestMarket.builder().add("SPY", 100, 101).build();
        EvaluationException e = failure("(weight-equal [(asset \"SPY\") (asset \"NOPE\")])", market, 1);
        assertThat(e.reason()).isEqualTo(Reason.DATA_UNAVAILABLE);
        assertThat(e.getMessage()).contains("NOPE");
    }

    @Test
    void aRankedGroupWithTooShortAHistoryNamesTheGroupAndTheWindow() {
        TestMarket market = TestMarket.builder().add("A", 1, 2, 3, 4, 5).add("B", 5, 4, 3, 2, 1).build();
        String text = "(filter (moving-average-return {:window 10}) (select-top 1)"
                + " [(group \"ga\" [(asset \"A\")]) (group \"gb\" [(asset \"B\")])])";
        EvaluationException e = failure(text, market, 4);
        assertThat(e.reason()).isEqualTo(Reason.INSUFFICIENT_HISTORY);
        assertThat(e.getMessage()).contains("moving-average-return(window 10) of the allocation history of"
                + " group \"ga\" on 2024-01-05 needs 10 trading days before it");
    }

    @Test
    void aFailureInsideAnAllocationHistorySaysWhatNeededIt() {
        // group "late" holds NEW, listed on day 3; its 2-day history on day 4 needs its holding on day 2
        TestMarket market = TestMarket.builder().add("A", 1, 2, 3, 4, 5).addFrom("NEW", 3, 7, 8).build();
        String text = "(filter (moving-average-return {:window 2}) (select-top 1)"
                + " [(asset \"A\") (group \"late\" [(asset \"NEW\")])])";
        EvaluationException e = failure(text, market, 4);
        assertThat(e.reason()).isEqualTo(Reason.INSUFFICIENT_HISTORY);
        assertThat(e.date()).contains(LocalDate.of(2024, 1, 3));
        assertThat(e.getMessage()).contains("holding NEW on 2024-01-03: NEW has no history then")
                .contains("needed for moving-average-return(window 2) of the allocation history of group \"late\""
                        + " from 2024-01-03 to 2024-01-05, read by filter@1:1 on 2024-01-05");
    }
}
