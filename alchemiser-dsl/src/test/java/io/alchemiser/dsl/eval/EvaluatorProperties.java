package io.alchemiser.dsl.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.dsl.compile.Symphony;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants over generated small symphonies on generated positive prices: weights are full or cash, and evaluation
 * is a function of the date alone (the memo, the order of dates and the session do not change a result). The
 * generators shrink: prices towards flat series, trees towards shallower nesting and fewer children. Edge cases are
 * off: their combinations (flat prices, one-node trees) would use up the tries on the least interesting cases.
 */
class EvaluatorProperties {
    private static final List<String> SYMBOLS = List.of("A", "B", "C", "D", "E");
    private static final int BARS = 45;
    /** Windows are at most 5 and ranked subtrees nest at most 3 deep: day 25 always has enough history. */
    private static final int FIRST_DAY = 25;
    private static final List<String> INDICATORS = List.of("rsi", "moving-average-price",
            "exponential-moving-average-price", "cumulative-return", "moving-average-return", "stdev-return",
            "stdev-price", "max-drawdown");

    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void weightsSumToOneOrTheSymphonyHoldsCash(@ForAll("prices") Prices prices, @ForAll("trees") String text) {
        Symphony symphony = Fixtures.compile(text);
        EvaluationSession session = EvaluationSession.open(prices.market(), TestMarket.day(BARS - 1));
        for (int day = FIRST_DAY; day < BARS; day++) {
            Weights weights = SymphonyEvaluator.evaluate(symphony, session, TestMarket.day(day)).weights();
            if (!weights.isCashOnly()) {
                assertThat(weights.total()).as(text).isCloseTo(1.0, within(1e-9));
            }
            for (Map.Entry<Symbol, Double> e : weights.bySymbol().entrySet()) {
                assertThat(e.getValue()).isPositive().isLessThanOrEqualTo(1.0);
                assertThat(symphony.symbols()).contains(e.getKey());
            }
        }
    }

    @Property(tries = 60, edgeCases = EdgeCasesMode.NONE)
    void resultsDependOnTheDateAloneNotOnTheOrderOfEvaluation(@ForAll("prices") Prices prices,
            @ForAll("trees") String text, @ForAll("evaluationOrders") List<Integer> order,
            @ForAll @IntRange(min = FIRST_DAY, max = BARS - 1) int alone) {
        TestMarket market = prices.market();
        Symphony symphony = Fixtures.compile(text);
        LocalDate last = TestMarket.day(BARS - 1);
        EvaluationSession forward = EvaluationSession.open(market, last);
        List<StrategyResult> inOrder = new ArrayList<>();
        for (int day = FIRST_DAY; day < BARS; day++) {
            inOrder.add(SymphonyEvaluator.evaluate(symphony, forward, TestMarket.day(day)));
        }
        EvaluationSession scrambled = EvaluationSession.open(market, last);
        for (int day : order) {
            StrategyResult again = SymphonyEvaluator.evaluate(symphony, scrambled, TestMarket.day(day));
            StrategyResult first = inOrder.get(day - FIRST_DAY);
            assertThat(again.weights()).as(text).isEqualTo(first.weights());
            assertThat(again.decisionPath()).as(text).isEqualTo(first.decisionPath());
        }
        StrategyResult fresh = SymphonyEvaluator.evaluate(Fixtures.compile(text),
                EvaluationSession.open(market, TestMarket.day(alone)), TestMarket.day(alone));
        assertThat(fresh.weights()).as(text).isEqualTo(inOrder.get(alone - FIRST_DAY).weights());
    }

    /**
     * Closes of every symbol: a start between 20 and 120 and daily moves of up to 8% either way (so every close stays
     * positive), rounded to 4 decimals.
     */
    record Prices(List<List<Double>> closes) {
        TestMarket market() {
            TestMarket.Builder builder = TestMarket.builder();
            for (int s = 0; s < SYMBOLS.size(); s++) {
                builder.add(SYMBOLS.get(s), closes.get(s).stream().mapToDouble(Double::doubleValue).toArray());
            }
            return builder.build();
        }
    }

    @Provide
    Arbitrary<Prices> prices() {
        Arbitrary<List<Double>> walk = Combinators.combine(
                Arbitraries.doubles().between(20, 120).ofScale(2),
                Arbitraries.doubles().between(-0.08, 0.08).ofScale(4).list().ofSize(BARS - 1))
                .as((start, moves) -> {
                    List<Double> closes = new ArrayList<>(BARS);
                    double close = start;
                    closes.add(close);
                    for (double move : moves) {
                        close = Math.round(close * (1 + move) * 1e4) / 1e4;
                        closes.add(close);
                    }
                    return closes;
                });
        return walk.list().ofSize(SYMBOLS.size()).map(Prices::new);
    }

    /** The days from {@link #FIRST_DAY} to the last, in any order. */
    @Provide
    Arbitrary<List<Integer>> evaluationOrders() {
        return Arbitraries.shuffle(IntStream.range(FIRST_DAY, BARS).boxed().toList());
    }

    /** Allocation trees of one to 3 levels of operators above their assets, as symphony text. */
    @Provide
    Arbitrary<String> trees() {
        return Arbitraries.recursive(EvaluatorProperties::asset, EvaluatorProperties::operator, 1, 3);
    }

    private static Arbitrary<String> asset() {
        return Arbitraries.of(SYMBOLS).map(s -> "(asset \"" + s + "\")");
    }

    private static Arbitrary<String> operator(Arbitrary<String> inner) {
        // a child is a subtree one level down or, now and then, an asset: trees of mixed depth
        Arbitrary<String> child = Arbitraries.frequencyOf(Tuple.of(3, inner), Tuple.of(1, asset()));
        Arbitrary<Integer> window = Arbitraries.integers().between(2, 5);
        Arbitrary<String> weightEqual = children(child, 3).map(c -> "(weight-equal " + c + ")");
        Arbitrary<String> weightSpecified = Combinators.combine(Arbitraries.doubles().between(0.1, 0.9).ofScale(4),
                child, child).as((w, a, b) -> String.format(Locale.ROOT, "(weight-specified %.4f %s %.4f %s)", w, a,
                1 - w, b));
        Arbitrary<String> inverseVolatility = Combinators.combine(window, children(child, 3))
                .as((w, c) -> "(weight-inverse-volatility " + w + " " + c + ")");
        Arbitrary<String> group = Combinators.combine(Arbitraries.integers().between(0, 99), children(child, 2))
                .as((n, c) -> "(group \"g" + n + "\" " + c + ")");
        Arbitrary<Optional<String>> otherwise = Arbitraries.frequencyOf(
                Tuple.of(3, children(child, 2).map(Optional::of)), Tuple.of(1, Arbitraries.just(Optional.empty())));
        Arbitrary<String> ifNode = Combinators.combine(condition(), children(child, 2), otherwise)
                .as((condition, then, orElse) -> "(if " + condition + " " + then + orElse.map(o -> " " + o).orElse("")
                        + ")");
        Arbitrary<String> filter = Combinators.combine(indicator(false), Arbitraries.of("select-top", "select-bottom"),
                Arbitraries.integers().between(1, 2), children(child, 3))
                .as((indicator, select, count, c) -> "(filter " + indicator + " (" + select + " " + count + ") " + c
                        + ")");
        return Arbitraries.oneOf(weightEqual, weightSpecified, inverseVolatility, group, ifNode, ifNode, filter);
    }

    private static Arbitrary<String> children(Arbitrary<String> child, int max) {
        return child.list().ofMinSize(1).ofMaxSize(max).map(c -> "[" + String.join(" ", c) + "]");
    }

    private static Arbitrary<String> condition() {
        Arbitrary<String> constant = Arbitraries.doubles().between(0, 100).ofScale(2)
                .map(v -> String.format(Locale.ROOT, "%.2f", v));
        return Combinators.combine(Arbitraries.of(">", "<", ">=", "<="), indicator(true),
                Arbitraries.oneOf(indicator(true), constant))
                .as((operator, left, right) -> "(" + operator + " " + left + " " + right + ")");
    }

    /** An indicator with a window of 2 to 5 (or current-price, one in eight), of a symbol or, in a filter, not. */
    private static Arbitrary<String> indicator(boolean withSymbol) {
        Arbitrary<String> symbol = Arbitraries.of(SYMBOLS).map(s -> withSymbol ? " \"" + s + "\"" : "");
        Arbitrary<String> windowed = Combinators.combine(Arbitraries.of(INDICATORS), symbol,
                Arbitraries.integers().between(2, 5)).as((name, s, w) -> "(" + name + s + " {:window " + w + "})");
        Arbitrary<String> price = symbol.map(s -> "(current-price" + s + ")");
        return Arbitraries.frequencyOf(Tuple.of(7, windowed), Tuple.of(1, price));
    }
}
