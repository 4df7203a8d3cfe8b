package io.alchemiser.inmemory.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.application.run.ScheduledRuns;
import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.ledger.RunRecord;
import io.alchemiser.core.domain.ledger.RunStatus;
import io.alchemiser.core.port.Scheduler;
import io.alchemiser.inmemory.InMemoryLedger;
import io.alchemiser.inmemory.ManualClock;
import io.alchemiser.inmemory.ManualScheduler;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduledRunsTest {
    static final LocalDate THANKSGIVING = LocalDate.of(2026, 11, 26);
    static final LocalDate BLACK_FRIDAY = LocalDate.of(2026, 11, 27);
    final ManualScheduler calendar = ManualScheduler.builder().holiday(THANKSGIVING).earlyClose(BLACK_FRIDAY).build();
    final InMemoryLedger ledger = new InMemoryLedger();

    static ManualClock at(LocalDate day, int hour, int minute) {
        return new ManualClock(ZonedDateTime.of(day, LocalTime.of(hour, minute), Scheduler.MARKET_ZONE).toInstant());
    }

    @Test
    void runsBeforeEachActualCloseSkippingHolidaysAndHonouringEarlyCloses() throws InterruptedException {
        ManualClock clock = at(LocalDate.of(2026, 11, 25), 9, 0);
        List<String> ran = new ArrayList<>();
        ScheduledRuns runs = new ScheduledRuns(calendar, ledger, clock, clock::advance, Duration.ofMinutes(15));
        runs.loop(date -> {
            ran.add(date + " " + clock.instant().atZone(Scheduler.MARKET_ZONE).toLocalTime());
            ledger.appendRun(RunRecord.status(RunId.forDate(date), 0, date, RunStatus.COMPLETED, clock.instant(), ""));
        }, 3);
        assertThat(ran).containsExactly("2026-11-25 15:45", "2026-11-27 12:45", "2026-11-30 15:45");
    }

    @Test
    void aRestartAfterTheDaysRunDoesNotRunItAgain() {
        ManualClock clock = at(LocalDate.of(2026, 11, 25), 15, 50);
        ledger.appendRun(RunRecord.status(RunId.forDate(LocalDate.of(2026, 11, 25)), 0, LocalDate.of(2026, 11, 25),
                RunStatus.COMPLETED, clock.instant(), ""));
        ScheduledRuns runs = new ScheduledRuns(calendar, ledger, clock, clock::advance, Duration.ofMinutes(15));
        assertThat(runs.next().date()).isEqualTo(BLACK_FRIDAY);
    }

    @Test
    void aRestartAfterTheRunTimeButBeforeTheCloseCatchesUpAtOnce() {
        ManualClock clock = at(LocalDate.of(2026, 11, 25), 15, 50);
        ScheduledRuns runs = new ScheduledRuns(calendar, ledger, clock, clock::advance, Duration.ofMinutes(15));
        assertThat(runs.next()).isEqualTo(new ScheduledRuns.Next(LocalDate.of(2026, 11, 25), clock.instant()));
    }
}
