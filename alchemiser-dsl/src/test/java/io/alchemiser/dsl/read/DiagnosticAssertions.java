package io.alchemiser.dsl.read;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks shared by the reader's and the compiler's properties. */
public final class DiagnosticAssertions {
    private DiagnosticAssertions() {
    }

    /** The diagnostic names the file and a line and column that exist in the text, and quotes that line. */
    public static void assertPointsInto(SourceText source, Diagnostic d) {
        assertThat(d.position().file()).isEqualTo(source.file());
        String line = source.line(d.position().line());
        assertThat(d.sourceLine()).isEqualTo(line);
        int lines = source.text().split("\r\n|\r|\n", -1).length;
        assertThat(d.position().line()).isBetween(1, lines);
        assertThat(d.position().column()).isBetween(1, line.codePointCount(0, line.length()) + 1);
        assertThat(d.render()).startsWith(d.toString());
    }
}
