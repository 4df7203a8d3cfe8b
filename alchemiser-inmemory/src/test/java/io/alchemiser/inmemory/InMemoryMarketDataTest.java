package io.alchemiser.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.core.port.Quotes;
import io.alchemiser.core.port.contract.PriceHistoryContract;
import io.alchemiser.core.port.contract.QuotesContract;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Both market-data ports' contracts, and what the in-memory source adds: derived quotes, live bars. */
class InMemoryMarketDataTest {
    private static final Instant NOW = Instant.parse("2024-02-29T20:45:00Z");
    private static final Symbol SPY = Symbol.of("SPY");
    private static final List<LocalDate> DAYS = PriceHistoryContract.DAYS;

    @Nested
    class AsPriceHistory extends PriceHistoryContract {
        @Override
        protected PriceHistory history(List<BarSeries> series) {
            return new InMemoryMarketData().putBars(series);
        }
    }

    @Nested
    class AsQuotes extends QuotesContract {
        @Override
        protected Quotes quotes(List<Quote> quotes) {
            InMemoryMarketData data = InMemoryMarketData.builder().noDerivedQuotes().build();
            quotes.forEach(data::putQuote);
            return data;
        }
    }

    @Test
    void withoutAQuoteTheQuoteIsDerivedFromTheLastCloseAroundTheSpread() {
        InMemoryMarketData data = InMemoryMarketData.builder().clock(new ManualClock(NOW)).derivedQuoteSpreadBps(20)
                .bars(closes(100.00)).build();

        Quote q = data.latestQuote(SPY);

        assertThat(q.bid()).isEqualByComparingTo("99.90");
        assertThat(q.ask()).isEqualByComparingTo("100.10");
        assertThat(q.last()).isEqualByComparingTo("100.00");
        assertThat(q.timestamp()).isEqualTo(NOW);
    }

    @Test
    void aDerivedSpreadNarrowerThanATickIsRoundedOutwardToOneTickEachSide() {
        InMemoryMarketData data = new InMemoryMarketData().putBars(closes(10.00));

        Quote q = data.latestQuote(SPY);

        assertThat(q.bid()).isEqualByComparingTo("9.99");
        assertThat(q.ask()).isEqualByComparingTo("10.01");
    }

    @Test
    void anExplicitQuoteWinsAndRemovingItFallsBackToTheDerivedOne() {
        InMemoryMarketData data = new InMemoryMarketData().putBars(closes(100.00));
        data.putQuote(new Quote(SPY, new BigDecimal("150.00"), new BigDecimal("152.00"), null, NOW));

        assertThat(data.latestQuote(SPY).ask()).isEqualByComparingTo("152.00");
        data.removeQuote(SPY);
        assertThat(data.latestQuote(SPY).last()).isEqualByComparingTo("100.00");
    }

    @Test
    void withDerivedQuotesOffASymbolWithoutAQuoteIsAnErrorNamingIt() {
        InMemoryMarketData data = InMemoryMarketData.builder().noDerivedQuotes().bars(closes(100.00)).build();

        assertThatThrownBy(() -> data.latestQuote(SPY)).isInstanceOf(MarketDataException.class)
                .hasMessageContaining("SPY");
    }

    @Test
    void aLiveBarReplacesTodaysBarAndANewDayIsAppended() {
        InMemoryMarketData data = new InMemoryMarketData().putBars(closes(100.00, 101.00));
        LocalDate last = DAYS.get(1);

        data.appendBar(SPY, DailyBar.closeOnly(last, new BigDecimal("102.50")));
        data.appendBar(SPY, DailyBar.closeOnly(DAYS.get(2), new BigDecimal("103.00")));

        BarSeries got = data.dailyBars(SPY, DAYS.get(0), DAYS.get(2));
        assertThat(got.bars()).extracting(DailyBar::close).map(BigDecimal::toPlainString)
                .containsExactly("100.00", "102.50", "103.00");
        assertThat(data.latestQuote(SPY).last()).isEqualByComparingTo("103.00");
    }

    @Test
    void aKnownSymbolWithNoBarsInTheRangeGivesAnEmptySeries() {
        InMemoryMarketData data = new InMemoryMarketData().putBars(closes(100.00));

        assertThat(data.dailyBars(SPY, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)).isEmpty()).isTrue();
        assertThat(data.symbols()).containsExactly(SPY);
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsAMistake() {
        InMemoryMarketData data = new InMemoryMarketData().putBars(closes(100.00));

        assertThatThrownBy(() -> data.dailyBars(SPY, DAYS.get(3), DAYS.get(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static BarSeries closes(double... closes) {
        List<DailyBar> bars = new java.util.ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            bars.add(DailyBar.closeOnly(DAYS.get(i), BigDecimal.valueOf(closes[i]).setScale(2)));
        }
        return new BarSeries(SPY, bars);
    }
}
