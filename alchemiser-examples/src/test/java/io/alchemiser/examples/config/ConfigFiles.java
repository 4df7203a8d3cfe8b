package io.alchemiser.examples.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Configuration files written by a test into its own folder, beside a symphony {@code a.clj}, and loaded with the
 * real loader: {@link #load} for one that must load, {@link #error} for the message of one that must not.
 */
public final class ConfigFiles {
    private final Path file;
    private final ConfigLoader loader = new ConfigLoader();

    /** Files in {@code dir}: the configuration {@code alchemiser.yaml} and the symphony {@code a.clj}. */
    public ConfigFiles(Path dir) {
        this.file = dir.resolve("alchemiser.yaml");
        try {
            Files.writeString(dir.resolve("a.clj"), "(defsymphony \"Same\" {} (asset \"SPY\"))");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The configuration file's path, as errors name it. */
    public Path file() {
        return file;
    }

    /** Writes {@code yaml} and loads it. */
    public AppConfig load(String yaml) {
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loader.load(file);
    }

    /** The message of the {@link ConfigException} that loading {@code yaml} must throw. */
    public String error(String yaml) {
        try {
            load(yaml);
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted:\n" + yaml);
    }
}
