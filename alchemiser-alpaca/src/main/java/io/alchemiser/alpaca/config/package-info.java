/**
 * Configuration of the Alpaca adapters: {@link io.alchemiser.alpaca.config.AlpacaConfig} (credentials, endpoints,
 * feeds, timeouts, retry policy), read from properties and the environment by
 * {@link io.alchemiser.alpaca.config.AlpacaConfigReader}; {@link io.alchemiser.core.domain.Secret} keeps key
 * material out of logs and messages. Both the adapters and their internals depend on this package, and it on
 * neither.
 */
package io.alchemiser.alpaca.config;
