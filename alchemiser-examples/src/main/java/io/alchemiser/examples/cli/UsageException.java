package io.alchemiser.examples.cli;

import io.alchemiser.core.port.AlchemiserException;
import java.util.function.Supplier;

/**
 * A value given on the command line is wrong: the message names the option and what it accepts. Exit code
 * {@link ExitCodes#INPUT}, without a stack trace. (An option picocli itself cannot parse, such as a date that is no
 * date, is picocli's usage error instead: {@link ExitCodes#USAGE}.)
 */
final class UsageException extends AlchemiserException {
    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The result of {@code call}, a call whose {@link IllegalArgumentException} is its documented answer to a value
     * the user gave (a domain value's check, a parser of an option); that answer becomes a usage error. Use it only
     * around such a call, never around a whole command: anywhere else an {@code IllegalArgumentException} is a bug.
     */
    static <T> T checking(Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
