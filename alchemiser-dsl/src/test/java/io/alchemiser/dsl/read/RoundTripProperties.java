package io.alchemiser.dsl.read;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Printing a form and reading it back gives the same form, and the reader's positions point at each form. */
class RoundTripProperties {
    private static final SourcePosition P = new SourcePosition("gen", 1, 1);

    @Property(tries = 1000)
    void readingWhatWasPrintedGivesTheSameForm(@ForAll("forms") Form form) {
        String printed = FormPrinter.print(form);
        List<Form> read = FormReader.read("r.clj", printed);
        assertThat(read).hasSize(1);
        assertThat(FormShapes.shape(read.get(0))).isEqualTo(FormShapes.shape(form));
        assertThat(FormPrinter.print(read.get(0))).isEqualTo(printed);
    }

    @Property(tries = 500)
    void everyReadFormStartsAtItsPosition(@ForAll("forms") Form form) {
        String printed = FormPrinter.print(form);
        int[] codePoints = printed.codePoints().toArray();
        Deque<Form> pending = new ArrayDeque<>(FormReader.read("r.clj", printed));
        while (!pending.isEmpty()) {
            Form next = pending.pop();
            assertThat(next.position().line()).isEqualTo(1);
            int first = codePoints[next.position().column() - 1];
            assertThat(Character.toString(first)).isEqualTo(expectedFirst(next));
            if (next instanceof ListForm) {
                pending.addAll(((ListForm) next).items());
            } else if (next instanceof VectorForm) {
                pending.addAll(((VectorForm) next).items());
            } else if (next instanceof MapForm) {
                for (MapForm.Entry e : ((MapForm) next).entries()) {
                    pending.add(e.key());
                    pending.add(e.value());
                }
            }
        }
    }

    private static String expectedFirst(Form form) {
        String printed = FormPrinter.print(form);
        return Character.toString(printed.codePointAt(0));
    }

    @Provide
    Arbitrary<Form> forms() {
        return Arbitraries.recursive(RoundTripProperties::atoms, RoundTripProperties::containers, 0, 4);
    }

    private static Arbitrary<Form> containers(Arbitrary<Form> inner) {
        Arbitrary<List<Form>> items = inner.list().ofMaxSize(5);
        Arbitrary<Form> lists = items.map(list -> new ListForm(list, P));
        Arbitrary<Form> vectors = items.map(list -> new VectorForm(list, P));
        Arbitrary<Form> maps = Combinators.combine(inner, inner).as(MapForm.Entry::new).list().ofMaxSize(3)
                .map(entries -> new MapForm(entries, P));
        return Arbitraries.oneOf(lists, vectors, maps, atoms());
    }

    private static Arbitrary<Form> atoms() {
        Arbitrary<String> names = Arbitraries.strings()
                .withChars("abcxyz-_?!*+<>=./&'#:0123456789é漢").ofMinLength(1).ofMaxLength(8);
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12).map(s -> new StringForm(s, P)),
                Arbitraries.longs().map(v -> new IntegerForm(v, P)),
                Arbitraries.doubles().filter(Double::isFinite).map(v -> new DecimalForm(v, P)),
                Arbitraries.of(0.16670000000000001, -0.0, 1.0E-5, 1.0E300, -10.5).map(v -> new DecimalForm(v, P)),
                names.filter(Atoms::isKeywordName).map(n -> new KeywordForm(n, P)),
                names.filter(Atoms::isSymbolName).map(n -> new SymbolForm(n, P)),
                Arbitraries.just(new NilForm(P)),
                Arbitraries.of(true, false).map(b -> new BooleanForm(b, P)));
    }
}
