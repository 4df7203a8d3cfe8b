package io.alchemiser.core.application.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.Quotes;
import io.alchemiser.core.testing.WeekdayCloses;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class IntradayPriceHistoryTest {
    private static final Symbol SPY = Symbol.of("SPY");
    private static final Symbol QQQ = Symbol.of("QQQ");
    private static final Symbol UVXY = Symbol.of("UVXY");
    /** Friday 2024-03-15, the market's today at 15:45 in New York. */
    private static final LocalDate TODAY = LocalDate.of(2024, 3, 15);

    private final WeekdayCloses stored = new WeekdayCloses(LocalDate.of(2024, 3, 4))
            .with("SPY", 500, 501, 502, 503, 504, 505, 506, 507, 508)
            .with("QQQ", 430, 431, 432, 433, 434, 435, 436, 437, 438);
    private final Map<Symbol, Quote> quotes = new ConcurrentHashMap<>(Map.of(
            SPY, new Quote(SPY, new BigDecimal("510.10"), new BigDecimal("510.20"), new BigDecimal("510.00"),
                    Instant.parse("2024-03-15T19:44:58Z")),
            QQQ, new Quote(QQQ, null, null, new BigDecimal("440.5"), Instant.parse("2024-03-15T19:44:00Z"))));
    private final List<Symbol> quoteRequests = new CopyOnWriteArrayList<>();
    private final Quotes live = symbol -> {
        quoteRequests.add(symbol);
        Quote q = quotes.get(symbol);
        if (q == null) {
            throw new MarketDataException("no quote for " + symbol);
        }
        return q;
    };

    private IntradayPriceHistory history() {
        return new IntradayPriceHistory(stored, live, TODAY);
    }

    @Test
    void theLivePriceBecomesTodaysBar() {
        IntradayPriceHistory data = history();
        BarSeries spy = data.dailyBars(SPY, LocalDate.of(2024, 3, 13), TODAY);
        assertThat(spy.bars()).extracting(DailyBar::date).containsExactly(LocalDate.of(2024, 3, 13),
                LocalDate.of(2024, 3, 14), TODAY);
        DailyBar todays = spy.bars().get(2);
        assertThat(todays.close()).as("bid/ask midpoint").isEqualByComparingTo("510.15");
        assertThat(todays.hasRange()).isFalse();
        assertThat(data.dailyBars(List.of(QQQ), TODAY, TODAY).get(QQQ).closes())
                .as("last trade when one-sided").containsExactly(440.5);
        assertThat(data.livePrices()).containsOnlyKeys(SPY, QQQ);
        assertThat(data.livePrices().get(SPY).timestamp()).isEqualTo(Instant.parse("2024-03-15T19:44:58Z"));
    }

    @Test
    void theLivePriceReplacesAStoredBarOfToday() {
        stored.flat("UVXY", "13", TODAY, 2);
        quotes.put(UVXY, new Quote(UVXY, null, null, new BigDecimal("12.75"), Instant.parse("2024-03-15T19:40:00Z")));
        BarSeries got = history().dailyBars(UVXY, LocalDate.of(2024, 3, 14), TODAY);
        assertThat(got.closes()).containsExactly(13, 12.75);
    }

    @Test
    void eachQuoteIsReadOnceSoEveryIndicatorSeesOnePrice() {
        IntradayPriceHistory data = history();
        for (int i = 0; i < 3; i++) {
            data.dailyBars(SPY, LocalDate.of(2024, 3, 1), TODAY);
            data.dailyBars(List.of(SPY, QQQ), LocalDate.of(2024, 3, 1), TODAY);
        }
        assertThat(quoteRequests).containsExactlyInAnyOrder(SPY, QQQ);
    }

    @Test
    void aRangeEndingBeforeTodayNeedsNoQuote() {
        BarSeries spy = history().dailyBars(SPY, LocalDate.of(2024, 3, 1), TODAY.minusDays(1));
        assertThat(spy.lastDate()).isEqualTo(LocalDate.of(2024, 3, 14));
        assertThat(quoteRequests).isEmpty();
    }

    @Test
    void aStaleQuoteIsNeverUsedAsTodaysPrice() {
        quotes.put(SPY, new Quote(SPY, new BigDecimal("505"), new BigDecimal("506"), null,
                Instant.parse("2024-03-14T19:59:00Z")));
        assertThatThrownBy(() -> history().dailyBars(SPY, TODAY, TODAY)).isInstanceOf(MarketDataException.class)
                .hasMessageContaining("SPY").hasMessageContaining("2024-03-14").hasMessageContaining("stale");
    }

    @Test
    void storedBarsAfterTodayMeanTheClockIsWrong() {
        IntradayPriceHistory yesterday = new IntradayPriceHistory(stored, live, LocalDate.of(2024, 3, 13));
        quotes.put(SPY, new Quote(SPY, new BigDecimal("505"), new BigDecimal("506"), null,
                Instant.parse("2024-03-13T19:59:00Z")));
        assertThatThrownBy(() -> yesterday.dailyBars(SPY, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 20)))
                .isInstanceOf(MarketDataException.class).hasMessageContaining("after today 2024-03-13");
    }

    @Test
    void aSymbolWithoutAQuoteIsAnErrorNamingIt() {
        stored.with("UVXY", 12, 13);
        assertThatThrownBy(() -> history().dailyBars(List.of(SPY, UVXY), TODAY, TODAY))
                .isInstanceOf(MarketDataException.class).hasMessageContaining("UVXY");
    }
}
