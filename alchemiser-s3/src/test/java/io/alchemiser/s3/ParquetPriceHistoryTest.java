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

class ParquetPriceHistoryTest {
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

    @BeforeEach
    void lake() {
        storage = new CrashingStorage(new LocalStorage(dir), Integer.MAX_VALUE);
        store = new ParquetBarStore(storage);
        store.write(SPY, TestBars.closes(LocalDate.of(2024, 3, 4), "500", "501", "502", "503", "504", "505", "506",
                "507", "508"));
        store.write(QQQ, TestBars.closes(LocalDate.of(2024, 3, 4), "430", "431", "432", "433", "434", "435", "436",
                "437", "438"));
    }

    @Test
    void barsComeFromTheLakeCutToTheRange() {
        ParquetPriceHistory data = ParquetPriceHistory.builder(store).build();
        BarSeries got = data.dailyBars(SPY, LocalDate.of(2024, 3, 6), LocalDate.of(2024, 3, 12));
        assertThat(got.bars()).extracting(DailyBar::date).containsExactly(LocalDate.of(2024, 3, 6),
                LocalDate.of(2024, 3, 7), LocalDate.of(2024, 3, 8), LocalDate.of(2024, 3, 11), LocalDate.of(2024, 3, 12));
        assertThat(got.closes()).containsExactly(502, 503, 504, 505, 506);
    }

    @Test
    void aHistoryThroughADateAnswersAsIfTheLakeEndedThere() {
        ParquetPriceHistory data = ParquetPriceHistory.builder(store).through(LocalDate.of(2024, 3, 7)).build();
        BarSeries got = data.dailyBars(SPY, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));
        assertThat(got.closes()).containsExactly(500, 501, 502, 503);
        assertThat(ParquetPriceHistory.builder(store).through(LocalDate.of(2024, 3, 1)).build()
                .dailyBars(SPY, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31)).isEmpty()).isTrue();
    }

    @Test
    void eachFileIsReadOncePerInstance() {
        ParquetPriceHistory data = ParquetPriceHistory.builder(store).build();
        data.dailyBars(SPY, LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 5));
        data.dailyBars(SPY, LocalDate.of(2024, 3, 6), LocalDate.of(2024, 3, 14));
        data.dailyBars(List.of(SPY, QQQ), LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 14));
        data.dailyBars(List.of(SPY, QQQ), LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 14));
        assertThat(storage.reads.get()).isEqualTo(2);
        ParquetPriceHistory nextRun = ParquetPriceHistory.builder(store).build();
        nextRun.dailyBars(SPY, LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 5));
        assertThat(storage.reads.get()).as("a new instance (the next run) reads afresh").isEqualTo(3);
    }

    @Test
    void severalSymbolsAreReadInParallel() {
        CyclicBarrier bothReading = new CyclicBarrier(2);
        BlobStorage rendezvous = new ForwardingStorage(new LocalStorage(dir)) {
            @Override
            public Optional<Versioned> readVersioned(String key) {
                try {
                    bothReading.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new AssertionError("the two files were not read at the same time", e);
                }
                return super.readVersioned(key);
            }
        };
        ParquetPriceHistory data = ParquetPriceHistory.builder(new ParquetBarStore(rendezvous)).parallelism(2).build();
        Map<Symbol, BarSeries> got = data.dailyBars(List.of(SPY, QQQ), LocalDate.of(2024, 3, 4), TODAY);
        assertThat(got).containsOnlyKeys(SPY, QQQ);
    }

    @Test
    void aBulkRequestNamesEverySymbolThatCannotBeLoaded() {
        ParquetPriceHistory data = ParquetPriceHistory.builder(store).build();
        assertThatThrownBy(() -> data.dailyBars(List.of(SPY, UVXY, new Symbol("NOPE")), TODAY, TODAY))
                .isInstanceOf(MarketDataException.class)
                .hasMessageContaining("2 symbols")
                .hasMessageContaining("no bars for UVXY")
                .hasMessageContaining("no bars for NOPE")
                .hasMessageContaining(dir.resolve("daily/symbol=UVXY/bars.parquet").toString());
    }

    @Test
    void anInvertedRangeIsRefused() {
        ParquetPriceHistory data = ParquetPriceHistory.builder(store).build();
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
        public Optional<Versioned> readVersioned(String key) {
            return delegate.readVersioned(key);
        }

        @Override
        public void write(String key, Content content, Condition condition) {
            delegate.write(key, content, condition);
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
