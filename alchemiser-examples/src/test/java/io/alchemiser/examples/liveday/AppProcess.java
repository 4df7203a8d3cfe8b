package io.alchemiser.examples.liveday;

import io.alchemiser.examples.cli.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The app as its own JVM ({@code java -cp <this test's classpath> io.alchemiser.examples.cli.Main ...}), so a test can
 * kill it with SIGKILL ({@link #kill}) or send it SIGTERM ({@link #terminate}) as an operator or the OS would. Its
 * standard output and error go to a log file. Bounded: {@link #awaitExit} gives up after its timeout and
 * {@link #close} kills whatever is still running, so a stuck child never outlives the test.
 */
final class AppProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private AppProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static AppProcess start(List<String> args, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A short-lived command: the C1 compiler alone starts faster; a small heap suits the test machine.
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-Xmx256m", "-Xss512k"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        // The keys and URLs come from the config file; variables of the developer's shell must not override them.
        List.of("APCA_API_KEY_ID", "APCA_API_SECRET_KEY", "APCA_API_BASE_URL", "APCA_API_DATA_URL",
                "ALCHEMISER_ALPACA_MODE", "ALCHEMISER_LOG").forEach(env::remove);
        try {
            return new AppProcess(pb.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the app as a process", e);
        }
    }

    /** SIGKILL: the JVM dies at once, no handler runs. */
    void kill() {
        process.destroyForcibly();
    }

    /** SIGTERM (what {@link Process#destroy()} sends on Linux): the app's stop handler runs. */
    void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; a process still running after {@code timeout} is killed and fails the test. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("the app was still running after " + timeout + "; killed it. Its output:\n"
                        + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("interrupted while waiting for the app", e);
        }
    }

    /** Everything the process printed so far. */
    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
