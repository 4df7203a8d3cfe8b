package io.alchemiser.dsl.eval;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.dsl.compile.Symphonies;
import io.alchemiser.dsl.compile.Symphony;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** Shorthands for the evaluation tests. */
final class Fixtures {
    static final String FILE = "golden.clj";

    private Fixtures() {
    }

    static Symphony compile(String text) {
        return Symphonies.compile(FILE, text);
    }

    /** Evaluates {@code text} on test day {@code day} in a fresh context. */
    static StrategyResult evaluate(String text, PriceHistory market, int day) {
        LocalDate date = TestMarket.day(day);
        return SymphonyEvaluator.evaluate(compile(text), EvaluationSession.open(market, date), date);
    }

    static Weights weights(String text, PriceHistory market, int day) {
        return evaluate(text, market, day).weights();
    }

    /** Weights as a plain map from ticker to weight, for assertions. */
    static Map<String, Double> plain(Weights weights) {
        Map<String, Double> out = new TreeMap<>();
        for (Map.Entry<Symbol, Double> e : weights.bySymbol().entrySet()) {
            out.put(e.getKey().value(), e.getValue());
        }
        return out;
    }
}
