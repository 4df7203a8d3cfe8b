package io.alchemiser.examples.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EquityHistoryTest {
    private static final Instant AT = Instant.parse("2026-07-31T20:00:00Z");

    @TempDir
    Path dir;

    private static EquityHistory.Entry entry(String run, String date, String equity) {
        return new EquityHistory.Entry(run, LocalDate.parse(date), new BigDecimal(equity), AT);
    }

    @Test
    void noFileMeansNoPreviousRun() {
        EquityHistory history = new EquityHistory(dir.resolve("none.tsv"));

        assertThat(history.entries()).isEmpty();
        assertThat(history.previous("run-2026-07-31", LocalDate.of(2026, 7, 31))).isEmpty();
    }

    @Test
    void thePreviousRunIsTheLatestOtherRunOnOrBeforeTheDate() {
        EquityHistory history = new EquityHistory(dir.resolve("sub/equity.tsv"));
        history.record(entry("run-2026-07-28", "2026-07-28", "100"));
        history.record(entry("run-2026-07-30", "2026-07-30", "105"));
        history.record(entry("run-2026-07-29", "2026-07-29", "103"));
        history.record(entry("run-2026-07-31", "2026-07-31", "110"));

        assertThat(history.previous("run-2026-07-31", LocalDate.of(2026, 7, 31))).get()
                .extracting(EquityHistory.Entry::runId).isEqualTo("run-2026-07-30");
        assertThat(history.previous("run-2026-07-30", LocalDate.of(2026, 7, 30))).get()
                .extracting(EquityHistory.Entry::runId).isEqualTo("run-2026-07-29");
        assertThat(history.previous("run-2026-07-28", LocalDate.of(2026, 7, 28))).isEmpty();
    }

    @Test
    void aRerunComparesWithTheRunBeforeNotWithItself() {
        EquityHistory history = new EquityHistory(dir.resolve("equity.tsv"));
        history.record(entry("run-2026-07-30", "2026-07-30", "100"));
        history.record(entry("run-2026-07-31", "2026-07-31", "110"));
        history.record(entry("run-2026-07-31", "2026-07-31", "111"));

        assertThat(history.previous("run-2026-07-31", LocalDate.of(2026, 7, 31))).get()
                .extracting(EquityHistory.Entry::equity).isEqualTo(new BigDecimal("100"));
    }

    @Test
    void twoRunsOfOneDateCompareWithTheLastRecorded() {
        EquityHistory history = new EquityHistory(dir.resolve("equity.tsv"));
        history.record(entry("morning", "2026-07-31", "100"));
        history.record(entry("noon", "2026-07-31", "101"));

        assertThat(history.previous("evening", LocalDate.of(2026, 7, 31))).get()
                .extracting(EquityHistory.Entry::runId).isEqualTo("noon");
    }

    @Test
    void theFileIsReadableTextAndBadLinesAreSkipped() throws Exception {
        Path file = dir.resolve("equity.tsv");
        EquityHistory history = new EquityHistory(file);
        history.record(entry("run-2026-07-30", "2026-07-30", "100000.50"));
        Files.writeString(file, Files.readString(file) + "garbage line\nrun-x\t2026-13-01\t1\t" + AT + "\n\n");
        history.record(entry("run-2026-07-31", "2026-07-31", "1E+5"));

        assertThat(Files.readAllLines(file)).startsWith("# runId\ttradingDate\tequity\trecordedAt",
                "run-2026-07-30\t2026-07-30\t100000.50\t2026-07-31T20:00:00Z");
        assertThat(history.entries()).extracting(EquityHistory.Entry::runId)
                .containsExactly("run-2026-07-30", "run-2026-07-31");
        assertThat(history.entries().get(1).equity()).isEqualByComparingTo("100000");
    }

    @Test
    void theHistoryOfALedgerLivesBesideIt() {
        assertThat(EquityHistory.besideLedger(Path.of("ledger", "alchemiser")).file())
                .isEqualTo(Path.of("ledger", "alchemiser-equity.tsv"));
    }

    @Test
    void aRunIdMustBeOneWord() {
        assertThatThrownBy(() -> entry("two\twords", "2026-07-31", "1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
