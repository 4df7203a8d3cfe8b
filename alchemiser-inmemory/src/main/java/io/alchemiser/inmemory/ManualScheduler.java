package io.alchemiser.inmemory;

import io.alchemiser.core.domain.MarketClock;
import io.alchemiser.core.port.Scheduler;
import io.alchemiser.core.port.SchedulerException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A market calendar built by hand: every weekday trades from 09:30 to 16:00 New York time ({@link #MARKET_ZONE}),
 * except the holidays given, and the early-close days given close at 13:00 (or the time given). {@link #nyse()}
 * adds the New York Stock Exchange's rule-based holidays and early closes for every year.
 *
 * <p>Its {@linkplain #clock() market clock} reads the time from the {@link Clock} given to the builder (the system
 * clock unless told otherwise). Immutable and so safe from several threads. Pair it with a {@link ManualClock} to
 * drive a run through simulated days: {@link #runTime} says when, {@link ManualClock#set} goes there.
 */
public final class ManualScheduler implements Scheduler {
    /** Regular session open, New York time. */
    public static final LocalTime OPEN = LocalTime.of(9, 30);
    /** Regular session close, New York time. */
    public static final LocalTime CLOSE = LocalTime.of(16, 0);
    /** Close of an early-close day, New York time, unless given otherwise. */
    public static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);

    private static final int SEARCH_LIMIT_DAYS = 3660;

    private final Set<LocalDate> holidays;
    private final Map<LocalDate, LocalTime> earlyCloses;
    private final boolean nyseRules;
    private final Clock clock;

    private ManualScheduler(Builder b) {
        this.clock = b.clock;
        this.holidays = Set.copyOf(b.holidays);
        this.earlyCloses = Map.copyOf(b.earlyCloses);
        this.nyseRules = b.nyseRules;
    }

    /** Every weekday trades 09:30–16:00; no holidays. */
    public static ManualScheduler weekdays() {
        return builder().build();
    }

    /** Weekdays minus the NYSE's rule-based holidays, with its 13:00 early closes (see {@link #builder()}). */
    public static ManualScheduler nyse() {
        return builder().nyseRules().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<Session> session(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (!isTradingDay(date)) {
            return Optional.empty();
        }
        LocalTime close = earlyCloseTime(date).orElse(CLOSE);
        return Optional.of(new Session(date, date.atTime(OPEN).atZone(MARKET_ZONE).toInstant(),
                date.atTime(close).atZone(MARKET_ZONE).toInstant()));
    }

    @Override
    public Session nextSession(LocalDate date) {
        LocalDate d = Objects.requireNonNull(date, "date");
        for (int i = 0; i < SEARCH_LIMIT_DAYS; i++, d = d.plusDays(1)) {
            Optional<Session> s = session(d);
            if (s.isPresent()) {
                return s.get();
            }
        }
        throw new SchedulerException("no trading day within " + SEARCH_LIMIT_DAYS + " days on or after " + date);
    }

    @Override
    public Session previousSession(LocalDate date) {
        LocalDate d = Objects.requireNonNull(date, "date").minusDays(1);
        for (int i = 0; i < SEARCH_LIMIT_DAYS; i++, d = d.minusDays(1)) {
            Optional<Session> s = session(d);
            if (s.isPresent()) {
                return s.get();
            }
        }
        throw new SchedulerException("no trading day within " + SEARCH_LIMIT_DAYS + " days before " + date);
    }

    /** The market clock at the clock's current instant, from this calendar's sessions. */
    @Override
    public MarketClock clock() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(MARKET_ZONE).toLocalDate();
        Optional<Session> todays = session(today);
        boolean open = todays.map(s -> !now.isBefore(s.open()) && now.isBefore(s.close())).orElse(false);
        Session next = todays.filter(s -> now.isBefore(s.open())).orElseGet(() -> nextSession(today.plusDays(1)));
        Instant nextClose = todays.filter(s -> now.isBefore(s.close())).map(Session::close).orElse(next.close());
        return new MarketClock(now, open, next.open(), nextClose);
    }

    /** Whether the market trades on {@code date}. */
    public boolean isTradingDay(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY || holidays.contains(date)) {
            return false;
        }
        return !(nyseRules && NyseRules.holidays(date.getYear()).contains(date));
    }

    /** The trading days from {@code from} to {@code to}, both inclusive, in order. */
    public List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isTradingDay(d)) {
                days.add(d);
            }
        }
        return days;
    }

    /** Whether the market is open at {@code instant}: within a session, open inclusive, close exclusive. */
    public boolean isOpen(Instant instant) {
        LocalDate date = instant.atZone(MARKET_ZONE).toLocalDate();
        return session(date).map(s -> !instant.isBefore(s.open()) && instant.isBefore(s.close())).orElse(false);
    }

    private Optional<LocalTime> earlyCloseTime(LocalDate date) {
        LocalTime given = earlyCloses.get(date);
        if (given != null) {
            return Optional.of(given);
        }
        if (nyseRules && NyseRules.earlyCloses(date.getYear()).contains(date)) {
            return Optional.of(EARLY_CLOSE);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "ManualScheduler[" + (nyseRules ? "NYSE rules, " : "") + holidays.size() + " extra holidays, "
                + earlyCloses.size() + " extra early closes]";
    }

    /** Builds a {@link ManualScheduler}. Holidays win over early closes given for the same day. */
    public static final class Builder {
        private final Set<LocalDate> holidays = new HashSet<>();
        private final Map<LocalDate, LocalTime> earlyCloses = new HashMap<>();
        private boolean nyseRules;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Where {@link ManualScheduler#clock()} reads the time (a {@link ManualClock} in simulations). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Adds the NYSE's rule-based holidays (New Year's Day, Martin Luther King Jr. Day, Washington's Birthday,
         * Good Friday, Memorial Day, Juneteenth from 2022, Independence Day, Labor Day, Thanksgiving, Christmas,
         * moved to Friday or Monday when they fall on a weekend, except a Saturday New Year's Day) and its 13:00
         * early closes (July 3 and December 24 when they fall Monday to Thursday, the day after Thanksgiving).
         */
        public Builder nyseRules() {
            this.nyseRules = true;
            return this;
        }

        public Builder holiday(LocalDate... days) {
            for (LocalDate d : days) {
                holidays.add(Objects.requireNonNull(d, "holiday"));
            }
            return this;
        }

        public Builder holidays(Collection<LocalDate> days) {
            return holiday(days.toArray(new LocalDate[0]));
        }

        /** The session of {@code day} closes at 13:00 New York time. */
        public Builder earlyClose(LocalDate... days) {
            for (LocalDate d : days) {
                earlyClose(d, EARLY_CLOSE);
            }
            return this;
        }

        /** The session of {@code day} closes at {@code close} New York time (after 09:30, before 16:00). */
        public Builder earlyClose(LocalDate day, LocalTime close) {
            Objects.requireNonNull(day, "day");
            if (!close.isAfter(OPEN) || !close.isBefore(CLOSE)) {
                throw new IllegalArgumentException(day + ": an early close must fall between " + OPEN + " and " + CLOSE
                        + ", got " + close);
            }
            earlyCloses.put(day, close);
            return this;
        }

        public ManualScheduler build() {
            return new ManualScheduler(this);
        }
    }
}
