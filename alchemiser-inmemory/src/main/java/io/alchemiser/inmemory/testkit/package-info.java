/**
 * A kit for testing Composer symphonies in a project's own unit tests: prices written in the test
 * ({@link io.alchemiser.inmemory.testkit.TestPrices}) and fluent assertions on what a symphony decides on a date
 * ({@link io.alchemiser.inmemory.testkit.SymphonyAssert#assertThatSymphony}) and on a short backtest replayed in
 * memory ({@link io.alchemiser.inmemory.testkit.BacktestAssert}). Needs AssertJ on the test classpath
 * (an optional dependency of this module). The only package of the in-memory module that uses the DSL.
 */
package io.alchemiser.inmemory.testkit;
