/**
 * In-memory implementations of the five ports, for tests, demos and backtests: {@link
 * io.alchemiser.inmemory.InMemoryMarketData}, {@link io.alchemiser.inmemory.InMemoryLedger}, {@link
 * io.alchemiser.inmemory.InMemoryEventBus}, {@link io.alchemiser.inmemory.ManualScheduler} with its
 * {@link io.alchemiser.inmemory.ManualClock}, and {@link io.alchemiser.inmemory.SimulatedBroker}, a broker with a
 * bid/ask, a fill model, settlement, latency and injectable faults that runs on simulated time. {@link
 * io.alchemiser.inmemory.BarGenerator} makes realistic, seeded daily bars for them.
 *
 * <p>Everything here is thread-safe and deterministic: time comes from an injected {@link java.time.Clock}
 * (usually a {@code ManualClock}) and randomness from explicit seeds, so a test that uses these classes never
 * sleeps and always sees the same outcome.
 */
package io.alchemiser.inmemory;
