package io.alchemiser.core.application.execution;

import io.alchemiser.core.application.portfolio.RebalancePlanner;
import io.alchemiser.core.domain.Account;
import io.alchemiser.core.domain.Money;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.event.Events;
import io.alchemiser.core.domain.event.PhaseCompleted;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.domain.ledger.TradeStatus;
import io.alchemiser.core.domain.portfolio.PlannedTrade;
import io.alchemiser.core.domain.portfolio.RebalancePlan;
import io.alchemiser.core.port.Broker;
import io.alchemiser.core.port.BrokerException;
import io.alchemiser.core.port.EventBus;
import io.alchemiser.core.port.Ledger;
import io.alchemiser.core.port.Ports;
import io.alchemiser.core.port.Quotes;
import io.alchemiser.core.port.Sleeper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Executes a rebalance plan in two phases: every sell in parallel (bounded by
 * {@link ExecutionSettings#concurrency()}), a wait until each sell is terminal and the account's spendable cash
 * reflects the proceeds, then every buy in parallel, re-sized to what is actually available.
 *
 * <p>Idempotent per round: a trade the ledger already records for this run and round is not worked again, and every
 * broker order has a deterministic client order id, so re-executing the same plan places only what is missing. A
 * rejected or failed order is recorded and reported and the others go on; an order whose outcome the broker could
 * not tell is recorded {@link TradeStatus#UNKNOWN}, never as failed. Quotes for a phase are fetched for all its
 * symbols at once ({@link QuoteBoard}). Any other exception (a bug) propagates once the phase's running trades have
 * finished.
 */
public final class TwoPhaseExecutor {
    private static final Logger log = LoggerFactory.getLogger(TwoPhaseExecutor.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final Broker broker;
    private final Ledger ledger;
    private final EventBus events;
    private final ExecutionSettings settings;
    private final Sleeper sleeper;
    private final Clock clock;
    private final OrderWalker walker;
    private final Quotes quotes;

    /** Works orders at {@code ports}' broker, priced from its quotes, recorded in its ledger. */
    public TwoPhaseExecutor(Ports ports, ExecutionSettings settings) {
        this.broker = ports.broker();
        this.ledger = ports.ledger();
        this.events = ports.events();
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = ports.sleeper();
        this.clock = ports.clock();
        this.quotes = ports.quotes();
        this.walker = new OrderWalker(broker, events, settings, clock);
    }

    /**
     * Runs the sell phase; the caller records progress, then calls {@link #buys}. Waits for the buying power the
     * sells of this call released (never for proceeds of earlier rounds, which the account already shows).
     */
    public List<TradeRecord> sells(RebalancePlan plan, ExecutionContext ctx) {
        Account before = broker.account();
        PhaseResult done = runPhase(Side.SELL, plan.sells(), ctx);
        BigDecimal proceeds = BigDecimal.ZERO;
        for (TradeRecord t : done.worked()) {
            if (t.averageFillPrice() != null) {
                proceeds = proceeds.add(t.filledQuantity().multiply(t.averageFillPrice()));
            }
        }
        if (proceeds.signum() > 0 && !ctx.stop().isStopped()) {
            awaitBuyingPower(before.spendable().add(proceeds), ctx);
        }
        return done.all();
    }

    /**
     * Runs the buy phase: buys not yet recorded are re-sized to the cash actually spendable now (min of cash and
     * buying power, less the plan's reserve), priced at the ask, scaled down proportionally if they do not fit.
     */
    public List<TradeRecord> buys(RebalancePlan plan, ExecutionContext ctx) {
        Map<String, TradeRecord> recorded = recorded(ctx);
        QuoteBoard board = board(plan.buys());
        List<PlannedTrade> pending = new ArrayList<>();
        for (PlannedTrade t : plan.buys()) {
            if (!recorded.containsKey(key(ctx, t))) {
                // A walk may pay up to the ask (or the capped book's far side): size against that, not the mid.
                pending.add(t.withPrice(worstPrice(t, board)));
            }
        }
        BigDecimal available = broker.account().spendable().subtract(plan.cashReserve());
        RebalancePlanner.ScaledBuysResult resized = RebalancePlanner.scale(pending, available);
        if (resized.scale() < 1) {
            String message = String.format(Locale.ROOT, "buys need $%s at the ask but $%s is spendable: scaled to %.2f%%",
                    Money.cash(resized.wanted()), Money.cash(available.max(BigDecimal.ZERO)), resized.scale() * 100);
            if (resized.scale() < 0.95) {
                log.warn(message);
            } else {
                log.info(message);
            }
        }
        List<PlannedTrade> sized = new ArrayList<>(resized.buys());
        for (PlannedTrade t : plan.buys()) {
            if (recorded.containsKey(key(ctx, t))) {
                sized.add(t);
            }
        }
        return runPhase(Side.BUY, sized, ctx, board).all();
    }

    /** Every trade of a phase, and those worked by this call (not found already recorded). */
    private record PhaseResult(List<TradeRecord> all, List<TradeRecord> worked) {
    }

    private PhaseResult runPhase(Side side, List<PlannedTrade> trades, ExecutionContext ctx) {
        return runPhase(side, trades, ctx, board(trades));
    }

    private PhaseResult runPhase(Side side, List<PlannedTrade> trades, ExecutionContext ctx, QuoteBoard board) {
        Map<String, TradeRecord> recorded = recorded(ctx);
        List<TradeRecord> out = new ArrayList<>();
        List<TradeRecord> worked = new ArrayList<>();
        List<Future<TradeRecord>> running = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.concurrency(), trades.size())));
        try {
            for (PlannedTrade trade : trades) {
                TradeRecord existing = recorded.get(key(ctx, trade));
                if (existing != null) {
                    log.info("{} {} already recorded for {} round {} ({}); not traded again", side, trade.symbol(),
                            ctx.runId(), ctx.round(), existing.status());
                    out.add(existing);
                    continue;
                }
                Map<String, String> mdc = MDC.getCopyOfContextMap();
                running.add(pool.submit(() -> {
                    if (mdc != null) {
                        MDC.setContextMap(mdc);
                    }
                    try {
                        TradeRecord record = walker.work(trade, ctx, board);
                        ledger.appendTrade(record);
                        return record;
                    } finally {
                        MDC.clear();
                    }
                }));
            }
            RuntimeException crash = null;
            for (Future<TradeRecord> f : running) {
                try {
                    TradeRecord record = f.get();
                    out.add(record);
                    worked.add(record);
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException(e.getCause());
                    if (crash == null) {
                        crash = cause;
                    } else {
                        crash.addSuppressed(cause);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    ctx.stop().stop("interrupted");
                    throw new IllegalStateException("interrupted while executing " + side + " orders", e);
                }
            }
            if (crash != null) {
                throw crash;
            }
        } finally {
            pool.shutdownNow();
        }
        int filled = 0;
        int failed = 0;
        for (TradeRecord t : out) {
            filled += t.status() == TradeStatus.FILLED ? 1 : 0;
            failed += t.status() == TradeStatus.FAILED ? 1 : 0;
        }
        events.publish(new PhaseCompleted(Events.newId(), ctx.runId().value(), ctx.causationId(), clock.instant(), side,
                out.size(), filled, failed));
        log.info("{} phase complete: {} trades, {} filled, {} failed", side, out.size(), filled, failed);
        return new PhaseResult(out, worked);
    }

    /**
     * Polls the account until spendable cash reaches {@code expected} (within a cent), the wait runs out, or the run
     * is stopped. An account that cannot be read is polled again until the wait runs out.
     */
    private void awaitBuyingPower(BigDecimal expected, ExecutionContext ctx) {
        Duration waited = Duration.ZERO;
        BigDecimal tolerance = new BigDecimal("0.01");
        BigDecimal now = null;
        while (!ctx.stop().isStopped()) {
            try {
                now = broker.account().spendable();
                if (now.add(tolerance).compareTo(expected) >= 0) {
                    return;
                }
            } catch (BrokerException e) {
                if (!e.retryable()) {
                    throw e;
                }
                log.warn("{}: could not read the account while waiting for buying power: {}", ctx.runId(), e.getMessage());
            }
            if (waited.compareTo(settings.buyingPowerWait()) >= 0) {
                log.warn("{}: spendable cash is ${} after the sells, expected ${}; buys will be sized to what is there",
                        ctx.runId(), now == null ? "unknown" : Money.cash(now), Money.cash(expected));
                return;
            }
            try {
                sleeper.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ctx.stop().stop("interrupted");
                return;
            }
            waited = waited.plus(POLL);
        }
    }

    private QuoteBoard board(List<PlannedTrade> trades) {
        List<Symbol> symbols = trades.stream().map(PlannedTrade::symbol).toList();
        return new QuoteBoard(quotes, symbols, clock, settings.quoteMaxAge());
    }

    /** The most a buy's walk can pay per share: the ask when quoted within the spread cap, else the capped far side. */
    private BigDecimal worstPrice(PlannedTrade t, QuoteBoard board) {
        BigDecimal capped = t.price().multiply(BigDecimal.ONE.add(Money.decimal(settings.maxSpread() / 2)), Money.MATH);
        Quote q = board.quote(t.symbol()).orElse(null);
        if (q != null && q.isTwoSided() && q.ask().compareTo(capped) <= 0) {
            return q.ask().max(t.price());
        }
        if (q == null) {
            log.debug("{}: no quote to size the buy; assuming the capped far side", t.symbol());
        }
        return capped;
    }

    private Map<String, TradeRecord> recorded(ExecutionContext ctx) {
        Map<String, TradeRecord> byKey = new HashMap<>();
        for (TradeRecord t : ledger.trades(ctx.runId())) {
            byKey.put(t.key(), t);
        }
        return byKey;
    }

    private static String key(ExecutionContext ctx, PlannedTrade t) {
        return TradeRecord.key(ctx.runId(), ctx.round(), t.symbol(), t.side());
    }
}
