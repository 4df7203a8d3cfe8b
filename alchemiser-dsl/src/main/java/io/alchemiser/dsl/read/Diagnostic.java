package io.alchemiser.dsl.read;

import java.util.Objects;

/**
 * One error found in a symphony, written for the person who wrote it: where, and what was expected.
 *
 * @param position   where the offending form starts
 * @param message    what is wrong, naming the operator and what it expects, e.g.
 *                   {@code filter expects (select-top N) or (select-bottom N), got (select-first 2)}
 * @param sourceLine the text of the line at {@code position} (without its line break), or {@code ""} if unknown
 */
public record Diagnostic(SourcePosition position, String message, String sourceLine) {
    private static final int SHOWN_LINE_CHARS = 120;

    public Diagnostic {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(sourceLine, "sourceLine");
    }

    /** The one-line form, {@code file:line:col: error: message}. */
    @Override
    public String toString() {
        return position + ": error: " + message;
    }

    /**
     * The compiler-style form: the one-line form, then the source line and a caret under the column. Lines
     * longer than about 120 characters are cut around the column, with {@code …} where text was left out.
     */
    public String render() {
        if (sourceLine.isEmpty()) {
            return toString();
        }
        int[] codePoints = sourceLine.codePoints().toArray();
        int caret = Math.min(position.column() - 1, codePoints.length);
        int from = 0;
        int to = codePoints.length;
        if (codePoints.length > SHOWN_LINE_CHARS) {
            from = Math.max(0, caret - SHOWN_LINE_CHARS / 2);
            to = Math.min(codePoints.length, from + SHOWN_LINE_CHARS);
        }
        StringBuilder line = new StringBuilder();
        StringBuilder marker = new StringBuilder();
        if (from > 0) {
            line.append('…');
            marker.append(' ');
        }
        for (int i = from; i < to; i++) {
            line.appendCodePoint(codePoints[i]);
            if (i < caret) {
                marker.append(codePoints[i] == '\t' ? '\t' : ' ');
            }
        }
        if (to < codePoints.length) {
            line.append('…');
        }
        return toString() + System.lineSeparator() + line + System.lineSeparator() + marker + '^';
    }
}
