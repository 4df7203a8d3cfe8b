package io.alchemiser.examples.config;

import io.alchemiser.core.port.AlchemiserException;

/**
 * The configuration file is missing, unreadable or wrong, or cannot work with the environment. The message starts
 * with {@code file:line:column:} and names the key path ({@code execution.stepWaitSeconds}), so the user can go
 * straight to the line; it never quotes a secret.
 */
public class ConfigException extends AlchemiserException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
