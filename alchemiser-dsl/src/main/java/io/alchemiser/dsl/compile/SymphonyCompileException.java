package io.alchemiser.dsl.compile;

import io.alchemiser.dsl.read.Diagnostic;
import io.alchemiser.dsl.read.SymphonyException;
import java.util.List;

/** The text reads as forms, but they are not a valid symphony: wrong arity, bad option, window or weight. */
public class SymphonyCompileException extends SymphonyException {
    public SymphonyCompileException(List<Diagnostic> diagnostics) {
        super(diagnostics);
    }
}
