package io.alchemiser.inmemory.testkit;

import io.alchemiser.core.application.backtest.BacktestResult;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import java.time.LocalDate;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a short backtest of one symphony replayed in memory: which days it rebalanced, what it held at a
 * close, what it returned. Weights and returns are compared within 1e-9 unless {@link #within} says otherwise; the
 * whole {@link BacktestResult} is at {@link #result()} for anything else.
 */
public final class BacktestAssert extends AbstractAssert<BacktestAssert, BacktestResult> {
    private final String name;
    private double tolerance = 1e-9;

    BacktestAssert(String name, BacktestResult actual) {
        super(actual, BacktestAssert.class);
        this.name = name;
    }

    /** Compares weights and returns within {@code tolerance} from here on. */
    public BacktestAssert within(double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("a tolerance is zero or more, got " + tolerance);
        }
        this.tolerance = tolerance;
        return this;
    }

    /** The backtest traded to target on exactly {@code days} days (its first day counts: it buys in from cash). */
    public BacktestAssert rebalances(int days) {
        if (actual.rebalances() != days) {
            failWithMessage("expected %s to rebalance on %d days between %s and %s but it rebalanced on %d%n%s", name,
                    days, first(), last(), actual.rebalances(), holdings());
        }
        return this;
    }

    /** At the close of {@code date} (after any rebalance that day) the portfolio held {@code weight} of {@code ticker}. */
    public BacktestAssert holdsOn(LocalDate date, String ticker, double weight) {
        double got = weightsOn(date).weight(Symbol.of(ticker));
        if (Math.abs(got - weight) > tolerance) {
            failWithMessage("expected %s to hold %s of %s at the close of %s but it held %s%n%s", name, weight, ticker,
                    date, got, holdings());
        }
        return this;
    }

    /** At the close of {@code date} the portfolio held nothing: all cash. */
    public BacktestAssert isAllCashOn(LocalDate date) {
        Weights w = weightsOn(date);
        if (w.total() > tolerance) {
            failWithMessage("expected %s to hold only cash at the close of %s but it held %s%n%s", name, date, w,
                    holdings());
        }
        return this;
    }

    /** Over the whole backtest the portfolio returned {@code totalReturn} (0.05 = 5%), after costs. */
    public BacktestAssert hasTotalReturn(double totalReturn) {
        double got = actual.stats().totalReturn();
        if (Math.abs(got - totalReturn) > tolerance) {
            failWithMessage("expected %s to return %s between %s and %s but it returned %s", name, totalReturn,
                    first(), last(), got);
        }
        return this;
    }

    /** The portfolio returned more than its benchmark held from the first day to the last. */
    public BacktestAssert beatsTheBenchmark() {
        double mine = actual.stats().totalReturn();
        double theirs = actual.benchmarkStats().totalReturn();
        if (!(mine > theirs)) {
            failWithMessage("expected %s to beat its benchmark between %s and %s but it returned %s against %s", name,
                    first(), last(), mine, theirs);
        }
        return this;
    }

    /** The backtest itself: equity curve, trades, statistics, costs. */
    public BacktestResult result() {
        return actual;
    }

    private Weights weightsOn(LocalDate date) {
        int i = actual.dates().indexOf(date);
        if (i < 0) {
            failWithMessage("%s is not a day of the backtest of %s, which runs on %s", date, name, actual.dates());
        }
        return actual.holdings().get(i);
    }

    private LocalDate first() {
        return actual.dates().get(0);
    }

    private LocalDate last() {
        return actual.dates().get(actual.dates().size() - 1);
    }

    private String holdings() {
        StringBuilder sb = new StringBuilder("holdings at each close:");
        for (int i = 0; i < actual.dates().size(); i++) {
            sb.append(System.lineSeparator()).append("  ").append(actual.dates().get(i)).append(' ')
                    .append(actual.holdings().get(i));
        }
        return sb.toString();
    }
}
