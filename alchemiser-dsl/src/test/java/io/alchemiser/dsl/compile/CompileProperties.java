package io.alchemiser.dsl.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.dsl.read.Diagnostic;
import io.alchemiser.dsl.read.DiagnosticAssertions;
import io.alchemiser.dsl.read.SourceText;
import io.alchemiser.dsl.read.SymphonyException;
import io.alchemiser.dsl.read.TextMutations;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated symphonies compile to trees of the generated size; damaged ones fail with positioned diagnostics and
 * never with any other exception.
 */
class CompileProperties {
    private static final List<String> VALID = List.of(
            "(defsymphony \"Mutant\" {:asset-class \"EQUITIES\", :rebalance-threshold 0.05}\n"
                    + " (weight-equal\n"
                    + "  [(if (> (rsi \"SPY\" {:window 10}) 79)\n"
                    + "     [(asset \"UVXY\" \"ProShares Ultra VIX\")]\n"
                    + "     [(weight-specified 0.3333 (asset \"TQQQ\" nil) 0.3333 (asset \"BRK/B\") 0.3334\n"
                    + "        (filter (moving-average-return {:window 5}) (select-bottom 1)\n"
                    + "          [(asset \"SOXL\" nil) (group \"g\" [(asset \"TECL\" nil)])]))])\n"
                    + "   (weight-inverse-volatility 21 [(asset \"TLT\") (asset \"EQUITIES::XLY//USD\")])\n"
                    + "   (if (<= (current-price \"SPY\") (moving-average-price \"SPY\" {:window 200}))\n"
                    + "     [(asset \"BIL\")])]))",
            "(if (> (percentage-price-oscillator-signal \"SOXL\" {:short-window 12, :long-window 26, :smooth-window 9})\n"
                    + "       (percentage-price-oscillator \"SOXL\" {:short-window 12, :long-window 26}))\n"
                    + "  (asset \"SOXL\")\n  (asset \"SOXS\"))");

    @Property(tries = 1000)
    void damagedSymphoniesCompileOrFailWithPositionedDiagnostics(@ForAll("mutated") String text) {
        SourceText source = SourceText.of("m.clj", text);
        try {
            Symphony symphony = Symphonies.compile("m.clj", text);
            assertThat(symphony.nodeCount()).isPositive();
        } catch (SymphonyException e) {
            assertThat(e.diagnostics()).isNotEmpty().hasSizeLessThanOrEqualTo(100);
            for (Diagnostic d : e.diagnostics()) {
                DiagnosticAssertions.assertPointsInto(source, d);
            }
        }
    }

    @Provide
    Arbitrary<String> mutated() {
        return TextMutations.of(VALID);
    }

    @Property(tries = 300)
    void generatedSymphoniesCompileToTreesOfTheGeneratedSize(@ForAll("trees") Generated tree) {
        Symphony symphony = Symphonies.compile("g.clj", "(defsymphony \"g\" {} " + tree.text + ")");
        assertThat(symphony.nodeCount()).isEqualTo(tree.nodes);
    }

    /** Symphony text for a tree and how many allocation nodes it holds. */
    record Generated(String text, int nodes) {
    }

    @Provide
    Arbitrary<Generated> trees() {
        return Arbitraries.recursive(CompileProperties::assets, CompileProperties::operators, 0, 5);
    }

    private static Arbitrary<Generated> assets() {
        return Arbitraries.of("SPY", "TLT", "BRK/B", "EQUITIES::XLY//USD", "uvxy")
                .map(t -> new Generated("(asset \"" + t + "\" nil)", 1));
    }

    private static Arbitrary<Generated> operators(Arbitrary<Generated> inner) {
        Arbitrary<List<Generated>> children = inner.list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<Boolean> asVector = Arbitraries.of(true, false);
        Arbitrary<Generated> weightEqual = Combinators.combine(children, asVector)
                .as((c, v) -> node("(weight-equal " + join(c, v) + ")", c));
        Arbitrary<Generated> inverseVolatility = Combinators.combine(children, asVector, Arbitraries.integers().between(2, 300))
                .as((c, v, w) -> node("(weight-inverse-volatility " + w + " " + join(c, v) + ")", c));
        Arbitrary<Generated> group = Combinators.combine(children, Arbitraries.strings().alpha().ofMaxLength(8))
                .as((c, name) -> node("(group \"" + name + "\" " + join(c, true) + ")", c));
        Arbitrary<Generated> filter = Combinators.combine(children, Arbitraries.of("rsi", "cumulative-return",
                        "stdev-return", "max-drawdown"), Arbitraries.of("select-top", "select-bottom"))
                .as((c, indicator, select) -> node("(filter (" + indicator + " {:window 10}) (" + select + " 1) "
                        + join(c, true) + ")", c));
        Arbitrary<Generated> specified = children.map(c -> {
            StringBuilder text = new StringBuilder("(weight-specified");
            double share = Math.round(10_000.0 / c.size()) / 10_000.0;
            c.forEach(child -> text.append(' ').append(share).append(' ').append(child.text));
            return node(text.append(')').toString(), c);
        });
        Arbitrary<Generated> ifNode = Combinators.combine(inner, inner.optional(), Arbitraries.of(">", "<", ">=", "<="))
                .as((then, otherwise, op) -> new Generated("(if (" + op + " (rsi \"SPY\" {:window 10}) 50) ["
                        + then.text + "]" + otherwise.map(o -> " [" + o.text + "]").orElse("") + ")",
                        1 + then.nodes + otherwise.map(Generated::nodes).orElse(0)));
        return Arbitraries.oneOf(weightEqual, inverseVolatility, group, filter, specified, ifNode);
    }

    private static Generated node(String text, List<Generated> children) {
        return new Generated(text, 1 + children.stream().mapToInt(Generated::nodes).sum());
    }

    private static String join(List<Generated> children, boolean asVector) {
        StringBuilder out = new StringBuilder(asVector ? "[" : "");
        for (int i = 0; i < children.size(); i++) {
            out.append(i > 0 ? " " : "").append(children.get(i).text);
        }
        return out.append(asVector ? "]" : "").toString();
    }
}
