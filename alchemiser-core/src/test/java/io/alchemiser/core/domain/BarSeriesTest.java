package io.alchemiser.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class BarSeriesTest {
    static final Symbol SPY = Symbol.of("SPY");
    static final LocalDate MON = LocalDate.of(2024, 1, 1);

    static DailyBar bar(LocalDate date, String close) {
        return DailyBar.closeOnly(date, new BigDecimal(close));
    }

    static BarSeries series(int... dayOffsets) {
        List<DailyBar> bars = new ArrayList<>();
        for (int d : dayOffsets) {
            bars.add(bar(MON.plusDays(d), String.valueOf(100 + d)));
        }
        return new BarSeries(SPY, bars);
    }

    @Test
    void refusesDatesThatDoNotStrictlyIncrease() {
        assertThatThrownBy(() -> new BarSeries(SPY, List.of(bar(MON, "1"), bar(MON, "2"))))
                .hasMessageContaining("SPY: bar dates must strictly increase, but 2024-01-01 follows 2024-01-01");
        assertThatThrownBy(() -> new BarSeries(SPY, List.of(bar(MON.plusDays(1), "1"), bar(MON, "2"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findsTheLastBarOnOrBeforeADate() {
        BarSeries s = series(0, 1, 4, 5);
        assertThat(s.indexAtOrBefore(MON.minusDays(1))).isEqualTo(-1);
        assertThat(s.indexAtOrBefore(MON)).isZero();
        assertThat(s.indexAtOrBefore(MON.plusDays(3))).as("a gap: the bar before").isEqualTo(1);
        assertThat(s.indexAtOrBefore(MON.plusDays(30))).isEqualTo(3);
    }

    @Test
    void slicesBetweenTwoDatesBothIncluded() {
        BarSeries s = series(0, 1, 4, 5);
        assertThat(s.between(MON.plusDays(1), MON.plusDays(4)).bars()).extracting(DailyBar::date)
                .containsExactly(MON.plusDays(1), MON.plusDays(4));
        assertThat(s.between(MON.plusDays(2), MON.plusDays(3)).isEmpty()).isTrue();
        assertThat(s.between(MON.minusDays(5), MON.plusDays(50))).isSameAs(s);
        assertThat(BarSeries.empty(SPY).firstDate()).isNull();
    }

    @Test
    void withLastAppendsANewDayOrReplacesTheSameDay() {
        BarSeries s = series(0, 1);
        assertThat(s.withLast(bar(MON.plusDays(1), "999")).closes()).containsExactly(100, 999);
        assertThat(s.withLast(bar(MON.plusDays(2), "7")).closes()).containsExactly(100, 101, 7);
        assertThat(s.closes()).as("the original is unchanged").containsExactly(100, 101);
    }

    @Test
    void equalityIsBySymbolAndBars() {
        assertThat(series(0, 1)).isEqualTo(series(0, 1)).hasSameHashCodeAs(series(0, 1));
        assertThat(series(0, 1)).isNotEqualTo(series(0, 2));
        assertThat(series(0, 1).toString()).isEqualTo("BarSeries[SPY, 2 bars, 2024-01-01..2024-01-02]");
    }

    @Property
    void betweenKeepsExactlyTheBarsInsideTheRange(@ForAll @Size(max = 30) List<@IntRange(min = 1, max = 5) Integer> gaps,
            @ForAll @IntRange(min = -5, max = 120) int from, @ForAll @IntRange(min = 0, max = 60) int length) {
        List<DailyBar> bars = new ArrayList<>();
        LocalDate d = MON;
        for (int gap : gaps) {
            d = d.plusDays(gap);
            bars.add(bar(d, "10"));
        }
        BarSeries s = new BarSeries(SPY, bars);
        LocalDate a = MON.plusDays(from);
        LocalDate b = a.plusDays(length);
        List<LocalDate> expected = bars.stream().map(DailyBar::date).filter(x -> !x.isBefore(a) && !x.isAfter(b)).toList();
        assertThat(s.between(a, b).bars()).extracting(DailyBar::date).containsExactlyElementsOf(expected);
        int i = s.indexAtOrBefore(b);
        assertThat(i).isEqualTo((int) bars.stream().filter(x -> !x.date().isAfter(b)).count() - 1);
    }
}
