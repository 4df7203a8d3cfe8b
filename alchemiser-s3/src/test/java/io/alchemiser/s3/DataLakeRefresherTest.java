package io.alchemiser.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.Strategy;
import io.alchemiser.core.testing.TestCalendar;
import io.alchemiser.core.testing.TestStrategy;
import io.alchemiser.s3.model.LakeBar;
import io.alchemiser.s3.model.ProgressListener;
import io.alchemiser.s3.model.RefreshReport;
import io.alchemiser.s3.model.SymbolOutcome;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLakeRefresherTest {
    private static final Symbol SPY = new Symbol("SPY");
    private static final Symbol QQQ = new Symbol("QQQ");
    private static final Symbol TQQQ = new Symbol("TQQQ");
    private static final LocalDate MON = LocalDate.of(2024, 3, 4);
    private static final LocalDate FRI = LocalDate.of(2024, 3, 8);

    @TempDir
    Path dir;
    private ParquetBarStore store;
    private ScriptedPriceHistory source;

    @BeforeEach
    void setUp() {
        store = ParquetBarStore.local(dir);
        source = new ScriptedPriceHistory()
                .with(TestBars.series(SPY, TestBars.closes(MON, "500", "501", "502", "503", "504")))
                .with(TestBars.series(QQQ, TestBars.closes(MON, "430", "431", "432", "433", "434")));
    }

    private DataLakeRefresher refresher() {
        return DataLakeRefresher.builder(store, source).historyStart(LocalDate.of(2024, 1, 1)).build();
    }

    @Test
    void aNewSymbolIsFetchedFromTheHistoryStart() {
        RefreshReport report = refresher().refresh(List.of(SPY), FRI);
        assertThat(source.barRequests).containsExactly("SPY 2024-01-01..2024-03-08");
        assertThat(report.fetched()).singleElement().satisfies(o -> {
            assertThat(o.bars()).isEqualTo(5);
            assertThat(o.detail()).isEqualTo("created with 5 bars 2024-03-04..2024-03-08");
        });
        assertThat(store.readSeries(SPY).closes()).containsExactly(500, 501, 502, 503, 504);
    }

    @Test
    void onlyTheMissingDaysAreFetchedWithTheLastStoredDayAsOverlap() {
        store.write(SPY, TestBars.closes(MON, "500", "501", "502"));
        RefreshReport report = DataLakeRefresher.builder(store, source).historyStart(LocalDate.of(2024, 1, 1))
                .recheckDays(1).build().refresh(List.of(SPY), FRI);
        assertThat(source.barRequests).containsExactly("SPY 2024-03-06..2024-03-08");
        assertThat(report.fetched()).singleElement().satisfies(o -> {
            assertThat(o.bars()).isEqualTo(2);
            assertThat(o.detail()).isEqualTo("appended 2 bars 2024-03-07..2024-03-08");
        });
        assertThat(store.readSeries(SPY).closes()).containsExactly(500, 501, 502, 503, 504);
    }

    @Test
    void withoutRecheckAnUpToDateSymbolIsSkippedWithoutAskingTheSource() {
        store.write(SPY, TestBars.closes(MON, "500", "501", "502", "503", "504"));
        RefreshReport report = DataLakeRefresher.builder(store, source).recheckDays(0).build()
                .refresh(List.of(SPY), FRI);
        assertThat(source.barRequests).isEmpty();
        assertThat(report.skipped()).singleElement().satisfies(
                o -> assertThat(o.detail()).isEqualTo("up to date through 2024-03-08"));
    }

    @Test
    void aSourceWithNothingNewerIsSkipped() {
        store.write(SPY, TestBars.closes(MON, "500", "501", "502", "503", "504"));
        RefreshReport report = refresher().refresh(List.of(SPY), LocalDate.of(2024, 3, 10));
        assertThat(report.skipped()).singleElement().satisfies(
                o -> assertThat(o.detail()).contains("no bars after 2024-03-08"));
    }

    @Test
    void aReAdjustedHistoryIsRescaledOntoTheSourcesScale() {
        store.write(SPY, List.of(
                new LakeBar(MON, null, null, null, new BigDecimal("1000"), new BigDecimal("1000"), null),
                new LakeBar(MON.plusDays(1), null, null, null, new BigDecimal("1002"), new BigDecimal("1002"), null)));
        // A 2:1 split after Tuesday: the source now reports Tuesday at half the price.
        source.with(TestBars.series(SPY, TestBars.closes(MON, "500", "501", "503")));
        RefreshReport report = refresher().refresh(List.of(SPY), LocalDate.of(2024, 3, 6));
        assertThat(report.fetched()).singleElement().satisfies(o -> assertThat(o.detail())
                .isEqualTo("appended 1 bars 2024-03-06..2024-03-06; history rescaled: split 2:1 through "
                        + "2024-03-05: prices x0.500000, volumes x2"));
        List<LakeBar> bars = store.read(SPY);
        assertThat(bars).extracting(LakeBar::adjClose).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("500"), new BigDecimal("501"), new BigDecimal("503"));
        assertThat(bars.get(0).close()).as("the raw close is not adjusted").isEqualByComparingTo("1000");
    }

    @Test
    void aTinyDifferenceOnTheOverlapIsNotAnAdjustment() {
        store.write(SPY, TestBars.closes(MON, "500.0000001"));
        RefreshReport report = refresher().refresh(List.of(SPY), LocalDate.of(2024, 3, 5));
        assertThat(report.fetched().get(0).detail()).doesNotContain("rescaled");
        assertThat(store.read(SPY).get(0).adjClose()).isEqualByComparingTo("500.0000001");
    }

    @Test
    void aFailingSourceFailsThatSymbolOnlyAndLeavesItsFile() throws Exception {
        store.write(SPY, TestBars.closes(MON, "500", "501"));
        byte[] before = Files.readAllBytes(dir.resolve("daily/symbol=SPY/bars.parquet"));
        source.failures.put(SPY, new MarketDataException("alpaca: HTTP 429 too many requests for SPY"));
        RefreshReport report = refresher().refresh(List.of(SPY, QQQ, TQQQ), FRI);
        assertThat(report.failed()).extracting(SymbolOutcome::symbol).containsExactly(SPY, TQQQ);
        assertThat(report.failed().get(0).detail()).isEqualTo("alpaca: HTTP 429 too many requests for SPY");
        assertThat(report.failed().get(1).detail()).contains("knows nothing about TQQQ");
        assertThat(report.fetched()).extracting(SymbolOutcome::symbol).containsExactly(QQQ);
        assertThat(report.succeeded()).isFalse();
        assertThat(Files.readAllBytes(dir.resolve("daily/symbol=SPY/bars.parquet"))).isEqualTo(before);
        assertThat(report.summary()).startsWith("3 symbols: 1 fetched (5 bars), 0 skipped, 2 failed in ");
    }

    @Test
    void aCorruptStoredFileFailsAndIsNotOverwritten() throws Exception {
        Files.createDirectories(dir.resolve("daily/symbol=SPY"));
        Files.write(dir.resolve("daily/symbol=SPY/bars.parquet"), new byte[] {'P', 'A', 'R', '1', 0, 0});
        RefreshReport report = refresher().refresh(List.of(SPY), FRI);
        assertThat(report.failed()).singleElement().satisfies(o -> assertThat(o.detail())
                .contains("corrupt bar file for SPY").contains(dir.resolve("daily/symbol=SPY/bars.parquet").toString()));
        assertThat(Files.readAllBytes(dir.resolve("daily/symbol=SPY/bars.parquet"))).hasSize(6);
        assertThat(source.barRequests).isEmpty();
    }

    @Test
    void aCrashMidRefreshLeavesTheOldFileIntactAndNoTemporary() throws Exception {
        store.write(SPY, TestBars.closes(MON, "500", "501", "502"));
        store.write(QQQ, TestBars.closes(MON, "430", "431", "432"));
        Path spyFile = dir.resolve("daily/symbol=SPY/bars.parquet");
        byte[] before = Files.readAllBytes(spyFile);
        List<LakeBar> oldBars = store.read(SPY);
        CrashingStorage crashing = new CrashingStorage(new LocalStorage(dir), 300).crashOn(ParquetBarStore.keyOf(SPY));

        RefreshReport report = DataLakeRefresher.builder(new ParquetBarStore(crashing), source).build()
                .refresh(List.of(SPY, QQQ), FRI);

        assertThat(report.failed()).singleElement().satisfies(o -> {
            assertThat(o.symbol()).isEqualTo(SPY);
            assertThat(o.detail()).contains("injected crash after 300 bytes").contains(spyFile.toString());
        });
        assertThat(crashing.bytesWrittenBeforeCrash.get()).as("the crash came mid-file").isEqualTo(300);
        assertThat(Files.readAllBytes(spyFile)).isEqualTo(before);
        assertThat(store.read(SPY)).isEqualTo(oldBars);
        assertThat(store.read(QQQ)).hasSize(5);
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).collect(Collectors.toList()))
                    .noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void progressHearsEverySymbolInTurn() {
        List<String> events = new ArrayList<>();
        ProgressListener recorder = new ProgressListener() {
            @Override
            public void started(String task, int total) {
                events.add("started " + task + " " + total);
            }

            @Override
            public void advanced(SymbolOutcome outcome, int done, int total) {
                events.add(done + "/" + total + " " + outcome.status());
            }

            @Override
            public void finished(RefreshReport report) {
                events.add("finished " + report.outcomes().size());
            }
        };
        DataLakeRefresher.builder(store, source).parallelism(2).progress(recorder).build()
                .refresh(List.of(SPY, QQQ, TQQQ), FRI);
        assertThat(events).hasSize(5);
        assertThat(events.get(0)).isEqualTo("started refresh 3");
        assertThat(events.subList(1, 4)).extracting(e -> e.substring(0, 4)).containsExactly("1/3 ", "2/3 ", "3/3 ");
        assertThat(events.get(4)).isEqualTo("finished 3");
    }

    @Test
    void theReportKeepsTheSymbolsOrderAndDropsDuplicates() {
        RefreshReport report = refresher().refresh(List.of(QQQ, SPY, QQQ), FRI);
        assertThat(report.outcomes()).extracting(SymbolOutcome::symbol).containsExactly(QQQ, SPY);
    }

    @Test
    void byDefaultTheRefreshReachesTheLastSessionBeforeTheMarketClocksToday() {
        // 01:30 UTC on Saturday 9 March is still Friday evening in New York: the session before is Thursday's.
        TestCalendar calendar = marketAt("2024-03-09T01:30:00Z");
        DataLakeRefresher.builder(store, source).calendar(calendar).historyStart(MON).build().refresh(List.of(SPY));
        assertThat(source.barRequests).containsExactly("SPY 2024-03-04..2024-03-07");
    }

    @Test
    void theSymbolsComeFromTheStrategies() {
        Strategy first = strategy("one", Set.of(SPY, new Symbol("UVXY")));
        Strategy second = strategy("two", Set.of(QQQ, SPY, Symbol.of("BRK/B")));
        assertThat(DataLakeRefresher.symbolsOf(List.of(first, second))).extracting(Symbol::value)
                .containsExactly("BRK.B", "QQQ", "SPY", "UVXY");
        source.with(TestBars.series(new Symbol("UVXY"), TestBars.closes(MON, "9")));
        RefreshReport report = DataLakeRefresher.builder(store, source).historyStart(LocalDate.of(2024, 1, 1))
                .calendar(marketAt("2024-03-11T15:00:00Z")).build()
                .refreshStrategies(List.of(first));
        assertThat(report.outcomes()).extracting(SymbolOutcome::symbol).containsExactly(SPY, new Symbol("UVXY"));
    }

    private static Strategy strategy(String name, Set<Symbol> symbols) {
        return TestStrategy.of(name, (session, date) -> {
            throw new UnsupportedOperationException("the refresher never evaluates");
        }, symbols.stream().map(Symbol::value).toArray(String[]::new));
    }

    /** The market calendar with its clock stopped at {@code instant}. */
    private static TestCalendar marketAt(String instant, LocalDate... holidays) {
        return new TestCalendar(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), holidays);
    }
}
