package io.alchemiser.examples.notify;

import io.alchemiser.core.domain.event.OrderFailed;
import io.alchemiser.core.domain.event.OrderFilled;
import io.alchemiser.core.domain.event.RunSummary;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.domain.ledger.TradeStatus;
import io.alchemiser.core.domain.portfolio.PlannedTrade;
import io.alchemiser.examples.format.Format;
import io.alchemiser.examples.format.Html;
import io.alchemiser.examples.format.Text;
import io.alchemiser.examples.format.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns a {@link RunOutcome} into a subject, a plain-text body and an HTML body with the same content: the
 * outcome, the equity and P&L lines, the trades (symbol, side, filled of planned quantity, fill price, status,
 * contributing strategies with their share of the portfolio), the fills, and the failures with their reasons.
 * A dry run lists its planned trades instead. In the HTML every value is escaped.
 */
final class SummaryRenderer {
    private static final String[] TRADE_HEADERS = {"SYMBOL", "SIDE", "FILLED / PLANNED", "FILL PRICE", "STATUS",
            "STRATEGIES"};
    private static final String[] PLAN_HEADERS = {"SYMBOL", "SIDE", "QUANTITY", "PRICE", "ABOUT"};
    private static final int SUBJECT_REASON_LENGTH = 100;

    private SummaryRenderer() {
    }

    static RunNotification render(RunOutcome o) {
        Document d = document(o);
        return new RunNotification(o.runId(), subject(o), d.text(), d.html(subject(o)), o.needsAttention(), o.dryRun());
    }

    static String subject(RunOutcome o) {
        String s;
        if (!o.completed()) {
            String reason = Text.oneLine(o.failureReason());
            s = "Alchemiser " + o.runId() + " FAILED: " + (reason.length() > SUBJECT_REASON_LENGTH
                    ? reason.substring(0, SUBJECT_REASON_LENGTH - 3) + "..." : reason);
        } else if (o.dryRun()) {
            s = "Alchemiser " + o.runId() + " dry run: " + plannedTrades(o.summary()).size() + " planned trades";
        } else {
            long failed = o.trades().stream().filter(t -> t.status() == TradeStatus.FAILED).count();
            s = "Alchemiser " + o.runId() + " completed: " + o.trades().size() + " trades, " + failed + " failed"
                    + o.pnl().amount().map(a -> ", P&L " + Format.signedMoney(a)).orElse("");
        }
        return Text.oneLine(s);
    }

    private static Document document(RunOutcome o) {
        Document d = new Document();
        String date = o.tradingDate() == null ? "unknown" : o.tradingDate().toString();
        String state = !o.completed() ? "FAILED" : o.dryRun() ? "DRY RUN (nothing was sent to the broker)" : "COMPLETED";
        d.heading("Run " + o.runId() + " (trading date " + date + "): " + state);
        if (!o.completed()) {
            d.line("Reason: " + o.failureReason());
        }
        RunSummary s = o.summary();
        if (s != null && s.equityBefore() != null) {
            d.line("Equity: " + Format.money(s.equityBefore()) + " before"
                    + (s.equityAfter() == null || o.dryRun() ? "" : ", " + Format.money(s.equityAfter()) + " after"));
        }
        d.line(o.pnl().text());

        if (o.dryRun() && s != null) {
            List<PlannedTrade> planned = plannedTrades(s);
            d.section("Planned trades (" + planned.size() + ", not sent)");
            d.table(PLAN_HEADERS, planned.stream().map(SummaryRenderer::planRow).toList(), "none");
        } else {
            long failed = o.trades().stream().filter(t -> t.status() == TradeStatus.FAILED).count();
            d.section("Trades (" + o.trades().size() + ", " + failed + " failed)");
            d.table(TRADE_HEADERS, o.trades().stream().map(SummaryRenderer::tradeRow).toList(), "none");
            if (o.tradesNote() != null) {
                d.item("Note: " + o.tradesNote());
            }
        }
        fills(d, o);
        failures(d, o);
        notes(d, s);
        return d;
    }

    /** The run's notes: fragile decisions, reconciliation after an interruption, account warnings, sleeves scaled. */
    private static void notes(Document d, RunSummary s) {
        if (s == null || s.notes().isEmpty()) {
            return;
        }
        d.section("Notes (" + s.notes().size() + ")");
        s.notes().forEach(d::item);
    }

    private static void fills(Document d, RunOutcome o) {
        if (!o.fills().isEmpty()) {
            d.section("Fills (" + o.fills().size() + ")");
            for (OrderFilled f : o.fills()) {
                d.item(f.symbol() + " " + f.side() + " " + Format.quantity(f.quantity()) + " @ "
                        + Format.price(f.price()) + " (order " + f.clientOrderId() + ", " + f.at() + ")");
            }
            return;
        }
        List<TradeRecord> filled = o.trades().stream().filter(t -> t.filledQuantity().signum() > 0).toList();
        if (filled.isEmpty()) {
            d.section("Fills");
            d.item("none");
            return;
        }
        d.section("Fills (per trade, from the ledger)");
        for (TradeRecord t : filled) {
            d.item(t.symbol() + " " + t.side() + " " + Format.quantity(t.filledQuantity()) + " @ "
                    + Format.price(t.averageFillPrice()) + " average (order " + t.lastClientOrderId() + ")");
        }
    }

    private static void failures(Document d, RunOutcome o) {
        List<TradeRecord> trades = o.tradeFailures();
        List<OrderFailed> orders = o.otherOrderFailures();
        if (o.completed() && trades.isEmpty() && orders.isEmpty()) {
            d.section("Failures");
            d.item("none");
            return;
        }
        d.section("Failures (" + (trades.size() + orders.size() + (o.completed() ? 0 : 1)) + ")");
        if (!o.completed()) {
            d.item("the run: " + o.failureReason());
        }
        for (TradeRecord t : trades) {
            d.item(t.symbol() + " " + t.side() + " (" + t.status() + "): " + t.reason());
        }
        for (OrderFailed f : orders) {
            d.item(f.symbol() + " " + f.side() + " (order " + f.clientOrderId() + "): " + f.reason());
        }
    }

    private static List<PlannedTrade> plannedTrades(RunSummary s) {
        return s == null ? List.of() : Stream.concat(s.plan().sells().stream(), s.plan().buys().stream()).toList();
    }

    private static String[] tradeRow(TradeRecord t) {
        return new String[] {t.symbol().value(), t.side().name(),
                Format.quantity(t.filledQuantity()) + " / " + Format.quantity(t.plannedQuantity()),
                Format.price(t.averageFillPrice()), t.status().name(),
                strategies(t.attribution())};
    }

    private static String[] planRow(PlannedTrade t) {
        return new String[] {t.symbol().value(), t.side().name(), Format.quantity(t.quantity()),
                Format.price(t.price()), Format.money(t.notional())};
    }

    /** "momentum 17.5%, alpha 3%": each contributing strategy with its share of the portfolio in the symbol. */
    static String strategies(Map<String, Double> attribution) {
        if (attribution.isEmpty()) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        attribution.forEach((name, share) -> parts.add(name + " " + Format.percent(share)));
        return String.join(", ", parts);
    }


    /** The summary built once and written twice: as text and as HTML. */
    private static final class Document {
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder html = new StringBuilder();
        private boolean inList;

        void heading(String s) {
            text.append(Text.oneLine(s)).append('\n');
            html.append("<h2>").append(Html.escape(s)).append("</h2>\n");
        }

        void line(String s) {
            closeList();
            text.append(Text.oneLine(s)).append('\n');
            html.append("<p>").append(Html.escape(s)).append("</p>\n");
        }

        void section(String s) {
            closeList();
            text.append('\n').append(Text.oneLine(s)).append(":\n");
            html.append("<h3>").append(Html.escape(s)).append("</h3>\n");
        }

        void item(String s) {
            if (!inList) {
                html.append("<ul>\n");
                inList = true;
            }
            text.append("  ").append(Text.oneLine(s)).append('\n');
            html.append("<li>").append(Html.escape(s)).append("</li>\n");
        }

        void table(String[] headers, List<String[]> rows, String empty) {
            closeList();
            if (rows.isEmpty()) {
                item(empty);
                return;
            }
            TextTable table = new TextTable(headers).indent("  ");
            html.append("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n<tr>");
            for (String h : headers) {
                html.append("<th>").append(Html.escape(h)).append("</th>");
            }
            html.append("</tr>\n");
            for (String[] r : rows) {
                table.row((Object[]) r);
                html.append("<tr>");
                for (String cell : r) {
                    html.append("<td>").append(Html.escape(cell)).append("</td>");
                }
                html.append("</tr>\n");
            }
            html.append("</table>\n");
            text.append(table.render());
        }

        private void closeList() {
            if (inList) {
                html.append("</ul>\n");
                inList = false;
            }
        }

        String text() {
            return text.toString();
        }

        String html(String title) {
            closeList();
            return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + Html.escape(title) + "</title></head>\n"
                    + "<body style=\"font-family: sans-serif\">\n" + html + "</body></html>\n";
        }
    }
}
