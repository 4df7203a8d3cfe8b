package io.alchemiser.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.MarketClock;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.core.testing.WeekdayCloses;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** How the wiring turns {@code data.intraday} into the price history a run evaluates on. */
class WiringTest {
    private static final Symbol SPY = Symbol.of("SPY");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24); // a Tuesday

    @Test
    void withLiveQuotesTodaysLivePriceIsTheLastBar() {
        PriceHistory stored = new WeekdayCloses(TODAY.minusDays(8)).with("SPY", 100, 101, 102, 103, 104, 105);
        Clock clock = Clock.fixed(ZonedDateTime.of(TODAY.atTime(15, 45), MarketClock.MARKET_ZONE).toInstant(),
                MarketClock.MARKET_ZONE);
        Quote live = new Quote(SPY, new BigDecimal("110.00"), new BigDecimal("110.20"), null, clock.instant());

        BarSeries bars = Wiring.withLivePrices(stored, symbol -> live, clock).dailyBars(SPY, TODAY.minusDays(30), TODAY);

        assertThat(bars.lastDate()).isEqualTo(TODAY);
        double[] closes = bars.closes();
        assertThat(closes[closes.length - 1]).isEqualTo(110.10);
        assertThat(closes[closes.length - 2]).isEqualTo(105);
    }

    @Test
    void withoutLiveQuotesTheStoredBarsAreUsedAsTheyAre() {
        PriceHistory stored = new WeekdayCloses(TODAY.minusDays(8)).with("SPY", 100, 101);
        assertThat(Wiring.withLivePrices(stored, null, Clock.systemUTC())).isSameAs(stored);
    }
}
