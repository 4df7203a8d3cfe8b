package io.alchemiser.core.application.run;

import io.alchemiser.core.application.execution.ExecutionContext;
import io.alchemiser.core.application.execution.TwoPhaseExecutor;
import io.alchemiser.core.application.portfolio.PortfolioMerger;
import io.alchemiser.core.application.portfolio.RebalancePlanner;
import io.alchemiser.core.domain.Account;
import io.alchemiser.core.domain.Asset;
import io.alchemiser.core.domain.Position;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.event.Events;
import io.alchemiser.core.domain.event.PortfolioMerged;
import io.alchemiser.core.domain.event.RebalancePlanned;
import io.alchemiser.core.domain.event.RunCompleted;
import io.alchemiser.core.domain.event.RunFailed;
import io.alchemiser.core.domain.event.RunStarted;
import io.alchemiser.core.domain.event.RunSummary;
import io.alchemiser.core.domain.event.StrategyEvaluated;
import io.alchemiser.core.domain.ledger.RunRecord;
import io.alchemiser.core.domain.ledger.RunStatus;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.domain.portfolio.MergedPortfolio;
import io.alchemiser.core.domain.portfolio.RebalancePlan;
import io.alchemiser.core.domain.portfolio.StrategyAllocation;
import io.alchemiser.core.domain.strategy.DecisionStep;
import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.core.port.Broker;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.core.port.EventBus;
import io.alchemiser.core.port.Ledger;
import io.alchemiser.core.port.Ports;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.core.port.Quotes;
import io.alchemiser.core.port.Scheduler;
import io.alchemiser.core.port.WeightedStrategy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One daily run: evaluate every strategy (in parallel) → merge → plan → execute sells then buys → record →
 * publish, all under one correlation id (the run id), which is also in the logging MDC as
 * {@value #MDC_KEY}.
 *
 * <p>Strategies are evaluated as of {@code tradingDate}'s close when the data has it (after the close, or with
 * today's live price appended), else as of the previous trading day's close.
 *
 * <p>Safety: if any strategy fails to evaluate, the market is closed, or the data is stale, the run fails
 * before any order is placed. A dry run stops after the plan and records nothing. A run whose ledger history
 * holds a plan but no completion was interrupted: running it again resumes with the recorded plan and places
 * only the orders that are missing. A completed run is not traded again.
 */
public final class DailyRun {
    public static final String MDC_KEY = "correlationId";
    private static final Logger log = LoggerFactory.getLogger(DailyRun.class);

    private final List<WeightedStrategy> strategies;
    private final PriceHistory history;
    private final Quotes quotes;
    private final Broker broker;
    private final Ledger ledger;
    private final EventBus events;
    private final Scheduler calendar;
    private final RunSettings settings;
    private final Clock clock;
    private final TwoPhaseExecutor executor;

    public DailyRun(List<WeightedStrategy> strategies, Ports ports, RunSettings settings) {
        this.strategies = List.copyOf(strategies);
        this.history = ports.priceHistory();
        this.quotes = ports.quotes();
        this.broker = ports.broker();
        this.ledger = ports.ledger();
        this.events = ports.events();
        this.calendar = ports.calendar();
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = ports.clock();
        this.executor = new TwoPhaseExecutor(ports, settings.execution());
        Map<String, Double> allocations = new LinkedHashMap<>();
        for (WeightedStrategy s : this.strategies) {
            if (allocations.put(s.strategy().name(), s.allocation()) != null) {
                throw new IllegalArgumentException("two strategies are named '" + s.strategy().name() + "'");
            }
        }
        PortfolioMerger.checkAllocations(allocations);
    }

    /**
     * Runs (or resumes) the run {@code runId} for {@code tradingDate}.
     *
     * @throws RunFailedException when the run cannot go on; {@link RunFailedException#beforeOrders()} says
     *                            whether any order could have been placed
     */
    public RunSummary run(LocalDate tradingDate, RunId runId, boolean dryRun) {
        String previousMdc = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, runId.value());
        String started = Events.newId();
        boolean ordersStarted = false;
        try {
            List<RunRecord> history = ledger.runHistory(runId);
            if (!dryRun && history.stream().anyMatch(r -> r.status() == RunStatus.COMPLETED)) {
                log.info("{} completed earlier; nothing to do", runId);
                return summaryFromLedger(runId, tradingDate, history);
            }
            Optional<RunRecord> planned = dryRun ? Optional.empty()
                    : history.stream().filter(r -> r.plan() != null).reduce((a, b) -> b);
            events.publish(new RunStarted(started, runId.value(), started, clock.instant(), tradingDate, dryRun,
                    strategies.stream().map(s -> s.strategy().name()).toList()));
            Decision decision = planned.isPresent() ? resume(planned.get()) : decide(tradingDate, runId, dryRun, started);
            if (dryRun) {
                log.info("dry run: stopping after the plan ({} sells, {} buys)", decision.plan.sells().size(),
                        decision.plan.buys().size());
                RunSummary summary = new RunSummary(runId, tradingDate, true, decision.portfolio, decision.plan, List.of(),
                        decision.equityBefore, decision.equityBefore);
                events.publish(new RunCompleted(Events.newId(), runId.value(), started, clock.instant(), summary));
                return summary;
            }
            ordersStarted = true;
            ExecutionContext ctx = new ExecutionContext(runId, tradingDate, decision.plannedEventId, decision.portfolio,
                    textPaths(decision.evaluations));
            List<TradeRecord> trades = new ArrayList<>(executor.sells(decision.plan, ctx));
            append(runId, tradingDate, RunStatus.SELLS_DONE, "sells terminal", decision);
            trades.addAll(executor.buys(decision.plan, ctx));
            append(runId, tradingDate, RunStatus.COMPLETED, trades.size() + " trades", decision);
            RunSummary summary = new RunSummary(runId, tradingDate, false, decision.portfolio, decision.plan, trades,
                    decision.equityBefore, broker.account().equity());
            events.publish(new RunCompleted(Events.newId(), runId.value(), started, clock.instant(), summary));
            log.info("run complete: {} trades, {} failed", trades.size(), summary.failedCount());
            return summary;
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            log.error("run failed: {}", reason);
            if (!dryRun) {
                ledger.appendRun(new RunRecord(runId, tradingDate, RunStatus.FAILED, clock.instant(), reason, null, null));
            }
            events.publish(new RunFailed(Events.newId(), runId.value(), started, clock.instant(), reason));
            throw e instanceof RunFailedException rf ? rf : new RunFailedException(runId, reason, !ordersStarted, e);
        } finally {
            if (previousMdc == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previousMdc);
            }
        }
    }

    /** What a run decided: the evaluations, the merged portfolio and the plan. */
    private record Decision(List<StrategyResult> evaluations, MergedPortfolio portfolio, RebalancePlan plan,
            BigDecimal equityBefore, String plannedEventId) {
    }

    private Decision decide(LocalDate tradingDate, RunId runId, boolean dryRun, String started) {
        if (calendar.session(tradingDate).isEmpty()) {
            if (!dryRun) {
                throw new IllegalStateException("the market is closed on " + tradingDate + "; no orders placed");
            }
            log.warn("the market is closed on {}; planning anyway because this is a dry run", tradingDate);
        }
        if (!dryRun) {
            ledger.appendRun(new RunRecord(runId, tradingDate, RunStatus.STARTED, clock.instant(), "started", null, null));
        }
        TreeSet<Symbol> symbols = new TreeSet<>();
        strategies.forEach(s -> symbols.addAll(s.strategy().symbols()));
        LocalDate close = DataFreshness.check(symbols, history, calendar, tradingDate);
        if (!close.equals(tradingDate)) {
            log.info("today's bars are not in the data: evaluating as of the close of {} (intraday live prices "
                    + "would let today's price count)", close);
        }
        List<StrategyResult> results = ParallelEvaluation.evaluate(strategies, EvaluationSession.open(history, close),
                close, settings.evaluationThreads());
        List<StrategyAllocation> allocations = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            StrategyResult r = results.get(i);
            events.publish(new StrategyEvaluated(Events.newId(), runId.value(), started, clock.instant(), r.strategy(),
                    r.weights(), r.decisionPath()));
            log.info("strategy '{}' → {}", r.strategy(), r.weights());
            allocations.add(new StrategyAllocation(r.strategy(), strategies.get(i).allocation(), r.weights()));
        }
        MergedPortfolio portfolio = new PortfolioMerger().merge(allocations);
        String merged = Events.newId();
        events.publish(new PortfolioMerged(merged, runId.value(), started, clock.instant(), portfolio));

        Account account = broker.account();
        List<Position> positions = broker.positions();
        TreeSet<Symbol> universe = new TreeSet<>(portfolio.weights().bySymbol().keySet());
        positions.forEach(p -> universe.add(p.symbol()));
        Map<Symbol, Asset> assets = new TreeMap<>();
        Map<Symbol, BigDecimal> prices = new TreeMap<>();
        for (Symbol s : universe) {
            assets.put(s, broker.asset(s));
            if (portfolio.weights().weight(s) > 0) {
                prices.put(s, referencePrice(s));
            }
        }
        RebalancePlan plan = new RebalancePlanner(settings.rebalance()).plan(portfolio.weights(), account, positions,
                assets, prices);
        String plannedId = Events.newId();
        events.publish(new RebalancePlanned(plannedId, runId.value(), merged, clock.instant(), plan));
        plan.notes().forEach(n -> log.info("plan: {}", n));
        Decision decision = new Decision(results, portfolio, plan, account.equity(), plannedId);
        if (!dryRun) {
            append(runId, tradingDate, RunStatus.PLANNED, plan.sells().size() + " sells, " + plan.buys().size() + " buys",
                    decision);
        }
        return decision;
    }

    private Decision resume(RunRecord planned) {
        log.info("resuming {} from its recorded plan ({} at {})", planned.runId(), planned.status(), planned.at());
        return new Decision(planned.evaluations(), planned.portfolio(), planned.plan(), planned.plan().equity(),
                Events.newId());
    }

    private BigDecimal referencePrice(Symbol symbol) {
        Quote quote = quotes.latestQuote(symbol);
        BigDecimal price = quote.referencePrice();
        if (price == null) {
            throw new IllegalStateException(symbol + ": the quote has no price; cannot size its trade");
        }
        return price;
    }

    private void append(RunId runId, LocalDate date, RunStatus status, String message, Decision d) {
        ledger.appendRun(new RunRecord(runId, date, status, clock.instant(), message, d.portfolio, d.plan, d.evaluations));
    }

    private RunSummary summaryFromLedger(RunId runId, LocalDate date, List<RunRecord> history) {
        RunRecord done = history.stream().filter(r -> r.plan() != null).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException(runId + " is recorded as completed without a plan"));
        Account now = broker.account();
        return new RunSummary(runId, date, false, done.portfolio(), done.plan(), ledger.trades(runId),
                done.plan().equity(), now.equity());
    }

    private static Map<String, List<String>> textPaths(List<StrategyResult> results) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (StrategyResult r : results) {
            out.put(r.strategy(), r.decisionPath().stream().map(DecisionStep::toString).toList());
        }
        return out;
    }
}
