/**
 * Compiling forms into a typed, validated, immutable symphony tree: {@link io.alchemiser.dsl.compile.Symphonies}
 * is the entry point; {@link io.alchemiser.dsl.compile.Symphony} holds the options and the root
 * {@link io.alchemiser.dsl.compile.Node}, one record per allocation operator with a
 * {@link io.alchemiser.dsl.compile.Node.Visitor}; {@link io.alchemiser.dsl.compile.Condition},
 * {@link io.alchemiser.dsl.compile.Operand} and the indicator package's
 * {@link io.alchemiser.dsl.indicator.IndicatorSpec} describe what an
 * {@code if} compares and what a {@code filter} ranks by.
 *
 * <p>The compiler checks arity, argument types, option keys and values, windows and weights, and reports every
 * problem it finds with its position; it walks the tree with an explicit stack, so no depth overflows it.
 */
package io.alchemiser.dsl.compile;
