package io.alchemiser.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketDataException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetMarketDataTest {
    private static final Symbol SPY = new Symbol("SPY");
    private static final Symbol QQQ = new Symbol("QQQ");
    private static final Symbol UVXY = new Symbol("UVXY");
    /** Friday 2024-03-15, 15:45 in New York (EDT, UTC-4): ten minutes before a run at T-15. */
    private static final Clock AT_1545 = Clock.fixed(Instant.parse("2024-03-15T19:45:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2024, 3, 15);

    @TempDir
    Path dir;
    private CrashingStorage storage;
    private ParquetBarStore store;
    private ScriptedMarketData live;

    @BeforeEach
    void lake() {
        storage = new CrashingStorage(new LocalStorage(dir), Integer.MAX_VALUE);
        store = new ParquetBarStore(storage);
        store.write(SPY, TestBars.closes(LocalDate.of(2024, 3, 4), "500", "501", "502", "503", "504", "505", "506",
                "507", "508"));
        store.write(QQQ, TestBars.closes(LocalDate.of(2024, 3, 4), "430", "431", "432", "433", "434", "435", "436",
                "437", "438"));
        live = new ScriptedMarketData();
        live.quotes.put(SPY, new Quote(SPY, new BigDecimal("510.10"), new BigDecimal("510.20"),
                new BigDecimal("510.00"), Instant.parse("2024-03-15T19:44:58Z")));
        live.quotes.put(QQQ, new Quote(QQQ, null, null, new BigDecimal("440.5"), Instant.parse("2024-03-15T19:44:00Z")));
    }

    @Test
    void barsComeFromTheLakeCutToTheRange() {
        ParquetMarketData data = ParquetMarketData.builder(store).build();
        BarSeries got = data.dailyBars(SPY, LocalDate.of(2024, 3, 6), LocalDate.of(2024, 3, 12));
        assertThat(got.bars()).extracting(DailyBar::date).containsExactly(LocalDate.of(2024, 3, 6),
                LocalDate.of(2024, 3, 7), LocalDate.of(2024, 3, 8), LocalDate.of(2024, 3, 11), LocalDate.of(2024, 3, 12));
        assertThat(got.closes()).containsExactly(502, 503, 504, 505, 506);
    }

    @Test
    void eachFileIsReadOncePerInstance() {
        ParquetMarketData data = ParquetMarketData.builder(store).build();
        data.dailyBars(SPY, LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 5));
        data.dailyBars(SPY, LocalDate.of(2024, 3, 6), LocalDate.of(2024, 3, 14));
        data.dailyBars(List.of(SPY, QQQ), LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 14));
        data.dailyBars(List.of(SPY, QQQ), LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 14));
        assertThat(storage.reads.get()).isEqualTo(2);
        ParquetMarketData nextRun = ParquetMarketData.builder(store).build();
        nextRun.dailyBars(SPY, LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 5));
        assertThat(storage.reads.get()).as("a new instance (the next run) reads afresh").isEqualTo(3);
    }

    @Test
    void severalSymbolsAreReadInParallel() {
        CyclicBarrier bothReading = new CyclicBarrier(2);
        BlobStorage rendezvous = new ForwardingStorage(new LocalStorage(dir)) {
            @Override
            public Optional<byte[]> read(String key) {
                try {
                    bothReading.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new AssertionError("the two files were not read at the same time", e);
                }
                return super.read(key);
            }
        };
        ParquetMarketData data = ParquetMarketData.builder(new ParquetBarStore(rendezvous)).parallelism(2).build();
        Map<Symbol, BarSeries> got = data.dailyBars(List.of(SPY, QQQ), LocalDate.of(2024, 3, 4), TODAY);
        assertThat(got).containsOnlyKeys(SPY, QQQ);
    }

    @Test
    void aBulkRequestNamesEverySymbolThatCannotBeLoaded() {
        ParquetMarketData data = ParquetMarketData.builder(store).build();
        assertThatThrownBy(() -> data.dailyBars(List.of(SPY, UVXY, new Symbol("NOPE")), TODAY, TODAY))
                .isInstanceOf(MarketDataException.class)
                .hasMessageContaining("2 symbols")
                .hasMessageContaining("no bars for UVXY")
                .hasMessageContaining("no bars for NOPE")
                .hasMessageContaining(dir.resolve("daily/symbol=UVXY/bars.parquet").toString());
    }

    @Test
    void intradayTheLivePriceBecomesTodaysBar() {
        ParquetMarketData data = ParquetMarketData.builder(store).intraday(live, AT_1545).build();
        BarSeries spy = data.dailyBars(SPY, LocalDate.of(2024, 3, 13), TODAY);
        assertThat(spy.bars()).extracting(DailyBar::date).containsExactly(LocalDate.of(2024, 3, 13),
                LocalDate.of(2024, 3, 14), TODAY);
        DailyBar todays = spy.bars().get(2);
        assertThat(todays.close()).as("bid/ask midpoint").isEqualByComparingTo("510.15");
        assertThat(todays.hasRange()).isFalse();
        assertThat(data.dailyBars(List.of(QQQ), TODAY, TODAY).get(QQQ).closes())
                .as("last trade when one-sided").containsExactly(440.5);
    }

    @Test
    void intradayTheLivePriceReplacesAStoredBarOfToday() {
        store.write(UVXY, TestBars.closes(LocalDate.of(2024, 3, 14), "12", "13"));
        live.quotes.put(UVXY, new Quote(UVXY, null, null, new BigDecimal("12.75"), Instant.parse("2024-03-15T19:40:00Z")));
        ParquetMarketData data = ParquetMarketData.builder(store).intraday(live, AT_1545).build();
        assertThat(data.dailyBars(UVXY, LocalDate.of(2024, 3, 1), TODAY).closes()).containsExactly(12, 12.75);
    }

    @Test
    void intradayEachQuoteIsReadOnceSoEveryIndicatorSeesOnePrice() {
        ParquetMarketData data = ParquetMarketData.builder(store).intraday(live, AT_1545).build();
        for (int i = 0; i < 3; i++) {
            data.dailyBars(SPY, LocalDate.of(2024, 3, 1), TODAY);
            data.dailyBars(List.of(SPY, QQQ), LocalDate.of(2024, 3, 1), TODAY);
        }
        assertThat(live.quoteRequests).containsExactlyInAnyOrder(SPY, QQQ);
    }

    @Test
    void aRangeEndingBeforeTodayNeedsNoQuote() {
        ParquetMarketData data = ParquetMarketData.builder(store).intraday(live, AT_1545).build();
        BarSeries spy = data.dailyBars(SPY, LocalDate.of(2024, 3, 1), TODAY.minusDays(1));
        assertThat(spy.lastDate()).isEqualTo(LocalDate.of(2024, 3, 14));
        assertThat(live.quoteRequests).isEmpty();
    }

    @Test
    void aStaleQuoteIsNeverUsedAsTodaysPrice() {
        live.quotes.put(SPY, new Quote(SPY, new BigDecimal("505"), new BigDecimal("506"), null,
                Instant.parse("2024-03-14T19:59:00Z")));
        ParquetMarketData data = ParquetMarketData.builder(store).intraday(live, AT_1545).build();
        assertThatThrownBy(() -> data.dailyBars(SPY, TODAY, TODAY)).isInstanceOf(MarketDataException.class)
                .hasMessageContaining("SPY").hasMessageContaining("2024-03-14").hasMessageContaining("stale");
    }

    @Test
    void withoutIntradayNoLiveBarIsAdded() {
        ParquetMarketData data = ParquetMarketData.builder(store).quotes(live).build();
        assertThat(data.isIntraday()).isFalse();
        assertThat(data.dailyBars(SPY, LocalDate.of(2024, 3, 1), TODAY).lastDate()).isEqualTo(LocalDate.of(2024, 3, 14));
        assertThat(live.quoteRequests).isEmpty();
    }

    @Test
    void quotesComeFromTheLiveSourceOrAreAnError() {
        assertThat(ParquetMarketData.builder(store).quotes(live).build().latestQuote(SPY).bid())
                .isEqualByComparingTo("510.10");
        assertThatThrownBy(() -> ParquetMarketData.builder(store).build().latestQuote(SPY))
                .isInstanceOf(MarketDataException.class).hasMessageContaining("SPY")
                .hasMessageContaining("no live quote source");
    }

    @Test
    void anInvertedRangeIsRefused() {
        ParquetMarketData data = ParquetMarketData.builder(store).build();
        assertThatThrownBy(() -> data.dailyBars(SPY, TODAY, TODAY.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Passes everything to another backend; tests override what they observe. */
    private static class ForwardingStorage implements BlobStorage {
        private final BlobStorage delegate;

        ForwardingStorage(BlobStorage delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<byte[]> read(String key) {
            return delegate.read(key);
        }

        @Override
        public void write(String key, Content content) {
            delegate.write(key, content);
        }

        @Override
        public List<String> list(String prefix) {
            return delegate.list(prefix);
        }

        @Override
        public String locate(String key) {
            return delegate.locate(key);
        }
    }
}
