package io.alchemiser.s3.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.s3.model.Adjustment;
import io.alchemiser.s3.model.LakeBar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the vendor did on the days a merge can see, the merged history ends on the vendor's scale: prices equal
 * the source's on every re-checked day, and volumes follow the split factor on the days before the ex-date only.
 */
class LakeMergeProperties {
    private static final Symbol SPY = new Symbol("SPY");
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final double[] RATIOS = {0.5, 1.0 / 3, 0.1, 2.0 / 3, 10, 4, 0.99, 0.95, 0.9995};

    @Property
    void theMergedHistoryIsOnTheSourcesScale(@ForAll @IntRange(min = 2, max = 40) int stored,
            @ForAll @IntRange(min = 1, max = 8) int recheck, @ForAll @IntRange(min = 0, max = 8) int exFromEnd,
            @ForAll @IntRange(min = 0, max = 8) int which, @ForAll @IntRange(min = 0, max = 3) int newDays,
            @ForAll @DoubleRange(min = 5, max = 500) double price) {
        int window = Math.min(recheck, stored);
        int ex = stored - Math.min(exFromEnd, window - 1); // ex-date index: within the re-checked days, or after
        double ratio = RATIOS[which];
        Adjustment kind = Adjustment.classify(SPY, START, ratio);
        List<LakeBar> lake = new ArrayList<>();
        List<DailyBar> vendor = new ArrayList<>();
        for (int i = 0; i < stored + newDays; i++) {
            BigDecimal p = BigDecimal.valueOf(Math.round(price * (1 + i * 0.001) * 10_000) / 10_000.0);
            LakeBar bar = new LakeBar(START.plusDays(i), p, p, p, p, p, 1000L * (i + 1));
            if (i < stored) {
                lake.add(bar);
            }
            if (i >= stored - window) {
                vendor.add((i < ex ? bar.rescaled(ratio, kind.volumeFactor()) : bar).toDailyBar());
            }
        }
        LakeMerge.Result merge = LakeMerge.merge(SPY, lake, new BarSeries(SPY, vendor));
        assertThat(merge.added()).hasSize(newDays);
        assertThat(merge.adjustments()).singleElement().satisfies(a -> {
            assertThat(a.through()).isEqualTo(START.plusDays(ex - 1));
            assertThat(a.kind()).isEqualTo(kind.kind());
        });
        for (int i = 0; i < stored; i++) {
            LakeBar bar = merge.bars().get(i);
            double expected = lake.get(i).adjClose().doubleValue() * (i < ex ? ratio : 1);
            assertThat(bar.adjClose().doubleValue()).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1e-9));
            long volume = Math.round(1000L * (i + 1) * (i < ex ? kind.volumeFactor() : 1));
            assertThat(bar.volume()).isEqualTo(volume);
            assertThat(bar.close()).as("the raw close is never rescaled").isEqualTo(lake.get(i).close());
        }
    }

    @Property
    void aSourceOnTheSameScaleChangesNothing(@ForAll @IntRange(min = 1, max = 30) int stored,
            @ForAll @IntRange(min = 1, max = 8) int recheck) {
        List<LakeBar> lake = new ArrayList<>();
        List<DailyBar> vendor = new ArrayList<>();
        for (int i = 0; i < stored; i++) {
            LakeBar bar = new LakeBar(START.plusDays(i), null, null, null, null, BigDecimal.valueOf(100 + i), 5L);
            lake.add(bar);
            if (i >= stored - recheck) {
                vendor.add(bar.toDailyBar());
            }
        }
        LakeMerge.Result merge = LakeMerge.merge(SPY, lake, new BarSeries(SPY, vendor));
        assertThat(merge.changed()).isFalse();
        assertThat(merge.bars()).isEqualTo(lake);
    }
}
