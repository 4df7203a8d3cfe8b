package io.alchemiser.dsl.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.dsl.read.Form.DecimalForm;
import io.alchemiser.dsl.read.Form.StringForm;
import io.alchemiser.dsl.read.Form.VectorForm;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormPrinterTest {
    private static final SourcePosition P = new SourcePosition("t.clj", 1, 1);

    private static Form readOne(String text) {
        return FormReader.read("t.clj", text).get(0);
    }

    @Test
    void printsEveryKindOfFormInComposerStyle() {
        String text = "(defsymphony \"Name \\\"quoted\\\"\" {:asset-class \"EQUITIES\", :rebalance-threshold 0.05}"
                + " (weight-equal [(asset \"SPY\" nil) (if (> (rsi \"SPY\" {:window 10}) -3) [x] [true false])]))";
        assertThat(FormPrinter.print(readOne(text))).isEqualTo(text);
    }

    @Test
    void printsDecimalsSoTheyReadBackExactly() {
        assertThat(FormPrinter.print(new DecimalForm(0.16670000000000001, P))).isEqualTo("0.16670000000000001");
        assertThat(FormPrinter.print(new DecimalForm(1.0E-5, P))).isEqualTo("1.0E-5");
        assertThat(FormPrinter.print(new DecimalForm(3.0, P))).isEqualTo("3.0");
    }

    @Test
    void escapesControlCharactersInStrings() {
        assertThat(FormPrinter.print(new StringForm("a\nb\t\"c\\\u0001é😀", P)))
                .isEqualTo("\"a\\nb\\t\\\"c\\\\\\u0001é😀\"");
    }

    @Test
    void printsDeeplyNestedFormsWithoutRecursion() {
        Form form = new StringForm("x", P);
        for (int i = 0; i < 50_000; i++) {
            form = new VectorForm(List.of(form), P);
        }
        String printed = FormPrinter.print(form);
        assertThat(printed.equals("[".repeat(50_000) + "\"x\"" + "]".repeat(50_000)))
                .as("50,000 nested vectors around \"x\"").isTrue();
    }

    @Test
    void abbreviatesLongFormsForMessages() {
        Form small = readOne("(select-first 2)");
        assertThat(FormPrinter.abbreviate(small, 40)).isEqualTo("(select-first 2)");
        Form big = readOne("(weight-equal [" + "(asset \"SPY\" nil) ".repeat(10_000) + "])");
        assertThat(FormPrinter.abbreviate(big, 30)).isEqualTo("(weight-equal [(asset \"SPY\" ni…");
    }
}
