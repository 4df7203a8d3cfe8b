package io.alchemiser.examples.liveday;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A rehearsal day on generated prices (the unit suite's version of {@code SharedRehearsalDayTest}): thirteen trades
 * at concurrency 10 through the app and the real Alpaca adapters, every sell walking its three limit steps to a
 * market order and every buy filling in two parts.
 */
@Execution(ExecutionMode.CONCURRENT)
@Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RehearsalDayTest {
    @TempDir
    Path dir;

    @Test
    void aDayOfWalkedSellsAndPartlyFilledBuysCompletesWithinTheRequestBudget() {
        try (EmulatedDay day = EmulatedDay.open(GeneratedDay.wide(dir), dir.resolve("day"))) {
            Rehearsal.rehearse(day, "rehearsal (generated prices)", 13);
        }
    }
}
