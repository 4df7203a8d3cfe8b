package io.alchemiser.dsl.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiagnosticTest {
    private static final String NL = System.lineSeparator();

    @Test
    void rendersTheSourceLineWithACaretUnderTheColumn() {
        SourceText source = SourceText.of("nova.clj", "(defsymphony\n  \"x\"\n\t (filter (rsi {:window 0})))\n");
        Diagnostic d = source.error(source.position(3, 11), "rsi expects :window to be a positive integer, got 0");
        assertThat(d.toString()).isEqualTo("nova.clj:3:11: error: rsi expects :window to be a positive integer, got 0");
        assertThat(d.render()).isEqualTo(d + NL + "\t (filter (rsi {:window 0})))" + NL + "\t         ^");
    }

    @Test
    void countsColumnsInCodePointsWhenPlacingTheCaret() {
        SourceText source = SourceText.of("f.clj", "\"🧙‍♂️\" x");
        Diagnostic d = source.error(source.position(1, 7), "m");
        assertThat(d.render()).endsWith(NL + "      ^");
    }

    @Test
    void cutsVeryLongLinesAroundTheColumn() {
        String line = "a".repeat(1000) + "X" + "b".repeat(1000);
        SourceText source = SourceText.of("f.clj", line);
        String[] rendered = source.error(source.position(1, 1001), "m").render().split(NL);
        assertThat(rendered[1]).startsWith("…a").endsWith("b…").contains("X").hasSize(122);
        assertThat(rendered[1].charAt(rendered[2].length() - 1)).isEqualTo('X');
    }

    @Test
    void findsLinesAfterEveryLineBreakStyle() {
        SourceText source = SourceText.of("f.clj", "one\r\ntwo\rthree\nfour");
        assertThat(source.line(1)).isEqualTo("one");
        assertThat(source.line(2)).isEqualTo("two");
        assertThat(source.line(3)).isEqualTo("three");
        assertThat(source.line(4)).isEqualTo("four");
        assertThat(source.line(5)).isEmpty();
    }

    @Test
    void rendersOnlyTheHeaderWhenTheLineIsUnknown() {
        Diagnostic d = new Diagnostic(new SourcePosition("f.clj", 9, 9), "m", "");
        assertThat(d.render()).isEqualTo("f.clj:9:9: error: m");
    }
}
