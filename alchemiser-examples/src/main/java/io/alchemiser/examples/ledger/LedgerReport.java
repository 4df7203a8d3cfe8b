package io.alchemiser.examples.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.port.Ledger;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the ledger says was traded, for people ({@link #text}) and for programs ({@link #json}); the command
 * behind {@code ledger --config FILE [--run ID | --symbol S | --since DATE] [--json]}.
 *
 * <p>The text is a table, one row per trade: trading date, run, symbol, side, status, planned and filled
 * quantity, average fill price, bid and ask when the first order was priced, and the contributing strategies
 * with their share of the portfolio in that symbol; under each row, the last client order id and attempts, when
 * it was recorded, the reason when there is one, and why it was traded (the decision-path lines of the
 * contributing strategies).
 *
 * <p>The JSON is an array with one object per trade, in the query's order, with these fields, always present
 * and in this order: {@code runId}, {@code tradingDate} (ISO date), {@code symbol}, {@code side}
 * ({@code BUY}/{@code SELL}), {@code status}, {@code plannedQuantity}, {@code filledQuantity},
 * {@code averageFillPrice}, {@code bid}, {@code ask} (exact decimal numbers, or {@code null}),
 * {@code clientOrderId}, {@code attempts}, {@code attribution} (object: strategy name to its share of the
 * portfolio in this symbol, a fraction), {@code decisionPath} (array of strings), {@code reason} (string or
 * {@code null}), {@code recordedAt} (ISO instant, UTC).
 *
 * <p>Reads only; errors of the ledger ({@link io.alchemiser.core.port.LedgerException}) pass through.
 */
public final class LedgerReport {
    private static final String[] HEADERS = {"DATE", "RUN", "SYMBOL", "SIDE", "STATUS", "PLANNED", "FILLED",
            "AVG PRICE", "BID", "ASK", "STRATEGIES (share of portfolio)"};
    private static final String DETAIL_INDENT = "    ";

    private final Ledger ledger;

    public LedgerReport(Ledger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /** The trades the query selects, in its order. */
    public List<TradeRecord> trades(LedgerQuery query) {
        return query.select(ledger);
    }

    /** The selected trades as a text table with a title line; ends with a newline. */
    public String text(LedgerQuery query) {
        List<TradeRecord> trades = trades(query);
        StringBuilder out = new StringBuilder();
        if (trades.isEmpty()) {
            return query.isAll() ? "The ledger has no trades.\n"
                    : "No trades in the ledger for " + query.describe() + ".\n";
        }
        out.append(query.isAll() ? "All trades" : "Trades for " + query.describe()).append(": ").append(trades.size())
                .append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADERS);
        trades.forEach(t -> rows.add(row(t)));
        int[] widths = widths(rows);
        appendRow(out, HEADERS, widths);
        for (int i = 0; i < trades.size(); i++) {
            appendRow(out, rows.get(i + 1), widths);
            appendDetails(out, trades.get(i));
        }
        return out.toString();
    }

    /** The selected trades as a JSON array (see the class comment for the fields); ends with a newline. */
    public String json(LedgerQuery query) {
        List<TradeRecord> trades = trades(query);
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (TradeRecord t : trades) {
                writeTrade(g, t);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ledger report as JSON", e);
        }
        return out.append('\n').toString();
    }

    private static String[] row(TradeRecord t) {
        return new String[] {t.tradingDate().toString(), t.runId().value(), t.symbol().value(), t.side().name(),
                t.status().name(), plain(t.plannedQuantity()), plain(t.filledQuantity()), plain(t.averageFillPrice()),
                plain(t.bid()), plain(t.ask()), strategies(t.attribution())};
    }

    private static void appendDetails(StringBuilder out, TradeRecord t) {
        out.append(DETAIL_INDENT).append("order ").append(t.lastClientOrderId()).append(", ").append(t.attempts())
                .append(t.attempts() == 1 ? " attempt" : " attempts").append(", recorded ").append(t.recordedAt())
                .append('\n');
        if (t.reason() != null && !t.reason().isBlank()) {
            out.append(DETAIL_INDENT).append("reason: ").append(oneLine(t.reason())).append('\n');
        }
        if (t.decisionPath().isEmpty()) {
            out.append(DETAIL_INDENT).append("why: no decision path recorded\n");
        }
        for (String line : t.decisionPath()) {
            out.append(DETAIL_INDENT).append("why: ").append(oneLine(line)).append('\n');
        }
    }

    private static void writeTrade(JsonGenerator g, TradeRecord t) throws IOException {
        g.writeStartObject();
        g.writeStringField("runId", t.runId().value());
        g.writeStringField("tradingDate", t.tradingDate().toString());
        g.writeStringField("symbol", t.symbol().value());
        g.writeStringField("side", t.side().name());
        g.writeStringField("status", t.status().name());
        writeDecimal(g, "plannedQuantity", t.plannedQuantity());
        writeDecimal(g, "filledQuantity", t.filledQuantity());
        writeDecimal(g, "averageFillPrice", t.averageFillPrice());
        writeDecimal(g, "bid", t.bid());
        writeDecimal(g, "ask", t.ask());
        g.writeStringField("clientOrderId", t.lastClientOrderId().value());
        g.writeNumberField("attempts", t.attempts());
        g.writeObjectFieldStart("attribution");
        for (Map.Entry<String, Double> e : t.attribution().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("decisionPath");
        for (String line : t.decisionPath()) {
            g.writeString(line);
        }
        g.writeEndArray();
        if (t.reason() == null) {
            g.writeNullField("reason");
        } else {
            g.writeStringField("reason", t.reason());
        }
        g.writeStringField("recordedAt", t.recordedAt().toString());
        g.writeEndObject();
    }

    /** An exact decimal as a JSON number (plain notation, every digit kept), or null. */
    private static void writeDecimal(JsonGenerator g, String field, BigDecimal value) throws IOException {
        g.writeFieldName(field);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value.toPlainString());
        }
    }

    private static String strategies(Map<String, Double> attribution) {
        if (attribution.isEmpty()) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        attribution.forEach((strategy, share) -> parts.add(strategy + " " + percent(share)));
        return String.join(", ", parts);
    }

    /** A fraction as a percentage with up to two decimals: 0.175 is "17.5%". */
    static String percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return Double.toString(fraction);
        }
        BigDecimal pct = BigDecimal.valueOf(fraction).movePointRight(2).setScale(2, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
        return (pct.signum() == 0 ? "0" : pct.toPlainString()) + "%";
    }

    private static String plain(BigDecimal value) {
        return value == null ? "-" : value.toPlainString();
    }

    private static String oneLine(String text) {
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    private static int[] widths(List<String[]> rows) {
        int[] widths = new int[HEADERS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        return widths;
    }

    private static void appendRow(StringBuilder out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            line.append(cells[i]);
            if (i < cells.length - 1) {
                line.append(" ".repeat(widths[i] - cells[i].length() + 2));
            }
        }
        out.append(oneLine(line.toString()).stripTrailing()).append('\n');
    }
}
