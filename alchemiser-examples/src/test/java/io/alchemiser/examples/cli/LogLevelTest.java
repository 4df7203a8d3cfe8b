package io.alchemiser.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** ALCHEMISER_LOG (or -Dalchemiser.log, which wins) sets the level of the app's logs, as documented. */
class LogLevelTest {
    @TempDir
    Path dir;

    @Test
    void thePropertyWinsThenTheEnvironmentThenTheCommandsDefault() {
        assertThat(LogLevel.choose("error", "debug", "run")).isEqualTo(new LogLevel.Choice("error", Optional.empty()));
        assertThat(LogLevel.choose(null, "DEBUG", "eval")).isEqualTo(new LogLevel.Choice("debug", Optional.empty()));
        assertThat(LogLevel.choose(" ", " trace ", "eval").level()).isEqualTo("trace");
        assertThat(LogLevel.choose(null, null, "run").level()).isEqualTo("info");
        assertThat(LogLevel.choose(null, null, "schedule").level()).isEqualTo("info");
        assertThat(LogLevel.choose(null, null, "backtest").level()).isEqualTo("warn");
        assertThat(LogLevel.choose(null, null, null).level()).isEqualTo("warn");
    }

    @Test
    void aValueThatIsNotALevelIsReportedInsteadOfReadAsDebug() {
        assertThat(LogLevel.choose(null, "verbose", "run")).isEqualTo(new LogLevel.Choice("info", Optional.of(
                "warning: ALCHEMISER_LOG=verbose is not a log level (off, error, warn, info, debug, trace); logging at "
                        + "info")));
        assertThat(LogLevel.choose("loud", null, "eval").warning()).hasValueSatisfying(w -> assertThat(w)
                .startsWith("warning: -Dalchemiser.log=loud is not a log level"));
    }

    @Test
    void applyingALevelTakesEffectOnARunningLogback() {
        String before = System.getProperty(LogLevel.PROPERTY);
        try {
            LogLevel.apply("debug");
            assertThat(LoggerFactory.getLogger("io.alchemiser.examples.x").isDebugEnabled()).isTrue();
            LogLevel.apply("warn");
            assertThat(LoggerFactory.getLogger("io.alchemiser.examples.x").isInfoEnabled()).isFalse();
        } finally {
            if (before != null) {
                System.setProperty(LogLevel.PROPERTY, before);
            }
        }
    }

    /**
     * The documented way, end to end: a fresh JVM with only the environment variable set logs at debug, and a
     * terminal escape sequence in a symphony name never reaches the log raw.
     */
    @Test
    void theEnvironmentVariableAloneTurnsOnDebugLogsInAFreshProcess() throws Exception {
        Path prices = PriceFolder.write(dir.resolve("prices"), CommandsTest.LAST, 260, "SPY");
        Files.writeString(dir.resolve("evil.clj"), "(defsymphony \"Evil\u001b[2J\" {} (asset \"SPY\"))");
        Path cfg = dir.resolve("alchemiser.yaml");
        Files.writeString(cfg, "strategies: [{file: evil.clj, weight: 1}]\ndata: {store: csv, path: prices}\n"
                + "ledger: {path: ledger/l}\n");
        assertThat(prices).isDirectory();

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--config", cfg.toString(),
                "--dry-run", "--as-of", "2026-11-24"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put(LogLevel.ENV, "debug");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the process ended").isTrue();
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);

        assertThat(p.exitValue()).as(err).isZero();
        assertThat(err).contains(" DEBUG ").contains("strategy 'Evil\uFFFD[2J' →").doesNotContain("\u001b");
    }
}
