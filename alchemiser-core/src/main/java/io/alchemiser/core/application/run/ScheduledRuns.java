package io.alchemiser.core.application.run;

import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.ledger.RunStatus;
import io.alchemiser.core.port.Ledger;
import io.alchemiser.core.port.Scheduler;
import io.alchemiser.core.port.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a job once per trading day, {@code beforeClose} before that day's actual close (early closes
 * included), and never on holidays.
 *
 * <p>Restart-safe: the ledger is the memory. A day whose run id ({@link RunId#forDate}) has a completed record
 * is skipped; a day whose run time has passed but whose session is still open and not completed runs at once
 * (catching up after a restart, or resuming an interrupted run); a day whose session has closed is left alone.
 */
public final class ScheduledRuns {
    private static final Logger log = LoggerFactory.getLogger(ScheduledRuns.class);
    private static final Duration MAX_NAP = Duration.ofMinutes(10);

    private final Scheduler calendar;
    private final Ledger ledger;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration beforeClose;

    public ScheduledRuns(Scheduler calendar, Ledger ledger, Clock clock, Sleeper sleeper, Duration beforeClose) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.beforeClose = Objects.requireNonNull(beforeClose, "beforeClose");
    }

    /** The next run: the trading date and when to start it. */
    public record Next(LocalDate date, Instant at) {
    }

    /** The next day to run, on or after today in New York, skipping completed days and closed sessions. */
    public Next next() {
        Instant now = clock.instant();
        LocalDate day = now.atZone(Scheduler.MARKET_ZONE).toLocalDate();
        for (int i = 0; i < 30; i++) {
            Scheduler.Session session = calendar.nextSession(day);
            boolean done = ledger.runHistory(RunId.forDate(session.date())).stream()
                    .anyMatch(r -> r.status() == RunStatus.COMPLETED);
            if (!done && now.isBefore(session.close())) {
                Instant at = session.close().minus(beforeClose);
                return new Next(session.date(), at.isBefore(now) ? now : at);
            }
            day = session.date().plusDays(1);
        }
        throw new IllegalStateException("no trading session to run in the next 30 sessions after " + now);
    }

    /**
     * Loops until {@code runs} days have been run (or forever when {@code runs} is negative): waits for the next
     * run time, then calls {@code job} with the trading date. A job that throws is logged with its stack trace and
     * the loop goes on to the next day (the ledger keeps what happened; an interrupted run resumes if run again the
     * same day).
     */
    public void loop(Consumer<LocalDate> job, int runs) throws InterruptedException {
        int done = 0;
        while (runs < 0 || done < runs) {
            Next next = next();
            Duration wait = Duration.between(clock.instant(), next.at());
            if (!wait.isNegative() && !wait.isZero()) {
                log.info("next run: {} at {} ({} from now)", next.date(), next.at(), wait);
                sleeper.sleep(wait.compareTo(MAX_NAP) > 0 ? MAX_NAP : wait);
                continue;
            }
            try {
                job.accept(next.date());
            } catch (RuntimeException e) {
                log.error("run for {} failed: {}", next.date(), e.getMessage(), e);
                waitForClose(next.date());
            }
            done++;
        }
    }

    /** After a failed run, do not retry it in a tight loop: wait until its session has closed. */
    private void waitForClose(LocalDate date) throws InterruptedException {
        Instant close = calendar.session(date).map(Scheduler.Session::close).orElse(clock.instant());
        while (clock.instant().isBefore(close)) {
            Duration wait = Duration.between(clock.instant(), close);
            sleeper.sleep(wait.compareTo(MAX_NAP) > 0 ? MAX_NAP : wait);
        }
    }
}
