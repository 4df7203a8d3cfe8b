package io.alchemiser.dsl.read;

import java.util.List;

/** The text is not well-formed: unbalanced brackets, a bad string escape, a malformed number, and the like. */
public class SymphonySyntaxException extends SymphonyException {
    public SymphonySyntaxException(List<Diagnostic> diagnostics) {
        super(diagnostics);
    }
}
