package io.alchemiser.core.port;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A strategy could not be evaluated: too little history, a missing bar, data that could not be loaded. The
 * message is written for the person who wrote the strategy; {@link #location()} says where in the strategy's
 * source the failing part stands ({@code file:line:col} for a symphony), and {@link #date()} the day evaluated.
 * Strategy implementations extend it with their own detail (the DSL's {@code EvaluationException}).
 */
public class StrategyException extends AlchemiserException {
    private final String location;
    private final LocalDate date;

    public StrategyException(String location, LocalDate date, String message, Throwable cause) {
        super(message, cause);
        this.location = location == null ? "" : location;
        this.date = date;
    }

    /** Where in the strategy's source the problem is, or blank when it is not tied to one place. */
    public String location() {
        return location;
    }

    /** The day being evaluated, if the problem is tied to one. */
    public Optional<LocalDate> date() {
        return Optional.ofNullable(date);
    }
}
