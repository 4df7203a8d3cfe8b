/**
 * Internals of the Alpaca adapters, not an API: the HTTP client with its retry rules
 * ({@link io.alchemiser.alpaca.internal.AlpacaHttp}) and the failure it reports
 * ({@link io.alchemiser.alpaca.internal.AlpacaCallException}); the per-key request budget
 * ({@link io.alchemiser.alpaca.internal.RequestBudget}); the order tracker behind {@code awaitTerminal}
 * ({@link io.alchemiser.alpaca.internal.OrderTracker}, {@link io.alchemiser.alpaca.internal.KnownOrders}) and the
 * {@code trade_updates} stream client ({@link io.alchemiser.alpaca.internal.TradeUpdatesStream}); and the JSON readers
 * for Alpaca's payloads ({@link io.alchemiser.alpaca.internal.Json}, {@link io.alchemiser.alpaca.internal.OrderJson}).
 * Nothing here is meant to be used outside {@code alchemiser-alpaca}; it may change without notice.
 */
package io.alchemiser.alpaca.internal;
