package io.alchemiser.core.application.run;

import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.ledger.RunRecord;
import io.alchemiser.core.domain.ledger.RunStatus;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.port.Ledger;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A run's record in the ledger: what earlier rounds of the day did (read once, as {@link History}) and the state
 * changes of the current round (appended as they happen). The ledger is append-only; this class only adds to it.
 */
final class RunJournal {
    private final Ledger ledger;
    private final RunId runId;
    private final LocalDate tradingDate;
    private final Clock clock;

    RunJournal(Ledger ledger, RunId runId, LocalDate tradingDate, Clock clock) {
        this.ledger = ledger;
        this.runId = runId;
        this.tradingDate = tradingDate;
        this.clock = clock;
    }

    /** What the ledger says about the run before this round. */
    record History(List<RunRecord> records, List<TradeRecord> trades) {
        boolean completed() {
            return records.stream().anyMatch(r -> r.status() == RunStatus.COMPLETED);
        }

        boolean reported() {
            return records.stream().anyMatch(r -> r.status() == RunStatus.REPORTED);
        }

        /** The round to run next: one past the highest recorded (0 for a run never started). */
        int nextRound() {
            return records.stream().mapToInt(RunRecord::round).max().orElse(-1) + 1;
        }

        boolean isEmpty() {
            return records.isEmpty();
        }

        /** The day's decision: the first planned record (its portfolio is the target every round keeps). */
        Optional<RunRecord> decision() {
            return records.stream().filter(r -> r.portfolio() != null).findFirst();
        }

        /** The latest record carrying a plan. */
        Optional<RunRecord> latestPlan() {
            return records.stream().filter(r -> r.plan() != null).reduce((a, b) -> b);
        }
    }

    History history() {
        return new History(ledger.runHistory(runId), ledger.trades(runId));
    }

    void status(int round, RunStatus status, String message) {
        ledger.appendRun(RunRecord.status(runId, round, tradingDate, status, clock.instant(), message));
    }

    void decided(int round, RunStatus status, String message, DayPlanner.Decision d) {
        ledger.appendRun(new RunRecord(runId, round, tradingDate, status, clock.instant(), message, d.portfolio(),
                d.plan(), d.evaluations(), d.sleeves()));
    }

    void trade(TradeRecord trade) {
        ledger.appendTrade(trade);
    }
}
