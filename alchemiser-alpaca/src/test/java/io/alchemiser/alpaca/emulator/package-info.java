/**
 * A stateful Alpaca emulator for tests, shipped in this module's test-jar:
 * {@link io.alchemiser.alpaca.emulator.AlpacaEmulator} (trading API, market data API and the {@code trade_updates}
 * stream on one loopback server, with Alpaca's rules, request budget, clock and calendar, fault injection and
 * hooks), driven by a {@link io.alchemiser.alpaca.emulator.SimulatedClock} and
 * {@link io.alchemiser.alpaca.emulator.SimulatedSleeper}, filling orders by a
 * {@link io.alchemiser.alpaca.emulator.FillModel} on a {@link io.alchemiser.alpaca.emulator.MarketCalendar}. It
 * depends on the core domain and ports only, never on the adapters it serves.
 */
package io.alchemiser.alpaca.emulator;
