package io.alchemiser.alpaca;

import io.alchemiser.core.domain.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** The last trade Alpaca reports for a symbol: a positive price, the share count (may be fractional) and its time. */
public record LatestTrade(Symbol symbol, BigDecimal price, BigDecimal size, Instant timestamp) {
    public LatestTrade {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(timestamp, "timestamp");
        if (price.signum() <= 0) {
            throw new IllegalArgumentException(symbol + ": a trade price must be positive, got " + price);
        }
    }
}
