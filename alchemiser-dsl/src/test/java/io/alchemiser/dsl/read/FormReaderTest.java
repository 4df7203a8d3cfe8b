package io.alchemiser.dsl.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.alchemiser.dsl.read.Form.BooleanForm;
import io.alchemiser.dsl.read.Form.DecimalForm;
import io.alchemiser.dsl.read.Form.IntegerForm;
import io.alchemiser.dsl.read.Form.KeywordForm;
import io.alchemiser.dsl.read.Form.ListForm;
import io.alchemiser.dsl.read.Form.MapForm;
import io.alchemiser.dsl.read.Form.NilForm;
import io.alchemiser.dsl.read.Form.StringForm;
import io.alchemiser.dsl.read.Form.SymbolForm;
import io.alchemiser.dsl.read.Form.VectorForm;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormReaderTest {

    private static Form readOne(String text) {
        List<Form> forms = FormReader.read("t.clj", text);
        assertThat(forms).hasSize(1);
        return forms.get(0);
    }

    private static List<Diagnostic> errorsOf(String text) {
        SymphonySyntaxException e = catchThrowableOfType(SymphonySyntaxException.class,
                () -> FormReader.read("t.clj", text));
        assertThat(e).as("expected a syntax error").isNotNull();
        return e.diagnostics();
    }

    private static SourcePosition at(int line, int column) {
        return new SourcePosition("t.clj", line, column);
    }

    @Test
    void readsListsVectorsAndMapsWithPositions() {
        ListForm list = (ListForm) readOne("(rsi \"SPY\"\n     {:window 10})");
        assertThat(list.position()).isEqualTo(at(1, 1));
        assertThat(list.items()).hasSize(3);
        assertThat(list.items().get(0)).isEqualTo(new SymbolForm("rsi", at(1, 2)));
        assertThat(list.items().get(1)).isEqualTo(new StringForm("SPY", at(1, 6)));
        MapForm map = (MapForm) list.items().get(2);
        assertThat(map.position()).isEqualTo(at(2, 6));
        assertThat(map.entries()).containsExactly(
                new MapForm.Entry(new KeywordForm("window", at(2, 7)), new IntegerForm(10, at(2, 15))));

        VectorForm vector = (VectorForm) readOne("[a [b] ()]");
        assertThat(vector.items()).hasSize(3);
        assertThat(((VectorForm) vector.items().get(1)).items()).containsExactly(new SymbolForm("b", at(1, 5)));
        assertThat(((ListForm) vector.items().get(2)).items()).isEmpty();
    }

    @Test
    void readsStringsWithEscapesAndAnyUnicode() {
        assertThat(readOne("\"a \\\"quoted\\\" \\\\ back\"")).isEqualTo(new StringForm("a \"quoted\" \\ back", at(1, 1)));
        assertThat(((StringForm) readOne("\"\\n\\t\\r\\b\\f\"")).value()).isEqualTo("\n\t\r\b\f");
        assertThat(((StringForm) readOne("\"\\u00e9\\uD83D\\uDE00\"")).value()).isEqualTo("é😀");
        assertThat(((StringForm) readOne("\"\\101\\0\\377\"")).value()).isEqualTo("A\0\u00ff");
        assertThat(((StringForm) readOne("\"Jörmungandr 🧙‍♂️ ☢️ 𝓩𝓪𝓶\"")).value()).isEqualTo("Jörmungandr 🧙‍♂️ ☢️ 𝓩𝓪𝓶");
    }

    @Test
    void readsIntegersDecimalsAndNegatives() {
        assertThat(readOne("10")).isEqualTo(new IntegerForm(10, at(1, 1)));
        assertThat(readOne("-3")).isEqualTo(new IntegerForm(-3, at(1, 1)));
        assertThat(readOne("+7")).isEqualTo(new IntegerForm(7, at(1, 1)));
        assertThat(readOne("0")).isEqualTo(new IntegerForm(0, at(1, 1)));
        assertThat(readOne("-10.5")).isEqualTo(new DecimalForm(-10.5, at(1, 1)));
        assertThat(readOne("0.16670000000000001")).isEqualTo(new DecimalForm(0.16670000000000001, at(1, 1)));
        assertThat(readOne("1.")).isEqualTo(new DecimalForm(1.0, at(1, 1)));
        assertThat(readOne("2.5E-3")).isEqualTo(new DecimalForm(0.0025, at(1, 1)));
        assertThat(readOne("1e3")).isEqualTo(new DecimalForm(1000.0, at(1, 1)));
        assertThat(readOne("9223372036854775807")).isEqualTo(new IntegerForm(Long.MAX_VALUE, at(1, 1)));
    }

    @Test
    void readsKeywordsSymbolsNilAndBooleans() {
        List<Form> forms = FormReader.read("t.clj", ":rebalance-frequency weight-equal >= < nil true false -x +");
        assertThat(forms).containsExactly(
                new KeywordForm("rebalance-frequency", at(1, 1)),
                new SymbolForm("weight-equal", at(1, 22)),
                new SymbolForm(">=", at(1, 35)),
                new SymbolForm("<", at(1, 38)),
                new NilForm(at(1, 40)),
                new BooleanForm(true, at(1, 44)),
                new BooleanForm(false, at(1, 49)),
                new SymbolForm("-x", at(1, 55)),
                new SymbolForm("+", at(1, 58)));
    }

    @Test
    void skipsCommentsCommasAndAByteOrderMark() {
        List<Form> forms = FormReader.read("t.clj", "\uFEFF;; header ; with ( and \"\n{:a 1, :b 2} ; trailing\n,,x");
        assertThat(forms).hasSize(2);
        assertThat(((MapForm) forms.get(0)).entries()).hasSize(2);
        assertThat(forms.get(1)).isEqualTo(new SymbolForm("x", at(3, 3)));
        assertThat(FormReader.read("t.clj", "   ; only a comment")).isEmpty();
        assertThat(FormReader.read("t.clj", "")).isEmpty();
    }

    @Test
    void countsLinesForEveryLineBreakStyleAndColumnsInCodePoints() {
        List<Form> forms = FormReader.read("t.clj", "a\r\nb\rc\n\"😀😀\" d");
        assertThat(forms).extracting(Form::position)
                .containsExactly(at(1, 1), at(2, 1), at(3, 1), at(4, 1), at(4, 6));
    }

    @Test
    void readsNestingFarDeeperThanTheCorpusWithoutRecursion() {
        int depth = 20_000;
        String text = "[".repeat(depth) + "x" + "]".repeat(depth);
        Form form = readOne(text);
        int seen = 0;
        while (form instanceof VectorForm) {
            form = ((VectorForm) form).items().get(0);
            seen++;
        }
        assertThat(seen).isEqualTo(depth);
        assertThat(readOne(text).toString()).isEqualTo("VectorForm[" + "[".repeat(80) + "… at t.clj:1:1]");
        assertThat(form).isEqualTo(new SymbolForm("x", at(1, depth + 1)));
    }

    private static final String NOT_CLOSED = "error: string not closed on its line: add the closing '\"'"
            + " (a symphony never breaks a string across lines)";

    @Test
    void aStringThatRunsPastItsLineIsReportedWhereItStarts() {
        // the quote after "name" is missing: reported at 1:8 where the string starts, not at the end of the file
        // where a reader that lets strings span lines would run out; line 2 then reads cleanly
        List<Diagnostic> errors = errorsOf("(group \"name\n [(asset \"SPY\")])");
        assertThat(errors).extracting(Diagnostic::toString).containsExactly("t.clj:1:8: " + NOT_CLOSED);
        assertThat(errors.get(0).render()).endsWith("(group \"name" + System.lineSeparator() + "       ^");
    }

    @Test
    void aStringBrokenAcrossLinesIsAnErrorEvenWhenALaterLineClosesIt() {
        // exports never break strings across lines, so the string of line 1 ends there (error at its start) and
        // line 2 is read as written: its quotes pair up as " [(asset " and "SPY"'s closing quote opens a string that
        // line 2 does not close; the brackets given back after it close (group and leave two strays. Line 3 is clean.
        assertThat(errorsOf("(group \"two\nlines\" [(asset \"SPY\")])\n(asset \"QQQ\")"))
                .extracting(Diagnostic::toString)
                .containsExactly("t.clj:1:8: " + NOT_CLOSED, "t.clj:2:20: " + NOT_CLOSED,
                        "t.clj:2:22: error: unexpected ']': no '[' is open",
                        "t.clj:2:23: error: unexpected ')': no '(' is open");
    }

    @Test
    void afterAStringNotClosedOnItsLineTheClosingBracketsItSwallowedStillCloseAndLaterErrorsAreReported() {
        // line 2's string swallows ")])": they are read as brackets again, so the file's brackets balance and the
        // '@' on line 4 is the only other error
        String text = "(weight-equal\n [(asset \"SPY)])\n\n(asset \"QQQ\" @x)";
        assertThat(errorsOf(text)).extracting(Diagnostic::toString).containsExactly(
                "t.clj:2:10: " + NOT_CLOSED, "t.clj:4:14: error: unsupported syntax '@': symphonies use only lists,"
                        + " vectors, maps, strings, numbers, keywords and symbols");
    }

    @Test
    void aStringNotClosedOnTheLastLineIsReportedAtItsOpeningQuote() {
        assertThat(errorsOf("(group \"g\"\n [(asset \"SPY)])"))
                .extracting(Diagnostic::toString)
                .containsExactly("t.clj:2:10: error: unterminated string: no closing '\"' before the end of the file");
    }

    @Test
    void aLineBreakWrittenAsAnEscapeIsPartOfTheString() {
        assertThat(((StringForm) readOne("\"two\\nlines\"")).value()).isEqualTo("two\nlines");
    }

    @Test
    void reportsAnUnclosedBracketAtTheEndOfTheFile() {
        assertThat(errorsOf("(a\n  [b\n   (c)"))
                .extracting(Diagnostic::toString)
                .containsExactly("t.clj:3:7: error: unexpected end of file: '[' opened at 2:3 is not closed"
                        + " (and 1 enclosing brackets)");
    }

    @Test
    void reportsAMismatchedCloserAndRecovers() {
        List<Diagnostic> errors = errorsOf("(a [b) (c ]\n(d)))");
        assertThat(errors).extracting(Diagnostic::toString).containsExactly(
                "t.clj:1:6: error: expected ']' to close '[' at 1:4, got ')'",
                "t.clj:1:11: error: unexpected ']': the innermost open bracket is '(' at 1:8, closed by ')'",
                "t.clj:2:5: error: unexpected ')': no '(' is open");
    }

    @Test
    void reportsAStrayCloserAtTopLevel() {
        assertThat(errorsOf("x }")).extracting(Diagnostic::toString)
                .containsExactly("t.clj:1:3: error: unexpected '}': no '{' is open");
    }

    @Test
    void reportsAMapWithAnOddNumberOfForms() {
        assertThat(errorsOf("(rsi \"SPY\" {:window})")).extracting(Diagnostic::toString)
                .containsExactly("t.clj:1:12: error: a map needs key-value pairs, got an odd number of forms (1)");
    }

    @Test
    void reportsMalformedNumbers() {
        assertThat(errorsOf("[1.2.3 007 1/3 10N 0x10 99999999999999999999 1e999 2e]"))
                .extracting(d -> d.position().column() + " " + d.message())
                .containsExactly(
                        "2 invalid number '1.2.3': expected an integer such as 10 or -3, or a decimal such as 0.25 or -10.5",
                        "8 invalid number '007': expected an integer such as 10 or -3, or a decimal such as 0.25 or -10.5",
                        "12 invalid number '1/3': expected an integer such as 10 or -3, or a decimal such as 0.25 or -10.5",
                        "16 invalid number '10N': expected an integer such as 10 or -3, or a decimal such as 0.25 or -10.5",
                        "20 invalid number '0x10': expected an integer such as 10 or -3, or a decimal such as 0.25 or -10.5",
                        "25 invalid number '99999999999999999999': expected an integer such as 10 or -3, or a decimal such as 0.25 or -10.5",
                        "46 invalid number '1e999': expected an integer such as 10 or -3, or a decimal such as 0.25 or -10.5",
                        "52 invalid number '2e': expected an integer such as 10 or -3, or a decimal such as 0.25 or -10.5");
    }

    @Test
    void reportsBadEscapesAndKeepsReading() {
        assertThat(errorsOf("\"a\\qb\" \"\\u12\" \"ok\" \"\\uZZZZ\""))
                .extracting(Diagnostic::toString)
                .containsExactly(
                        "t.clj:1:3: error: unsupported escape '\\q' in string: use \\\" \\\\ \\n \\t \\r \\b \\f or \\uXXXX",
                        "t.clj:1:9: error: invalid escape in string: \\u needs four hex digits",
                        "t.clj:1:21: error: invalid escape in string: \\u needs four hex digits");
    }

    @Test
    void reportsReaderMacrosAndBadKeywords() {
        assertThat(errorsOf("#{1 2} 'x ::auto : @y"))
                .extracting(d -> d.position().column() + " " + d.message())
                .containsExactly(
                        "1 unsupported syntax '#': symphonies use only lists, vectors, maps, strings, numbers, keywords and symbols",
                        "8 unsupported syntax ''': symphonies use only lists, vectors, maps, strings, numbers, keywords and symbols",
                        "11 invalid keyword '::auto': '::' keywords are not supported",
                        "18 a keyword needs a name after ':'",
                        "20 unsupported syntax '@': symphonies use only lists, vectors, maps, strings, numbers, keywords and symbols");
    }

    @Test
    void stopsAfterTooManyErrors() {
        List<Diagnostic> errors = errorsOf(")".repeat(500));
        assertThat(errors).hasSize(FormReader.MAX_ERRORS);
        assertThat(errors.get(FormReader.MAX_ERRORS - 1).message()).isEqualTo("too many errors; stopped reading here");
    }

    @Test
    void syntaxErrorMessageListsEveryDiagnostic() {
        SymphonySyntaxException e = catchThrowableOfType(SymphonySyntaxException.class,
                () -> FormReader.read("nova.clj", "(a]\n)\n)"));
        assertThat(e).hasMessage("nova.clj:1:3: error: unexpected ']': the innermost open bracket is '(' at 1:1,"
                + " closed by ')'" + System.lineSeparator() + "nova.clj:3:1: error: unexpected ')': no '(' is open");
        assertThat(e).isInstanceOf(SymphonyException.class);
    }
}
