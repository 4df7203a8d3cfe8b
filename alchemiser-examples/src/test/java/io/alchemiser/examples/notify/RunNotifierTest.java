package io.alchemiser.examples.notify;

import static io.alchemiser.examples.notify.RunFixtures.AT;
import static io.alchemiser.examples.notify.RunFixtures.DATE;
import static io.alchemiser.examples.notify.RunFixtures.REJECTION;
import static io.alchemiser.examples.notify.RunFixtures.RUN;
import static io.alchemiser.examples.notify.RunFixtures.SCRIPT;
import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.event.DomainEvent;
import io.alchemiser.core.domain.event.RunCompleted;
import io.alchemiser.core.domain.event.RunFailed;
import io.alchemiser.core.domain.event.RunStarted;
import io.alchemiser.core.domain.event.RunSummary;
import io.alchemiser.core.domain.ledger.RunRecord;
import io.alchemiser.core.domain.ledger.RunStatus;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.domain.ledger.TradeStatus;
import io.alchemiser.core.port.Ledger;
import io.alchemiser.core.port.LedgerException;
import io.alchemiser.inmemory.InMemoryEventBus;
import io.alchemiser.inmemory.InMemoryLedger;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunNotifierTest {
    @TempDir
    Path dir;

    private final RecordingChannel channel = RecordingChannel.working("recording");

    private static void publish(RunNotifier notifier, List<DomainEvent> events) {
        InMemoryEventBus bus = new InMemoryEventBus();
        notifier.subscribe(bus);
        events.forEach(bus::publish);
    }

    @Test
    void aCompletedRunsSummaryNamesEveryTradeFillAndFailure() {
        publish(RunNotifier.builder().channel(channel).build(), RunFixtures.completedRun());

        RunNotification n = channel.only();
        assertThat(n.runId()).isEqualTo("run-2026-07-31");
        assertThat(n.subject()).isEqualTo("Alchemiser run-2026-07-31 completed: 3 trades, 1 failed");
        assertThat(n.attention()).isTrue();
        List<String> lines = n.text().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Run run-2026-07-31 (trading date 2026-07-31): COMPLETED");
        assertThat(n.text()).contains("Equity: $100,000.00 before, $101,000.00 after", "Trades (3, 1 failed):",
                "Fills (2):", "QQQ SELL 20 @ 480.10 (order run-2026-07-31.0-QQQ-S0", "SPY BUY 10 @ 551.70",
                "Failures (1):", "UVXY BUY (FAILED): " + REJECTION);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("SPY", "BUY", "10 / 10", "551.7000", "FILLED",
                "momentum 17.50%, " + SCRIPT + " 7.50%"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("UVXY", "BUY", "0 / 10", "-", "FAILED",
                SCRIPT + " 40.00%"));
    }

    @Test
    void aFilledTradeWithANoteIsNoFailureAndACompletedDayOfThemNeedsNoAttention() {
        String adopted = "recorded from the broker's orders after an interruption";
        TradeRecord spy = RunFixtures.trade(RUN, DATE, RunFixtures.SPY, Side.BUY, TradeStatus.FILLED, "10", "551.7000",
                Map.of("momentum", 0.25), adopted);
        RunSummary base = RunFixtures.summary(RUN, DATE, new BigDecimal("101000.00"), false);
        RunSummary summary = new RunSummary(RUN, DATE, false, base.portfolio(), base.plan(), List.of(spy),
                base.equityBefore(), base.equityAfter());
        publish(RunNotifier.builder().channel(channel).build(), List.of(
                new RunStarted("a1", RUN.value(), "a1", AT, DATE, false, List.of("momentum")),
                new RunCompleted("a2", RUN.value(), "a1", AT, summary)));

        RunNotification n = channel.only();
        assertThat(n.attention()).isFalse();
        assertThat(n.text()).contains("Trades (1, 0 failed):", "Failures:").doesNotContain("Failures (")
                .doesNotContain(adopted);
    }

    @Test
    void theHtmlCarriesTheSameContentWithEveryValueEscaped() {
        publish(RunNotifier.builder().channel(channel).build(), RunFixtures.completedRun());

        String html = channel.only().html();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<table", "<td>SPY</td>", "<td>551.7000</td>")
                .doesNotContain("<script>").doesNotContain("alert('x')")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; 7.50%")
                .contains("insufficient buying power &amp; no margin")
                .contains("P&amp;L since the last run");
        // Nothing but the template's own tags: strip the known tags and no '<' may remain.
        String stripped = html.replaceAll("</?(html|head|meta|title|body|h2|h3|p|ul|li|table|tr|th|td)( [^>]*)?>", "")
                .replace("<!DOCTYPE html>", "");
        assertThat(stripped).doesNotContain("<").doesNotContain(">");
    }

    @Test
    void pnlComparesEquityAfterThisRunWithEquityAfterThePreviousOne() {
        EquityHistory history = new EquityHistory(dir.resolve("equity.tsv"));
        history.record(new EquityHistory.Entry("run-2026-07-30", DATE.minusDays(1), new BigDecimal("100000.00"), AT));

        publish(RunNotifier.builder().channel(channel).equityHistory(history).build(), RunFixtures.completedRun());

        RunNotification n = channel.only();
        assertThat(n.text()).contains("P&L since the last run (run-2026-07-30, 2026-07-30): +$1,000.00 (+1.00%);"
                + " equity $101,000.00, was $100,000.00");
        assertThat(n.subject()).endsWith(", P&L +$1,000.00");
        assertThat(history.entries()).extracting(EquityHistory.Entry::runId)
                .containsExactly("run-2026-07-30", "run-2026-07-31");
        assertThat(history.entries().get(1).equity()).isEqualByComparingTo("101000.00");
    }

    @Test
    void aLossIsShownWithAMinusSign() {
        EquityHistory history = new EquityHistory(dir.resolve("equity.tsv"));
        history.record(new EquityHistory.Entry("run-2026-07-30", DATE.minusDays(1), new BigDecimal("102345.67"), AT));

        publish(RunNotifier.builder().channel(channel).equityHistory(history).build(), RunFixtures.completedRun());

        assertThat(channel.only().text()).contains(": -$1,345.67 (-1.31%); equity $101,000.00, was $102,345.67");
    }

    @Test
    void theFirstRunSaysThereIsNoPreviousRunAndTheNextRunComparesWithIt() {
        EquityHistory history = new EquityHistory(dir.resolve("equity.tsv"));
        RunNotifier notifier = RunNotifier.builder().channel(channel).equityHistory(history).build();

        publish(notifier, RunFixtures.completedRun());
        LocalDate next = DATE.plusDays(3);
        publish(notifier, RunFixtures.completedRun(RunId.forDate(next), next, new BigDecimal("100495.00"), false));

        assertThat(channel.sent.get(0).text())
                .contains("P&L since the last run: no previous run recorded; equity now $101,000.00");
        assertThat(channel.sent.get(1).text())
                .contains("P&L since the last run (run-2026-07-31, 2026-07-31): -$505.00 (-0.50%)");
    }

    @Test
    void withoutAnEquityHistoryThePnlLineSaysItIsNotTracked() {
        publish(RunNotifier.builder().channel(channel).build(), RunFixtures.completedRun());

        assertThat(channel.only().text()).contains("P&L since the last run: not tracked (no equity history configured)");
    }

    @Test
    void aDryRunListsItsPlanAndRecordsNoEquity() {
        EquityHistory history = new EquityHistory(dir.resolve("equity.tsv"));
        publish(RunNotifier.builder().channel(channel).equityHistory(history).build(),
                RunFixtures.completedRun(RUN, DATE, new BigDecimal("100000.00"), true));

        RunNotification n = channel.only();
        assertThat(n.subject()).isEqualTo("Alchemiser run-2026-07-31 dry run: 3 planned trades");
        assertThat(n.text()).contains("DRY RUN (nothing was sent to the broker)", "Planned trades (3, not sent):")
                .contains("Equity: $100,000.00 before\n");
        assertThat(n.text().lines()).anySatisfy(l -> assertThat(l).contains("UVXY", "BUY", "10", "40.00", "$400.00"));
        assertThat(history.entries()).isEmpty();
    }

    @Test
    void aFailedRunGivesTheReasonAndTheTradesTheLedgerHasForIt() {
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.appendTrade(RunFixtures.trade(RUN, DATE, RunFixtures.QQQ, Side.SELL, TradeStatus.FILLED, "20",
                "480.1000", Map.of("momentum", 0.0), null));
        publish(RunNotifier.builder().channel(channel).ledger(ledger)
                .equityHistory(new EquityHistory(dir.resolve("equity.tsv"))).build(),
                RunFixtures.failedRun("broker unreachable <after 3 tries>"));

        RunNotification n = channel.only();
        assertThat(n.subject()).isEqualTo("Alchemiser run-2026-07-31 FAILED: broker unreachable <after 3 tries>");
        assertThat(n.attention()).isTrue();
        assertThat(n.text()).contains("Run run-2026-07-31 (trading date 2026-07-31): FAILED",
                "Reason: broker unreachable <after 3 tries>", "Trades (1, 0 failed):",
                "QQQ SELL 20 @ 480.1000 average", "Failures (1):", "the run: broker unreachable",
                "P&L since the last run: not available (the run failed before reporting its equity)");
        assertThat(n.html()).contains("broker unreachable &lt;after 3 tries&gt;");
    }

    @Test
    void aFailedRunWhoseLedgerCannotBeReadIsStillReported() {
        RunNotifier notifier = RunNotifier.builder().channel(channel).ledger(new UnreadableLedger()).build();

        publish(notifier, RunFixtures.failedRun("data is stale"));

        assertThat(channel.only().text()).contains("Reason: data is stale")
                .contains("Note: the ledger could not be read: disk on fire");
    }

    /** A ledger whose reads fail, as a locked or corrupt database would. */
    private static final class UnreadableLedger implements Ledger {
        @Override
        public void appendTrade(TradeRecord trade) {
            throw new LedgerException("disk on fire");
        }

        @Override
        public void appendRun(RunRecord run) {
            throw new LedgerException("disk on fire");
        }

        @Override
        public List<TradeRecord> trades(RunId runId) {
            throw new LedgerException("disk on fire");
        }

        @Override
        public List<TradeRecord> tradesForSymbol(Symbol symbol) {
            throw new LedgerException("disk on fire");
        }

        @Override
        public List<TradeRecord> tradesSince(LocalDate date) {
            throw new LedgerException("disk on fire");
        }

        @Override
        public Optional<RunRecord> latestRun(RunId runId) {
            throw new LedgerException("disk on fire");
        }

        @Override
        public List<RunRecord> runHistory(RunId runId) {
            throw new LedgerException("disk on fire");
        }

        @Override
        public List<RunRecord> runs() {
            throw new LedgerException("disk on fire");
        }
    }

    @Test
    void theRunsNotesFragileDecisionsIncludedEndTheSummary() {
        List<DomainEvent> events = new java.util.ArrayList<>(RunFixtures.completedRun());
        io.alchemiser.core.domain.event.RunCompleted done = (io.alchemiser.core.domain.event.RunCompleted)
                events.remove(events.size() - 1);
        io.alchemiser.core.domain.event.RunSummary s = done.summary();
        events.add(new io.alchemiser.core.domain.event.RunCompleted(done.eventId(), done.correlationId(),
                done.causationId(), done.at(), new io.alchemiser.core.domain.event.RunSummary(s.runId(),
                        s.tradingDate(), false, s.portfolio(), s.plan(), s.trades(), s.equityBefore(), s.equityAfter(),
                        List.of("fragile decision in 'momentum': m.clj:2:3 if: rsi 70.2 > 70 [FRAGILE: 0.285% apart, "
                                + "margin 0.5%]"))));
        publish(RunNotifier.builder().channel(channel).build(), events);

        assertThat(channel.only().text()).contains("Notes (1):", "fragile decision in 'momentum'",
                "[FRAGILE: 0.285% apart, margin 0.5%]");
        assertThat(channel.only().html()).contains("<h3>Notes (1)</h3>");
    }

    @Test
    void aSummaryEveryChannelTookIsRecordedAsDeliveredSoARerunDoesNotSendItAgain() {
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.appendRun(RunRecord.status(RUN, 1, DATE, RunStatus.COMPLETED, AT, "done"));
        publish(RunNotifier.builder().channel(channel).ledger(ledger).build(), RunFixtures.completedRun());

        assertThat(ledger.latestRun(RUN)).get().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.REPORTED);
            assertThat(r.round()).isEqualTo(1);
            assertThat(r.message()).contains("recording");
        });
    }

    @Test
    void aSummaryAChannelFailedToTakeIsNotRecordedAsDelivered() {
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.appendRun(RunRecord.status(RUN, 0, DATE, RunStatus.COMPLETED, AT, "done"));
        publish(RunNotifier.builder().channel(channel)
                .channel(RecordingChannel.failing("smtp", new NotificationException("mail server down")))
                .ledger(ledger).build(), RunFixtures.completedRun());

        assertThat(ledger.runHistory(RUN)).extracting(RunRecord::status).doesNotContain(RunStatus.REPORTED);
    }

    @Test
    void aFailingChannelNeitherStopsTheOthersNorReachesThePublisher() {
        RecordingChannel first = RecordingChannel.working("first");
        RecordingChannel broken = RecordingChannel.failing("broken", new NotificationException("mail server down"));
        RecordingChannel crashing = RecordingChannel.failing("crashing", new IllegalStateException("bug"));
        RecordingChannel last = RecordingChannel.working("last");
        RunNotifier notifier = RunNotifier.builder().channel(first).channel(broken).channel(crashing).channel(last)
                .build();
        InMemoryEventBus bus = new InMemoryEventBus();
        notifier.subscribe(bus);

        RunFixtures.completedRun().forEach(bus::publish);

        assertThat(first.only().subject()).isEqualTo(last.only().subject());
        assertThat(bus.failureCount()).as("the notifier never throws into the bus").isZero();
    }

    @Test
    void theFileChannelWritesTheTextAndHtmlSummaries() throws Exception {
        Path folder = dir.resolve("summaries");
        FileChannel files = new FileChannel(folder);
        publish(RunNotifier.builder().channel(files).build(), RunFixtures.completedRun());

        assertThat(Files.readString(folder.resolve("summary-run-2026-07-31.txt")))
                .startsWith("Run run-2026-07-31 (trading date 2026-07-31): COMPLETED").contains(REJECTION);
        assertThat(Files.readString(folder.resolve("summary-run-2026-07-31.html"))).startsWith("<!DOCTYPE html>")
                .contains("insufficient buying power &amp; no margin");
        try (var listing = Files.list(folder)) {
            assertThat(listing).hasSize(2);
        }
    }

    @Test
    void aDryRunWritesSummariesOfItsOwnAndNeverReplacesTheRealRuns() throws Exception {
        Path folder = dir.resolve("summaries");
        FileChannel files = new FileChannel(folder);
        RunNotifier notifier = RunNotifier.builder().channel(files).build();
        publish(notifier, RunFixtures.completedRun());
        String real = Files.readString(folder.resolve("summary-run-2026-07-31.txt"));
        String realHtml = Files.readString(folder.resolve("summary-run-2026-07-31.html"));

        publish(notifier, RunFixtures.completedRun(RUN, DATE, new BigDecimal("100000.00"), true));

        assertThat(Files.readString(folder.resolve("summary-run-2026-07-31.txt"))).isEqualTo(real);
        assertThat(Files.readString(folder.resolve("summary-run-2026-07-31.html"))).isEqualTo(realHtml);
        assertThat(Files.readString(folder.resolve("summary-run-2026-07-31-dry-run.txt"))).contains("DRY RUN");
        assertThat(files.htmlFile("run-2026-07-31", true)).hasFileName("summary-run-2026-07-31-dry-run.html").exists();
        try (var listing = Files.list(folder)) {
            assertThat(listing).hasSize(4);
        }
    }

    @Test
    void controlCharactersFromTheRunNeverReachTheTextOrTheHtml() {
        String evil = "evil\u001b[2J\u001b]0;pwned\u0007\r\nFAKE LINE";
        publish(RunNotifier.builder().channel(channel).build(), List.of(
                new RunStarted("e1", "run-x", "e1", AT, DATE, false, List.of(evil)),
                new RunFailed("e2", "run-x", "e1", AT, "broker said: " + evil)));

        RunNotification n = channel.only();
        for (String part : List.of(n.subject(), n.text(), n.html())) {
            assertThat(part).doesNotContain("\u001b").doesNotContain("\u0007");
        }
        assertThat(n.subject() + n.text()).as("a value keeps to its line in plain text").doesNotContain("\r");
        assertThat(n.text()).contains("broker said: evil\uFFFD[2J\uFFFD]0;pwned\uFFFD FAKE LINE")
                .doesNotContain("\nFAKE LINE");
        assertThat(n.html()).contains("broker said: evil\uFFFD[2J\uFFFD]0;pwned\uFFFD");
    }

    @Test
    void withoutChannelsSummariesGoToTheLog() {
        RunNotifier notifier = RunNotifier.builder().build();

        assertThat(notifier.channels()).singleElement().isInstanceOf(LogChannel.class);
        publish(notifier, RunFixtures.completedRun());
    }

    @Test
    void eventsOfOtherRunsDoNotLeakIntoASummary() {
        RunNotifier notifier = RunNotifier.builder().channel(channel).build();
        InMemoryEventBus bus = new InMemoryEventBus();
        notifier.subscribe(bus);
        RunId other = new RunId("other-run");
        List<DomainEvent> otherRun = RunFixtures.completedRun(other, DATE, new BigDecimal("5.00"), false);

        bus.publish(otherRun.get(1));
        RunFixtures.completedRun().forEach(bus::publish);

        assertThat(channel.only().text()).contains("Fills (2):").doesNotContain("other-run");
    }
}
