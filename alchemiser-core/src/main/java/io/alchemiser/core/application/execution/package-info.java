/** Order pricing (walk-the-book) and two-phase execution of a rebalance plan against a broker. */
package io.alchemiser.core.application.execution;
