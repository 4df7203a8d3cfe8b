package io.alchemiser.core.domain;

/** The order types the product places. */
public enum OrderType {
    MARKET, LIMIT
}
