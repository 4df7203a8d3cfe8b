package io.alchemiser.examples.ledger;

import static io.alchemiser.examples.ledger.LedgerFixtures.AT;
import static io.alchemiser.examples.ledger.LedgerFixtures.DATE;
import static io.alchemiser.examples.ledger.LedgerFixtures.RUN;
import static io.alchemiser.examples.ledger.LedgerFixtures.SPY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.ledger.RunRecord;
import io.alchemiser.core.domain.ledger.RunStatus;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.domain.ledger.TradeStatus;
import io.alchemiser.core.port.LedgerException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcLedgerTest {
    @TempDir
    Path dir;

    private static final AtomicInteger MEMORY_DBS = new AtomicInteger();

    private static JdbcLedger memory() {
        return new JdbcLedger("jdbc:h2:mem:jdbc-ledger-test-" + MEMORY_DBS.incrementAndGet());
    }

    @Test
    void aTradeReadsBackEqualToWhatWasAppendedDecimalScalesIncluded() {
        TradeRecord sent = LedgerFixtures.richTrade();
        Path file = dir.resolve("ledger");
        try (JdbcLedger ledger = JdbcLedger.openFile(file)) {
            ledger.appendTrade(sent);
        }
        try (JdbcLedger reopened = JdbcLedger.openFile(file)) {
            TradeRecord got = reopened.trades(RUN).get(0);
            assertThat(got).isEqualTo(sent);
            assertThat(got.filledQuantity().scale()).isEqualTo(-1);
            assertThat(got.averageFillPrice().toString()).isEqualTo("151.7000");
            assertThat(got.attribution().keySet()).containsExactly("zeta momentum", "alpha <script>");
            assertThat(got.recordedAt()).isEqualTo(AT);
        }
    }

    @Test
    void aRunRecordKeepsItsPortfolioPlanAndEvaluationsExactly() {
        RunRecord sent = LedgerFixtures.plannedRun();
        Path file = dir.resolve("ledger");
        try (JdbcLedger ledger = JdbcLedger.openFile(file)) {
            ledger.appendRun(sent);
        }
        try (JdbcLedger reopened = JdbcLedger.openFile(file)) {
            RunRecord got = reopened.latestRun(RUN).orElseThrow();
            assertThat(got).isEqualTo(sent);
            assertThat(got.plan().cashReserve().toString()).isEqualTo("1E+3");
            assertThat(got.plan().buys().get(0).quantity().toString()).isEqualTo("0.123456789");
            assertThat(got.portfolio().contributors(SPY).keySet()).containsExactly("zeta", "alpha");
            assertThat(got.evaluations().get(0).decisionPath().get(0).values())
                    .containsEntry("nan", Double.NaN).containsEntry("negative zero", -0.0)
                    .containsEntry("tiny", 4.9e-324);
        }
    }

    @Test
    void aRecordWithoutPortfolioOrPlanReadsBackWithout() {
        try (JdbcLedger ledger = memory()) {
            RunRecord failed = new RunRecord(RUN, 0, DATE, RunStatus.FAILED, AT, null, null, null, null);
            ledger.appendRun(failed);

            RunRecord got = ledger.latestRun(RUN).orElseThrow();
            assertThat(got).isEqualTo(failed);
            assertThat(got.message()).isEmpty();
            assertThat(got.plan()).isNull();
            assertThat(got.evaluations()).isEmpty();
        }
    }

    @Test
    void aDuplicateTradeNamesTheDatabaseTheOperationAndTheKey() {
        try (JdbcLedger ledger = memory()) {
            TradeRecord trade = LedgerFixtures.trade(RUN, DATE, SPY, Side.BUY, TradeStatus.FILLED);
            ledger.appendTrade(trade);

            assertThatThrownBy(() -> ledger.appendTrade(trade)).isInstanceOf(LedgerException.class)
                    .hasMessageContaining(ledger.database()).hasMessageContaining("appendTrade")
                    .hasMessageContaining("run-2026-07-31/0/SPY/BUY is already recorded");
        }
    }

    @Test
    void worksInMemoryWithTheSameBehaviour() {
        try (JdbcLedger ledger = memory()) {
            ledger.appendTrade(LedgerFixtures.trade(RUN, DATE, SPY, Side.SELL, TradeStatus.FAILED));
            assertThat(ledger.tradesForSymbol(SPY)).singleElement()
                    .satisfies(t -> assertThat(t.reason()).contains("insufficient buying power"));
            assertThat(ledger.database()).startsWith("jdbc:h2:mem:");
        }
    }

    @Test
    void runsOfOneTradingDateListTheLatestAppendedFirst() {
        try (JdbcLedger ledger = memory()) {
            RunId morning = new RunId("morning");
            RunId evening = new RunId("evening");
            ledger.appendRun(LedgerFixtures.run(evening, DATE, RunStatus.STARTED, AT));
            ledger.appendRun(LedgerFixtures.run(morning, DATE, RunStatus.STARTED, AT));
            ledger.appendRun(LedgerFixtures.run(evening, DATE, RunStatus.COMPLETED, AT.plusSeconds(5)));

            assertThat(ledger.runs()).extracting(RunRecord::runId).containsExactly(evening, morning);
        }
    }

    @Test
    void aNewFileGetsEverySchemaVersionRecorded() throws Exception {
        Path file = dir.resolve("nested/dirs/ledger");
        JdbcLedger.openFile(file).close();

        assertThat(Files.exists(dir.resolve("nested/dirs/ledger.mv.db"))).isTrue();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + file);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT VERSION, DESCRIPTION FROM LEDGER_SCHEMA ORDER BY VERSION")) {
            for (int version = 1; version <= LedgerSchema.CURRENT_VERSION; version++) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(version);
            }
            assertThat(rs.next()).as("one row per version").isFalse();
        }
    }

    @Test
    void aVersionOneDatabaseMigratesKeepingItsRowsAsRoundZero() throws Exception {
        Path file = dir.resolve("old");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + file)) {
            LedgerSchema.migrate(c, AT, 1);
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO TRADES (RUN_ID, TRADING_DATE, SYMBOL, SIDE, STATUS, PLANNED_QUANTITY,"
                        + " FILLED_QUANTITY, CLIENT_ORDER_ID, ATTEMPTS, RECORDED_AT, ATTRIBUTION_JSON, DECISION_PATH_JSON)"
                        + " VALUES ('run-2026-07-31', DATE '2026-07-31', 'SPY', 'BUY', 'UNFILLED', '10', '0',"
                        + " 'run-2026-07-31-SPY-B0', 1, TIMESTAMP WITH TIME ZONE '2026-07-31 19:50:00+00', '{}', '[]')");
            }
        }
        try (JdbcLedger ledger = JdbcLedger.openFile(file)) {
            assertThat(ledger.trades(RUN)).singleElement().satisfies(t -> {
                assertThat(t.round()).isZero();
                assertThat(t.symbol()).isEqualTo(SPY);
            });
            ledger.appendTrade(LedgerFixtures.trade(RUN, DATE, SPY, Side.BUY, TradeStatus.FILLED, 1));
            assertThat(ledger.trades(RUN)).extracting(TradeRecord::round).containsExactly(0, 1);
        }
    }

    @Test
    void reopeningDoesNotReapplyTheSchemaOrLoseRows() throws Exception {
        Path file = dir.resolve("ledger");
        try (JdbcLedger ledger = JdbcLedger.openFile(file)) {
            ledger.appendTrade(LedgerFixtures.richTrade());
        }
        JdbcLedger.openFile(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + file);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM LEDGER_SCHEMA), (SELECT COUNT(*) FROM TRADES)")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(LedgerSchema.CURRENT_VERSION);
            assertThat(rs.getInt(2)).isEqualTo(1);
        }
    }

    @Test
    void aDatabaseFromANewerBuildIsRefused() throws Exception {
        Path file = dir.resolve("ledger");
        JdbcLedger.openFile(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + file); Statement st = c.createStatement()) {
            st.execute("INSERT INTO LEDGER_SCHEMA VALUES (99, CURRENT_TIMESTAMP, 'from the future')");
        }

        assertThatThrownBy(() -> JdbcLedger.openFile(file)).isInstanceOf(LedgerException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("schema version 99")
                .hasMessageContaining("newer");
    }

    @Test
    void aRowThatNoLongerMakesARecordIsReportedWithTheOperation() throws Exception {
        Path file = dir.resolve("ledger");
        try (JdbcLedger ledger = JdbcLedger.openFile(file)) {
            ledger.appendTrade(LedgerFixtures.trade(RUN, DATE, SPY, Side.BUY, TradeStatus.FILLED));
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + file); Statement st = c.createStatement()) {
            st.execute("UPDATE TRADES SET STATUS = 'EXPLODED'"); // a hand edit; the ledger itself never updates
        }
        try (JdbcLedger ledger = JdbcLedger.openFile(file)) {
            assertThatThrownBy(() -> ledger.trades(RUN)).isInstanceOf(LedgerException.class)
                    .hasMessageContaining("trades(run-2026-07-31)").hasMessageContaining("unreadable record")
                    .hasMessageContaining("EXPLODED");
        }
    }

    @Test
    void aClosedLedgerRefusesWorkAndSaysWhichOperation() {
        JdbcLedger ledger = memory();
        ledger.close();
        ledger.close();

        assertThatThrownBy(() -> ledger.runs()).isInstanceOf(LedgerException.class)
                .hasMessageContaining("jdbc:h2:mem:").hasMessageContaining("runs()").hasMessageContaining("closed");
    }

    @Test
    void aReaderOpensOnlyALedgerThatExists() {
        Path file = dir.resolve("ledger");
        assertThatThrownBy(() -> JdbcLedger.openExistingFile(file)).isInstanceOf(LedgerException.class)
                .hasMessageContaining("no ledger database at " + dir.resolve("ledger.mv.db"));
        assertThat(Files.exists(dir.resolve("ledger.mv.db"))).as("nothing created").isFalse();

        try (JdbcLedger writer = JdbcLedger.openFile(file)) {
            writer.appendTrade(LedgerFixtures.richTrade());
        }
        try (JdbcLedger reader = JdbcLedger.openExistingFile(file)) {
            assertThat(reader.trades(RUN)).containsExactly(LedgerFixtures.richTrade());
            assertThat(reader.database()).isEqualTo("jdbc:h2:file:" + file);
        }
    }

    @Test
    void anOpenErrorNamesTheDatabaseButNeverItsOptions() {
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> new JdbcLedger("jdbc:h2:file:" + missing + ";IFEXISTS=TRUE;PASSWORD=hunter2"))
                .isInstanceOf(LedgerException.class)
                .hasMessageStartingWith("ledger jdbc:h2:file:" + missing + ": cannot open the database")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void anAppendSurvivesTheProcessEndingAbruptlyRightAfterItReturns() throws Exception {
        Path file = dir.resolve("crash/ledger");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                LedgerCrashProbe.class.getName(), file.toString()).redirectErrorStream(true).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("probe finished").isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as("probe halted after appending: " + output)
                .isEqualTo(LedgerCrashProbe.HALTED);

        try (JdbcLedger reopened = JdbcLedger.openFile(file)) {
            assertThat(reopened.trades(RUN)).containsExactly(LedgerFixtures.richTrade());
            assertThat(reopened.latestRun(RUN)).contains(LedgerFixtures.plannedRun());
        }
    }
}
