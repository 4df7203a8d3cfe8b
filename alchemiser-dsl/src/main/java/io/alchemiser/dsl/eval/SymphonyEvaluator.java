package io.alchemiser.dsl.eval;

import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.dsl.compile.Symphony;
import io.alchemiser.dsl.eval.EvaluationException.Reason;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Evaluates a compiled symphony on a date: target weights and the decision path behind them.
 *
 * <p>Semantics, as Composer allocates (the package documentation states each rule and its evidence):
 * the allocation for day N uses the closes up to and including N; {@code weight-equal} splits equally among the
 * children that hold something, {@code weight-specified} applies its weights renormalised over them,
 * {@code weight-inverse-volatility N} weights by 1 / stdev-return over N days; {@code group} and a branch of
 * several nodes split equally; an {@code if} whose condition fails and has no else holds nothing; a {@code filter}
 * ranks its children (assets on their prices, subtrees on the synthetic series of their allocation history) and
 * splits its share equally among the children it keeps: to its parent it is one unit, like every other child.
 */
public final class SymphonyEvaluator {
    private SymphonyEvaluator() {
    }

    /** {@link #evaluate(Symphony, String, EvaluationSession, LocalDate)} under the symphony's own name. */
    public static StrategyResult evaluate(Symphony symphony, EvaluationSession session, LocalDate asOf) {
        return evaluate(symphony, symphony.name(), session, asOf);
    }

    /** {@link #evaluate(Symphony, String, EvaluationSession, LocalDate, EvaluationOptions)} with the defaults. */
    public static StrategyResult evaluate(Symphony symphony, String name, EvaluationSession session, LocalDate asOf) {
        return evaluate(symphony, name, session, asOf, EvaluationOptions.DEFAULTS);
    }

    /**
     * The symphony's allocation at the close of {@code asOf}.
     *
     * @param name    the strategy name the result carries
     * @param options how decisions are reported: the margin below which an {@code if} or a {@code filter} is marked
     *                fragile ({@link io.alchemiser.core.domain.strategy.DecisionStep#fragility()})
     * @return weights summing to 1 (within 1e-9), or {@link io.alchemiser.core.domain.Weights#cashOnly()} when
     *         the root holds nothing; the decision path in evaluation order: each {@code if} taken (condition,
     *         both operand values, branch), each {@code filter} (every child's score, the kept ones by rank), each
     *         {@code weight-inverse-volatility} (every child's volatility and weight). Steps of subtrees a filter
     *         did not keep are left out. The options never change the weights.
     * @throws EvaluationException      if a symbol read or held has no bar on a day it is needed, too little
     *                                  history for a window, or cannot be loaded; or {@code asOf} is no trading day
     * @throws IllegalArgumentException if {@code asOf} is after {@link EvaluationSession#through()}
     */
    public static StrategyResult evaluate(Symphony symphony, String name, EvaluationSession session, LocalDate asOf,
            EvaluationOptions options) {
        Objects.requireNonNull(symphony, "symphony");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(asOf, "asOf");
        Trace trace = Trace.recording(Objects.requireNonNull(options, "options"));
        return new StrategyResult(name, asOf, allocate(symphony, session, asOf, trace), trace.steps());
    }

    /**
     * The same weights as {@link #evaluate}, without recording a decision path (which also lets memoised subtree
     * results be reused on the as-of day): for backtests, which need only weights for thousands of days.
     */
    public static Weights weights(Symphony symphony, EvaluationSession session, LocalDate asOf) {
        Objects.requireNonNull(symphony, "symphony");
        Objects.requireNonNull(asOf, "asOf");
        return allocate(symphony, session, asOf, Trace.OFF);
    }

    private static Weights allocate(Symphony symphony, EvaluationSession session, LocalDate asOf, Trace trace) {
        if (asOf.isAfter(session.through())) {
            throw new IllegalArgumentException("cannot evaluate " + symphony.name() + " on " + asOf
                    + ": the evaluation session holds bars only through " + session.through());
        }
        SymphonyRun run = SymphonyRun.in(session, symphony);
        int day = tradingDay(run, asOf);
        Allocation allocation = DeepStack.call(run.depth(),
                () -> run.allocator().allocate(symphony.root(), day, trace));
        return allocation.toWeights(run.table());
    }

    /**
     * The first date on which every indicator the symphony can read has enough history in the context's data,
     * and which symbol and indicator set it.
     *
     * @throws EvaluationException if some indicator never has enough history in the data
     */
    public static HistoryStart historyStart(Symphony symphony, EvaluationSession session) {
        return HistoryStartFinder.find(SymphonyRun.in(session, symphony));
    }

    private static int tradingDay(SymphonyRun run, LocalDate asOf) {
        PriceTable table = run.table();
        int day = table.dayIndex(asOf);
        if (day >= 0) {
            return day;
        }
        int before = table.dayAtOrBefore(asOf);
        String detail;
        if (table.dayCount() == 0) {
            detail = "the source has no bars for any of them";
        } else if (before < 0) {
            detail = "their data starts on " + table.day(0);
        } else if (before == table.dayCount() - 1) {
            detail = "their data ends on " + table.day(before);
        } else {
            detail = "the last trading day before it is " + table.day(before);
        }
        throw new EvaluationException(Reason.MISSING_BAR, run.symphony().position(), asOf, "no symbol of "
                + run.symphony().name() + " has a bar on " + asOf + ", so it is not a trading day in the data ("
                + detail + ")");
    }
}
