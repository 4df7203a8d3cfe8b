package io.alchemiser.core.port;

/** The market calendar could not be read. */
public class SchedulerException extends AlchemiserException {
    public SchedulerException(String message) {
        super(message);
    }

    public SchedulerException(String message, Throwable cause) {
        super(message, cause);
    }
}
