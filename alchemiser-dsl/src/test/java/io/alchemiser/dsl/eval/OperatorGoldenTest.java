package io.alchemiser.dsl.eval;

import static io.alchemiser.dsl.eval.Fixtures.plain;
import static io.alchemiser.dsl.eval.Fixtures.weights;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.alchemiser.core.domain.Weights;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each operator on small hand-built prices, with the expected weights worked out by hand in the comments. */
class OperatorGoldenTest {

    /** Day 4: SPY closes at 101 after four days at 100; QQQ and TLT are flat. */
    private static final TestMarket FLAT = TestMarket.builder()
            .add("SPY", 100, 100, 100, 100, 101)
            .add("QQQ", 200, 200, 200, 200, 200)
            .add("TLT", 50, 50, 50, 50, 50)
            .build();

    static void assertWeights(Weights weights, Object... symbolAndWeight) {
        Map<String, Double> got = plain(weights);
        assertThat(got).hasSize(symbolAndWeight.length / 2);
        for (int i = 0; i < symbolAndWeight.length; i += 2) {
            assertThat(got).containsKey((String) symbolAndWeight[i]);
            assertThat(got.get((String) symbolAndWeight[i])).as((String) symbolAndWeight[i])
                    .isCloseTo(((Number) symbolAndWeight[i + 1]).doubleValue(), within(1e-12));
        }
        assertThat(weights.total()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void anAssetHoldsItsSymbol() {
        assertWeights(weights("(asset \"SPY\")", FLAT, 4), "SPY", 1.0);
    }

    @Test
    void aDefsymphonyWrapperEvaluatesItsTree() {
        String text = "(defsymphony \"x\" {:asset-class \"EQUITIES\", :rebalance-frequency :daily}"
                + " (weight-equal [(asset \"EQUITIES::TLT//USD\" nil)]))";
        assertWeights(weights(text, FLAT, 4), "TLT", 1.0);
    }

    @Test
    void weightEqualSplitsEqually() {
        // three children: 1/3 each
        assertWeights(weights("(weight-equal [(asset \"SPY\") (asset \"QQQ\") (asset \"TLT\")])", FLAT, 4),
                "SPY", 1 / 3.0, "QQQ", 1 / 3.0, "TLT", 1 / 3.0);
    }

    @Test
    void weightSpecifiedAppliesItsWeightsToEachChild() {
        // SPY 0.6; the nested weight-equal gets 0.4, split 0.2 QQQ + 0.2 TLT
        String text = "(weight-specified 0.6 (asset \"SPY\") 0.4 (weight-equal [(asset \"QQQ\") (asset \"TLT\")]))";
        assertWeights(weights(text, FLAT, 4), "SPY", 0.6, "QQQ", 0.2, "TLT", 0.2);
    }

    @Test
    void aSymbolReachedTwiceAddsUp() {
        // SPY 1/2 directly + 1/2 * 1/2 through the group = 0.75; QQQ 1/2 * 1/2 = 0.25
        String text = "(weight-equal [(asset \"SPY\") (group \"g\" [(asset \"SPY\") (asset \"QQQ\")])])";
        assertWeights(weights(text, FLAT, 4), "SPY", 0.75, "QQQ", 0.25);
    }

    @Test
    void aGroupIsTransparentAndSplitsSeveralChildrenEqually() {
        assertWeights(weights("(group \"solo\" [(asset \"QQQ\")])", FLAT, 4), "QQQ", 1.0);
        assertWeights(weights("(group \"pair\" [(asset \"SPY\") (asset \"QQQ\")])", FLAT, 4),
                "SPY", 0.5, "QQQ", 0.5);
    }

    @ParameterizedTest(name = "current-price of SPY (101) {0} {1} takes the {2} branch")
    @CsvSource({
        ">, 100, QQQ", ">, 101, TLT", ">, 102, TLT",
        ">=, 100, QQQ", ">=, 101, QQQ", ">=, 102, TLT",
        "<, 100, TLT", "<, 101, TLT", "<, 102, QQQ",
        "<=, 100, TLT", "<=, 101, QQQ", "<=, 102, QQQ"})
    void everyComparatorAgainstAConstant(String operator, String threshold, String held) {
        // then-branch holds QQQ, else-branch TLT; SPY's close on day 4 is exactly 101
        String text = "(if (" + operator + " (current-price \"SPY\") " + threshold + ")"
                + " [(asset \"QQQ\")] [(asset \"TLT\")])";
        assertWeights(weights(text, FLAT, 4), held, 1.0);
    }

    @Test
    void anIndicatorAgainstAnotherIndicator() {
        // current-price 101 vs moving-average-price 5 = (4 * 100 + 101) / 5 = 100.2: 101 > 100.2 holds
        String above = "(if (> (current-price \"SPY\") (moving-average-price \"SPY\" {:window 5}))"
                + " [(asset \"QQQ\")] [(asset \"TLT\")])";
        assertWeights(weights(above, FLAT, 4), "QQQ", 1.0);
        // QQQ's 200 vs TLT's 2-day average 50: 200 < 50 fails
        String below = "(if (< (current-price \"QQQ\") (moving-average-price \"TLT\" {:window 2}))"
                + " [(asset \"QQQ\")] [(asset \"TLT\")])";
        assertWeights(weights(below, FLAT, 4), "TLT", 1.0);
    }

    @Test
    void aBranchOfSeveralNodesSplitsEqually() {
        String text = "(if (> (current-price \"SPY\") 100) [(asset \"SPY\") (asset \"QQQ\")] [(asset \"TLT\")])";
        assertWeights(weights(text, FLAT, 4), "SPY", 0.5, "QQQ", 0.5);
    }

    @Test
    void anIfWithoutElseWhoseConditionFailsHoldsNothing() {
        // 101 > 200 fails and there is no else: the symphony holds cash
        Weights cash = weights("(if (> (current-price \"SPY\") 200) [(asset \"QQQ\")])", FLAT, 4);
        assertThat(cash.isCashOnly()).isTrue();
        assertThat(cash.cash()).isEqualTo(1.0);
        // 101 > 100 holds: the then-branch is held
        assertWeights(weights("(if (> (current-price \"SPY\") 100) [(asset \"QQQ\")])", FLAT, 4), "QQQ", 1.0);
    }

    @Test
    void anEmptyChildGivesItsShareToItsSiblings() {
        String empty = "(if (> (current-price \"SPY\") 200) [(asset \"QQQ\")])";
        // weight-equal over {empty, TLT}: TLT is the only child holding something, so 1.0
        assertWeights(weights("(weight-equal [" + empty + " (asset \"TLT\")])", FLAT, 4), "TLT", 1.0);
        // weight-specified 0.25 empty, 0.75 TLT: renormalised over TLT alone, 0.75 / 0.75 = 1.0
        assertWeights(weights("(weight-specified 0.25 " + empty + " 0.75 (asset \"TLT\"))", FLAT, 4), "TLT", 1.0);
        // when the child holds something the written weights apply
        String full = "(if (> (current-price \"SPY\") 100) [(asset \"QQQ\")])";
        assertWeights(weights("(weight-specified 0.25 " + full + " 0.75 (asset \"TLT\"))", FLAT, 4),
                "QQQ", 0.25, "TLT", 0.75);
    }

    /**
     * Cumulative return over 2 days on day 2: A 100 -> 110 = +10%, B 100 -> 103 = +3%, C 100 -> 95 = -5%,
     * D 50 -> 60 = +20%.
     */
    private static final TestMarket RANKED = TestMarket.builder()
            .add("A", 100, 105, 110)
            .add("B", 100, 100, 103)
            .add("C", 100, 90, 95)
            .add("D", 50, 55, 60)
            .build();

    private static String filter(String selection, String children) {
        return "(filter (cumulative-return {:window 2}) (" + selection + ") [" + children + "])";
    }

    private static final String ABCD = "(asset \"A\") (asset \"B\") (asset \"C\") (asset \"D\")";

    @Test
    void filterSelectTopOverAssetsKeepsTheHighestEqually() {
        // ranking D 20 > A 10 > B 3 > C -5: the top two are D and A, 1/2 each
        assertWeights(weights(filter("select-top 2", ABCD), RANKED, 2), "D", 0.5, "A", 0.5);
    }

    @Test
    void filterSelectBottomOverAssetsKeepsTheLowestEqually() {
        assertWeights(weights(filter("select-bottom 1", ABCD), RANKED, 2), "C", 1.0);
        // C -5, B 3, A 10: 1/3 each
        assertWeights(weights(filter("select-bottom 3", ABCD), RANKED, 2), "C", 1 / 3.0, "B", 1 / 3.0, "A", 1 / 3.0);
    }

    @Test
    void filterKeepingMoreThanItHasKeepsAll() {
        assertWeights(weights(filter("select-top 10", ABCD), RANKED, 2),
                "A", 0.25, "B", 0.25, "C", 0.25, "D", 0.25);
    }

    @Test
    void aFilterIsOneUnitToItsParentAndSplitsItsShareAmongTheChildrenItKeeps() {
        // the filter keeps D and A; with B beside it, weight-equal sees two units, the filter and B, 1/2 each;
        // the filter splits its half equally: D 1/4, A 1/4 (not three units of 1/3, as if the kept children
        // were the parent's own)
        String text = "(weight-equal [" + filter("select-top 2", ABCD) + " (asset \"B\")])";
        assertWeights(weights(text, RANKED, 2), "D", 0.25, "A", 0.25, "B", 0.5);
    }

    @Test
    void aFilterIsOneUnitToWeightSpecified() {
        // 0.8 to the filter (D and A, 0.4 each), 0.2 to B
        String text = "(weight-specified 0.8 " + filter("select-top 2", ABCD) + " 0.2 (asset \"B\"))";
        assertWeights(weights(text, RANKED, 2), "D", 0.4, "A", 0.4, "B", 0.2);
    }

    @Test
    void aFilterInABranchOfSeveralNodesIsOneUnitOfTheBranch() {
        // a then-branch of [filter, C]: the filter half (D, A a quarter each), C the other half
        String text = "(if (> (current-price \"A\") 0) [" + filter("select-top 2", ABCD) + " (asset \"C\")])";
        assertWeights(weights(text, RANKED, 2), "D", 0.25, "A", 0.25, "C", 0.5);
    }
}
