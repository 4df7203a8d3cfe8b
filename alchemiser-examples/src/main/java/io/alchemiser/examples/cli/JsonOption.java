package io.alchemiser.examples.cli;

import picocli.CommandLine.Option;

/**
 * {@code --json}: machine-readable output instead of the text, shared by {@code eval}, {@code backtest} and
 * {@code ledger} ({@code @Mixin}); each command's description says what its JSON holds.
 */
final class JsonOption {
    @Option(names = "--json", description = "print JSON instead of text (what it holds: see above)")
    boolean enabled;
}
