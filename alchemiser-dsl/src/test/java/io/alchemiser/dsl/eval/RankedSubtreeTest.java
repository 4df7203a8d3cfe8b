package io.alchemiser.dsl.eval;

import static io.alchemiser.dsl.eval.Fixtures.evaluate;
import static io.alchemiser.dsl.eval.Fixtures.weights;
import static io.alchemiser.dsl.eval.OperatorGoldenTest.assertWeights;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.alchemiser.core.domain.strategy.DecisionStep;
import io.alchemiser.core.domain.strategy.StrategyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Filters and inverse-volatility weightings over subtrees, scored on the synthetic series of each subtree's own
 * allocation history: weights decided at the close of day t-1 earn the returns of day t.
 */
class RankedSubtreeTest {

    /**
     * S crosses 100 so that the "switch" group holds A on days 2 and 4 and B on days 0, 1 and 3. A gains 10% on
     * day 3, B loses 15% on day 4, C gains 1% a day.
     */
    private static final TestMarket SWITCHING = TestMarket.builder()
            .add("S", 99, 99, 101, 99, 101)
            .add("A", 100, 100, 100, 110, 110)
            .add("B", 100, 100, 100, 100, 85)
            .add("C", 100, 101, 102.01, 103.0301, 104.060401)
            .build();

    private static final String SWITCH = "(group \"switch\" [(if (> (current-price \"S\") 100)"
            + " [(asset \"A\")] [(asset \"B\")])])";
    private static final String STEADY = "(group \"steady\" [(asset \"C\")])";

    private static String filterGroups(String selection) {
        return "(filter (moving-average-return {:window 2}) (" + selection + ") [" + SWITCH + " " + STEADY + "])";
    }

    @Test
    void filterSelectTopOverGroupsRanksTheirAllocationHistory() {
        // moving-average-return 2 on day 4 averages the returns of days 3 and 4:
        //   switch: held A at the close of day 2 -> A's day-3 return +10%; held B at day 3 -> B's day-4 return -15%;
        //           (10 - 15) / 2 = -2.5
        //   steady: C +1% and +1% -> 1
        // top 1 is steady, which holds C. (Ranking by today's holding, A with +5%, would pick switch.)
        assertWeights(weights(filterGroups("select-top 1"), SWITCHING, 4), "C", 1.0);
    }

    @Test
    void filterSelectBottomOverGroupsKeepsTheWorstHistoryWithTodaysHolding() {
        // bottom 1 is switch (-2.5); on day 4 S = 101 > 100, so it holds A
        assertWeights(weights(filterGroups("select-bottom 1"), SWITCHING, 4), "A", 1.0);
    }

    @Test
    void theFilterStepShowsEveryScoreAndTheKeptChildren() {
        StrategyResult result = evaluate(filterGroups("select-bottom 1"), SWITCHING, 4);
        DecisionStep filter = result.decisionPath().get(0);
        assertThat(filter.kind()).isEqualTo("filter");
        assertThat(filter.location()).isEqualTo("golden.clj:1:1");
        assertThat(filter.values().get("group \"switch\"")).isCloseTo(-2.5, within(1e-9));
        assertThat(filter.values().get("group \"steady\"")).isCloseTo(1.0, within(1e-9));
        assertThat(filter.values()).containsEntry("kept group \"switch\"", 1.0)
                .doesNotContainKey("kept group \"steady\"");
        assertThat(filter.summary()).contains("select-bottom 1 of 2 by moving-average-return(window 2)")
                .contains("kept group \"switch\" (-2.5)");
        // the kept group's own decision follows the filter; the dropped group has none
        assertThat(result.decisionPath()).hasSize(2);
        DecisionStep inner = result.decisionPath().get(1);
        assertThat(inner.kind()).isEqualTo("if");
        assertThat(inner.values()).containsEntry("left", 101.0).containsEntry("right", 100.0);
    }

    @Test
    void stepsOfChildrenAFilterDropsAreLeftOut() {
        StrategyResult result = evaluate(filterGroups("select-top 1"), SWITCHING, 4);
        assertThat(result.decisionPath()).extracting(DecisionStep::kind).containsExactly("filter");
    }

    /**
     * Day 2 holdings: a "best of A and B by price" filter held B on day 0 and A on day 1; a "cheapest of C and D"
     * filter held C on day 0 and D on day 1.
     */
    private static final TestMarket NESTED = TestMarket.builder()
            .add("A", 10, 12, 13.2)
            .add("B", 11, 11, 14)
            .add("C", 20, 20, 22)
            .add("D", 21, 19, 19.95)
            .build();

    @Test
    void nestedFiltersRankTheInnerFiltersOnTheirHistory() {
        String inner1 = "(filter (current-price) (select-top 1) [(asset \"A\") (asset \"B\")])";
        String inner2 = "(filter (current-price) (select-bottom 1) [(asset \"C\") (asset \"D\")])";
        String text = "(filter (cumulative-return {:window 1}) (select-top 1) [" + inner1 + " " + inner2 + "])";
        // cumulative-return 1 on day 2 is the return of day 2 of what each inner filter held at the close of day 1:
        //   inner1 held A (12 > 11): A 12 -> 13.2 = +10%;  inner2 held D (19 < 20): D 19 -> 19.95 = +5%
        // top 1 is inner1, which on day 2 holds B (14 > 13.2)
        StrategyResult result = evaluate(text, NESTED, 2);
        assertWeights(result.weights(), "B", 1.0);
        DecisionStep outer = result.decisionPath().get(0);
        assertThat(outer.values().get("filter@1:" + (text.indexOf(inner1) + 1))).isCloseTo(10.0, within(1e-9));
        assertThat(outer.values().get("filter@1:" + (text.indexOf(inner2) + 1))).isCloseTo(5.0, within(1e-9));
        // then the kept inner filter's own ranking of A and B on day 2
        DecisionStep kept = result.decisionPath().get(1);
        assertThat(kept.values()).containsEntry("A", 13.2).containsEntry("B", 14.0).containsEntry("kept B", 1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"moving-average-return", "cumulative-return",
        "stdev-return", "max-drawdown"})
    void aGroupAlwaysHoldingOneAssetScoresLikeTheAssetOnReturnIndicators(String indicator) {
        // the group's curve moves by C's daily returns exactly, so every indicator of the last N returns (or of
        // the last N closes, rescaled) agrees with C's own, up to rounding
        TestMarket market = TestMarket.builder()
                .add("C", 100, 103, 99, 104, 101, 107, 102)
                .add("D", 50, 50, 51, 52, 51, 50, 49)
                .build();
        String text = "(filter (" + indicator + " {:window 4}) (select-top 2) [(group \"c\" [(asset \"C\")])"
                + " (asset \"C\") (asset \"D\")])";
        DecisionStep step = evaluate(text, market, 6).decisionPath().get(0);
        assertThat(step.values().get("group \"c\"")).isCloseTo(step.values().get("C"), within(1e-9));
    }

    /** Daily returns over days 1..3: A +2%, -2%, +2%; B +1%, -1%, +1%; C falls 1% on day 3. */
    private static final TestMarket VOLATILE = TestMarket.builder()
            .add("A", 100, 102, 99.96, 101.9592)
            .add("B", 100, 101, 99.99, 100.9899)
            .add("C", 100, 100, 100, 99)
            .build();

    @Test
    void inverseVolatilityOverAssetsWeightsByOneOverTheirDeviation() {
        // stdev-return 3 (sample, divisor 2): A's returns 2, -2, 2 have mean 2/3, squared deviations
        // 16/9 + 64/9 + 16/9 = 96/9, so sqrt(96/9 / 2) = 2.3094; B's are half that, 1.1547.
        // 1/2.3094 : 1/1.1547 = 1 : 2, so A 1/3 and B 2/3
        StrategyResult result = evaluate("(weight-inverse-volatility 3 [(asset \"A\") (asset \"B\")])", VOLATILE, 3);
        assertWeights(result.weights(), "A", 1 / 3.0, "B", 2 / 3.0);
        DecisionStep step = result.decisionPath().get(0);
        assertThat(step.kind()).isEqualTo("weight-inverse-volatility");
        assertThat(step.values().get("volatility A")).isCloseTo(Math.sqrt(96.0 / 18), within(1e-9));
        assertThat(step.values().get("volatility B")).isCloseTo(Math.sqrt(24.0 / 18), within(1e-9));
        assertThat(step.values().get("weight A")).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(step.values().get("weight B")).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(step.summary()).startsWith("weights by 1 / stdev-return(window 3): A volatility 2.309401");
    }

    @Test
    void inverseVolatilityGivesAFilterAloneTheWholeWeightAndTheFilterSplitsItEqually() {
        // nuclear.clj's shape: cumulative-return 1 on day 3 keeps A (+2%) and B (+1%); the filter is the one unit of
        // the weighting, so it takes everything and splits it 1/2 each (not 1/3 and 2/3 by the assets' own
        // volatilities). A sole unit's volatility is not read, so this needs no history before day 0.
        String text = "(weight-inverse-volatility 3 [(filter (cumulative-return {:window 1}) (select-top 2)"
                + " [(asset \"A\") (asset \"B\") (asset \"C\")])])";
        StrategyResult result = evaluate(text, VOLATILE, 3);
        assertWeights(result.weights(), "A", 0.5, "B", 0.5);
        DecisionStep step = result.decisionPath().get(0);
        assertThat(step.kind()).isEqualTo("weight-inverse-volatility");
        assertThat(step.values()).containsExactly(java.util.Map.entry("weight filter@1:31", 1.0));
        assertThat(step.summary()).isEqualTo("weights by 1 / stdev-return(window 3): only filter@1:31 holds something,"
                + " so it takes the whole weight");
    }

    /**
     * A and B as in {@link #VOLATILE}; D is always the cheapest, so a top-2 filter by price keeps A and B every day;
     * C moves 4% a day, twice as much as A.
     */
    private static final TestMarket FILTER_BESIDE_AN_ASSET = TestMarket.builder()
            .add("A", 100, 102, 99.96, 101.9592)
            .add("B", 100, 101, 99.99, 100.9899)
            .add("C", 100, 104, 99.84, 103.8336)
            .add("D", 50, 50, 50, 50)
            .build();

    @Test
    void inverseVolatilityMeasuresAFilterBesideSiblingsOnItsOwnSyntheticSeries() {
        // the filter held A and B half each at every close, so its daily returns are (2+1)/2 = 1.5, -1.5, 1.5:
        // sample deviation 1.5 * sqrt(4/3) = 1.7321. C's returns 4, -4, 4: 4 * sqrt(4/3) = 4.6188.
        // 1/1.7321 : 1/4.6188 = 8/3 : 1, so the filter 8/11 (A 4/11, B 4/11) and C 3/11.
        // (Units of A, B and C one by one would give A 2/7, B 4/7, C 1/7.)
        String text = "(weight-inverse-volatility 3 [(filter (current-price) (select-top 2)"
                + " [(asset \"A\") (asset \"B\") (asset \"D\")]) (asset \"C\")])";
        StrategyResult result = evaluate(text, FILTER_BESIDE_AN_ASSET, 3);
        assertWeights(result.weights(), "A", 4 / 11.0, "B", 4 / 11.0, "C", 3 / 11.0);
        DecisionStep step = result.decisionPath().get(0);
        assertThat(step.values().get("volatility filter@1:31")).isCloseTo(1.5 * Math.sqrt(4.0 / 3), within(1e-9));
        assertThat(step.values().get("volatility C")).isCloseTo(4 * Math.sqrt(4.0 / 3), within(1e-9));
        assertThat(step.values().get("weight filter@1:31")).isCloseTo(8 / 11.0, within(1e-12));
    }

    @Test
    void aFilterOfFiltersRanksEachInnerFilterOnItsOwnSeries() {
        // inner "ab" keeps A and B (the filter of [A B D] by price), inner "c" holds C alone; ranked by
        // cumulative-return 1 on day 3: "ab" earned (2 + 1) / 2 = 1.5%, "c" 4%; the top one is "c"
        String inner = "(filter (current-price) (select-top 2) [(asset \"A\") (asset \"B\") (asset \"D\")])";
        String text = "(filter (cumulative-return {:window 1}) (select-top 1) [" + inner
                + " (filter (current-price) (select-top 1) [(asset \"C\")])])";
        StrategyResult result = evaluate(text, FILTER_BESIDE_AN_ASSET, 3);
        assertWeights(result.weights(), "C", 1.0);
        DecisionStep outer = result.decisionPath().get(0);
        assertThat(outer.values().get("filter@1:" + (text.indexOf(inner) + 1))).isCloseTo(1.5, within(1e-9));
        assertWeights(evaluate(text.replace("select-top 1) [" + inner, "select-bottom 1) [" + inner), FILTER_BESIDE_AN_ASSET,
                3).weights(), "A", 0.5, "B", 0.5);
    }

    @Test
    void inverseVolatilityOverGroupsUsesTheirSyntheticSeries() {
        // group "a" holds A: volatility 2.3094 (as above).
        // group "mix" holds A and B half each: daily returns (2+1)/2 = 1.5, -1.5, 1.5, deviation 1.5 * 1.1547 = 1.7321.
        // weights 1/2.3094 : 1/1.7321 = 3 : 4, so "a" 3/7 and "mix" 4/7;
        // A = 3/7 + 4/7 * 1/2 = 5/7, B = 4/7 * 1/2 = 2/7
        String text = "(weight-inverse-volatility 3 [(group \"a\" [(asset \"A\")])"
                + " (group \"mix\" [(weight-equal [(asset \"A\") (asset \"B\")])])])";
        StrategyResult result = evaluate(text, VOLATILE, 3);
        assertWeights(result.weights(), "A", 5 / 7.0, "B", 2 / 7.0);
        DecisionStep step = result.decisionPath().get(0);
        assertThat(step.values().get("volatility group \"mix\"")).isCloseTo(1.5 * Math.sqrt(4.0 / 3), within(1e-9));
        assertThat(step.values().get("weight group \"a\"")).isCloseTo(3 / 7.0, within(1e-12));
    }

    @Test
    void aChildWithZeroVolatilityTakesTheWholeWeight() {
        // FLAT never moves: its volatility is 0, the limit of 1 / volatility gives it everything
        TestMarket market = TestMarket.builder()
                .add("A", 100, 102, 99.96, 101.9592)
                .add("FLAT", 10, 10, 10, 10)
                .build();
        assertWeights(weights("(weight-inverse-volatility 3 [(asset \"A\") (asset \"FLAT\")])", market, 3),
                "FLAT", 1.0);
    }
}
