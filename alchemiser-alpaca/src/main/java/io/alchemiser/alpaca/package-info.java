/**
 * Alpaca adapters for the core ports, over Alpaca's documented REST APIs (trading API v2 and market data API v2) and
 * its {@code trade_updates} stream: {@link io.alchemiser.alpaca.AlpacaMarketData} ({@code PriceHistory} and
 * {@code Quotes}), {@link io.alchemiser.alpaca.AlpacaBroker} ({@code Broker}) and
 * {@link io.alchemiser.alpaca.AlpacaScheduler} ({@code Scheduler}), configured by
 * {@link io.alchemiser.alpaca.config.AlpacaConfig} and built together by {@link io.alchemiser.alpaca.AlpacaAdapters}.
 * Every request made with one key id shares one client-side request budget ({@link io.alchemiser.alpaca.RequestStats}
 * reports it). Credentials are {@link io.alchemiser.core.domain.Secret}s that never print themselves. The HTTP client,
 * rate limiter, order tracker, stream and JSON mapping live in {@code io.alchemiser.alpaca.internal}.
 */
package io.alchemiser.alpaca;
