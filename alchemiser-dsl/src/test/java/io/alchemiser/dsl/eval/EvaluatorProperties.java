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
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Invariants over random small symphonies on random positive prices: weights are full or cash, and evaluation is a
 * function of the date alone (the memo, the order of dates and the context do not change a result).
 */
class EvaluatorProperties {
    private static final String[] SYMBOLS = {"A", "B", "C", "D", "E"};
    private static final int BARS = 45;
    /** Windows are at most 5 and ranked subtrees nest at most 3 deep: day 25 always has enough history. */
    private static final int FIRST_DAY = 25;
    private static final String[] INDICATORS = {"rsi", "moving-average-price", "exponential-moving-average-price",
        "cumulative-return", "moving-average-return", "stdev-return", "stdev-price", "max-drawdown"};

    @Property(tries = 150)
    void weightsSumToOneOrTheSymphonyHoldsCash(@ForAll long seed) {
        Random random = new Random(seed);
        TestMarket market = market(random);
        String text = tree(random, 3);
        Symphony symphony = Fixtures.compile(text);
        EvaluationSession context = EvaluationSession.open(market, TestMarket.day(BARS - 1));
        for (int day = FIRST_DAY; day < BARS; day++) {
            Weights weights = SymphonyEvaluator.evaluate(symphony, context, TestMarket.day(day)).weights();
            if (!weights.isCashOnly()) {
                assertThat(weights.total()).as(text).isCloseTo(1.0, within(1e-9));
            }
            for (Map.Entry<Symbol, Double> e : weights.bySymbol().entrySet()) {
                assertThat(e.getValue()).isPositive().isLessThanOrEqualTo(1.0);
                assertThat(symphony.symbols()).contains(e.getKey());
            }
        }
    }

    @Property(tries = 60)
    void resultsDependOnTheDateAloneNotOnTheOrderOfEvaluation(@ForAll long seed) {
        Random random = new Random(seed);
        TestMarket market = market(random);
        String text = tree(random, 3);
        Symphony symphony = Fixtures.compile(text);
        LocalDate last = TestMarket.day(BARS - 1);
        EvaluationSession forward = EvaluationSession.open(market, last);
        List<StrategyResult> inOrder = new ArrayList<>();
        for (int day = FIRST_DAY; day < BARS; day++) {
            inOrder.add(SymphonyEvaluator.evaluate(symphony, forward, TestMarket.day(day)));
        }
        List<Integer> shuffled = new ArrayList<>();
        for (int day = FIRST_DAY; day < BARS; day++) {
            shuffled.add(day);
        }
        Collections.shuffle(shuffled, random);
        EvaluationSession scrambled = EvaluationSession.open(market, last);
        for (int day : shuffled) {
            StrategyResult again = SymphonyEvaluator.evaluate(symphony, scrambled, TestMarket.day(day));
            StrategyResult first = inOrder.get(day - FIRST_DAY);
            assertThat(again.weights()).as(text).isEqualTo(first.weights());
            assertThat(again.decisionPath()).as(text).isEqualTo(first.decisionPath());
        }
        int day = FIRST_DAY + random.nextInt(BARS - FIRST_DAY);
        StrategyResult alone = SymphonyEvaluator.evaluate(Fixtures.compile(text),
                EvaluationSession.open(market, TestMarket.day(day)), TestMarket.day(day));
        assertThat(alone.weights()).as(text).isEqualTo(inOrder.get(day - FIRST_DAY).weights());
    }

    /** Random walks with daily moves of up to 8% either way, so every close stays positive. */
    private static TestMarket market(Random random) {
        TestMarket.Builder builder = TestMarket.builder();
        for (String symbol : SYMBOLS) {
            double[] closes = new double[BARS];
            double close = 20 + 100 * random.nextDouble();
            for (int i = 0; i < BARS; i++) {
                close *= 1 + (random.nextDouble() - 0.5) * 0.16;
                closes[i] = Math.round(close * 1e4) / 1e4;
            }
            builder.add(symbol, closes);
        }
        return builder.build();
    }

    private static String symbol(Random random) {
        return SYMBOLS[random.nextInt(SYMBOLS.length)];
    }

    private static String indicator(Random random, boolean withSymbol) {
        if (random.nextInt(8) == 0) {
            return withSymbol ? "(current-price \"" + symbol(random) + "\")" : "(current-price)";
        }
        String name = INDICATORS[random.nextInt(INDICATORS.length)];
        int window = 2 + random.nextInt(4);
        return "(" + name + (withSymbol ? " \"" + symbol(random) + "\"" : "") + " {:window " + window + "})";
    }

    private static String children(Random random, int depth, int max) {
        StringBuilder out = new StringBuilder("[");
        int count = 1 + random.nextInt(max);
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : " ").append(tree(random, depth - 1));
        }
        return out.append(']').toString();
    }

    /** A random allocation tree of at most {@code depth} levels of operators above its assets. */
    static String tree(Random random, int depth) {
        int choice = depth <= 0 ? 0 : random.nextInt(8);
        switch (choice) {
            case 1:
                return "(weight-equal " + children(random, depth, 3) + ")";
            case 2: {
                double w = 0.1 + 0.8 * random.nextDouble();
                return String.format(Locale.ROOT, "(weight-specified %.4f %s %.4f %s)", w, tree(random, depth - 1),
                        1 - w, tree(random, depth - 1));
            }
            case 3:
                return "(weight-inverse-volatility " + (2 + random.nextInt(4)) + " " + children(random, depth, 3) + ")";
            case 4:
                return "(group \"g" + random.nextInt(100) + "\" " + children(random, depth, 2) + ")";
            case 5:
            case 6: {
                String[] operators = {">", "<", ">=", "<="};
                String right = random.nextBoolean() ? indicator(random, true)
                        : String.format(Locale.ROOT, "%.2f", 100 * random.nextDouble());
                String condition = "(" + operators[random.nextInt(4)] + " " + indicator(random, true) + " " + right + ")";
                String otherwise = random.nextInt(4) == 0 ? "" : " " + children(random, depth, 2);
                return "(if " + condition + " " + children(random, depth, 2) + otherwise + ")";
            }
            case 7:
                return "(filter " + indicator(random, false) + " (" + (random.nextBoolean() ? "select-top" : "select-bottom")
                        + " " + (1 + random.nextInt(2)) + ") " + children(random, depth, 3) + ")";
            default:
                return "(asset \"" + symbol(random) + "\")";
        }
    }
}
