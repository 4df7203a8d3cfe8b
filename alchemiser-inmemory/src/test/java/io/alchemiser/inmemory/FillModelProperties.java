package io.alchemiser.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

class FillModelProperties {
    private final FillModel model = FillModel.defaults();

    @Property(tries = 300)
    void anOrderFillsWithinTheReferenceWaitExactlyWhenItsDrawIsBelowP(
            @ForAll @Scale(6) @DoubleRange(min = 0.01, max = 0.99) double x,
            @ForAll @Scale(6) @DoubleRange(min = 0, max = 1, maxIncluded = false) double u) {
        double p = model.probability(x);
        Optional<Duration> t = model.timeToFill(x, u);

        assertThat(t).isPresent();
        // Rounding to the nanosecond can only blur draws within 1e-9 of p.
        if (Math.abs(u - p) > 1e-9) {
            assertThat(t.get().compareTo(Duration.ofSeconds(30)) <= 0).isEqualTo(u < p);
        }
    }

    @Property(tries = 300)
    void aLimitNearerTheTouchFillsNoLaterOnTheSameDraw(
            @ForAll @Scale(6) @DoubleRange(min = 0.01, max = 0.99) double x,
            @ForAll @Scale(6) @DoubleRange(min = 0.01, max = 0.99) double y,
            @ForAll @Scale(6) @DoubleRange(min = 0, max = 0.999) double u) {
        double near = Math.max(x, y);
        double far = Math.min(x, y);

        assertThat(model.timeToFill(near, u).orElseThrow()).isLessThanOrEqualTo(model.timeToFill(far, u).orElseThrow());
    }
}
