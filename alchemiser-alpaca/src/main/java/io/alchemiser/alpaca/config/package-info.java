/**
 * Configuration of the Alpaca adapters: {@link io.alchemiser.alpaca.config.AlpacaConfig}, a validated value
 * (credentials, endpoints, feeds, request budget, timeouts, retry and order-tracking policy), and
 * {@link io.alchemiser.alpaca.config.AlpacaConfigReader}, which reads one from properties and the environment;
 * {@link io.alchemiser.core.domain.Secret} keeps key material out of logs and messages. Both the adapters and their
 * internals depend on this package, and it on neither.
 */
package io.alchemiser.alpaca.config;
