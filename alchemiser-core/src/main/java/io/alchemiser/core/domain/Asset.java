package io.alchemiser.core.domain;

import java.util.Objects;

/** What the broker says about a symbol: whether it can be traded now, and in fractions. */
public record Asset(Symbol symbol, boolean tradable, boolean fractionable) {
    public Asset {
        Objects.requireNonNull(symbol, "symbol");
    }
}
