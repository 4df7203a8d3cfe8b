package io.alchemiser.core.application.run;

import io.alchemiser.core.application.execution.ExecutionContext;
import io.alchemiser.core.application.execution.StopSignal;
import io.alchemiser.core.application.execution.TwoPhaseExecutor;
import io.alchemiser.core.application.portfolio.PortfolioMerger;
import io.alchemiser.core.domain.Account;
import io.alchemiser.core.domain.MarketClock;
import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.event.Events;
import io.alchemiser.core.domain.event.RunCompleted;
import io.alchemiser.core.domain.event.RunFailed;
import io.alchemiser.core.domain.event.RunStarted;
import io.alchemiser.core.domain.event.RunSummary;
import io.alchemiser.core.domain.ledger.RunRecord;
import io.alchemiser.core.domain.ledger.RunStatus;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.domain.ledger.TradeStatus;
import io.alchemiser.core.domain.portfolio.RebalancePlan;
import io.alchemiser.core.domain.strategy.DecisionStep;
import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.core.port.AlchemiserException;
import io.alchemiser.core.port.BrokerException;
import io.alchemiser.core.port.LedgerException;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.Ports;
import io.alchemiser.core.port.SchedulerException;
import io.alchemiser.core.port.StrategyException;
import io.alchemiser.core.port.WeightedStrategy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One daily run: decide the day's target (evaluate every strategy in parallel and merge them), plan the trades from
 * the broker's positions, execute sells then buys, record, publish — under one correlation id (the run id), which
 * is also in the logging MDC as {@value #MDC_KEY}.
 *
 * <p><b>The broker is the source of truth.</b> "Today" is the broker's date ({@link MarketClock#today()}); a run
 * that would place orders needs that date as its trading date, the market open, and its close more than
 * {@link RunSettings#orderCutoff()} away; another date is only a dry run. Before any order the account's standing is
 * checked. A run executes in rounds: a rerun the same day (after a crash, a signal, an outage, or a round that left
 * trades unfilled) first reconciles with the broker by client order id (cancels what is still open, records what the
 * ledger missed), keeps the day's target decided by the first round, and plans only the residual from the actual
 * positions, above the minimum trade. A round is complete only when every planned trade has a definitive broker
 * answer (filled, cancelled by us, or rejected); an unreachable broker is "unknown", never "failed", and leaves the
 * run resumable. A completed run is never traded again; if its summary was not delivered, it is published again.
 *
 * <p><b>Errors.</b> A run fails for a reason it can name ({@link RunFailure}): the failure is recorded in the ledger,
 * published as {@link RunFailed}, and thrown as {@link RunFailedException}. Anything else — a bug — is recorded and
 * published too, then rethrown as it is (with any recording failure suppressed in it), never dressed up as bad input.
 *
 * <p>{@link #stop(String)} (from a signal handler) stops placing orders, lets walking orders be cancelled, records the
 * round as interrupted and ends the run with {@link RunFailure.Interrupted}.
 */
public final class DailyRun {
    public static final String MDC_KEY = "correlationId";
    private static final Logger log = LoggerFactory.getLogger(DailyRun.class);

    private final List<WeightedStrategy> strategies;
    private final Ports ports;
    private final RunSettings settings;
    private final TwoPhaseExecutor executor;
    private final DayPlanner planner;
    private final Reconciler reconciler;
    private final StopSignal stop = new StopSignal();

    public DailyRun(List<WeightedStrategy> strategies, Ports ports, RunSettings settings) {
        this.strategies = List.copyOf(strategies);
        this.ports = Objects.requireNonNull(ports, "ports");
        this.settings = Objects.requireNonNull(settings, "settings");
        Map<String, Double> allocations = new LinkedHashMap<>();
        for (WeightedStrategy s : this.strategies) {
            if (allocations.put(s.strategy().name(), s.allocation()) != null) {
                throw new IllegalArgumentException("two strategies are named '" + s.strategy().name() + "'");
            }
        }
        PortfolioMerger.checkAllocations(allocations);
        this.executor = new TwoPhaseExecutor(ports, settings.execution());
        this.planner = new DayPlanner(this.strategies, ports, settings);
        this.reconciler = new Reconciler(ports.broker(), ports.clock(), settings.execution().cancelWait());
    }

    /**
     * Asks a run in progress (or about to start) to stop: no new order is placed, walking orders are cancelled, the
     * round is recorded as interrupted. Safe from any thread, e.g. a shutdown hook.
     */
    public void stop(String reason) {
        stop.stop(reason);
    }

    /** What a round knows while it runs. */
    private static final class Round {
        int number;
        boolean recording;
        boolean ordersStarted;
        final List<String> notes = new ArrayList<>();
    }

    /**
     * Runs (or resumes) the run {@code runId} for {@code tradingDate}.
     *
     * @throws RunFailedException when the run cannot go on; {@link RunFailedException#failure()} says why and
     *                            {@link RunFailedException#beforeOrders()} whether this round placed any order
     */
    public RunSummary run(LocalDate tradingDate, RunId runId, boolean dryRun) {
        String previousMdc = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, runId.value());
        String started = Events.newId();
        RunJournal journal = new RunJournal(ports.ledger(), runId, tradingDate, ports.clock());
        Round round = new Round();
        try {
            return runRound(tradingDate, runId, dryRun, started, journal, round);
        } catch (RunFailedException e) {
            failed(journal, round, runId, started, e.failure(), e);
            throw e;
        } catch (AlchemiserException e) {
            RunFailedException failure = new RunFailedException(runId, translate(e), !round.ordersStarted, e);
            failed(journal, round, runId, started, failure.failure(), failure);
            throw failure;
        } catch (RuntimeException | Error bug) {
            log.error("run stopped by an internal error", bug);
            if (round.recording) {
                try {
                    journal.status(round.number, RunStatus.FAILED, "internal error: " + bug);
                } catch (RuntimeException recording) {
                    bug.addSuppressed(recording);
                }
            }
            ports.events().publish(new RunFailed(Events.newId(), runId.value(), started, ports.clock().instant(),
                    "internal error: " + bug, "InternalError", round.ordersStarted));
            throw bug;
        } finally {
            if (previousMdc == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previousMdc);
            }
        }
    }

    private RunSummary runRound(LocalDate tradingDate, RunId runId, boolean dryRun, String started, RunJournal journal,
            Round round) {
        MarketClock clock = ports.calendar().clock();
        if (!dryRun && !tradingDate.equals(clock.today())) {
            throw new RunFailedException(runId, new RunFailure.NotToday(tradingDate, clock.today()), true, null);
        }
        RunJournal.History history = journal.history();
        if (!dryRun && history.completed()) {
            return completedEarlier(runId, tradingDate, history, started);
        }
        round.number = history.nextRound();
        ports.events().publish(new RunStarted(started, runId.value(), started, ports.clock().instant(), tradingDate,
                dryRun, strategies.stream().map(s -> s.strategy().name()).toList()));
        if (!dryRun) {
            checkWindow(clock, runId);
            journal.status(round.number, RunStatus.STARTED, round.number == 0 ? "started" : "round " + round.number
                    + " started: reconciling with the broker before trading the residual");
            round.recording = true;
            round.notes.addAll(preflight(runId));
            if (!history.isEmpty()) {
                Reconciler.Outcome reconciled = reconciler.reconcile(runId, tradingDate, history,
                        history.decision().map(RunRecord::portfolio).orElse(null));
                reconciled.adopted().forEach(journal::trade);
                round.notes.addAll(reconciled.notes());
            }
        }
        DayPlanner.Target target = planner.target(tradingDate, runId, started, clock,
                dryRun ? Optional.empty() : history.decision());
        DayPlanner.Decision decision = planner.plan(target, runId, started);
        round.notes.addAll(decision.notes());
        round.notes.addAll(fragile(decision.evaluations()));
        if (dryRun) {
            log.info("dry run: stopping after the plan ({} sells, {} buys)", decision.plan().sells().size(),
                    decision.plan().buys().size());
            RunSummary summary = new RunSummary(runId, tradingDate, true, decision.portfolio(), decision.plan(), List.of(),
                    decision.equityBefore(), decision.equityBefore(), round.notes);
            ports.events().publish(new RunCompleted(Events.newId(), runId.value(), started, ports.clock().instant(),
                    summary));
            return summary;
        }
        journal.decided(round.number, RunStatus.PLANNED, decision.plan().sells().size() + " sells, "
                + decision.plan().buys().size() + " buys", decision);
        interruptIfStopped(runId, true);
        ExecutionContext ctx = new ExecutionContext(runId, round.number, tradingDate, decision.plannedEventId(),
                decision.portfolio(), textPaths(decision.evaluations()), settings.rebalance().minTradeDollars(), stop);
        round.ordersStarted = !decision.plan().isEmpty();
        List<TradeRecord> trades = new ArrayList<>(executor.sells(decision.plan(), ctx));
        interruptIfStopped(runId, false);
        journal.decided(round.number, RunStatus.SELLS_DONE, "sells terminal", decision);
        trades.addAll(executor.buys(decision.plan(), ctx));
        interruptIfStopped(runId, false);
        List<TradeRecord> open = notDone(trades, decision, runId);
        if (!open.isEmpty()) {
            throw new RunFailedException(runId, new RunFailure.Incomplete(open), false, null);
        }
        journal.decided(round.number, RunStatus.COMPLETED, trades.size() + " trades in round " + round.number, decision);
        RunSummary summary = summary(runId, tradingDate, history, decision, round.notes);
        ports.events().publish(new RunCompleted(Events.newId(), runId.value(), started, ports.clock().instant(), summary));
        log.info("run complete: {} trades this round, {} failed", trades.size(),
                trades.stream().filter(t -> t.status() == TradeStatus.FAILED).count());
        return summary;
    }

    /**
     * The trades a rerun must come back for: every trade the broker did not confirm, and every trade that ended short
     * (unfilled, partly filled) where a rerun would still trade that symbol on that side — not one that ended short
     * because the cash ran out (a market buy sized to the broker's collar) or because the rest is below the minimum
     * trade.
     */
    private List<TradeRecord> notDone(List<TradeRecord> trades, DayPlanner.Decision decision, RunId runId) {
        List<TradeRecord> unknown = trades.stream().filter(t -> t.status() == TradeStatus.UNKNOWN).toList();
        List<TradeRecord> shortOnes = trades.stream().filter(t -> t.status() == TradeStatus.UNFILLED
                || t.status() == TradeStatus.PARTIALLY_FILLED).toList();
        if (!unknown.isEmpty() || shortOnes.isEmpty()) {
            List<TradeRecord> out = new ArrayList<>(unknown);
            out.addAll(shortOnes);
            return out;
        }
        RebalancePlan residual = planner.residual(decision.portfolio(), runId);
        return shortOnes.stream().filter(t -> residual.trade(t.symbol()).filter(r -> r.side() == t.side()).isPresent())
                .toList();
    }

    private void interruptIfStopped(RunId runId, boolean beforeOrders) {
        if (stop.isStopped()) {
            throw new RunFailedException(runId, new RunFailure.Interrupted(stop.reason()), beforeOrders, null);
        }
    }

    /** Orders only while the market is open and the close is more than the cutoff away. */
    private void checkWindow(MarketClock clock, RunId runId) {
        Instant now = clock.timestamp();
        if (!clock.open() || !now.isBefore(clock.nextClose().minus(settings.orderCutoff()))) {
            throw new RunFailedException(runId, new RunFailure.OutsideTradingWindow(now, clock.open(), clock.nextOpen(),
                    clock.nextClose(), settings.orderCutoff()), true, null);
        }
    }

    /** The account's standing: a blocked account stops the run; a pattern-day-trader flag is a note. */
    private List<String> preflight(RunId runId) {
        Account account = ports.broker().account();
        List<String> problems = account.standing().problems();
        if (!problems.isEmpty()) {
            throw new RunFailedException(runId, new RunFailure.AccountBlocked(problems), true, null);
        }
        List<String> notes = new ArrayList<>();
        if (account.standing().patternDayTrader() && account.equity().compareTo(new BigDecimal("25000")) < 0) {
            notes.add("the account is flagged as a pattern day trader with less than $25,000 of equity: the broker "
                    + "refuses day trades (buying and selling one symbol the same day)");
        }
        return notes;
    }

    private RunSummary completedEarlier(RunId runId, LocalDate date, RunJournal.History history, String started) {
        log.info("{} completed earlier; nothing to trade", runId);
        RunRecord first = history.decision().orElseThrow(
                () -> new IllegalStateException(runId + " is recorded as completed without a plan"));
        RunRecord last = history.latestPlan().orElse(first);
        RunSummary summary = new RunSummary(runId, date, false, first.portfolio(), last.plan(), history.trades(),
                first.plan().equity(), ports.broker().account().equity(), List.of());
        if (!history.reported()) {
            log.info("{}: its summary was never delivered; publishing it again", runId);
            ports.events().publish(new RunCompleted(Events.newId(), runId.value(), started, ports.clock().instant(),
                    summary));
        }
        return summary;
    }

    private RunSummary summary(RunId runId, LocalDate date, RunJournal.History history, DayPlanner.Decision decision,
            List<String> notes) {
        BigDecimal before = history.decision().map(r -> r.plan().equity()).orElse(decision.equityBefore());
        return new RunSummary(runId, date, false, decision.portfolio(), decision.plan(), ports.ledger().trades(runId),
                before, ports.broker().account().equity(), notes);
    }

    /** Records and publishes a failure the run can name; a recording failure is kept as suppressed. */
    private void failed(RunJournal journal, Round round, RunId runId, String started, RunFailure failure,
            RunFailedException e) {
        log.error("run stopped: {}", failure.message());
        if (round.recording) {
            RunStatus status = failure instanceof RunFailure.Interrupted ? RunStatus.INTERRUPTED
                    : failure.resumable() && round.ordersStarted ? RunStatus.INCOMPLETE : RunStatus.FAILED;
            try {
                journal.status(round.number, status, failure.message());
            } catch (RuntimeException recording) {
                e.addSuppressed(recording);
            }
        }
        ports.events().publish(new RunFailed(Events.newId(), runId.value(), started, ports.clock().instant(),
                failure.message(), failure.getClass().getSimpleName(), failure.resumable()));
    }

    /** The project's own exceptions, named. */
    private static RunFailure translate(AlchemiserException e) {
        if (e instanceof BrokerException b) {
            return b.retryable() ? new RunFailure.BrokerUnreachable("complete a broker call", b.getMessage())
                    : new RunFailure.BrokerRefused(b.getMessage());
        }
        if (e instanceof SchedulerException) {
            return new RunFailure.BrokerUnreachable("read the market calendar or clock", e.getMessage());
        }
        if (e instanceof MarketDataException) {
            return new RunFailure.MissingData(e.getMessage());
        }
        if (e instanceof LedgerException) {
            return new RunFailure.LedgerUnavailable(e.getMessage());
        }
        if (e instanceof StrategyException s) {
            return new RunFailure.EvaluationFailed(Map.of("?", s));
        }
        return new RunFailure.Other(e.getMessage());
    }

    /** A note per fragile decision: where a live price a little off the close could have decided otherwise. */
    private static List<String> fragile(List<StrategyResult> results) {
        List<String> out = new ArrayList<>();
        for (StrategyResult r : results) {
            r.decisionPath().stream().filter(DecisionStep::isFragile)
                    .forEach(step -> out.add("fragile decision in '" + r.strategy() + "': " + step));
        }
        return out;
    }

    private static Map<String, List<String>> textPaths(List<StrategyResult> results) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (StrategyResult r : results) {
            out.put(r.strategy(), r.decisionPath().stream().map(DecisionStep::toString).toList());
        }
        return out;
    }
}
