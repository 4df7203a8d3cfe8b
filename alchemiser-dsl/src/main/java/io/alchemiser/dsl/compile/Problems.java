package io.alchemiser.dsl.compile;

import io.alchemiser.dsl.read.Diagnostic;
import io.alchemiser.dsl.read.Form;
import io.alchemiser.dsl.read.FormPrinter;
import io.alchemiser.dsl.read.SourcePosition;
import io.alchemiser.dsl.read.SourceText;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/** The errors one compilation has found so far, capped so that a garbage file stays cheap to report on. */
final class Problems {
    static final int MAX = 100;
    private static final int SHOWN_CHARS = 60;

    private final SourceText source;
    private final List<Diagnostic> found = new ArrayList<>();

    Problems(SourceText source) {
        this.source = source;
    }

    void report(SourcePosition at, String message) {
        if (found.size() < MAX - 1) {
            found.add(source.error(at, message));
        } else if (found.size() == MAX - 1) {
            found.add(source.error(at, "too many errors; stopped compiling here"));
        }
    }

    void report(Form form, String message) {
        report(form.position(), message);
    }

    /** True once the cap is reached: the compiler stops looking. */
    boolean full() {
        return found.size() >= MAX;
    }

    boolean any() {
        return !found.isEmpty();
    }

    /** The diagnostics in the order found, which is source order: the compiler walks the forms front to back. */
    List<Diagnostic> all() {
        return List.copyOf(found);
    }

    /** A number as a message shows it: {@code 100}, {@code 0.9}, at most six significant digits. */
    static String show(double value) {
        return BigDecimal.valueOf(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** A form as a message shows it: printed, cut after about 60 characters. */
    static String show(Form form) {
        return FormPrinter.abbreviate(form, SHOWN_CHARS);
    }
}
