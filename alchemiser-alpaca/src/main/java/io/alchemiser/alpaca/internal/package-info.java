/**
 * Internals of the Alpaca adapters, not an API: the HTTP client with its retry rules
 * ({@link io.alchemiser.alpaca.internal.AlpacaHttp}), the failure it reports
 * ({@link io.alchemiser.alpaca.internal.AlpacaCallException}), and the JSON readers for Alpaca's payloads
 * ({@link io.alchemiser.alpaca.internal.Json}, {@link io.alchemiser.alpaca.internal.OrderJson}). Nothing here is
 * meant to be used outside {@code alchemiser-alpaca}; it may change without notice.
 */
package io.alchemiser.alpaca.internal;
