/**
 * The {@link io.alchemiser.core.strategy.Strategy} abstraction the core runs without knowing the DSL, and
 * what a strategy returns: weights plus a decision path.
 */
package io.alchemiser.core.strategy;
