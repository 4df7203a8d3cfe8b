package io.alchemiser.s3;

import io.alchemiser.core.domain.MarketClock;
import io.alchemiser.core.port.Scheduler;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.Set;

/** A market calendar for tests: weekday sessions 09:30–16:00 New York except the given holidays; a fixed clock. */
final class TestCalendar implements Scheduler {
    private final Instant now;
    private final Set<LocalDate> holidays;

    TestCalendar(Instant now, LocalDate... holidays) {
        this.now = now;
        this.holidays = Set.of(holidays);
    }

    @Override
    public Optional<Session> session(LocalDate date) {
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY
                || holidays.contains(date)) {
            return Optional.empty();
        }
        return Optional.of(new Session(date, date.atTime(LocalTime.of(9, 30)).atZone(MARKET_ZONE).toInstant(),
                date.atTime(LocalTime.of(16, 0)).atZone(MARKET_ZONE).toInstant()));
    }

    @Override
    public Session nextSession(LocalDate date) {
        LocalDate d = date;
        while (session(d).isEmpty()) {
            d = d.plusDays(1);
        }
        return session(d).orElseThrow();
    }

    @Override
    public Session previousSession(LocalDate date) {
        LocalDate d = date.minusDays(1);
        while (session(d).isEmpty()) {
            d = d.minusDays(1);
        }
        return session(d).orElseThrow();
    }

    @Override
    public MarketClock clock() {
        Session next = nextSession(now.atZone(MARKET_ZONE).toLocalDate());
        return new MarketClock(now, false, next.open(), next.close());
    }
}
