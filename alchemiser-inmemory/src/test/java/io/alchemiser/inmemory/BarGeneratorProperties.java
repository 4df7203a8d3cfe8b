package io.alchemiser.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class BarGeneratorProperties {
    private static final LocalDate FROM = LocalDate.of(2023, 1, 1);
    private static final LocalDate TO = LocalDate.of(2023, 12, 31);
    private static final ManualScheduler NYSE = ManualScheduler.nyse();

    @Property(tries = 25)
    void everyBarIsAValidCentPricedBarOnATradingDay(@ForAll long seed) {
        GeneratedBars generated = BarGenerator.demo(seed).generate(FROM, TO);

        assertThat(generated.days()).isEqualTo(NYSE.tradingDays(FROM, TO));
        for (BarSeries series : generated.series().values()) {
            assertThat(series.size()).isEqualTo(generated.days().size());
            List<DailyBar> invalid = series.bars().stream().filter(bar -> !isValid(bar)).toList();
            assertThat(invalid).as(series.symbol() + " bars breaking high >= max(open, close) >= min >= low > 0,"
                    + " cents, volume").isEmpty();
        }
    }

    @Property(tries = 10)
    void theSameSeedGivesTheSameBars(@ForAll long seed) {
        GeneratedBars first = BarGenerator.demo(seed).generate(FROM, TO);
        GeneratedBars second = BarGenerator.demo(seed).generate(FROM, TO);

        assertThat(second).isEqualTo(first);
    }

    @Property(tries = 10)
    void aLongerRangeExtendsAShorterOneBarForBar(@ForAll long seed, @ForAll @IntRange(min = 1, max = 360) int days) {
        BarGenerator generator = BarGenerator.demo(seed);
        GeneratedBars shorter = generator.generate(FROM, FROM.plusDays(days));
        GeneratedBars longer = generator.generate(FROM, TO);

        shorter.series().forEach((symbol, series) -> assertThat(longer.series(symbol).between(FROM, FROM.plusDays(days)))
                .isEqualTo(series));
        assertThat(longer.regimes().subList(0, shorter.regimes().size())).isEqualTo(shorter.regimes());
    }

    private static boolean isValid(DailyBar bar) {
        return bar.hasRange()
                && bar.date().getDayOfWeek() != DayOfWeek.SATURDAY && bar.date().getDayOfWeek() != DayOfWeek.SUNDAY
                && bar.high().compareTo(bar.open().max(bar.close())) >= 0
                && bar.open().min(bar.close()).compareTo(bar.low()) >= 0
                && bar.low().signum() > 0
                && bar.open().scale() == 2 && bar.high().scale() == 2 && bar.low().scale() == 2
                && bar.close().scale() == 2
                && bar.volume() > 0;
    }
}
