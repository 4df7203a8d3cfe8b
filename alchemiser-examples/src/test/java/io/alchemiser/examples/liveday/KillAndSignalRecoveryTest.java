package io.alchemiser.examples.liveday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.alchemiser.core.domain.Order;
import io.alchemiser.core.domain.OrderStatus;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.ledger.RunRecord;
import io.alchemiser.core.domain.ledger.RunStatus;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.domain.ledger.TradeStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The app as its own process, killed with SIGKILL at each phase of the day or stopped with SIGTERM mid-walk by the
 * emulator at the moment the app reaches that point, then run again: the day must end as an uninterrupted day of
 * the same setup ends, with no order sent twice, none left resting, no dust, and no wasted wait for buying power.
 */
@Execution(ExecutionMode.CONCURRENT)
@Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KillAndSignalRecoveryTest {
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);
    /** A JVM killed by SIGKILL exits 128 + 9. */
    private static final int SIGKILLED = 137;

    @TempDir
    Path dir;

    /**
     * Killed at planning (the positions are read), at the first sell, or at the first buy (right after the broker
     * booked it). A sell killed mid-walk keeps resting at the broker, unknown to the ledger, so the rerun has to find
     * and cancel it before trading the residual; a buy killed mid-walk fills while the app is dead, so the rerun has
     * to adopt it.
     */
    @ParameterizedTest(name = "kill -9 in the {0} phase")
    @EnumSource(Phase.class)
    void theDayEndsWhereAnUninterruptedDayEndsAfterAKill(Phase phase) {
        DaySetup setup = GeneratedDay.small(dir);
        DayChecks.Reference reference = References.uninterrupted(setup);
        try (EmulatedDay day = EmulatedDay.open(setup, dir.resolve("day"))) {
            AtomicReference<AppProcess> app = new AtomicReference<>();
            phase.onReach(day.emulator, () -> {
                if (phase == Phase.SELLS) {
                    day.fills.holdOrdersWorkingBy(day.time.clock().instant());
                }
                app.get().kill();
            });
            runAsProcess(day, app, "killed", SIGKILLED);
            if (phase == Phase.SELLS) {
                assertThat(day.emulator.openOrders()).as("the killed walk's order rests at the broker").isNotEmpty();
            }

            EmulatedDay.AppRun rerun = day.run();

            assertThat(rerun.code()).as("the rerun after kill -9:%n%s", rerun).isZero();
            DayChecks.assertFinished(day, reference);
            System.out.println(DayChecks.Figures.of(day).line("kill -9 at " + phase));
        }
    }

    /**
     * Killed right after the second sell was booked, once the first had filled: the rerun adopts two filled sells
     * whose proceeds the account already shows, sells the third, and must not wait for buying power it counted twice.
     */
    @Test
    void theDayEndsWhereAnUninterruptedDayEndsAfterAKillBetweenFilledSells() {
        DaySetup setup = GeneratedDay.small(dir);
        DayChecks.Reference reference = References.uninterrupted(setup);
        try (EmulatedDay day = EmulatedDay.open(setup, dir.resolve("day"))) {
            AtomicReference<AppProcess> app = new AtomicReference<>();
            day.emulator.onSubmit(2, () -> app.get().kill());
            runAsProcess(day, app, "killed", SIGKILLED);

            EmulatedDay.AppRun rerun = day.run();

            assertThat(rerun.code()).as("the rerun after kill -9:%n%s", rerun).isZero();
            assertThat(day.ledgerTrades()).as("trades of round 0, recorded by the rerun from the broker's orders")
                    .filteredOn(t -> t.round() == 0)
                    .allSatisfy(t -> assertThat(t.reason()).startsWith("recorded from the broker's orders"))
                    .extracting(TradeRecord::side, TradeRecord::status)
                    .containsExactlyInAnyOrder(tuple(Side.SELL, TradeStatus.FILLED),
                            tuple(Side.SELL, TradeStatus.FILLED));
            assertThat(DayChecks.ordersOfRound(day, 1)).as("the rerun's orders").extracting(Order::side)
                    .contains(Side.SELL, Side.BUY);
            DayChecks.assertFinished(day, reference);
            System.out.println(DayChecks.Figures.of(day).line("kill -9 after the second sell"));
        }
    }

    /**
     * SIGTERM while orders rest (they will not fill on their own): the app stops placing, cancels what rests, records
     * the round as interrupted and exits 3 with the resume hint; the rerun finishes the day.
     */
    @Test
    void sigtermMidWalkExitsThreeWithTheHintLeavesNothingRestingAndTheRerunFinishesTheDay() {
        DaySetup setup = GeneratedDay.small(dir);
        DayChecks.Reference reference = References.uninterrupted(setup);
        try (EmulatedDay day = EmulatedDay.open(setup, dir.resolve("day"))) {
            AtomicReference<AppProcess> app = new AtomicReference<>();
            day.emulator.onSubmit(2, () -> {
                day.fills.holdOrdersWorkingBy(day.time.clock().instant());
                app.get().terminate();
            });
            String output = runAsProcess(day, app, "terminated", 3);
            assertThat(output).contains("SIGTERM")
                    .contains("orders had started: run the same command again to reconcile with the broker and resume");
            DayChecks.assertNothingResting(day);
            assertThat(day.emulator.orders()).as("orders the signal found resting were cancelled")
                    .anyMatch(o -> o.status() == OrderStatus.CANCELED);
            assertThat(day.ledgerRuns()).extracting(RunRecord::status).contains(RunStatus.INTERRUPTED)
                    .doesNotContain(RunStatus.COMPLETED);

            EmulatedDay.AppRun rerun = day.run();

            assertThat(rerun.code()).as("the rerun after SIGTERM:%n%s", rerun).isZero();
            DayChecks.assertFinished(day, reference);
            System.out.println(DayChecks.Figures.of(day).line("SIGTERM mid-walk"));
        }
    }

    /**
     * Runs the app of {@code day} as its own process (made known to the emulator's hooks through {@code app}) until
     * it exits, which must be with {@code expected}; returns what it printed.
     */
    private static String runAsProcess(EmulatedDay day, AtomicReference<AppProcess> app, String name, int expected) {
        try (AppProcess process = day.launch(name)) {
            app.set(process);
            int code = process.awaitExit(RUN_TIMEOUT);
            String output = process.output();
            assertThat(code).as("the app's exit code:%n%s", output).isEqualTo(expected);
            return output;
        }
    }
}
