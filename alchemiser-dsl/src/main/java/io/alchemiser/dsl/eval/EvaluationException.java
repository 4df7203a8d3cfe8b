package io.alchemiser.dsl.eval;

import io.alchemiser.dsl.read.Diagnostic;
import io.alchemiser.dsl.read.SourcePosition;
import io.alchemiser.dsl.read.SymphonyException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A symphony could not be evaluated on a date, raised before any order can be placed. The message reads like a
 * compiler's ({@code file:line:col: error: ...}) and names what a user needs to act: the symbol, the indicator
 * and its window, the date, and the node that needed it. Nothing is ever substituted for missing data.
 */
public final class EvaluationException extends SymphonyException {

    /** Why the evaluation failed. */
    public enum Reason {
        /**
         * A symbol starts too late, or has too few bars before the date for an indicator's window (including the
         * allocation history a {@code filter} or {@code weight-inverse-volatility} needs of a subtree).
         */
        INSUFFICIENT_HISTORY,
        /** A symbol has bars, but none dated exactly on a day the evaluation reads; or the date is no trading day. */
        MISSING_BAR,
        /** The market data source could not deliver a symbol's bars at all. */
        DATA_UNAVAILABLE,
        /** The symphony asks for something no data can answer, such as a standard deviation over one value. */
        INVALID
    }

    private final Reason reason;
    private final boolean noted;

    EvaluationException(Reason reason, SourcePosition position, LocalDate date, String message) {
        this(reason, position, date, message, null);
    }

    EvaluationException(Reason reason, SourcePosition position, LocalDate date, String message, Throwable cause) {
        this(reason, position, date, message, cause, false);
    }

    private EvaluationException(Reason reason, SourcePosition position, LocalDate date, String message,
            Throwable cause, boolean noted) {
        super(List.of(new Diagnostic(position, message, "")), date, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.noted = noted;
    }

    /** Why the evaluation failed. */
    public Reason reason() {
        return reason;
    }

    /** Where in the symphony the failing read is written (the symphony itself for data-source failures). */
    public SourcePosition position() {
        return diagnostics().get(0).position();
    }

    /** The message without the position prefix. */
    public String detail() {
        return diagnostics().get(0).message();
    }

    /**
     * This failure with a note on what needed it appended, keeping reason, position and date. Only the innermost
     * note is kept (the first one added), so deep nesting does not grow the message.
     */
    EvaluationException because(String note) {
        if (noted) {
            return this;
        }
        return new EvaluationException(reason, position(), date().orElse(null), detail() + "; " + note, this, true);
    }
}
