package io.alchemiser.examples.app;

import io.alchemiser.core.domain.Money;
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
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Locale;
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
            out.printf("== run %s for %s%s: %s%n", s.correlationId(), s.tradingDate(), s.dryRun() ? " (dry run)" : "",
                    String.join(", ", s.strategies()));
        } else if (e instanceof StrategyEvaluated s) {
            out.printf("-- strategy '%s' → %s%n", s.strategy(), weights(s.weights().bySymbol()));
        } else if (e instanceof PortfolioMerged m) {
            out.println();
            out.println("== merged portfolio");
            out.print(portfolio(m.portfolio()));
        } else if (e instanceof RebalancePlanned p) {
            out.println();
            out.println("== rebalance plan");
            out.print(plan(p.plan()));
        } else if (e instanceof OrderPlaced o && verboseOrders) {
            out.printf("   %s %s %s %s (step %d)%n", o.request().side(), o.request().quantity().toPlainString(),
                    o.request().symbol(), o.request().limitPrice() == null ? "at market"
                            : "limit " + o.request().limitPrice().toPlainString(), o.step());
        } else if (e instanceof OrderFilled f) {
            out.printf("   filled %s %s %s at %s%n", f.side(), f.quantity().toPlainString(), f.symbol(),
                    f.price().toPlainString());
        } else if (e instanceof OrderFailed f) {
            out.printf("   FAILED %s %s: %s%n", f.side(), f.symbol(), f.reason());
        } else if (e instanceof PhaseCompleted p) {
            out.printf("== %s phase complete: %d trades, %d filled, %d failed%n", p.phase() == Side.SELL ? "sell" : "buy",
                    p.trades(), p.filled(), p.failed());
        } else if (e instanceof RunCompleted c) {
            out.println();
            out.print(summary(c.summary()));
        } else if (e instanceof RunFailed f) {
            out.println("== run failed: " + f.reason());
        }
        out.flush();
    }

    static String weights(Map<Symbol, Double> weights) {
        if (weights.isEmpty()) {
            return "all cash";
        }
        return weights.entrySet().stream().map(w -> w.getKey() + " " + percent(w.getValue()))
                .collect(Collectors.joining(", "));
    }

    public static String portfolio(MergedPortfolio p) {
        TextTable t = new TextTable("symbol", "weight", "strategies");
        p.weights().bySymbol().forEach((s, w) -> t.row(s, percent(w), p.contributors(s).entrySet().stream()
                .map(c -> c.getKey() + " " + percent(c.getValue())).collect(Collectors.joining(", "))));
        if (p.weights().cash() > 1e-9) {
            t.row("cash", percent(p.weights().cash()), "");
        }
        return t.render();
    }

    public static String plan(RebalancePlan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "equity $%s, cash $%s, reserve $%s%n", Money.cash(plan.equity()).toPlainString(),
                Money.cash(plan.cashBefore()).toPlainString(), Money.cash(plan.cashReserve()).toPlainString()));
        TextTable t = new TextTable("phase", "side", "symbol", "quantity", "price", "notional", "current", "target");
        for (PlannedTrade tr : plan.sells()) {
            row(t, "1", tr);
        }
        for (PlannedTrade tr : plan.buys()) {
            row(t, "2", tr);
        }
        sb.append(t.isEmpty() ? "nothing to trade\n" : t.render());
        plan.notes().forEach(n -> sb.append("note: ").append(n).append('\n'));
        sb.append(String.format(Locale.ROOT, "estimated cash after: $%s%n", plan.estimatedCashAfter().toPlainString()));
        return sb.toString();
    }

    private static void row(TextTable t, String phase, PlannedTrade tr) {
        t.row(phase, tr.side(), tr.symbol(), tr.quantity().stripTrailingZeros().toPlainString(), money(tr.price()),
                money(tr.notional()), money(tr.currentValue()), money(tr.targetValue()));
    }

    public static String summary(RunSummary s) {
        StringBuilder sb = new StringBuilder();
        sb.append("== summary of ").append(s.runId()).append(s.dryRun() ? " (dry run: nothing traded)" : "").append('\n');
        if (!s.dryRun()) {
            TextTable t = new TextTable("symbol", "side", "planned", "filled", "avg price", "bid/ask", "status",
                    "strategies");
            for (TradeRecord r : s.trades()) {
                t.row(r.symbol(), r.side(), r.plannedQuantity().stripTrailingZeros().toPlainString(),
                        r.filledQuantity().stripTrailingZeros().toPlainString(),
                        r.averageFillPrice() == null ? "-" : money(r.averageFillPrice()),
                        (r.bid() == null ? "-" : r.bid().toPlainString()) + "/" + (r.ask() == null ? "-" : r.ask().toPlainString()),
                        r.status() + (r.reason() == null ? "" : ": " + r.reason()),
                        r.attribution().keySet().stream().collect(Collectors.joining(", ")));
            }
            sb.append(t.isEmpty() ? "no trades\n" : t.render());
            if (s.equityBefore() != null && s.equityAfter() != null) {
                sb.append(String.format(Locale.ROOT, "equity: $%s before, $%s after%n", money(s.equityBefore()),
                        money(s.equityAfter())));
            }
        }
        return sb.toString();
    }

    static String percent(double w) {
        return String.format(Locale.ROOT, "%.2f%%", w * 100);
    }

    static String money(BigDecimal v) {
        return Money.cash(v).toPlainString();
    }
}
