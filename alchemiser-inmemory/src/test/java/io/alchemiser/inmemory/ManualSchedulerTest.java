package io.alchemiser.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.port.Scheduler;
import io.alchemiser.core.port.contract.SchedulerContract;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest extends SchedulerContract {

    @Override
    protected Scheduler calendar(Set<LocalDate> holidays, Set<LocalDate> earlyCloses) {
        return ManualScheduler.builder().holidays(holidays).earlyClose(earlyCloses.toArray(new LocalDate[0])).build();
    }

    @Test
    void nyseRulesGiveTheExchangesHolidaysAndEarlyClosesOf2024() {
        ManualScheduler nyse = ManualScheduler.nyse();

        assertThat(closedWeekdays(nyse, 2024)).isEqualTo(HOLIDAYS);
        assertThat(earlyCloses(nyse, 2024)).isEqualTo(EARLY_CLOSES);
        assertThat(nyse.session(LocalDate.of(2024, 3, 29))).isEmpty();
    }

    @Test
    void nyseRulesMoveWeekendHolidaysAsTheExchangeDoes() {
        ManualScheduler nyse = ManualScheduler.nyse();

        // 2022: New Year's Day on a Saturday is not observed; Juneteenth (Sunday) and Christmas (Sunday) move to Monday.
        assertThat(closedWeekdays(nyse, 2022)).containsExactlyInAnyOrder(d(2022, 1, 17), d(2022, 2, 21),
                d(2022, 4, 15), d(2022, 5, 30), d(2022, 6, 20), d(2022, 7, 4), d(2022, 9, 5), d(2022, 11, 24),
                d(2022, 12, 26));
        // 2026: Independence Day on a Saturday is observed on Friday July 3, which is then no early close.
        assertThat(closedWeekdays(nyse, 2026)).containsExactlyInAnyOrder(d(2026, 1, 1), d(2026, 1, 19),
                d(2026, 2, 16), d(2026, 4, 3), d(2026, 5, 25), d(2026, 6, 19), d(2026, 7, 3), d(2026, 9, 7),
                d(2026, 11, 26), d(2026, 12, 25));
        assertThat(earlyCloses(nyse, 2026)).containsExactlyInAnyOrder(d(2026, 11, 27), d(2026, 12, 24));
        // 2027: Christmas on a Saturday is observed on Friday December 24, which is then no early close.
        assertThat(closedWeekdays(nyse, 2027)).contains(d(2027, 6, 18), d(2027, 7, 5), d(2027, 12, 24));
        assertThat(earlyCloses(nyse, 2027)).containsExactly(d(2027, 11, 26));
    }

    @Test
    void extraHolidaysAndEarlyClosesStackOnTheRules() {
        ManualScheduler calendar = ManualScheduler.builder().nyseRules().holiday(d(2025, 1, 9))
                .earlyClose(d(2025, 1, 10), LocalTime.of(14, 0)).build();

        assertThat(calendar.session(d(2025, 1, 9))).isEmpty();
        assertThat(calendar.session(d(2025, 1, 10))).get()
                .extracting(s -> s.close().atZone(Scheduler.MARKET_ZONE).toLocalTime()).isEqualTo(LocalTime.of(14, 0));
        assertThat(calendar.session(d(2025, 7, 3))).get().extracting(Scheduler.Session::isEarlyClose).isEqualTo(true);
    }

    @Test
    void tradingDaysAndIsOpenFollowTheSessions() {
        ManualScheduler calendar = ManualScheduler.nyse();

        assertThat(calendar.tradingDays(d(2024, 3, 27), d(2024, 4, 2)))
                .containsExactly(d(2024, 3, 27), d(2024, 3, 28), d(2024, 4, 1), d(2024, 4, 2));
        assertThat(calendar.isOpen(Instant.parse("2024-03-28T13:30:00Z"))).isTrue();
        assertThat(calendar.isOpen(Instant.parse("2024-03-28T13:29:59Z"))).isFalse();
        assertThat(calendar.isOpen(Instant.parse("2024-03-28T20:00:00Z"))).isFalse();
        assertThat(calendar.isOpen(Instant.parse("2024-03-29T15:00:00Z"))).isFalse();
    }

    @Test
    void anEarlyCloseOutsideTheSessionIsRefused() {
        assertThatThrownBy(() -> ManualScheduler.builder().earlyClose(d(2024, 1, 2), LocalTime.of(9, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void easterFollowsTheGregorianComputus() {
        assertThat(List.of(2019, 2024, 2025, 2038).stream().map(NyseRules::easterSunday))
                .containsExactly(d(2019, 4, 21), d(2024, 3, 31), d(2025, 4, 20), d(2038, 4, 25));
    }

    private static Set<LocalDate> closedWeekdays(ManualScheduler calendar, int year) {
        return LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
                .filter(day -> day.getDayOfWeek().getValue() <= 5 && !calendar.isTradingDay(day))
                .collect(Collectors.toSet());
    }

    private static Set<LocalDate> earlyCloses(ManualScheduler calendar, int year) {
        return LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
                .filter(day -> calendar.session(day).map(Scheduler.Session::isEarlyClose).orElse(false))
                .collect(Collectors.toSet());
    }

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }
}
