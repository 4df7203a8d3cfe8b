package io.alchemiser.dsl.read;

import io.alchemiser.core.port.StrategyException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A symphony could not be read, compiled or evaluated. Carries every {@link Diagnostic} found, in source order,
 * so a user can fix them all in one go; the message lists them one per line as {@code file:line:col: error: ...}.
 * To the core it is a {@link StrategyException} located at the first diagnostic.
 */
public class SymphonyException extends StrategyException {
    private final List<Diagnostic> diagnostics;

    /** @param diagnostics at least one diagnostic */
    public SymphonyException(List<Diagnostic> diagnostics) {
        this(diagnostics, null, null);
    }

    /** With the trading date evaluated and the cause, for evaluation failures. */
    protected SymphonyException(List<Diagnostic> diagnostics, LocalDate date, Throwable cause) {
        super(location(diagnostics), date, summary(diagnostics), cause);
        this.diagnostics = List.copyOf(diagnostics);
    }

    private static String location(List<Diagnostic> diagnostics) {
        return diagnostics.isEmpty() ? "" : String.valueOf(diagnostics.get(0).position());
    }

    /** The diagnostics, in the order they were reported (source order within a file). Never empty. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Every diagnostic in its compiler-style form (message, source line, caret), separated by line breaks. */
    public String render() {
        return diagnostics.stream().map(Diagnostic::render).collect(Collectors.joining(System.lineSeparator()));
    }

    private static String summary(List<Diagnostic> diagnostics) {
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("a SymphonyException needs at least one diagnostic");
        }
        return diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining(System.lineSeparator()));
    }
}
