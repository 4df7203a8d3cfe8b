package io.alchemiser.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the market's clock says at one moment: the time, whether the market is open, and the next open and close
 * (the close of the current session while it is open). The broker's clock, not the machine's, decides what
 * "today" is and whether orders may go out.
 */
public record MarketClock(Instant timestamp, boolean open, Instant nextOpen, Instant nextClose) {
    /** The market's time zone, named once. */
    public static final ZoneId MARKET_ZONE = ZoneId.of("America/New_York");

    public MarketClock {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(nextOpen, "nextOpen");
        Objects.requireNonNull(nextClose, "nextClose");
    }

    /** The calendar date in New York at {@link #timestamp()}: the market's "today". */
    public LocalDate today() {
        return timestamp.atZone(MARKET_ZONE).toLocalDate();
    }
}
