package io.alchemiser.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.PriceHistory;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The promises of {@link PriceHistory}: bars inside an inclusive range, oldest first, never padded; a symbol the
 * source does not know is a {@link MarketDataException} naming it; the same answers from several threads.
 *
 * <p>Extend it and supply {@link #history}: a source holding exactly the given series. Closes are compared with
 * {@code compareTo}; only dates and closes are required to survive the round trip.
 */
public abstract class PriceHistoryContract {
    protected static final Symbol SPY = Symbol.of("SPY");
    protected static final Symbol QQQ = Symbol.of("QQQ");
    protected static final Symbol UNKNOWN = Symbol.of("NOSUCHSYMBOL");
    /** Weekdays of January and February 2024 without Martin Luther King Jr. Day and Presidents' Day. */
    public static final List<LocalDate> DAYS = tradingDays();

    /** A source holding exactly {@code series}. */
    protected abstract PriceHistory history(List<BarSeries> series);

    @Test
    void barsInsideTheRangeComeOldestFirstWithBothEndsIncluded() {
        PriceHistory data = standard();
        LocalDate from = LocalDate.of(2024, 1, 10);
        LocalDate to = LocalDate.of(2024, 1, 19);

        BarSeries got = data.dailyBars(SPY, from, to);

        List<DailyBar> expected = series(SPY, 470).between(from, to).bars();
        assertThat(got.symbol()).isEqualTo(SPY);
        assertThat(got.bars()).extracting(DailyBar::date).containsExactlyElementsOf(
                expected.stream().map(DailyBar::date).toList());
        assertThat(got.bars().get(0).date()).isEqualTo(from);
        assertThat(got.lastDate()).isEqualTo(to);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(got.bars().get(i).close()).isEqualByComparingTo(expected.get(i).close());
        }
    }

    @Test
    void aRangeReachingBeyondTheDataIsShorterNotPadded() {
        PriceHistory data = standard();

        BarSeries got = data.dailyBars(QQQ, LocalDate.of(2023, 12, 1), LocalDate.of(2024, 3, 31));

        assertThat(got.size()).isEqualTo(DAYS.size());
        assertThat(got.firstDate()).isEqualTo(DAYS.get(0));
        assertThat(got.lastDate()).isEqualTo(DAYS.get(DAYS.size() - 1));
        assertThat(got.bars()).extracting(DailyBar::date)
                .noneMatch(d -> d.equals(LocalDate.of(2024, 1, 15)) || d.getDayOfWeek() == DayOfWeek.SATURDAY);
    }

    @Test
    void barsOfAnUnknownSymbolAreAnErrorNamingIt() {
        PriceHistory data = standard();

        assertThatThrownBy(() -> data.dailyBars(UNKNOWN, DAYS.get(0), DAYS.get(5)))
                .isInstanceOf(MarketDataException.class).hasMessageContaining(UNKNOWN.value());
    }

    @Test
    void loadingSeveralSymbolsReturnsEachAndFailsOnAnUnknownOne() {
        PriceHistory data = standard();
        LocalDate from = DAYS.get(0);
        LocalDate to = DAYS.get(9);

        Map<Symbol, BarSeries> got = data.dailyBars(List.of(SPY, QQQ), from, to);

        assertThat(got).containsOnlyKeys(SPY, QQQ);
        assertThat(got.get(QQQ).size()).isEqualTo(10);
        assertThatThrownBy(() -> data.dailyBars(List.of(SPY, UNKNOWN), from, to))
                .isInstanceOf(MarketDataException.class).hasMessageContaining(UNKNOWN.value());
    }

    @Test
    void severalThreadsReadTheSameBars() throws Exception {
        PriceHistory data = standard();
        BarSeries expected = data.dailyBars(SPY, DAYS.get(0), DAYS.get(DAYS.size() - 1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<BarSeries>> reads = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                reads.add(() -> data.dailyBars(SPY, DAYS.get(0), DAYS.get(DAYS.size() - 1)));
            }
            for (Future<BarSeries> f : pool.invokeAll(reads)) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- fixtures

    /** SPY from 470 and QQQ from 400 on {@link #DAYS}. */
    protected PriceHistory standard() {
        return history(List.of(series(SPY, 470), series(QQQ, 400)));
    }

    /** A deterministic series on {@link #DAYS}: closes walk up and down by cents around {@code start}. */
    protected static BarSeries series(Symbol symbol, int start) {
        List<DailyBar> bars = new ArrayList<>();
        for (int i = 0; i < DAYS.size(); i++) {
            BigDecimal close = BigDecimal.valueOf(start * 100L + (i % 7) * 37 - (i % 3) * 11, 2);
            BigDecimal open = close.subtract(new BigDecimal("0.25"));
            BigDecimal high = close.add(new BigDecimal("1.10"));
            BigDecimal low = open.subtract(new BigDecimal("0.90"));
            bars.add(new DailyBar(DAYS.get(i), open, high, low, close, 1_000_000L + i));
        }
        return new BarSeries(symbol, bars);
    }

    private static List<LocalDate> tradingDays() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2024, 1, 2); d.isBefore(LocalDate.of(2024, 3, 1)); d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean holiday = d.equals(LocalDate.of(2024, 1, 15)) || d.equals(LocalDate.of(2024, 2, 19));
            if (!weekend && !holiday) {
                days.add(d);
            }
        }
        return List.copyOf(days);
    }
}
