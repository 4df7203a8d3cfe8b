package io.alchemiser.examples.cli;

import io.alchemiser.examples.config.AppConfig;
import io.alchemiser.examples.config.ConfigLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE}, shared by every command that reads the YAML configuration ({@code @Mixin}). */
final class ConfigOption {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "the YAML configuration")
    Path file;

    /** The configuration, checked. @throws io.alchemiser.examples.config.ConfigException naming file, line and key */
    AppConfig load() {
        return new ConfigLoader().load(file);
    }
}
