package io.alchemiser.core.domain;

/** Order direction. */
public enum Side {
    BUY, SELL;

    public String lower() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
