package io.alchemiser.examples.liveday;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.alpaca.emulator.AlpacaEmulator;
import io.alchemiser.core.domain.ledger.TradeStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The broker unreachable for 3 s or 60 s during each phase of the day (planning, sells, buys), through the app and
 * the real Alpaca adapters: connections are reset from the moment the app reaches the phase. A 3 s outage may be
 * ridden out by the adapters' retries; a 60 s one outlasts the app's patience, so the run stops resumable, and the
 * operator runs it again once the broker is back. Either way the day must end as an uninterrupted day ends, with no
 * order sent twice, nothing left resting, no dust, and no wait for buying power that will never come.
 *
 * <p>The app waits on real time, so the emulator's clock follows real time; what is left of a 60 s outage after the
 * app has given up is skipped on the emulator's clock (the operator's coffee break), never sat through.
 */
@Execution(ExecutionMode.CONCURRENT)
@Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OutageRecoveryTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} s outage from the {1} phase")
    @CsvSource({"3, PLANNING", "3, SELLS", "3, BUYS", "60, PLANNING", "60, SELLS", "60, BUYS"})
    void theDayEndsWhereAnUninterruptedDayEndsAfterAnOutage(int seconds, Phase phase) {
        DaySetup setup = GeneratedDay.small(dir);
        DayChecks.Reference reference = References.uninterrupted(setup);
        try (EmulatedDay day = EmulatedDay.open(setup, dir.resolve("day"))) {
            AtomicReference<Instant> over = new AtomicReference<>();
            phase.onReach(day.emulator, () -> {
                day.emulator.outage(Duration.ofSeconds(seconds), AlpacaEmulator.Outage.RESET);
                over.set(day.time.clock().instant().plusSeconds(seconds));
            });

            EmulatedDay.AppRun first = day.run();

            assertThat(over.get()).as("the outage began").isNotNull();
            assertThat(day.emulator.requests()).as("requests refused by the outage")
                    .anyMatch(r -> r.status() == 0);
            if (seconds == 60) {
                assertThat(first.code()).as("a run the outage outlasted:%n%s", first).isIn(3, 4);
            }
            if (first.code() != 0) {
                assertThat(first.code()).as("%s", first).isIn(3, 4);
                assertThat(first.err()).containsAnyOf("run the same command again", "run again to resume");
                assertThat(day.ledgerTrades()).as("an unreachable broker is unknown, never failed")
                        .noneMatch(t -> t.status() == TradeStatus.FAILED);
                Instant now = day.time.clock().instant();
                if (now.isBefore(over.get())) {
                    day.time.jump(Duration.between(now, over.get()));
                }
                EmulatedDay.AppRun rerun = day.run();
                assertThat(rerun.code()).as("the rerun after the outage:%n%s", rerun).isZero();
            }
            DayChecks.assertFinished(day, reference);
            System.out.println(DayChecks.Figures.of(day).line(seconds + " s outage from " + phase)
                    + " firstExit=" + first.code() + " rounds=" + (DayChecks.lastRound(day) + 1));
        }
    }
}
