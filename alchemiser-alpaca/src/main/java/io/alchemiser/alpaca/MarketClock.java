package io.alchemiser.alpaca;

import java.time.Instant;
import java.util.Objects;

/**
 * Alpaca's market clock ({@code GET /v2/clock}): Alpaca's current time, whether the market is open now, and the next
 * open and close (the close of the current session while it is open).
 */
public record MarketClock(Instant timestamp, boolean open, Instant nextOpen, Instant nextClose) {
    public MarketClock {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(nextOpen, "nextOpen");
        Objects.requireNonNull(nextClose, "nextClose");
    }
}
