package io.alchemiser.s3.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.domain.Symbol;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class AdjustmentTest {
    private static final Symbol SPY = new Symbol("SPY");
    private static final LocalDate DAY = LocalDate.of(2024, 3, 8);

    private static Adjustment read(double ratio) {
        return Adjustment.classify(SPY, DAY, ratio);
    }

    @Test
    void workedRatios() {
        assertThat(read(0.5).label()).isEqualTo("split 2:1");
        assertThat(read(0.495).label()).as("2:1 with a dividend the same day").isEqualTo("split 2:1");
        assertThat(read(1.0 / 3).label()).isEqualTo("split 3:1");
        assertThat(read(2.0 / 3).label()).isEqualTo("split 3:2");
        assertThat(read(10).label()).isEqualTo("reverse split 1:10");
        assertThat(read(4.0).label()).isEqualTo("reverse split 1:4");
        assertThat(read(0.9921).kind()).isEqualTo(Adjustment.Kind.DIVIDEND);
        assertThat(read(0.91).kind()).isEqualTo(Adjustment.Kind.DIVIDEND);
        assertThat(read(0.7).kind()).as("a special distribution fitting no split").isEqualTo(Adjustment.Kind.DIVIDEND);
        assertThat(read(1.004).kind()).as("a vendor's correction upwards").isEqualTo(Adjustment.Kind.OTHER);
        assertThat(read(0.3).kind()).isEqualTo(Adjustment.Kind.OTHER);
        assertThat(read(2.5).kind()).isEqualTo(Adjustment.Kind.OTHER);
    }

    @Test
    void onlySplitsRescaleVolumes() {
        assertThat(read(0.5).volumeFactor()).isEqualTo(2);
        assertThat(read(2.0 / 3).volumeFactor()).isEqualTo(1.5);
        assertThat(read(20).volumeFactor()).isEqualTo(0.05);
        assertThat(read(0.98).volumeFactor()).isEqualTo(1);
        assertThat(read(1.004).volumeFactor()).isEqualTo(1);
    }

    @Property
    void everyForwardSplitIsReadAsItselfEvenWithADividendTheSameDay(@ForAll @IntRange(min = 2, max = 50) int n,
            @ForAll @DoubleRange(min = 0.995, max = 1.0) @Scale(4) double dividend) {
        Adjustment a = read(dividend / n);
        assertThat(a.kind()).isEqualTo(Adjustment.Kind.SPLIT);
        assertThat(a.splitTo()).isEqualTo(n);
        assertThat(a.splitFrom()).isEqualTo(1);
    }

    @Property
    void everyReverseSplitIsReadAsItself(@ForAll @IntRange(min = 2, max = 500) int n) {
        Adjustment a = read(n);
        assertThat(a.label()).isEqualTo("reverse split 1:" + n);
        assertThat(a.volumeFactor()).isEqualTo(1.0 / n);
    }

    @Property
    void everyOrdinaryDividendIsADividend(@ForAll @DoubleRange(min = 0.9, max = 0.999999) @Scale(6) double ratio) {
        assertThat(read(ratio).kind()).isEqualTo(Adjustment.Kind.DIVIDEND);
    }
}
