/**
 * Evaluation of compiled symphonies: target weights and a decision path for a date, as Composer allocates.
 *
 * <p>Public API: {@link io.alchemiser.dsl.eval.SymphonyStrategy} (a symphony as a core
 * {@link io.alchemiser.core.port.Strategy}), {@link io.alchemiser.dsl.eval.SymphonyEvaluator} (evaluate a
 * symphony in a core {@link io.alchemiser.core.port.EvaluationSession}, and find its
 * {@link io.alchemiser.dsl.eval.HistoryStart}), {@link io.alchemiser.dsl.eval.EvaluationOptions} (how decisions are
 * reported: the fragile margin), and {@link io.alchemiser.dsl.eval.EvaluationException}.
 *
 * <p><b>Dates.</b> Evaluating as of day N reads closes up to and including N. The trading days are the union of the
 * bar dates of the symphony's symbols; a symbol is read only on a day it has a bar (no older bar is carried
 * forward), and a window counts the symbol's own bars.
 *
 * <p><b>Rules.</b> An asset holds its symbol (it must have a bar that day). {@code weight-equal}, {@code group} and a
 * branch of several nodes split equally among the children that hold something; {@code weight-specified} applies its
 * weights renormalised over those children; {@code weight-inverse-volatility N} weights them by 1 / stdev-return
 * over N days. The one rule for a child that holds nothing is in {@code Weighting}. An {@code if} without an else
 * whose condition fails holds nothing. A {@code filter} scores each child holding something (an asset on its own
 * prices, any other child on the synthetic series of its allocation history, see {@code SyntheticSeries}), keeps
 * the best K (ties in source order) and splits its share equally among them. Every child of a weighting parent, a
 * filter included, is one unit ({@code Units}, the one place of that rule). A symphony whose root holds nothing
 * holds cash.
 *
 * <p><b>Fragile decisions.</b> An {@code if} whose two sides, or a {@code filter} whose last kept and first dropped
 * scores, differ relatively by less than {@link io.alchemiser.dsl.eval.EvaluationOptions#fragileMargin()} carries a
 * {@link io.alchemiser.core.domain.strategy.DecisionStep.Fragility} in its step ({@code Closeness}).
 *
 *
 * <p>Internals: {@code Allocator} (the visitor), {@code Units} (what a parent's children are and how they are
 * measured), {@code Ranking} (filter and inverse volatility), {@code Closeness} (fragility),
 * {@code SyntheticSeries}, {@code Market} (every price read and its errors), {@code PriceTable} (the calendar),
 * {@code SymphonyRun} (per-symphony memo), {@code HistoryStartFinder}, {@code DeepStack}.
 */
package io.alchemiser.dsl.eval;
