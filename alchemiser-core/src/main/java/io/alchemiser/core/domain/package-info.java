/**
 * Immutable value types of the trading domain: symbols, bars, quotes, weights, accounts, positions, orders,
 * fills. Money, prices and quantities are {@link java.math.BigDecimal}, rounded only in
 * {@link io.alchemiser.core.domain.Money}; weights are {@code double}.
 */
package io.alchemiser.core.domain;
