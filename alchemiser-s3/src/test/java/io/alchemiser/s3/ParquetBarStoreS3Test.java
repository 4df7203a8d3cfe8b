package io.alchemiser.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.s3.model.DataLakeException;
import io.alchemiser.s3.model.LakeBar;
import io.alchemiser.s3.model.RefreshReport;
import io.alchemiser.s3.model.SymbolOutcome;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** The store, the market data and the refresher on S3 (s3proxy on loopback). */
class ParquetBarStoreS3Test {
    private static final Symbol SPY = new Symbol("SPY");
    private static final Symbol QQQ = new Symbol("QQQ");
    private static final LocalDate START = LocalDate.of(2024, 1, 2);
    private static S3ProxyServer server;
    private String bucket;
    private ParquetBarStore store;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.shared();
    }

    @BeforeEach
    void open() {
        bucket = server.newBucket();
        store = ParquetBarStore.s3(server.settings(bucket, "prod/lake"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void barsRoundTripThroughS3UnderThePrefix() {
        List<LakeBar> bars = TestBars.full(START, 250, 100.0);
        store.write(SPY, bars);
        assertThat(TestBars.sameNumbers(store.read(SPY), bars)).isTrue();
        assertThat(objectKeys()).containsExactly("prod/lake/daily/symbol=SPY/bars.parquet");
        assertThat(store.locationOf(SPY)).isEqualTo("s3://" + bucket + "/prod/lake/daily/symbol=SPY/bars.parquet");
        assertThat(store.symbols()).containsExactly(SPY);
    }

    @Test
    void aCorruptObjectIsAnErrorNamingTheSymbolAndTheKey() {
        store.write(SPY, TestBars.closes(START, "1", "2"));
        byte[] good = server.client().getObjectAsBytes(b -> b.bucket(bucket)
                .key("prod/lake/daily/symbol=SPY/bars.parquet")).asByteArray();
        server.client().putObject(b -> b.bucket(bucket).key("prod/lake/daily/symbol=SPY/bars.parquet"),
                RequestBody.fromBytes(Arrays.copyOf(good, good.length / 2)));
        assertThatThrownBy(() -> store.read(SPY)).isInstanceOf(DataLakeException.class)
                .hasMessageContaining("corrupt bar file for SPY at s3://" + bucket
                        + "/prod/lake/daily/symbol=SPY/bars.parquet");
    }

    @Test
    void aCrashMidRefreshLeavesTheOldObjectIntact() {
        store.write(SPY, TestBars.closes(START, "10", "11", "12"));
        store.write(QQQ, TestBars.closes(START, "20", "21", "22"));
        byte[] before = object("prod/lake/daily/symbol=SPY/bars.parquet");
        CrashingStorage crashing = new CrashingStorage(store.storage(), 200)
                .crashOn(ParquetBarStore.keyOf(SPY));
        ScriptedPriceHistory source = new ScriptedPriceHistory()
                .with(TestBars.series(SPY, TestBars.closes(START, "10", "11", "12", "13", "14")))
                .with(TestBars.series(QQQ, TestBars.closes(START, "20", "21", "22", "23", "24")));
        RefreshReport report = DataLakeRefresher.builder(new ParquetBarStore(crashing), source).build()
                .refresh(List.of(SPY, QQQ), LocalDate.of(2024, 1, 8));

        assertThat(report.failed()).extracting(SymbolOutcome::symbol).containsExactly(SPY);
        assertThat(report.failed().get(0).detail()).contains("injected crash");
        assertThat(report.fetched()).extracting(SymbolOutcome::symbol).containsExactly(QQQ);
        assertThat(crashing.bytesWrittenBeforeCrash.get()).isEqualTo(200);
        assertThat(object("prod/lake/daily/symbol=SPY/bars.parquet")).isEqualTo(before);
        assertThat(store.read(SPY)).hasSize(3);
        assertThat(store.read(QQQ)).hasSize(5);
        assertThat(objectKeys()).noneMatch(k -> k.contains("/."));
    }

    @Test
    void marketDataReadsTheLakeFromS3InParallel() {
        for (String s : new String[] {"SPY", "QQQ", "TQQQ", "UVXY", "BIL"}) {
            store.write(new Symbol(s), TestBars.full(START, 40, 50.0));
        }
        ParquetPriceHistory data = ParquetPriceHistory.builder(store).parallelism(4).build();
        List<Symbol> symbols = List.of(new Symbol("SPY"), new Symbol("QQQ"), new Symbol("TQQQ"), new Symbol("UVXY"),
                new Symbol("BIL"));
        java.util.Map<Symbol, BarSeries> got = data.dailyBars(symbols, START, START.plusDays(100));
        assertThat(got).containsOnlyKeys(symbols);
        assertThat(got.values()).allSatisfy(series -> assertThat(series.size()).isEqualTo(40));
    }

    private byte[] object(String key) {
        return server.client().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    private List<String> objectKeys() {
        return server.client().listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                .map(o -> o.key()).collect(Collectors.toList());
    }
}
