package io.alchemiser.dsl.eval;

import io.alchemiser.dsl.compile.Node;
import io.alchemiser.dsl.indicator.IndicatorSpec;

/**
 * What a weighting parent sees as its children, and how a child is measured when the parent needs a number: the
 * one place that says so.
 *
 * <p><b>Rule.</b> Every child of a weighting node — {@code weight-equal}, {@code weight-specified},
 * {@code weight-inverse-volatility}, {@code group}, an {@code if}'s branch and {@code filter} — is one unit: an
 * asset, a group, an {@code if}, a nested weighting node and a {@code filter} alike. A unit's share is split inside it
 * by its own rule; a {@code filter} splits its share equally among the children it keeps. When a parent needs a
 * number per unit (a {@code filter}'s ranking score, {@code weight-inverse-volatility}'s volatility) an asset is
 * measured on its own prices and every other unit, a {@code filter} included, on the synthetic daily-return series of
 * its own allocation history ({@link SyntheticSeries}).
 *
 * <p>Evidence: Composer's own live allocations for {@code nuclear.clj}, whose bull branch is
 * {@code (weight-inverse-volatility 90 [(filter (moving-average-return {:window 90}) (select-top 3) [...])])}, were
 * 1/3 each on the 9 trading days of January 2026 recorded; weighting the three kept assets individually by inverse
 * volatility reproduces none of the 9. An independent open-source port that claims Composer parity treats a filter
 * as one unit too.
 *
 * <p>The other passes that must agree with the rule ask it here: {@link SymphonyRun} memoises the allocation
 * history of exactly the {@linkplain #measuredOnHistory measured-on-history} children of
 * {@linkplain #measuresChildren measuring} parents, and {@link HistoryStartFinder} adds their warm-up.
 */
final class Units {
    private final Market market;
    private final SyntheticSeries series;

    Units(Allocator allocator, Market market) {
        this.market = market;
        this.series = new SyntheticSeries(allocator, market);
    }

    /**
     * The value of {@code spec} for one unit on {@code day}: an asset's on its prices, any other unit's on its
     * synthetic series.
     *
     * @param parent the filter or weighting that reads it, for messages
     */
    double measure(Node unit, IndicatorSpec spec, int day, Node parent) {
        Node.Asset asset = pricedAsset(unit);
        if (asset == null) {
            return series.score(unit, spec, day, parent);
        }
        return market.value(market.table().id(asset.symbol()), spec, day, asset.position());
    }

    /** The asset a unit is, when it is measured on its own prices; {@code null} for a unit measured on its history. */
    static Node.Asset pricedAsset(Node unit) {
        return unit.accept(ROLE) == Role.ASSET ? (Node.Asset) unit : null;
    }

    /** Whether a unit is measured on its allocation history: everything but an asset, which has prices. */
    static boolean measuredOnHistory(Node unit) {
        return unit.accept(ROLE) != Role.ASSET;
    }

    /** Whether a node reads a number per child: a {@code filter} (its score) or inverse volatility (volatility). */
    static boolean measuresChildren(Node parent) {
        return parent.accept(ROLE) == Role.MEASURING;
    }

    /** What part a node plays for this rule: a visitor, so a new node type must be given one. */
    private enum Role {
        /** Holds a symbol; measured on its prices. */
        ASSET,
        /** Combines its children by a fixed rule. */
        CONTAINER,
        /** Reads a number per child: filter, inverse volatility. */
        MEASURING
    }

    private static final Node.Visitor<Role> ROLE = new Node.Visitor<>() {
        @Override
        public Role visitAsset(Node.Asset asset) {
            return Role.ASSET;
        }

        @Override
        public Role visitWeightEqual(Node.WeightEqual node) {
            return Role.CONTAINER;
        }

        @Override
        public Role visitWeightSpecified(Node.WeightSpecified node) {
            return Role.CONTAINER;
        }

        @Override
        public Role visitWeightInverseVolatility(Node.WeightInverseVolatility node) {
            return Role.MEASURING;
        }

        @Override
        public Role visitGroup(Node.Group group) {
            return Role.CONTAINER;
        }

        @Override
        public Role visitIf(Node.If node) {
            return Role.CONTAINER;
        }

        @Override
        public Role visitFilter(Node.Filter filter) {
            return Role.MEASURING;
        }
    };
}
