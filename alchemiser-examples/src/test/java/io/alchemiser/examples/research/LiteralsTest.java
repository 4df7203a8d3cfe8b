package io.alchemiser.examples.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.dsl.compile.Symphonies;
import io.alchemiser.dsl.read.Form;
import io.alchemiser.dsl.read.FormReader;
import io.alchemiser.dsl.read.SymphonyException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LiteralsTest {
    private static final SymphonySource SWITCHER = new SymphonySource("switcher.clj", Fixtures.SWITCHER);

    @Test
    void anIntegerLiteralIsFoundAtItsLineAndColumnWithItsGrid() {
        Vary v = Literals.resolve(SWITCHER, Vary.Request.parse("2:30=3..9/2"));
        assertThat(v.original()).isEqualTo("5");
        assertThat(v.values()).containsExactly("3", "5", "7", "9");
        assertThat(v.originalIndex()).isEqualTo(1);
        assertThat(v.originalAdded()).isFalse();
    }

    @Test
    void anOriginalValueOffTheGridIsAddedInItsPlace() {
        Vary v = Literals.resolve(SWITCHER, Vary.Request.parse("2:34=40..60/10"));
        assertThat(v.values()).containsExactly("40", "50", "60");
        assertThat(v.originalAdded()).isFalse();
        Vary off = Literals.resolve(SWITCHER, Vary.Request.parse("2:34=45..65/10"));
        assertThat(off.values()).containsExactly("45", "50", "55", "65");
        assertThat(off.originalIndex()).isEqualTo(1);
        assertThat(off.originalAdded()).isTrue();
    }

    @Test
    void aDecimalLiteralKeepsADecimalPoint() {
        SymphonySource s = new SymphonySource("t.clj", Fixtures.THRESHOLD);
        Vary v = Literals.resolve(s, Vary.Request.parse("1:47=0.03..0.07/0.02"));
        assertThat(v.original()).isEqualTo("0.05");
        assertThat(v.values()).containsExactly("0.03", "0.05", "0.07");
        Vary weight = Literals.resolve(s, Vary.Request.parse("2:21=0.5..1/0.5"));
        assertThat(weight.values()).containsExactly("0.5", "0.7", "1.0");
    }

    @Test
    void aPositionThatIsNotANumberIsAPositionedErrorNamingWhatIsThere() {
        assertThatThrownBy(() -> Literals.resolve(SWITCHER, Vary.Request.parse("2:22=1..3")))
                .isInstanceOfSatisfying(SymphonyException.class, e -> {
                    assertThat(e.diagnostics()).hasSize(1);
                    assertThat(e.diagnostics().get(0).toString()).isEqualTo("switcher.clj:2:22: error: no number "
                            + "starts here: the keyword :window does; numbers on line 2 start at columns 30, 34");
                    assertThat(e.render()).endsWith(System.lineSeparator() + " ".repeat(21) + "^");
                });
        assertThatThrownBy(() -> Literals.resolve(SWITCHER, Vary.Request.parse("2:31=1..3")))
                .hasMessageContaining("switcher.clj:2:31: error: no number starts here (this is inside or between "
                        + "forms)");
        assertThatThrownBy(() -> Literals.resolve(SWITCHER, Vary.Request.parse("3:80=1..3")))
                .hasMessageContaining("switcher.clj:3:80: error: no number starts here: line 3 has 19 columns; line 3 "
                        + "has no number");
        assertThatThrownBy(() -> Literals.resolve(SWITCHER, Vary.Request.parse("9:1=1..3")))
                .hasMessageContaining("switcher.clj:9:1: error: no number starts here: the file has no form on line 9");
    }

    @Test
    void aWholeNumberLiteralIsNotGivenAFraction() {
        assertThatThrownBy(() -> Literals.resolve(SWITCHER, Vary.Request.parse("2:30=3..6/1.5")))
                .isInstanceOf(SymphonyException.class)
                .hasMessageContaining("switcher.clj:2:30: error: 5 is a whole number; --vary 2:30=3..6/1.5 gives it 4.5");
    }

    @Test
    void columnsCountCodePointsAsTheReaderDoes() {
        String text = "(defsymphony \"\uD83D\uDE80 rocket\" {} (if (> (rsi \"AAA\" {:window 7}) 60) [(asset \"AAA\")] "
                + "[(asset \"BBB\")]))";
        SymphonySource s = new SymphonySource("r.clj", text);
        int column = text.codePointCount(0, text.indexOf(" 7}") + 1) + 1;
        Vary v = Literals.resolve(s, Vary.Request.parse("1:" + column + "=6..8"));
        assertThat(v.original()).isEqualTo("7");
        String varied = Literals.substitute(text, List.of(new Unit.Parameter(1, column, "12")));
        assertThat(varied).contains("{:window 12}) 60)");
    }

    @Test
    void twoLiteralsOnOneLineAreReplacedTogether() {
        String varied = Literals.substitute(Fixtures.SWITCHER,
                List.of(new Unit.Parameter(2, 30, "14"), new Unit.Parameter(2, 34, "70")));
        assertThat(varied.lines().toList().get(1)).isEqualTo("  (if (> (rsi \"AAA\" {:window 14}) 70)");
        assertThat(Symphonies.compile("v.clj", varied).name()).isEqualTo("switcher");
    }

    @Property(tries = 60)
    void replacingAnyLiteralWritesThatNumberAtItsPositionAndNothingElseChanges(
            @ForAll("literalPositions") int which, @ForAll("numbers") long value) {
        List<Form> numbers = numberForms(FormReader.read("s.clj", Fixtures.THRESHOLD + Fixtures.SWITCHER));
        Form target = numbers.get(which % numbers.size());
        String text = Fixtures.THRESHOLD + Fixtures.SWITCHER;
        String varied = Literals.substitute(text, List.of(new Unit.Parameter(target.position().line(),
                target.position().column(), Long.toString(value))));
        List<Form> after = numberForms(FormReader.read("s.clj", varied));
        assertThat(after).hasSameSizeAs(numbers);
        for (int i = 0; i < numbers.size(); i++) {
            Form before = numbers.get(i);
            Form now = after.get(i);
            if (before == target) {
                assertThat(now).isEqualTo(new Form.IntegerForm(value, before.position()));
                continue;
            }
            assertThat(value(now)).isEqualTo(value(before));
            boolean afterOnItsLine = before.position().line() == target.position().line()
                    && before.position().column() > target.position().column();
            if (!afterOnItsLine) {
                assertThat(now.position()).isEqualTo(before.position());
            }
        }
        assertThat(Literals.substitute(text, List.of(new Unit.Parameter(target.position().line(),
                target.position().column(), original(text, target))))).isEqualTo(text);
    }

    @Provide
    Arbitrary<Integer> literalPositions() {
        return Arbitraries.integers().between(0, 50);
    }

    @Provide
    Arbitrary<Long> numbers() {
        return Arbitraries.longs().between(-10_000, 10_000);
    }

    private static double value(Form f) {
        return f instanceof Form.IntegerForm i ? i.value() : ((Form.DecimalForm) f).value();
    }

    private static String original(String text, Form f) {
        int start = Literals.offset(text, f.position().line(), f.position().column());
        return text.substring(start, Literals.tokenEnd(text, start));
    }

    /** Every number form, in source order. */
    private static List<Form> numberForms(List<Form> forms) {
        List<Form> out = new ArrayList<>();
        Deque<Form> todo = new ArrayDeque<>(forms);
        while (!todo.isEmpty()) {
            Form f = todo.pollLast();
            if (f instanceof Form.IntegerForm || f instanceof Form.DecimalForm) {
                out.add(f);
            } else if (f instanceof Form.ListForm l) {
                l.items().forEach(todo::add);
            } else if (f instanceof Form.VectorForm v) {
                v.items().forEach(todo::add);
            } else if (f instanceof Form.MapForm m) {
                m.entries().forEach(e -> {
                    todo.add(e.key());
                    todo.add(e.value());
                });
            }
        }
        out.sort((a, b) -> a.position().line() != b.position().line()
                ? Integer.compare(a.position().line(), b.position().line())
                : Integer.compare(a.position().column(), b.position().column()));
        return out;
    }
}
