package io.alchemiser.examples.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The level of the app's own loggers ({@code io.alchemiser}): the system property {@value #PROPERTY} if set, else the
 * environment variable {@value #ENV}, else {@code info} for {@code run} and {@code schedule} (which report each step)
 * and {@code warn} for the other commands. A value that is not a level is reported and ignored, instead of being
 * read by logback as {@code debug}.
 */
final class LogLevel {
    static final String PROPERTY = "alchemiser.log";
    static final String ENV = "ALCHEMISER_LOG";
    static final List<String> LEVELS = List.of("off", "error", "warn", "info", "debug", "trace");
    /** The property as the user started the JVM, before {@link #apply} sets it for logback. */
    static final String GIVEN_PROPERTY = System.getProperty(PROPERTY);

    /** The level chosen, and a warning to print when a given value was not a level. */
    record Choice(String level, Optional<String> warning) {
    }

    private LogLevel() {
    }

    /**
     * @param property the system property's value, or null
     * @param env      the environment variable's value, or null
     * @param command  the command's name (the first argument), or null
     */
    static Choice choose(String property, String env, String command) {
        String fallback = "run".equals(command) || "schedule".equals(command) ? "info" : "warn";
        for (String[] given : new String[][] {{"-D" + PROPERTY, property}, {ENV, env}}) {
            if (given[1] == null || given[1].isBlank()) {
                continue;
            }
            String level = given[1].strip().toLowerCase(Locale.ROOT);
            if (LEVELS.contains(level)) {
                return new Choice(level, Optional.empty());
            }
            return new Choice(fallback, Optional.of("warning: " + given[0] + "=" + given[1].strip() + " is not a log "
                    + "level (" + String.join(", ", LEVELS) + "); logging at " + fallback));
        }
        return new Choice(fallback, Optional.empty());
    }

    /**
     * Makes {@code level} the level of the app's loggers: as the property logback's configuration reads when it
     * starts, and on the running logback too when it has already started (a second command in one JVM, a test).
     */
    static void apply(String level) {
        System.setProperty(PROPERTY, level);
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext logback) {
            logback.getLogger("io.alchemiser").setLevel(Level.toLevel(level, Level.WARN));
        }
    }
}
