package io.alchemiser.dsl.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The reader never throws anything but its syntax error, and every diagnostic points into the text. */
class ReaderProperties {
    static final String SYNTAX = "()[]{}\"\\;:,#'`~@^ \n\r\t0123456789.-+eE/";
    static final List<String> VALID = List.of(
            "(defsymphony \"Test\" {:asset-class \"EQUITIES\", :rebalance-frequency :daily}\n"
                    + " (weight-equal [(if (> (rsi \"SPY\" {:window 10}) 79)\n"
                    + "   [(asset \"UVXY\" \"ProShares Ultra VIX\")]\n"
                    + "   [(filter (cumulative-return {:window 5}) (select-top 2)\n"
                    + "     [(asset \"TQQQ\" nil) (asset \"SOXL\" nil) (asset \"BRK/B\")])])]))",
            "; bare\n(weight-specified 0.3333 (asset \"A\") 0.3333 (asset \"B\") 0.3334 (group \"g 🧙\" [(asset \"C\")]))",
            "(weight-inverse-volatility 21 [(asset \"SPY\" nil) (asset \"TLT\" nil)])");

    @Property(tries = 2000)
    void arbitraryTextGivesFormsOrPositionedSyntaxErrors(@ForAll("texts") String text) {
        assertReadsOrFailsWithPositions(text);
    }

    @Property(tries = 2000)
    void mutatedSymphoniesGiveFormsOrPositionedSyntaxErrors(@ForAll("mutated") String text) {
        assertReadsOrFailsWithPositions(text);
    }

    static void assertReadsOrFailsWithPositions(String text) {
        SourceText source = SourceText.of("m.clj", text);
        try {
            FormReader.read(source);
        } catch (SymphonySyntaxException e) {
            assertThat(e.diagnostics()).isNotEmpty().hasSizeLessThanOrEqualTo(FormReader.MAX_ERRORS);
            for (Diagnostic d : e.diagnostics()) {
                assertPointsInto(source, d);
            }
        }
    }

    static void assertPointsInto(SourceText source, Diagnostic d) {
        assertThat(d.position().file()).isEqualTo("m.clj");
        String line = source.line(d.position().line());
        assertThat(d.sourceLine()).isEqualTo(line);
        int lines = source.text().split("\r\n|\r|\n", -1).length;
        assertThat(d.position().line()).isBetween(1, lines);
        assertThat(d.position().column()).isBetween(1, line.codePointCount(0, line.length()) + 1);
        assertThat(d.render()).startsWith(d.toString());
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Character> syntaxChars = Arbitraries.of(SYNTAX.chars().mapToObj(c -> (char) c).toArray(Character[]::new));
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, syntaxChars),
                net.jqwik.api.Tuple.of(3, Arbitraries.chars().alpha()),
                net.jqwik.api.Tuple.of(1, Arbitraries.chars().all()));
        return chars.list().ofMaxSize(200).map(ReaderProperties::join);
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<Mutation> mutation = Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.integers().between(1, 6),
                Arbitraries.of(SYNTAX.chars().mapToObj(c -> (char) c).toArray(Character[]::new)))
                .as(Mutation::new);
        return Combinators.combine(Arbitraries.of(VALID), mutation.list().ofMinSize(1).ofMaxSize(4))
                .as((text, mutations) -> {
                    String result = text;
                    for (Mutation m : mutations) {
                        result = m.apply(result);
                    }
                    return result;
                });
    }

    private static String join(List<Character> chars) {
        StringBuilder out = new StringBuilder();
        chars.forEach(out::append);
        return out.toString();
    }

    /** Delete a run, insert a character, swap two characters, or duplicate a run, at a random place. */
    record Mutation(int kind, int where, int length, char inserted) {
        String apply(String text) {
            if (text.isEmpty()) {
                return String.valueOf(inserted);
            }
            int at = where % text.length();
            int end = Math.min(text.length(), at + length);
            switch (kind) {
                case 0:
                    return text.substring(0, at) + text.substring(end);
                case 1:
                    return text.substring(0, at) + inserted + text.substring(at);
                case 2:
                    int other = (at * 31 + length) % text.length();
                    char[] chars = text.toCharArray();
                    char t = chars[at];
                    chars[at] = chars[other];
                    chars[other] = t;
                    return new String(chars);
                default:
                    return text.substring(0, end) + text.substring(at, end) + text.substring(end);
            }
        }
    }
}
