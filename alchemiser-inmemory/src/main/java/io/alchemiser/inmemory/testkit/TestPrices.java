package io.alchemiser.inmemory.testkit;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.inmemory.BarGenerator;
import io.alchemiser.inmemory.InMemoryMarketData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Prices for a strategy test, written in the test: a few closes per symbol, one per weekday from a start date, or a
 * generated market regime. Builds an {@link InMemoryMarketData} (both market-data ports).
 *
 * <pre>{@code
 * InMemoryMarketData prices = TestPrices.weekdaysFrom(LocalDate.of(2024, 1, 2))
 *         .closes("SPY", 470, 472, 471, 475, 480)
 *         .closes("TLT", 98, 97.5, 97, 96, 95.5)
 *         .build();
 * }</pre>
 */
public final class TestPrices {
    private final LocalDate start;
    private final List<BarSeries> series = new ArrayList<>();
    private Clock clock = Clock.systemUTC();

    private TestPrices(LocalDate start) {
        this.start = Objects.requireNonNull(start, "start");
    }

    /** Closes written with {@link #closes} fall on consecutive weekdays from {@code start} (a weekend moves on). */
    public static TestPrices weekdaysFrom(LocalDate start) {
        return new TestPrices(start);
    }

    /** The closes of {@code ticker}, oldest first, one per weekday from the start date. */
    public TestPrices closes(String ticker, double... closes) {
        List<DailyBar> bars = new ArrayList<>();
        LocalDate d = start;
        for (double c : closes) {
            while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                d = d.plusDays(1);
            }
            bars.add(DailyBar.closeOnly(d, BigDecimal.valueOf(c)));
            d = d.plusDays(1);
        }
        series.add(new BarSeries(Symbol.of(ticker), bars));
        return this;
    }

    /** {@code days} weekdays of one close for {@code ticker}, from the start date. */
    public TestPrices flat(String ticker, double close, int days) {
        double[] closes = new double[days];
        java.util.Arrays.fill(closes, close);
        return closes(ticker, closes);
    }

    /**
     * Every symbol of {@code generator} from the start date through {@code end}: a seeded market with calm and
     * stressed regimes ({@link BarGenerator#demo(long)} makes SPY, QQQ, TLT, GLD, UVXY, 3x funds and more).
     */
    public TestPrices generated(BarGenerator generator, LocalDate end) {
        series.addAll(generator.generate(start, end).series().values());
        return this;
    }

    /**
     * Stamps the quotes derived from the last close with {@code clock}'s time: a daily run on simulated time needs
     * them stamped on its own today, or it refuses them as stale live prices.
     */
    public TestPrices quotedAt(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    public InMemoryMarketData build() {
        return InMemoryMarketData.builder().clock(clock).bars(series).build();
    }
}
