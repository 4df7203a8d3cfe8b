package io.alchemiser.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Options shared through picocli mixins keep each command's help and behaviour. */
class SharedOptionsTest {

    @Test
    void everyCommandThatReadsTheConfigurationRequiresIt() {
        for (String[] command : new String[][] {{"run"}, {"schedule"}, {"ledger"}, {"data", "refresh"}}) {
            Cli help = Cli.run(concat(command, "--help"));
            assertThat(help.out).as(String.join(" ", command)).contains("--config=FILE", "the YAML configuration");
            Cli missing = Cli.run(command);
            assertThat(missing.code).as(String.join(" ", command)).isEqualTo(ExitCodes.USAGE);
            assertThat(missing.err).contains("Missing required option: '--config=FILE'");
        }
    }

    @Test
    void evalAndBacktestShareTheDataOptionAndEveryJsonOptionSaysWhatItPrints() {
        Map<String, String> json = Map.of("eval", "With --json, one JSON object: symphony, asOf, weights, decisionPath",
                "backtest", "With --json, one JSON object (settings, history start, statistics, daily weights)",
                "ledger", "With --json, a JSON array, one object per trade");
        json.forEach((command, says) -> {
            String help = Cli.run(command, "--help").out.replaceAll("\\s+", " ");
            assertThat(help).as(command).contains("--json print JSON instead of text", says);
            if (!command.equals("ledger")) {
                assertThat(help).as(command).contains("--data=DIR price data: CSV folder or data lake");
            }
        });
        assertThat(Cli.run("eval", "x.clj", "--as-of", "2026-11-20").err)
                .contains("Missing required option: '--data=DIR'");
    }

    private static String[] concat(String[] a, String b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }
}
