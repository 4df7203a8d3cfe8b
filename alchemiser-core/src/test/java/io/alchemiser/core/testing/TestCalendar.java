package io.alchemiser.core.testing;

import io.alchemiser.core.domain.MarketClock;
import io.alchemiser.core.port.Scheduler;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.Set;

/**
 * A calendar for tests: every weekday trades 09:30-16:00 New York time except the holidays given; the market clock
 * reads the given {@link Clock}. Immutable.
 */
public final class TestCalendar implements Scheduler {
    private final Clock clock;
    private final Set<LocalDate> holidays;

    public TestCalendar(Clock clock, LocalDate... holidays) {
        this.clock = clock;
        this.holidays = Set.of(holidays);
    }

    @Override
    public Optional<Session> session(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        if (d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY || holidays.contains(date)) {
            return Optional.empty();
        }
        return Optional.of(new Session(date, date.atTime(LocalTime.of(9, 30)).atZone(MARKET_ZONE).toInstant(),
                date.atTime(LocalTime.of(16, 0)).atZone(MARKET_ZONE).toInstant()));
    }

    @Override
    public Session nextSession(LocalDate date) {
        for (LocalDate d = date; ; d = d.plusDays(1)) {
            Optional<Session> s = session(d);
            if (s.isPresent()) {
                return s.get();
            }
        }
    }

    @Override
    public Session previousSession(LocalDate date) {
        for (LocalDate d = date.minusDays(1); ; d = d.minusDays(1)) {
            Optional<Session> s = session(d);
            if (s.isPresent()) {
                return s.get();
            }
        }
    }

    @Override
    public MarketClock clock() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(MARKET_ZONE).toLocalDate();
        Optional<Session> todays = session(today);
        boolean open = todays.map(s -> !now.isBefore(s.open()) && now.isBefore(s.close())).orElse(false);
        Session next = todays.filter(s -> now.isBefore(s.open())).orElseGet(() -> nextSession(today.plusDays(1)));
        Instant close = todays.filter(s -> now.isBefore(s.close())).map(Session::close).orElse(next.close());
        return new MarketClock(now, open, next.open(), close);
    }
}
