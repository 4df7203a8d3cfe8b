/**
 * Composer-compatible technical indicators over daily adjusted closes.
 *
 * <p>Public API:
 * <ul>
 *   <li>{@link io.alchemiser.dsl.indicator.IndicatorKind}: the indicator operators of Composer
 *       exports ({@code rsi}, {@code moving-average-price}, ...), by their DSL names;</li>
 *   <li>{@link io.alchemiser.dsl.indicator.IndicatorSpec}: a kind with its windows, validated, with
 *       its warm-up length; a value usable as a cache key;</li>
 *   <li>{@link io.alchemiser.dsl.indicator.Indicators#series}: one indicator as a whole
 *       {@code double[]} series aligned with the closes, {@code NaN} during warm-up, in O(n);</li>
 *   <li>{@link io.alchemiser.dsl.indicator.IndicatorCache}: per-run, thread-safe memo of those
 *       series keyed by (series key, spec).</li>
 * </ul>
 * The formulas, seeds, divisors and edge cases are stated on {@code Indicators}. Package-private
 * {@code Smoothing} (the seeded exponential recursion) and {@code Rolling} (sliding-window mean,
 * standard deviation and drawdown without drifting running sums) do the arithmetic. Nothing here
 * allocates an object per bar.
 */
package io.alchemiser.dsl.indicator;
