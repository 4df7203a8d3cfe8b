package io.alchemiser.core.application.run;

import io.alchemiser.core.application.portfolio.RebalanceAnchor;
import io.alchemiser.core.application.portfolio.RebalancePlanner;
import io.alchemiser.core.application.portfolio.SleevePolicy;
import io.alchemiser.core.domain.Account;
import io.alchemiser.core.domain.Asset;
import io.alchemiser.core.domain.MarketClock;
import io.alchemiser.core.domain.Position;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.event.Events;
import io.alchemiser.core.domain.event.PortfolioMerged;
import io.alchemiser.core.domain.event.RebalancePlanned;
import io.alchemiser.core.domain.event.StrategyEvaluated;
import io.alchemiser.core.domain.ledger.RunRecord;
import io.alchemiser.core.domain.portfolio.MergedPortfolio;
import io.alchemiser.core.domain.portfolio.RebalancePlan;
import io.alchemiser.core.domain.portfolio.SleeveBook;
import io.alchemiser.core.domain.portfolio.SleeveDecision;
import io.alchemiser.core.domain.strategy.DecisionStep;
import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.Ports;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.core.port.WeightedStrategy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The planning step of a daily run: decide the day's target (evaluate every strategy and merge them, or take the
 * target an earlier round of the day recorded) and plan the trades from the broker's positions to it. Places no
 * order.
 *
 * <p>Which prices a decision uses: while the market is open and intraday evaluation is on, each symbol's stored
 * bars plus today's live price as the last bar ({@link IntradayPriceHistory}); otherwise the latest stored close
 * (today's after the close, else the previous trading day's). Either way the stored bars must reach the previous
 * trading day. Each strategy's decision path starts with a {@code prices} step saying which price and timestamp its
 * symbols' last bar used.
 */
final class DayPlanner {
    private static final Logger log = LoggerFactory.getLogger(DayPlanner.class);

    private final List<WeightedStrategy> strategies;
    private final Ports ports;
    private final RunSettings settings;
    private final Sleeves sleeves;

    DayPlanner(List<WeightedStrategy> strategies, Ports ports, RunSettings settings) {
        this.strategies = strategies;
        this.ports = ports;
        this.settings = settings;
        this.sleeves = new Sleeves(settings.anchor() == RebalanceAnchor.FIRST_TRADING_DAY ? SleevePolicy.firstTradingDay()
                : SleevePolicy.lastTradingDay(d -> ports.calendar().nextSession(d.plusDays(1)).date()));
    }

    /** What a round decided: the evaluations, the merged portfolio (the day's target) and the round's plan. */
    record Decision(List<StrategyResult> evaluations, MergedPortfolio portfolio, RebalancePlan plan,
            BigDecimal equityBefore, String plannedEventId, SleeveBook sleeves, List<String> notes) {
    }

    /**
     * The day's target, the evaluations behind it, what each sleeve will hold once it is traded, and notes: from
     * {@code recorded} if an earlier round decided, else now.
     */
    record Target(List<StrategyResult> evaluations, MergedPortfolio portfolio, SleeveBook sleeves, List<String> notes,
            Map<Symbol, BigDecimal> prices) {
    }

    Target target(LocalDate tradingDate, RunId runId, String started, MarketClock clock, Optional<RunRecord> recorded) {
        if (recorded.isPresent()) {
            log.info("{}: keeping the day's target decided at {} (round {})", runId, recorded.get().at(),
                    recorded.get().round());
            return new Target(recorded.get().evaluations(), recorded.get().portfolio(), recorded.get().sleeves(),
                    List.of(), Map.of());
        }
        Account account = ports.broker().account();
        Sleeves.Standing standing = sleeves.standing(previousBook(runId, tradingDate), strategies,
                ports.broker().positions(), account.cash(), account.equity());
        List<Sleeves.Sleeve> toEvaluate = standing.sleeves().stream().filter(s -> sleeves.needsTarget(s, tradingDate))
                .toList();
        Map<String, StrategyResult> evaluated = evaluate(toEvaluate.stream().map(Sleeves.Sleeve::strategy).toList(),
                tradingDate, runId, clock);
        Map<String, SleeveDecision> decisions = new LinkedHashMap<>();
        List<StrategyResult> results = new ArrayList<>();
        LocalDate asOf = evaluated.isEmpty() ? tradingDate : evaluated.values().iterator().next().asOf();
        for (Sleeves.Sleeve sleeve : standing.sleeves()) {
            StrategyResult r = evaluated.get(sleeve.name());
            SleeveDecision d = sleeves.decide(sleeve, tradingDate, r == null ? null : r.weights());
            decisions.put(sleeve.name(), d);
            List<DecisionStep> path = new ArrayList<>();
            path.add(new DecisionStep("sleeve", "", sleeve.strategy().strategy().rebalanceRule() + ": " + d,
                    Map.of("value", sleeve.value())));
            if (r != null) {
                path.addAll(r.decisionPath());
            }
            StrategyResult result = new StrategyResult(sleeve.name(), r == null ? asOf : r.asOf(),
                    r == null ? d.weights() : r.weights(), path);
            results.add(result);
            ports.events().publish(new StrategyEvaluated(Events.newId(), runId.value(), started,
                    ports.clock().instant(), result.strategy(), result.weights(), result.decisionPath()));
            log.info("strategy '{}' → {} ({})", result.strategy(), d.weights(), d);
        }
        MergedPortfolio portfolio = Sleeves.merge(standing.sleeves(), decisions, account.equity());
        ports.events().publish(new PortfolioMerged(Events.newId(), runId.value(), started, ports.clock().instant(),
                portfolio));
        Map<Symbol, BigDecimal> prices = new TreeMap<>(referencePrices(
                List.copyOf(portfolio.weights().bySymbol().keySet()), runId));
        return new Target(results, portfolio, Sleeves.after(standing.sleeves(), decisions, prices, tradingDate),
                standing.notes(), prices);
    }

    /**
     * Evaluates {@code which} strategies for the day: while the market is open (and intraday is on) on the stored bars
     * plus today's live price, else on the latest stored close; each result's path starts with the prices it used.
     */
    private Map<String, StrategyResult> evaluate(List<WeightedStrategy> which, LocalDate tradingDate, RunId runId,
            MarketClock clock) {
        Map<String, StrategyResult> out = new LinkedHashMap<>();
        if (which.isEmpty()) {
            return out;
        }
        TreeSet<Symbol> symbols = new TreeSet<>();
        which.forEach(s -> symbols.addAll(s.strategy().symbols()));
        PriceHistory stored = ports.priceHistory();
        boolean live = settings.intraday() && clock.open() && tradingDate.equals(clock.today());
        LocalDate close = DataFreshness.check(symbols, stored, ports.calendar(), tradingDate, runId);
        PriceHistory history = stored;
        IntradayPriceHistory intraday = null;
        if (live) {
            intraday = new IntradayPriceHistory(stored, ports.quotes(), tradingDate);
            history = intraday;
            close = tradingDate;
        } else if (!close.equals(tradingDate)) {
            log.info("today's bars are not in the data: evaluating as of the close of {}", close);
        }
        List<StrategyResult> raw = ParallelEvaluation.evaluate(which, EvaluationSession.open(history, close), close,
                settings.evaluationThreads(), runId);
        for (int i = 0; i < raw.size(); i++) {
            StrategyResult r = withPrices(raw.get(i), which.get(i), close, intraday);
            out.put(which.get(i).strategy().name(), r);
        }
        return out;
    }

    /** The sleeve book of the most recent earlier run that decided by sleeves. */
    private Optional<SleeveBook> previousBook(RunId today, LocalDate tradingDate) {
        for (RunRecord latest : ports.ledger().runs()) {
            if (latest.runId().equals(today) || !latest.tradingDate().isBefore(tradingDate)) {
                continue;
            }
            Optional<SleeveBook> book = ports.ledger().runHistory(latest.runId()).stream()
                    .map(RunRecord::sleeves).filter(java.util.Objects::nonNull).reduce((a, b) -> b);
            if (book.isPresent()) {
                return book;
            }
        }
        return Optional.empty();
    }

    /** Plans the trades from the broker's positions now to {@code target}, and publishes the plan. */
    Decision plan(Target target, RunId runId, String started) {
        Account account = ports.broker().account();
        RebalancePlan plan = planAgainstBroker(target.portfolio(), account, target.prices(), runId);
        String plannedId = Events.newId();
        ports.events().publish(new RebalancePlanned(plannedId, runId.value(), started, ports.clock().instant(), plan));
        plan.notes().forEach(n -> log.info("plan: {}", n));
        return new Decision(target.evaluations(), target.portfolio(), plan, account.equity(), plannedId,
                target.sleeves(), target.notes());
    }

    /**
     * What is left to do to reach {@code portfolio} from the broker's positions now: the plan a rerun would make.
     * Publishes nothing.
     */
    RebalancePlan residual(MergedPortfolio portfolio, RunId runId) {
        return planAgainstBroker(portfolio, ports.broker().account(), Map.of(), runId);
    }

    /** @param known reference prices just fetched for the targeted symbols (empty to fetch them now) */
    private RebalancePlan planAgainstBroker(MergedPortfolio portfolio, Account account, Map<Symbol, BigDecimal> known,
            RunId runId) {
        List<Position> positions = ports.broker().positions();
        TreeSet<Symbol> universe = new TreeSet<>(portfolio.weights().bySymbol().keySet());
        positions.forEach(p -> universe.add(p.symbol()));
        Map<Symbol, Asset> assets = new TreeMap<>();
        for (Symbol s : universe) {
            assets.put(s, ports.broker().asset(s));
        }
        List<Symbol> targeted = List.copyOf(portfolio.weights().bySymbol().keySet());
        Map<Symbol, BigDecimal> prices = known.keySet().containsAll(targeted) ? known : referencePrices(targeted, runId);
        return new RebalancePlanner(settings.rebalance()).plan(portfolio.weights(), account, positions, assets, prices);
    }

    /** Reference prices of the targeted symbols, all quoted in one request. */
    private Map<Symbol, BigDecimal> referencePrices(List<Symbol> symbols, RunId runId) {
        Map<Symbol, BigDecimal> prices = new TreeMap<>();
        if (symbols.isEmpty()) {
            return prices;
        }
        Map<Symbol, Quote> quotes;
        try {
            quotes = ports.quotes().latestQuotes(symbols);
        } catch (MarketDataException e) {
            throw new RunFailedException(runId, new RunFailure.NoQuote(symbols.get(0), e.getMessage()), true, e);
        }
        for (Symbol s : symbols) {
            Quote q = quotes.get(s);
            BigDecimal price = q == null ? null : q.referencePrice();
            if (price == null) {
                throw new RunFailedException(runId, new RunFailure.NoQuote(s, "the quote has no price"), true, null);
            }
            prices.put(s, price);
        }
        return prices;
    }

    /** The result with a first decision step saying which price and timestamp each of its symbols' last bar used. */
    private static StrategyResult withPrices(StrategyResult r, WeightedStrategy ws, LocalDate close,
            IntradayPriceHistory intraday) {
        Map<String, Double> values = new LinkedHashMap<>();
        StringBuilder summary = new StringBuilder();
        if (intraday == null) {
            summary.append("closes of ").append(close);
        } else {
            Map<Symbol, Quote> live = intraday.livePrices();
            summary.append("live prices as today's bar:");
            for (Symbol s : new TreeSet<>(ws.strategy().symbols())) {
                Quote q = live.get(s);
                if (q != null) {
                    BigDecimal p = q.referencePrice();
                    values.put(s.value(), p.doubleValue());
                    summary.append(' ').append(s).append(' ').append(p.toPlainString()).append(" at ")
                            .append(q.timestamp()).append(';');
                }
            }
            if (summary.charAt(summary.length() - 1) == ';') {
                summary.setLength(summary.length() - 1);
            }
        }
        List<DecisionStep> path = new ArrayList<>();
        path.add(new DecisionStep("prices", "", summary.toString(), values));
        path.addAll(r.decisionPath());
        return new StrategyResult(r.strategy(), r.asOf(), r.weights(), path);
    }
}
