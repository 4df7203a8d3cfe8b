package io.alchemiser.dsl.eval;

import io.alchemiser.dsl.compile.Node;
import io.alchemiser.dsl.read.SourcePosition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** Short names for nodes and numbers in decision paths and messages. */
final class Labels implements Node.Visitor<String> {
    private static final Labels INSTANCE = new Labels();

    private Labels() {
    }

    /** {@code SPY} for an asset, {@code group "Name"} for a group, {@code weight-equal@12:5} for the rest. */
    static String of(Node node) {
        return node.accept(INSTANCE);
    }

    /** {@link #of}, made unique among the keys already in {@code taken} by adding the position. */
    static String unique(Node node, Map<String, ?> taken) {
        String label = of(node);
        return taken.containsKey(label) ? label + " @" + at(node.position()) : label;
    }

    /** {@code line:col}, the position without the file name. */
    static String at(SourcePosition position) {
        return position.line() + ":" + position.column();
    }

    /** A number as decision paths print it: rounded to 6 decimals, without trailing zeros or an exponent. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    @Override
    public String visitAsset(Node.Asset asset) {
        return asset.symbol().value();
    }

    @Override
    public String visitWeightEqual(Node.WeightEqual node) {
        return "weight-equal@" + at(node.position());
    }

    @Override
    public String visitWeightSpecified(Node.WeightSpecified node) {
        return "weight-specified@" + at(node.position());
    }

    @Override
    public String visitWeightInverseVolatility(Node.WeightInverseVolatility node) {
        return "weight-inverse-volatility@" + at(node.position());
    }

    @Override
    public String visitGroup(Node.Group group) {
        return "group \"" + group.name() + "\"";
    }

    @Override
    public String visitIf(Node.If node) {
        return "if@" + at(node.position());
    }

    @Override
    public String visitFilter(Node.Filter filter) {
        return "filter@" + at(filter.position());
    }
}
