package io.alchemiser.core.port;

import io.alchemiser.core.domain.MarketClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The market calendar and clock: which days trade, when each session opens and closes (early closes included),
 * and what the market's clock says now.
 *
 * <p><b>Threading:</b> safe from several threads. <b>Idempotency:</b> reads only.
 * <b>Errors:</b> {@link SchedulerException} when the calendar or clock cannot be read; never a guess.
 */
public interface Scheduler {

    /** The market's time zone, named once ({@link MarketClock#MARKET_ZONE}). */
    ZoneId MARKET_ZONE = MarketClock.MARKET_ZONE;

    /** One trading day's session. */
    record Session(LocalDate date, Instant open, Instant close) {
        public Session {
            if (!close.isAfter(open)) {
                throw new IllegalArgumentException(date + ": session closes before it opens");
            }
        }

        /** An early close: the session ends before 16:00 New York time. */
        public boolean isEarlyClose() {
            return close.atZone(MARKET_ZONE).toLocalTime().isBefore(java.time.LocalTime.of(16, 0));
        }
    }

    /** The session of {@code date}, or empty on a weekend or holiday. */
    Optional<Session> session(LocalDate date);

    /** The first session on or after {@code date}. */
    Session nextSession(LocalDate date);

    /** The last session strictly before {@code date}. */
    Session previousSession(LocalDate date);

    /**
     * The market's clock now: the broker's time, whether the market is open, the next open and close. A live
     * adapter asks the broker on every call; "today" for a run is {@link MarketClock#today()}.
     */
    MarketClock clock();

    /** When to run on {@code date}: {@code beforeClose} before that day's actual close; empty on a closed day. */
    default Optional<Instant> runTime(LocalDate date, Duration beforeClose) {
        return session(date).map(s -> s.close().minus(beforeClose));
    }
}
