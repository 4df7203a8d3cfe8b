/**
 * Research at scale: many backtests of one job, each a <em>unit of work</em> — one symphony, with one set of
 * parameters, over one window — run by the same {@link io.alchemiser.examples.research.UnitRunner} whether on this
 * machine's cores ({@link io.alchemiser.examples.research.LocalExecutor}) or on Apache Spark (the
 * {@code alchemiser-spark} module), so both give the same results.
 *
 * <ul>
 *   <li>{@code rank}: every symphony of a library backtested by its own rebalance rule, ranked on in-sample and
 *       out-of-sample statistics ({@link io.alchemiser.examples.research.RankJobs},
 *       {@link io.alchemiser.examples.research.Leaderboard});</li>
 *   <li>{@code sweep}: one symphony with numeric literals varied over a grid, reported as a table and a heatmap
 *       with a robustness figure around the original parameters ({@link io.alchemiser.examples.research.Vary},
 *       {@link io.alchemiser.examples.research.Literals}, {@link io.alchemiser.examples.research.SweepJobs},
 *       {@link io.alchemiser.examples.research.SweepReport}).</li>
 * </ul>
 *
 * <p>A job ({@link io.alchemiser.examples.research.ResearchJob}) and its results are plain serialisable values: the
 * symphonies' source text, the units, the settings and where the prices are; the price table is loaded once per
 * process ({@link io.alchemiser.examples.research.SharedPrices}) and only read afterwards. Outputs are files in one
 * folder ({@link io.alchemiser.examples.research.OutputSink}).
 */
package io.alchemiser.examples.research;
