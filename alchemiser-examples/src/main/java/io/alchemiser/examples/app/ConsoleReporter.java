package io.alchemiser.examples.app;

import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.event.DomainEvent;
import io.alchemiser.core.domain.event.OrderFailed;
import io.alchemiser.core.domain.event.OrderFilled;
import io.alchemiser.core.domain.event.OrderPlaced;
import io.alchemiser.core.domain.event.PhaseCompleted;
import io.alchemiser.core.domain.event.PortfolioMerged;
import io.alchemiser.core.domain.event.RebalancePlanned;
import io.alchemiser.core.domain.event.RunCompleted;
import io.alchemiser.core.domain.event.RunFailed;
import io.alchemiser.core.domain.event.RunStarted;
import io.alchemiser.core.domain.event.RunSummary;
import io.alchemiser.core.domain.event.StrategyEvaluated;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.domain.portfolio.MergedPortfolio;
import io.alchemiser.core.domain.portfolio.PlannedTrade;
import io.alchemiser.core.domain.portfolio.RebalancePlan;
import io.alchemiser.examples.format.Format;
import io.alchemiser.examples.format.Text;
import io.alchemiser.examples.format.TextTable;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Prints a run as it goes, from its events: each strategy's weights, the merged portfolio, the plan, every order
 * of both phases, and the closing summary table (symbol, side, quantity, limit/fill price, status, strategies).
 */
public final class ConsoleReporter implements Consumer<DomainEvent> {
    private final PrintWriter out;
    private final boolean verboseOrders;

    public ConsoleReporter(PrintWriter out, boolean verboseOrders) {
        this.out = out;
        this.verboseOrders = verboseOrders;
    }

    @Override
    public synchronized void accept(DomainEvent e) {
        if (e instanceof RunStarted s) {
            out.println("== run " + Text.oneLine(s.correlationId()) + " for " + s.tradingDate()
                    + (s.dryRun() ? " (dry run)" : "") + ": " + s.strategies().stream().map(Text::oneLine)
                    .collect(Collectors.joining(", ")));
        } else if (e instanceof StrategyEvaluated s) {
            out.println("-- strategy '" + Text.oneLine(s.strategy()) + "' → " + weights(s.weights().bySymbol()));
        } else if (e instanceof PortfolioMerged m) {
            out.println();
            out.println("== merged portfolio");
            out.print(portfolio(m.portfolio()));
        } else if (e instanceof RebalancePlanned p) {
            out.println();
            out.println("== rebalance plan");
            out.print(plan(p.plan()));
        } else if (e instanceof OrderPlaced o && verboseOrders) {
            out.println("   " + o.request().side() + " " + Format.quantity(o.request().quantity()) + " "
                    + o.request().symbol() + " " + (o.request().limitPrice() == null ? "at market"
                            : "limit " + Format.price(o.request().limitPrice())) + " (step " + o.step() + ")");
        } else if (e instanceof OrderFilled f) {
            out.println("   filled " + f.side() + " " + Format.quantity(f.quantity()) + " " + f.symbol() + " at "
                    + Format.price(f.price()));
        } else if (e instanceof OrderFailed f) {
            out.println("   FAILED " + f.side() + " " + f.symbol() + ": " + Text.oneLine(f.reason()));
        } else if (e instanceof PhaseCompleted p) {
            out.println("== " + (p.phase() == Side.SELL ? "sell" : "buy") + " phase complete: " + p.trades()
                    + " trades, " + p.filled() + " filled, " + p.failed() + " failed");
        } else if (e instanceof RunCompleted c) {
            out.println();
            out.print(summary(c.summary()));
        } else if (e instanceof RunFailed f) {
            out.println("== run failed: " + Text.oneLine(f.reason()));
        }
        out.flush();
    }

    static String weights(Map<Symbol, Double> weights) {
        if (weights.isEmpty()) {
            return "all cash";
        }
        return weights.entrySet().stream().map(w -> w.getKey() + " " + Format.percent(w.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** The merged portfolio as a table: symbol, weight, and each contributing strategy with its share. */
    public static String portfolio(MergedPortfolio p) {
        TextTable t = new TextTable("symbol", "weight", "strategies");
        p.weights().bySymbol().forEach((s, w) -> t.row(s, Format.percent(w), p.contributors(s).entrySet().stream()
                .map(c -> c.getKey() + " " + Format.percent(c.getValue())).collect(Collectors.joining(", "))));
        if (p.weights().cash() > 1e-9) {
            t.row("cash", Format.percent(p.weights().cash()), "");
        }
        return t.render();
    }

    /** The plan: the account line, the trades of both phases, the planner's notes and the cash left after. */
    public static String plan(RebalancePlan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append("equity ").append(Format.money(plan.equity())).append(", cash ").append(Format.money(plan.cashBefore()))
                .append(", reserve ").append(Format.money(plan.cashReserve())).append('\n');
        TextTable t = new TextTable("phase", "side", "symbol", "quantity", "price", "notional", "current", "target");
        for (PlannedTrade tr : plan.sells()) {
            row(t, "1", tr);
        }
        for (PlannedTrade tr : plan.buys()) {
            row(t, "2", tr);
        }
        sb.append(t.isEmpty() ? "nothing to trade\n" : t.render());
        plan.notes().forEach(n -> sb.append("note: ").append(Text.oneLine(n)).append('\n'));
        sb.append("estimated cash after: ").append(Format.money(plan.estimatedCashAfter())).append('\n');
        return sb.toString();
    }

    private static void row(TextTable t, String phase, PlannedTrade tr) {
        t.row(phase, tr.side(), tr.symbol(), Format.quantity(tr.quantity()), Format.price(tr.price()),
                Format.money(tr.notional()), Format.money(tr.currentValue()), Format.money(tr.targetValue()));
    }

    /** The closing summary: every trade with its fill, quote, status and strategies, then equity before and after. */
    public static String summary(RunSummary s) {
        StringBuilder sb = new StringBuilder();
        sb.append("== summary of ").append(s.runId()).append(s.dryRun() ? " (dry run: nothing traded)" : "").append('\n');
        if (!s.dryRun()) {
            TextTable t = new TextTable("symbol", "side", "planned", "filled", "avg price", "bid/ask", "status",
                    "strategies");
            for (TradeRecord r : s.trades()) {
                t.row(r.symbol(), r.side(), Format.quantity(r.plannedQuantity()), Format.quantity(r.filledQuantity()),
                        Format.price(r.averageFillPrice()), Format.price(r.bid()) + "/" + Format.price(r.ask()),
                        r.status() + (r.reason() == null ? "" : ": " + r.reason()),
                        String.join(", ", r.attribution().keySet()));
            }
            sb.append(t.isEmpty() ? "no trades\n" : t.render());
            if (s.equityBefore() != null && s.equityAfter() != null) {
                sb.append("equity: ").append(Format.money(s.equityBefore())).append(" before, ")
                        .append(Format.money(s.equityAfter())).append(" after\n");
            }
        }
        return sb.toString();
    }
}
