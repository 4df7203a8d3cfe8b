/**
 * Alpaca adapters for the core ports, over Alpaca's documented REST APIs (trading API v2 and market data API v2):
 * {@link io.alchemiser.alpaca.AlpacaMarketData} ({@code MarketData}), {@link io.alchemiser.alpaca.AlpacaBroker}
 * ({@code Broker}) and {@link io.alchemiser.alpaca.AlpacaScheduler} ({@code Scheduler}), configured by
 * {@link io.alchemiser.alpaca.config.AlpacaConfig} and built together by {@link io.alchemiser.alpaca.AlpacaAdapters}.
 * Credentials are {@link io.alchemiser.core.domain.Secret}s that never print themselves. The HTTP client and JSON mapping
 * live in {@code io.alchemiser.alpaca.internal}.
 */
package io.alchemiser.alpaca;

import io.alchemiser.alpaca.config.AlpacaConfig;
import io.alchemiser.core.domain.Secret;

