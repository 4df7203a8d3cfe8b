package io.alchemiser.examples.liveday;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rehearsal day of issue 14 on the corpus: three real symphonies, 45 trades at concurrency 10, through the app's
 * own wiring (in-process {@code run --config}) and the real Alpaca adapters, against the emulator's 200-a-minute
 * budget; every sell walks its three limit steps to a market order and every buy fills in two parts. Prints the
 * figures as {@code LIVEDAY rehearsal (corpus): ...}.
 */
@Tag("shared")
@Timeout(value = 6, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SharedRehearsalDayTest {
    @TempDir
    Path dir;

    @Test
    void threeCorpusSymphoniesTradeFortyFiveOrdersWithinTheRequestBudget() {
        try (EmulatedDay day = EmulatedDay.open(SharedDay.setup(), dir.resolve("day"))) {
            Rehearsal.rehearse(day, "rehearsal (corpus)", 40);
        }
    }
}
