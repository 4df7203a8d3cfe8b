package io.alchemiser.core.port;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The market calendar: which days trade, and when each session opens and closes (early closes included).
 *
 * <p><b>Threading:</b> safe from several threads. <b>Idempotency:</b> reads only.
 * <b>Errors:</b> {@link SchedulerException} when the calendar cannot be read; never a guess.
 */
public interface Scheduler {

    /** The market's time zone, named once. */
    ZoneId MARKET_ZONE = ZoneId.of("America/New_York");

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

    /** When to run on {@code date}: {@code beforeClose} before that day's actual close; empty on a closed day. */
    default Optional<Instant> runTime(LocalDate date, Duration beforeClose) {
        return session(date).map(s -> s.close().minus(beforeClose));
    }
}
