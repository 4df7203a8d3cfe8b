package io.alchemiser.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.port.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The promises of {@link Scheduler} on the 2024 NYSE calendar: weekends and holidays have no session, sessions run
 * 09:30–16:00 New York time across daylight-saving changes, early closes end at 13:00 and say so, next and
 * previous sessions skip closed days, and the run time counts back from the actual close.
 *
 * <p>Extend it and supply {@link #calendar}: a calendar for 2024 in which every weekday trades except
 * {@link #HOLIDAYS}, and {@link #EARLY_CLOSES} close at 13:00.
 */
public abstract class SchedulerContract {
    /** NYSE holidays of 2024. */
    protected static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 15),
            LocalDate.of(2024, 2, 19), LocalDate.of(2024, 3, 29), LocalDate.of(2024, 5, 27), LocalDate.of(2024, 6, 19),
            LocalDate.of(2024, 7, 4), LocalDate.of(2024, 9, 2), LocalDate.of(2024, 11, 28), LocalDate.of(2024, 12, 25));
    /** NYSE early closes of 2024. */
    protected static final Set<LocalDate> EARLY_CLOSES = Set.of(LocalDate.of(2024, 7, 3), LocalDate.of(2024, 11, 29),
            LocalDate.of(2024, 12, 24));

    private Scheduler calendar;

    /** A calendar for 2024 as described in the class comment. */
    protected abstract Scheduler calendar(Set<LocalDate> holidays, Set<LocalDate> earlyCloses);

    @BeforeEach
    void newCalendar() {
        calendar = calendar(HOLIDAYS, EARLY_CLOSES);
    }

    @Test
    void weekendsAndHolidaysHaveNoSession() {
        assertThat(calendar.session(LocalDate.of(2024, 3, 9))).isEmpty();
        assertThat(calendar.session(LocalDate.of(2024, 3, 10))).isEmpty();
        assertThat(calendar.session(LocalDate.of(2024, 3, 29))).isEmpty();
        assertThat(calendar.session(LocalDate.of(2024, 7, 4))).isEmpty();
    }

    @Test
    void aRegularSessionRunsFromHalfPastNineToFourNewYorkTimeInWinterAndSummer() {
        assertThat(calendar.session(LocalDate.of(2024, 1, 16))).get().satisfies(s -> {
            assertThat(s.open()).isEqualTo(Instant.parse("2024-01-16T14:30:00Z"));
            assertThat(s.close()).isEqualTo(Instant.parse("2024-01-16T21:00:00Z"));
            assertThat(s.isEarlyClose()).isFalse();
        });
        assertThat(calendar.session(LocalDate.of(2024, 7, 8))).get().satisfies(s -> {
            assertThat(s.open()).isEqualTo(Instant.parse("2024-07-08T13:30:00Z"));
            assertThat(s.close()).isEqualTo(Instant.parse("2024-07-08T20:00:00Z"));
        });
    }

    @Test
    void anEarlyCloseEndsAtOneAndSaysSo() {
        assertThat(calendar.session(LocalDate.of(2024, 11, 29))).get().satisfies(s -> {
            assertThat(s.close().atZone(Scheduler.MARKET_ZONE).toLocalTime()).isEqualTo(LocalTime.of(13, 0));
            assertThat(s.isEarlyClose()).isTrue();
        });
    }

    @Test
    void theNextSessionIsOnOrAfterTheDateAndSkipsClosedDays() {
        assertThat(calendar.nextSession(LocalDate.of(2024, 1, 16)).date()).isEqualTo(LocalDate.of(2024, 1, 16));
        assertThat(calendar.nextSession(LocalDate.of(2024, 1, 13)).date()).isEqualTo(LocalDate.of(2024, 1, 16));
        assertThat(calendar.nextSession(LocalDate.of(2024, 3, 29)).date()).isEqualTo(LocalDate.of(2024, 4, 1));
    }

    @Test
    void thePreviousSessionIsStrictlyBeforeTheDateAndSkipsClosedDays() {
        assertThat(calendar.previousSession(LocalDate.of(2024, 1, 16)).date()).isEqualTo(LocalDate.of(2024, 1, 12));
        assertThat(calendar.previousSession(LocalDate.of(2024, 1, 12)).date()).isEqualTo(LocalDate.of(2024, 1, 11));
        assertThat(calendar.previousSession(LocalDate.of(2024, 12, 26)).date()).isEqualTo(LocalDate.of(2024, 12, 24));
    }

    @Test
    void theRunTimeCountsBackFromTheActualClose() {
        Duration before = Duration.ofMinutes(15);

        assertThat(calendar.runTime(LocalDate.of(2024, 1, 16), before))
                .contains(Instant.parse("2024-01-16T20:45:00Z"));
        assertThat(calendar.runTime(LocalDate.of(2024, 11, 29), before))
                .contains(Instant.parse("2024-11-29T17:45:00Z"));
        assertThat(calendar.runTime(LocalDate.of(2024, 11, 28), before)).isEmpty();
    }
}
