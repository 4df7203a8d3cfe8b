package io.alchemiser.alpaca.emulator;

import io.alchemiser.core.domain.MarketClock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The emulator's trading calendar: every weekday is a session from 09:30 to 16:00 New York time, except the holidays
 * given (closed) and the early closes given (13:00). Immutable; {@link #with}-style methods return a new calendar.
 */
public final class MarketCalendar {
    /** The regular session. */
    public static final LocalTime OPEN = LocalTime.of(9, 30);
    public static final LocalTime CLOSE = LocalTime.of(16, 0);
    public static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> earlyCloses;

    private MarketCalendar(Set<LocalDate> holidays, Set<LocalDate> earlyCloses) {
        this.holidays = Set.copyOf(holidays);
        this.earlyCloses = Set.copyOf(earlyCloses);
    }

    /** Every weekday trades, 09:30 to 16:00. */
    public static MarketCalendar weekdays() {
        return new MarketCalendar(Set.of(), Set.of());
    }

    /** This calendar with {@code dates} closed. */
    public MarketCalendar holidays(LocalDate... dates) {
        Set<LocalDate> h = new HashSet<>(holidays);
        h.addAll(Set.of(dates));
        return new MarketCalendar(h, earlyCloses);
    }

    /** This calendar with {@code dates} closing at 13:00. */
    public MarketCalendar earlyCloses(LocalDate... dates) {
        Set<LocalDate> e = new HashSet<>(earlyCloses);
        e.addAll(Set.of(dates));
        return new MarketCalendar(holidays, e);
    }

    /** One trading day: its date and its open and close instants. */
    public record Session(LocalDate date, Instant open, Instant close) {
        public boolean contains(Instant t) {
            return !t.isBefore(open) && t.isBefore(close);
        }
    }

    /** The session of {@code date}, or empty on a weekend or holiday. */
    public Optional<Session> session(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY
                || holidays.contains(date)) {
            return Optional.empty();
        }
        LocalTime close = earlyCloses.contains(date) ? EARLY_CLOSE : CLOSE;
        return Optional.of(new Session(date, at(date, OPEN), at(date, close)));
    }

    /** The session open at {@code t}, if the market is open then. */
    public Optional<Session> openAt(Instant t) {
        return session(dateOf(t)).filter(s -> s.contains(t));
    }

    /** The first session whose close is after {@code t}: the current one while open, else the next. */
    public Session currentOrNext(Instant t) {
        for (LocalDate d = dateOf(t); ; d = d.plusDays(1)) {
            Optional<Session> s = session(d);
            if (s.isPresent() && s.get().close().isAfter(t)) {
                return s.get();
            }
        }
    }

    /** The first session opening after {@code t}. */
    public Session nextOpening(Instant t) {
        for (LocalDate d = dateOf(t); ; d = d.plusDays(1)) {
            Optional<Session> s = session(d);
            if (s.isPresent() && s.get().open().isAfter(t)) {
                return s.get();
            }
        }
    }

    /** The market's date at {@code t}. */
    public static LocalDate dateOf(Instant t) {
        return t.atZone(MarketClock.MARKET_ZONE).toLocalDate();
    }

    private static Instant at(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(MarketClock.MARKET_ZONE).toInstant();
    }
}
