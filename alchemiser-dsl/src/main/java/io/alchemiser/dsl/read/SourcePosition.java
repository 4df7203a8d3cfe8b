package io.alchemiser.dsl.read;

import java.util.Objects;

/**
 * Where a form starts in its source: the file name as the caller gave it, a 1-based line and a 1-based column.
 * Columns count Unicode code points, so an emoji in a symphony name is one column.
 */
public record SourcePosition(String file, int line, int column) {

    public SourcePosition {
        Objects.requireNonNull(file, "file");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based, got " + line + ":" + column);
        }
    }

    /** {@code file:line:column}, the prefix of every diagnostic. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
