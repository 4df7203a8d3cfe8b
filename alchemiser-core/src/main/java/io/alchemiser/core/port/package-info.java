/**
 * The five ports a host application implements: {@link io.alchemiser.core.port.MarketData},
 * {@link io.alchemiser.core.port.Broker}, {@link io.alchemiser.core.port.Ledger},
 * {@link io.alchemiser.core.port.Scheduler} and {@link io.alchemiser.core.port.EventBus}, with the exceptions
 * they may throw. Each interface's Javadoc states its threading, idempotency and error contract.
 */
package io.alchemiser.core.port;
