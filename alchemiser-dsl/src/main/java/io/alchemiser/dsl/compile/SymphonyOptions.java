package io.alchemiser.dsl.compile;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The options map of {@code defsymphony}: {@code {:asset-class "EQUITIES", :rebalance-frequency :daily}} or
 * {@code {:asset-class "EQUITIES", :rebalance-threshold 0.05}}.
 *
 * <p>Defaults, for options not written and for a bare-expression file: asset class {@code EQUITIES}; rebalance
 * frequency {@link RebalanceFrequency#DAILY} unless a threshold is given, in which case {@link RebalanceFrequency#NONE}
 * (Composer's threshold mode rebalances on drift instead of on a calendar).
 *
 * @param rebalanceThreshold the drift, as a fraction in (0, 1), that triggers a rebalance, if any
 */
public record SymphonyOptions(AssetClass assetClass, RebalanceFrequency rebalanceFrequency,
                              OptionalDouble rebalanceThreshold) {

    /** The options of a file that does not state any. */
    public static final SymphonyOptions DEFAULT =
            new SymphonyOptions(AssetClass.EQUITIES, RebalanceFrequency.DAILY, OptionalDouble.empty());

    public SymphonyOptions {
        Objects.requireNonNull(assetClass, "assetClass");
        Objects.requireNonNull(rebalanceFrequency, "rebalanceFrequency");
        Objects.requireNonNull(rebalanceThreshold, "rebalanceThreshold");
        rebalanceThreshold.ifPresent(t -> {
            if (!(t > 0 && t < 1)) {
                throw new IllegalArgumentException("rebalance threshold is a fraction in (0, 1), got " + t);
            }
        });
    }

    /** {@code :asset-class}: what the symphony trades. */
    public enum AssetClass {
        EQUITIES,
        CRYPTO
    }

    /** {@code :rebalance-frequency}: how often the allocation is re-applied. */
    public enum RebalanceFrequency {
        DAILY("daily"),
        WEEKLY("weekly"),
        MONTHLY("monthly"),
        QUARTERLY("quarterly"),
        YEARLY("yearly"),
        NONE("none");

        private final String keyword;

        RebalanceFrequency(String keyword) {
            this.keyword = keyword;
        }

        /** The keyword name in symphony source, without the colon: {@code daily}. */
        public String keyword() {
            return keyword;
        }

        static RebalanceFrequency byKeyword(String keyword) {
            for (RebalanceFrequency frequency : values()) {
                if (frequency.keyword.equals(keyword)) {
                    return frequency;
                }
            }
            return null;
        }
    }
}
