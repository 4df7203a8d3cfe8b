package io.alchemiser.examples.liveday;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Uninterrupted days, run once per setup and JVM: the positions an interrupted day of the same setup must end at.
 * Each runs the app in-process on its own fresh emulator and its own folder, deleted afterwards.
 */
final class References {
    private static final Map<String, DayChecks.Reference> DAYS = new HashMap<>();

    private References() {
    }

    /** Where an uninterrupted day of {@code setup} ends (setups of one name must be identical). */
    static synchronized DayChecks.Reference uninterrupted(DaySetup setup) {
        DayChecks.Reference known = DAYS.get(setup.name());
        if (known != null) {
            return known;
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("liveday-reference-" + setup.name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (EmulatedDay day = EmulatedDay.open(setup, dir)) {
            EmulatedDay.AppRun run = day.run();
            assertThat(run.code()).as("the uninterrupted day of '%s':%n%s", setup.name(), run).isZero();
            DayChecks.assertCompleted(day);
            DayChecks.assertNothingResting(day);
            DayChecks.assertEveryOrderAccepted(day);
            DayChecks.assertNoBuyingPowerWaitInTheLastRound(day);
            DayChecks.Reference reference = DayChecks.reference(day);
            DAYS.put(setup.name(), reference);
            return reference;
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is not the test's failure
        }
    }
}
