package io.alchemiser.dsl.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.dsl.compile.Node.Asset;
import io.alchemiser.dsl.compile.Node.Filter;
import io.alchemiser.dsl.compile.Node.Group;
import io.alchemiser.dsl.compile.Node.If;
import io.alchemiser.dsl.compile.Node.WeightEqual;
import io.alchemiser.dsl.compile.Node.WeightInverseVolatility;
import io.alchemiser.dsl.compile.Node.WeightSpecified;
import io.alchemiser.dsl.compile.SymphonyOptions.AssetClass;
import io.alchemiser.dsl.compile.SymphonyOptions.RebalanceFrequency;
import io.alchemiser.dsl.indicator.IndicatorKind;
import io.alchemiser.dsl.indicator.IndicatorSpec;
import io.alchemiser.dsl.read.SourcePosition;
import io.alchemiser.dsl.read.SymphonySyntaxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymphoniesTest {

    private static Symphony compile(String text) {
        return Symphonies.compile("t.clj", text);
    }

    /** The root of a bare expression. */
    private static Node tree(String text) {
        return compile(text).root();
    }

    private static SourcePosition at(int line, int column) {
        return new SourcePosition("t.clj", line, column);
    }

    @Test
    void compilesADefsymphonyWithItsOptions() {
        Symphony symphony = compile("(defsymphony \"Simons KMLM | BT 4/13/22\"\n"
                + " {:asset-class \"EQUITIES\", :rebalance-threshold 0.1}\n"
                + " (weight-equal [(asset \"SPY\" \"SPDR S&P 500\")]))");
        assertThat(symphony.name()).isEqualTo("Simons KMLM | BT 4/13/22");
        assertThat(symphony.position()).isEqualTo(at(1, 1));
        assertThat(symphony.options()).isEqualTo(
                new SymphonyOptions(AssetClass.EQUITIES, RebalanceFrequency.NONE, OptionalDouble.of(0.1)));
        assertThat(symphony.root()).isEqualTo(new WeightEqual(
                List.of(new Asset(Symbol.of("SPY"), Optional.of("SPDR S&P 500"), at(3, 17))), at(3, 2)));
    }

    @Test
    void readsEveryRebalanceFrequency() {
        for (RebalanceFrequency frequency : RebalanceFrequency.values()) {
            Symphony symphony = compile("(defsymphony \"x\" {:rebalance-frequency :" + frequency.keyword()
                    + "} (asset \"SPY\"))");
            assertThat(symphony.options().rebalanceFrequency()).isEqualTo(frequency);
        }
        assertThat(compile("(defsymphony \"x\" {} (asset \"SPY\"))").options()).isEqualTo(SymphonyOptions.DEFAULT);
        assertThat(compile("(defsymphony \"x\" {:asset-class \"CRYPTO\", :rebalance-frequency :weekly,"
                + " :rebalance-threshold 0.05} (asset \"SPY\"))").options())
                .isEqualTo(new SymphonyOptions(AssetClass.CRYPTO, RebalanceFrequency.WEEKLY, OptionalDouble.of(0.05)));
    }

    @Test
    void compilesABareExpressionNamedAfterItsFile() {
        Symphony symphony = Symphonies.compile("strategies/simple_rsi.clj",
                ";; Simple test strategy\n(if (> (rsi \"SPY\" {:window 10}) 50)\n"
                        + "    (weight-equal (asset \"TQQQ\" \"ProShares\") (asset \"UPRO\" \"ProShares\"))\n"
                        + "    (asset \"UVXY\" \"ProShares\"))");
        assertThat(symphony.name()).isEqualTo("simple_rsi");
        assertThat(symphony.options()).isEqualTo(SymphonyOptions.DEFAULT);
        If root = (If) symphony.root();
        assertThat(root.then()).singleElement().isInstanceOf(WeightEqual.class);
        assertThat(((WeightEqual) root.then().get(0)).children()).hasSize(2);
        assertThat(root.otherwise()).singleElement().isInstanceOf(Asset.class);
    }

    @Test
    void compilesAssetsInEveryWayComposerWritesThem() {
        assertThat(tree("(asset \"SPY\" nil)")).isEqualTo(new Asset(Symbol.of("SPY"), Optional.empty(), at(1, 1)));
        assertThat(tree("(asset \"SPY\")")).isEqualTo(new Asset(Symbol.of("SPY"), Optional.empty(), at(1, 1)));
        assertThat(((Asset) tree("(asset \"EQUITIES::XLY//USD\" \"Consumer\")")).symbol()).isEqualTo(new Symbol("XLY"));
        assertThat(((Asset) tree("(asset \"BRK/B\")")).symbol()).isEqualTo(new Symbol("BRK.B"));
        assertThat(((Asset) tree("(asset \" spy \")")).symbol()).isEqualTo(new Symbol("SPY"));
    }

    @Test
    void acceptsChildrenAsOneVectorOrAsBareArguments() {
        Node vector = tree("(weight-equal [(asset \"A\") (asset \"B\")])");
        Node bare = tree("(weight-equal (asset \"A\") (asset \"B\"))");
        assertThat(vector.children()).extracting(n -> ((Asset) n).symbol().value()).containsExactly("A", "B");
        assertThat(bare.children()).extracting(n -> ((Asset) n).symbol().value()).containsExactly("A", "B");
        assertThat(tree("(group \"g\" (asset \"A\"))")).isInstanceOf(Group.class);
        assertThat(tree("(weight-inverse-volatility 21 (asset \"A\") (asset \"B\"))").children()).hasSize(2);
        assertThat(tree("(filter (rsi {:window 10}) (select-top 1) (asset \"A\") (asset \"B\"))").children())
                .hasSize(2);
    }

    @Test
    void compilesWeightSpecifiedNormalisingRoundedExportWeights() {
        WeightSpecified node = (WeightSpecified) tree(
                "(weight-specified 0.3333 (asset \"A\") 0.3333 (asset \"B\") 0.3333 (asset \"C\"))");
        assertThat(node.weights()).hasSize(3).allSatisfy(w -> assertThat(w).isCloseTo(1.0 / 3, within(1e-12)));
        assertThat(node.weights().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-12));
        WeightSpecified withZero = (WeightSpecified) tree("(weight-specified 1 (asset \"A\") 0 (asset \"B\"))");
        assertThat(withZero.weights()).containsExactly(1.0, 0.0);
        WeightSpecified noisy = (WeightSpecified) tree(
                "(weight-specified 0.16670000000000001 (asset \"A\") 0.8332999999999999 (group \"g\" [(asset \"B\")]))");
        assertThat(noisy.weights().get(0)).isCloseTo(0.1667, within(1e-12));
        assertThat(noisy.children().get(1)).isInstanceOf(Group.class);
        assertThat(((WeightSpecified) tree("(weight-specified [0.5 (asset \"A\") 0.5 (asset \"B\")])")).weights())
                .containsExactly(0.5, 0.5);
    }

    private static org.assertj.core.data.Offset<Double> within(double tolerance) {
        return org.assertj.core.data.Offset.offset(tolerance);
    }

    @Test
    void compilesWeightInverseVolatilityAndGroups() {
        WeightInverseVolatility node = (WeightInverseVolatility) tree(
                "(weight-inverse-volatility 21 [(asset \"SPY\" nil) (asset \"TLT\" nil)])");
        assertThat(node.window()).isEqualTo(21);
        assertThat(node.children()).hasSize(2);
        Group group = (Group) tree("(group \"\" [(asset \"SPY\")])");
        assertThat(group.name()).isEmpty();
    }

    @Test
    void compilesIfWithAndWithoutElse() {
        If full = (If) tree("(if (> (rsi \"QQQE\" {:window 10}) 79)\n [(asset \"UVXY\")]\n [(asset \"A\") (asset \"B\")])");
        assertThat(full.condition()).isEqualTo(new Condition(Condition.Operator.GREATER,
                new Operand.IndicatorValue(Symbol.of("QQQE"), IndicatorSpec.of(IndicatorKind.RSI, 10), at(1, 8)),
                new Operand.Constant(79, at(1, 34)), at(1, 5)));
        assertThat(full.then()).hasSize(1);
        assertThat(full.otherwise()).hasSize(2);
        assertThat(full.children()).hasSize(3);
        If noElse = (If) tree("(if (< (current-price \"SPY\") (moving-average-price \"SPY\" {:window 200})) [(asset \"SPY\")])");
        assertThat(noElse.otherwise()).isEmpty();
        assertThat(noElse.condition().right()).isEqualTo(new Operand.IndicatorValue(
                Symbol.of("SPY"), IndicatorSpec.of(IndicatorKind.MOVING_AVERAGE_PRICE, 200), at(1, 30)));
        assertThat(noElse.condition().left().indicator()).isEqualTo(IndicatorSpec.of(IndicatorKind.CURRENT_PRICE, 0));
    }

    @Test
    void compilesEveryComparison() {
        for (Condition.Operator operator : Condition.Operator.values()) {
            If node = (If) tree("(if (" + operator.symbol() + " (cumulative-return \"SPY\" {:window 5}) -10.5)"
                    + " [(asset \"SPY\")] [(asset \"TLT\")])");
            assertThat(node.condition().operator()).isEqualTo(operator);
            assertThat(node.condition().right()).isEqualTo(new Operand.Constant(-10.5, at(1, 45 + operator.symbol().length())));
        }
        assertThat(Condition.Operator.GREATER.test(2, 1)).isTrue();
        assertThat(Condition.Operator.GREATER.test(1, 1)).isFalse();
        assertThat(Condition.Operator.GREATER_OR_EQUAL.test(1, 1)).isTrue();
        assertThat(Condition.Operator.LESS.test(1, 1)).isFalse();
        assertThat(Condition.Operator.LESS_OR_EQUAL.test(1, 1)).isTrue();
    }

    @Test
    void compilesEveryIndicator() {
        String[][] cases = {
                {"(rsi \"X\" {:window 10})", "rsi(window 10)"},
                {"(moving-average-price \"X\" {:window 200})", "moving-average-price(window 200)"},
                {"(exponential-moving-average-price \"X\" {:window 8})", "exponential-moving-average-price(window 8)"},
                {"(cumulative-return \"X\" {:window 1})", "cumulative-return(window 1)"},
                {"(moving-average-return \"X\" {:window 3})", "moving-average-return(window 3)"},
                {"(stdev-return \"X\" {:window 2})", "stdev-return(window 2)"},
                {"(stdev-price \"X\" {:window 6})", "stdev-price(window 6)"},
                {"(max-drawdown \"X\" {:window 60})", "max-drawdown(window 60)"},
                {"(current-price \"X\")", "current-price"},
                {"(percentage-price-oscillator \"X\" {:short-window 12, :long-window 26})",
                        "percentage-price-oscillator(short-window 12, long-window 26)"},
                {"(percentage-price-oscillator-signal \"X\" {:short-window 12, :long-window 26, :smooth-window 9})",
                        "percentage-price-oscillator-signal(short-window 12, long-window 26, smooth-window 9)"},
        };
        for (String[] c : cases) {
            If node = (If) tree("(if (> " + c[0] + " 0) [(asset \"SPY\")])");
            assertThat(node.condition().left().indicator().describe()).isEqualTo(c[1]);
            assertThat(node.condition().left().indicator().kind().dslName()).isEqualTo(c[0].substring(1, c[0].indexOf(' ')));
        }
    }

    @Test
    void compilesFiltersRankingTheirChildren() {
        Filter filter = (Filter) tree("(filter\n (moving-average-return {:window 10})\n (select-bottom 1)\n"
                + " [(asset \"DRV\" nil) (group \"g\" [(asset \"DRN\" nil)])])");
        assertThat(filter.ranking()).isEqualTo(IndicatorSpec.of(IndicatorKind.MOVING_AVERAGE_RETURN, 10));
        assertThat(filter.selection()).isEqualTo(new Selection(Selection.Order.BOTTOM, 1));
        assertThat(filter.children()).hasSize(2);
        assertThat(((Filter) tree("(filter (current-price) (select-top 3) [(asset \"A\")])")).ranking())
                .isEqualTo(IndicatorSpec.of(IndicatorKind.CURRENT_PRICE, 0));
    }

    @Test
    void countsNodesAndCollectsEverySymbolMentioned() {
        Symphony symphony = compile("(defsymphony \"x\" {}\n (weight-equal\n"
                + "  [(if (> (rsi \"QQQ\" {:window 10}) (rsi \"brk/b\" {:window 10}))\n"
                + "     [(asset \"UVXY\")]\n"
                + "     [(filter (rsi {:window 5}) (select-top 1) [(asset \"TQQQ\") (asset \"UVXY\")])])]))");
        assertThat(symphony.nodeCount()).isEqualTo(6);
        assertThat(symphony.symbols()).extracting(Symbol::value).containsExactly("BRK.B", "QQQ", "TQQQ", "UVXY");
    }

    @Test
    void compilesNestingFarDeeperThanTheCorpusWithoutRecursion() {
        int depth = 5_000;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            text.append("(if (> (rsi \"SPY\" {:window 10}) ").append(i).append(") [");
        }
        text.append("(asset \"SPY\")");
        for (int i = 0; i < depth; i++) {
            text.append("] [(group \"g\" [(asset \"TLT\")])])");
        }
        Symphony symphony = compile(text.toString());
        assertThat(symphony.nodeCount()).isEqualTo(depth * 3 + 1);
        assertThat(symphony.root()).hasToString("If[Condition[operator=GREATER, left=IndicatorValue[symbol=SPY,"
                + " indicator=IndicatorSpec[kind=RSI, window=10, shortWindow=0, longWindow=0, smoothWindow=0], position=t.clj:1:8], right=Constant[value=0.0, position=t.clj:1:33],"
                + " position=t.clj:1:5], then 1 child, else 1 child at t.clj:1:1]");
        assertThat(symphony.symbols()).extracting(Symbol::value).containsExactly("SPY", "TLT");
    }

    @Test
    void visitorsDispatchOnEveryNodeType() {
        Node.Visitor<String> names = new Node.Visitor<>() {
            public String visitAsset(Asset asset) {
                return "asset";
            }

            public String visitWeightEqual(WeightEqual node) {
                return "weight-equal";
            }

            public String visitWeightSpecified(WeightSpecified node) {
                return "weight-specified";
            }

            public String visitWeightInverseVolatility(WeightInverseVolatility node) {
                return "weight-inverse-volatility";
            }

            public String visitGroup(Group group) {
                return "group";
            }

            public String visitIf(If node) {
                return "if";
            }

            public String visitFilter(Filter filter) {
                return "filter";
            }
        };
        List<String> operators = List.of("(asset \"A\")", "(weight-equal [(asset \"A\")])",
                "(weight-specified 1 (asset \"A\"))", "(weight-inverse-volatility 5 [(asset \"A\")])",
                "(group \"g\" [(asset \"A\")])", "(if (> (rsi \"A\" {:window 2}) 1) [(asset \"A\")])",
                "(filter (rsi {:window 2}) (select-top 1) [(asset \"A\")])");
        for (String text : operators) {
            assertThat(tree(text).accept(names)).isEqualTo(text.substring(1, text.indexOf(' ')));
        }
    }

    @Test
    void compilesAFileReadAsUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("jörmungandr.clj");
        Files.writeString(file, "(defsymphony \"Pheonix and Jörmungandr 🧙\" {} (asset \"SPY\"))", StandardCharsets.UTF_8);
        assertThat(Symphonies.compile(file).name()).isEqualTo("Pheonix and Jörmungandr 🧙");
    }

    @Test
    void reportsAFileThatIsNotUtf8AtItsFirstBadByte(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.clj");
        Files.write(file, "(defsymphony\n \"J\u00f6rmungandr\" {} (asset \"SPY\"))".getBytes(StandardCharsets.ISO_8859_1));
        SymphonySyntaxException e = catchThrowableOfType(SymphonySyntaxException.class, () -> Symphonies.compile(file));
        assertThat(e.diagnostics()).singleElement().hasToString(file + ":2:4: error: the file is not valid UTF-8:"
                + " byte 0xF6 at offset 16 cannot be decoded; save it as UTF-8");
    }

    @Test
    void reportsAMissingFileAsAnIoError(@TempDir Path dir) {
        assertThatThrownBy(() -> Symphonies.compile(dir.resolve("missing.clj")))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("missing.clj");
    }
}
