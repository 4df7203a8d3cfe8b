package io.alchemiser.dsl.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The reader never throws anything but its syntax error, and every diagnostic points into the text. */
class ReaderProperties {
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

    private static void assertReadsOrFailsWithPositions(String text) {
        SourceText source = SourceText.of("m.clj", text);
        try {
            FormReader.read(source);
        } catch (SymphonySyntaxException e) {
            assertThat(e.diagnostics()).isNotEmpty().hasSizeLessThanOrEqualTo(FormReader.MAX_ERRORS);
            for (Diagnostic d : e.diagnostics()) {
                DiagnosticAssertions.assertPointsInto(source, d);
            }
        }
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Character> syntaxChars =
                Arbitraries.of(TextMutations.SYNTAX.chars().mapToObj(c -> (char) c).toArray(Character[]::new));
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, syntaxChars),
                net.jqwik.api.Tuple.of(3, Arbitraries.chars().alpha()),
                net.jqwik.api.Tuple.of(1, Arbitraries.chars().all()));
        return chars.list().ofMaxSize(200).map(ReaderProperties::join);
    }

    @Provide
    Arbitrary<String> mutated() {
        return TextMutations.of(VALID);
    }

    private static String join(List<Character> chars) {
        StringBuilder out = new StringBuilder();
        chars.forEach(out::append);
        return out.toString();
    }
}
