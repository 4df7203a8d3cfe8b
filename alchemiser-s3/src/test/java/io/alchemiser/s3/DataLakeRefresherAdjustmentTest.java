package io.alchemiser.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.testing.TestCalendar;
import io.alchemiser.s3.model.Adjustment;
import io.alchemiser.s3.model.LakeBar;
import io.alchemiser.s3.model.RefreshReport;
import io.alchemiser.s3.model.SymbolOutcome;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The refresher's re-check window, adjustments, batching, market calendar and concurrent-writer detection. */
class DataLakeRefresherAdjustmentTest {
    private static final Symbol SPY = new Symbol("SPY");
    private static final Symbol QQQ = new Symbol("QQQ");
    private static final Symbol IWM = new Symbol("IWM");
    private static final Symbol XYZ = new Symbol("XYZ");
    private static final LocalDate MON = LocalDate.of(2024, 3, 4);
    private static final LocalDate WED = LocalDate.of(2024, 3, 6);
    private static final LocalDate THU = LocalDate.of(2024, 3, 7);
    private static final LocalDate FRI = LocalDate.of(2024, 3, 8);

    @TempDir
    Path dir;
    private ParquetBarStore store;
    private ScriptedPriceHistory source;

    @BeforeEach
    void setUp() {
        store = ParquetBarStore.local(dir);
        source = new ScriptedPriceHistory();
    }

    private DataLakeRefresher refresher() {
        return DataLakeRefresher.builder(store, source).historyStart(LocalDate.of(2024, 1, 1)).build();
    }

    /** Mon..Fri bars with every column, volume 1,000,000 + day index. */
    private static List<LakeBar> week(double... closes) {
        List<LakeBar> bars = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            BigDecimal c = BigDecimal.valueOf(closes[i]);
            bars.add(new LakeBar(MON.plusDays(i), c, c.add(BigDecimal.ONE), c.subtract(BigDecimal.ONE), c, c,
                    1_000_000L + i));
        }
        return bars;
    }

    /** The same bars as the source reports them after an adjustment of prices by {@code ratio} before {@code ex}. */
    private static List<LakeBar> adjusted(List<LakeBar> bars, LocalDate ex, double ratio, double volumeFactor) {
        List<LakeBar> out = new ArrayList<>();
        for (LakeBar b : bars) {
            out.add(b.date().isBefore(ex) ? b.rescaled(ratio, volumeFactor) : b);
        }
        return out;
    }

    @Test
    void theLastFiveStoredDaysAreFetchedAgainByDefault() {
        store.write(SPY, week(100, 101, 102));
        source.with(TestBars.series(SPY, week(100, 101, 102, 103, 104)));
        RefreshReport report = refresher().refresh(List.of(SPY), FRI);
        assertThat(source.barRequests).containsExactly("SPY 2024-03-04..2024-03-08");
        assertThat(report.fetched()).singleElement().satisfies(o -> {
            assertThat(o.detail()).isEqualTo("appended 2 bars 2024-03-07..2024-03-08");
            assertThat(o.adjustments()).isEmpty();
        });
    }

    @Test
    void anUpToDateSymbolIsReCheckedAndSkippedWhenNothingChanged() {
        store.write(SPY, week(100, 101, 102, 103, 104));
        source.with(TestBars.series(SPY, week(100, 101, 102, 103, 104)));
        RefreshReport report = DataLakeRefresher.builder(store, source).recheckDays(3).build()
                .refresh(List.of(SPY), FRI);
        assertThat(source.barRequests).containsExactly("SPY 2024-03-06..2024-03-08");
        assertThat(report.skipped()).singleElement().satisfies(o -> assertThat(o.detail())
                .isEqualTo("up to date through 2024-03-08; 3 days re-checked, no adjustment"));
    }

    @Test
    void aDividendTheVendorAppliedTheSameDayIsFoundOnAnUpToDateSymbol() {
        List<LakeBar> stored = week(100, 101, 102, 103, 104);
        store.write(SPY, stored);
        // The vendor re-adjusted every past day for a dividend going ex on Monday 11 March.
        source.with(TestBars.series(SPY, adjusted(stored, FRI.plusDays(3), 0.99, 1)));
        RefreshReport report = refresher().refresh(List.of(SPY), FRI);
        assertThat(report.fetched()).singleElement().satisfies(o -> {
            assertThat(o.bars()).isZero();
            assertThat(o.detail()).isEqualTo("no new bars; history rescaled: dividend through 2024-03-08: prices "
                    + "x0.990000");
        });
        assertThat(report.adjustments()).singleElement().satisfies(a -> {
            assertThat(a.symbol()).isEqualTo(SPY);
            assertThat(a.through()).isEqualTo(FRI);
            assertThat(a.kind()).isEqualTo(Adjustment.Kind.DIVIDEND);
            assertThat(a.ratio()).isCloseTo(0.99, org.assertj.core.data.Offset.offset(1e-12));
        });
        List<LakeBar> now = store.read(SPY);
        assertThat(now.get(0).adjClose()).isEqualByComparingTo("99");
        assertThat(now.get(0).close()).as("raw close kept").isEqualByComparingTo("100");
        assertThat(now).extracting(LakeBar::volume).as("a dividend leaves volumes")
                .containsExactly(1_000_000L, 1_000_001L, 1_000_002L, 1_000_003L, 1_000_004L);
        assertThat(report.describe()).contains("1 adjustment in")
                .contains("\n  adjusted SPY dividend through 2024-03-08: prices x0.990000");
    }

    @Test
    void aSplitAfterTheLastStoredDayRescalesPricesAndVolumesInversely() {
        List<LakeBar> stored = week(100, 102, 104);
        store.write(SPY, stored);
        List<LakeBar> vendor = new ArrayList<>(adjusted(stored, THU, 0.5, 2));
        vendor.addAll(week(9, 9, 9, 53, 54).subList(3, 5));
        source.with(TestBars.series(SPY, vendor));
        RefreshReport report = refresher().refresh(List.of(SPY), FRI);
        assertThat(report.adjustments()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Adjustment.Kind.SPLIT);
            assertThat(a.label()).isEqualTo("split 2:1");
            assertThat(a.through()).isEqualTo(WED);
            assertThat(a.volumeFactor()).isEqualTo(2);
        });
        List<LakeBar> now = store.read(SPY);
        assertThat(now).extracting(LakeBar::adjClose).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(bd(50), bd(51), bd(52), bd(53), bd(54));
        assertThat(now).extracting(LakeBar::volume)
                .containsExactly(2_000_000L, 2_000_002L, 2_000_004L, 1_000_003L, 1_000_004L);
    }

    @Test
    void aSplitInsideTheReCheckedDaysRescalesOnlyTheDaysBeforeIt() {
        // The lake already holds Thursday, stored after a 2:1 split that went ex on Thursday; the earlier days were
        // stored before it, and the vendor has since halved them.
        List<LakeBar> stored = new ArrayList<>(week(100, 102, 104));
        stored.add(week(9, 9, 9, 53).get(3));
        store.write(SPY, stored);
        List<LakeBar> vendor = new ArrayList<>(adjusted(stored, THU, 0.5, 2));
        vendor.add(week(9, 9, 9, 9, 54).get(4));
        source.with(TestBars.series(SPY, vendor));
        RefreshReport report = refresher().refresh(List.of(SPY), FRI);
        assertThat(report.adjustments()).singleElement().satisfies(a -> {
            assertThat(a.label()).isEqualTo("split 2:1");
            assertThat(a.through()).isEqualTo(WED);
        });
        assertThat(store.read(SPY)).extracting(LakeBar::volume)
                .containsExactly(2_000_000L, 2_000_002L, 2_000_004L, 1_000_003L, 1_000_004L);
    }

    @Test
    void aReverseSplitDividesVolumes() {
        List<LakeBar> stored = week(2, 2.1, 2.2);
        store.write(SPY, stored);
        source.with(TestBars.series(SPY, adjusted(stored, THU, 10, 0.1)));
        RefreshReport report = refresher().refresh(List.of(SPY), WED);
        assertThat(report.adjustments()).singleElement().satisfies(a -> {
            assertThat(a.label()).isEqualTo("reverse split 1:10");
            assertThat(a.toString()).isEqualTo("SPY reverse split 1:10 through 2024-03-06: prices x10.000000, "
                    + "volumes x0.100000");
        });
        assertThat(store.read(SPY)).extracting(LakeBar::volume).containsExactly(100_000L, 100_000L, 100_000L);
    }

    @Test
    void symbolsNeedingTheSameRangeShareOneBatchedCall() {
        for (Symbol s : List.of(SPY, QQQ, IWM)) {
            store.write(s, week(100, 101, 102, 103));
            source.with(TestBars.series(s, week(100, 101, 102, 103, 104)));
        }
        source.with(TestBars.series(XYZ, week(7, 8, 9, 10, 11)));
        RefreshReport report = refresher().refresh(List.of(SPY, QQQ, IWM, XYZ), FRI);
        assertThat(source.batchCalls).containsExactlyInAnyOrder("SPY,QQQ,IWM 2024-03-04..2024-03-08",
                "XYZ 2024-01-01..2024-03-08");
        assertThat(report.fetched()).hasSize(4);
        assertThat(report.outcomes()).extracting(SymbolOutcome::symbol).containsExactly(SPY, QQQ, IWM, XYZ);
    }

    @Test
    void batchesRespectTheBatchSize() {
        for (Symbol s : List.of(SPY, QQQ, IWM)) {
            store.write(s, week(100, 101, 102, 103));
            source.with(TestBars.series(s, week(100, 101, 102, 103, 104)));
        }
        DataLakeRefresher.builder(store, source).batchSize(2).parallelism(1).build()
                .refresh(List.of(SPY, QQQ, IWM), FRI);
        assertThat(source.batchCalls).containsExactly("SPY,QQQ 2024-03-04..2024-03-08", "IWM 2024-03-04..2024-03-08");
    }

    @Test
    void aSymbolThatFailsItsBatchIsIsolatedAndTheOthersAreFetched() {
        for (Symbol s : List.of(SPY, QQQ, IWM, XYZ)) {
            store.write(s, week(100, 101, 102, 103));
            source.with(TestBars.series(s, week(100, 101, 102, 103, 104)));
        }
        source.failures.put(XYZ, new MarketDataException("XYZ: no bars (delisted)"));
        RefreshReport report = refresher().refresh(List.of(SPY, QQQ, IWM, XYZ), FRI);
        assertThat(report.failed()).singleElement().satisfies(o -> {
            assertThat(o.symbol()).isEqualTo(XYZ);
            assertThat(o.detail()).isEqualTo("XYZ: no bars (delisted)");
        });
        assertThat(report.fetched()).extracting(SymbolOutcome::symbol).containsExactly(SPY, QQQ, IWM);
        assertThat(source.batchCalls).hasSize(5); // all 4, halves of 2, then IWM and XYZ alone
    }

    @Test
    void aSourceFailingEverythingFailsTheBatchWithoutOneRequestPerSymbol() {
        List<Symbol> all = List.of(SPY, QQQ, IWM, XYZ);
        for (Symbol s : all) {
            store.write(s, week(100, 101, 102, 103));
        }
        MarketDataException down = new MarketDataException("alpaca: HTTP 503 service unavailable");
        all.forEach(s -> source.failures.put(s, down));
        RefreshReport report = refresher().refresh(all, FRI);
        assertThat(report.failed()).hasSize(4).allSatisfy(o -> assertThat(o.detail()).isEqualTo(down.getMessage()));
        assertThat(source.batchCalls).hasSize(3);
    }

    @Test
    void withACalendarARefreshOnMondayReachesFridayAndSkipsAHoliday() {
        store.write(SPY, week(100, 101));
        source.with(TestBars.series(SPY, week(100, 101, 102, 103, 104)));
        // Monday 11 March, 10:00 New York; Friday 8 March is a holiday in this calendar.
        TestCalendar calendar = marketAt("2024-03-11T14:00:00Z", FRI);
        DataLakeRefresher r = DataLakeRefresher.builder(store, source).calendar(calendar).build();
        assertThat(r.lastClosedSession()).isEqualTo(THU);
        r.refresh(List.of(SPY));
        assertThat(source.barRequests).containsExactly("SPY 2024-03-04..2024-03-07");
    }

    @Test
    void withACalendarADayOnOrAfterTheMarketsTodayIsRefused() {
        TestCalendar calendar = marketAt("2024-03-08T22:00:00Z"); // Friday after the close
        DataLakeRefresher r = DataLakeRefresher.builder(store, source).calendar(calendar).build();
        assertThatThrownBy(() -> r.refresh(List.of(SPY), FRI)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("through 2024-03-08 is not before the market's today 2024-03-08: only sessions that have "
                        + "closed are stored");
        assertThat(source.barRequests).isEmpty();
    }

    @Test
    void withoutACalendarTheDefaultDayIsAnErrorNotTheMachinesDate() {
        assertThatThrownBy(() -> refresher().refresh(List.of(SPY))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no market calendar");
    }

    @Test
    void aWriterThatChangedTheFileDuringTheRefreshIsDetectedAndKept() {
        store.write(SPY, week(100, 101, 102));
        source.with(TestBars.series(SPY, week(100, 101, 102, 103, 104)));
        List<LakeBar> competitor = week(100, 101, 102, 103);
        AtomicBoolean raced = new AtomicBoolean();
        BlobStorage racing = new CrashingStorage(new LocalStorage(dir), Integer.MAX_VALUE) {
            @Override
            public void write(String key, Content content, Condition condition) {
                if (!condition.isNone() && raced.compareAndSet(false, true)) {
                    store.write(SPY, competitor); // another process refreshes SPY first
                }
                super.write(key, content, condition);
            }
        };
        RefreshReport report = DataLakeRefresher.builder(new ParquetBarStore(racing), source).build()
                .refresh(List.of(SPY), FRI);
        assertThat(report.failed()).singleElement().satisfies(o -> assertThat(o.detail())
                .contains("another writer").contains(dir.resolve("daily/symbol=SPY/bars.parquet").toString()));
        assertThat(TestBars.sameNumbers(store.read(SPY), competitor)).isTrue();
    }

    private static BigDecimal bd(double d) {
        return BigDecimal.valueOf(d);
    }

    /** The market calendar with its clock stopped at {@code instant}. */
    private static TestCalendar marketAt(String instant, LocalDate... holidays) {
        return new TestCalendar(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), holidays);
    }
}
