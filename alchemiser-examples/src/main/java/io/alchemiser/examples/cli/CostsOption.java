package io.alchemiser.examples.cli;

import io.alchemiser.examples.research.JobSettings;
import picocli.CommandLine.Option;

/** {@code --costs none|composer}, the cost preset of {@code backtest}, {@code rank} and {@code sweep} ({@code @Mixin}). */
final class CostsOption {
    @Option(names = "--costs", paramLabel = "PRESET",
            description = "none, or composer: 1 bp slippage on the dollars traded plus the SEC fee and FINRA TAF on "
                    + "sales at the rates in force on each day")
    String preset;

    /** The preset, or {@code none} when not given. @throws UsageException for an unknown one */
    JobSettings.Costs orNone() {
        return preset == null ? JobSettings.Costs.NONE : UsageException.checking(() -> JobSettings.Costs.parse(preset));
    }
}
