package io.alchemiser.inmemory.testkit;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.strategy.DecisionStep;
import io.alchemiser.core.domain.strategy.StrategyResult;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what a symphony decided on one date: its weights and the decision path behind them. Weights are
 * compared within 1e-9 unless {@link #within} says otherwise.
 */
public final class AllocationAssert extends AbstractAssert<AllocationAssert, StrategyResult> {
    private double tolerance = 1e-9;

    AllocationAssert(StrategyResult actual) {
        super(actual, AllocationAssert.class);
    }

    /** Compares weights within {@code tolerance} from here on. */
    public AllocationAssert within(double tolerance) {
        this.tolerance = tolerance;
        return this;
    }

    /** The symphony holds {@code weight} of {@code ticker}. */
    public AllocationAssert allocates(String ticker, double weight) {
        double got = actual.weights().weight(Symbol.of(ticker));
        if (Math.abs(got - weight) > tolerance) {
            failWithMessage("expected %s to allocate %s to %s on %s but it allocates %s (weights %s)%n%s",
                    actual.strategy(), weight, ticker, actual.asOf(), got, actual.weights(), path());
        }
        return this;
    }

    /** The symphony holds nothing of {@code ticker}. */
    public AllocationAssert allocatesNothingTo(String ticker) {
        return allocates(ticker, 0);
    }

    /** The symphony holds exactly these tickers (any weights). */
    public AllocationAssert holdsOnly(String... tickers) {
        Set<Symbol> expected = new TreeSet<>();
        for (String t : tickers) {
            expected.add(Symbol.of(t));
        }
        if (!actual.weights().bySymbol().keySet().equals(expected)) {
            failWithMessage("expected %s to hold only %s on %s but it holds %s%n%s", actual.strategy(), expected,
                    actual.asOf(), actual.weights().bySymbol().keySet(), path());
        }
        return this;
    }

    /** The symphony holds nothing: all cash. */
    public AllocationAssert isAllCash() {
        if (!actual.weights().isCashOnly()) {
            failWithMessage("expected %s to hold only cash on %s but it holds %s%n%s", actual.strategy(),
                    actual.asOf(), actual.weights(), path());
        }
        return this;
    }

    /** Some step of the decision path contains {@code text}, e.g. {@code "rsi(window 10) of SPY"}. */
    public AllocationAssert because(String text) {
        if (actual.decisionPath().stream().noneMatch(s -> s.toString().contains(text))) {
            failWithMessage("expected the decision path of %s on %s to mention \"%s\"%n%s", actual.strategy(),
                    actual.asOf(), text, path());
        }
        return this;
    }

    /** The decision path as text, one step a line, to assert on with AssertJ's list assertions. */
    public List<String> decisionPath() {
        return actual.decisionPath().stream().map(DecisionStep::toString).toList();
    }

    private String path() {
        StringBuilder sb = new StringBuilder("decision path:");
        actual.decisionPath().forEach(s -> sb.append(System.lineSeparator()).append("  ").append(s));
        return sb.toString();
    }
}
