package io.alchemiser.examples.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.port.Ledger;
import io.alchemiser.examples.format.Format;
import io.alchemiser.examples.format.Text;
import io.alchemiser.examples.format.TextTable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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
        if (trades.isEmpty()) {
            return query.isAll() ? "The ledger has no trades.\n"
                    : "No trades in the ledger for " + Text.oneLine(query.describe()) + ".\n";
        }
        TextTable table = new TextTable(HEADERS);
        for (TradeRecord t : trades) {
            table.row(t.tradingDate(), t.runId().value(), t.symbol().value(), t.side().name(), t.status().name(),
                    Format.price(t.plannedQuantity()), Format.price(t.filledQuantity()), Format.price(t.averageFillPrice()),
                    Format.price(t.bid()), Format.price(t.ask()), strategies(t.attribution()));
            details(table, t);
        }
        return (query.isAll() ? "All trades" : "Trades for " + Text.oneLine(query.describe())) + ": " + trades.size()
                + "\n" + table.render();
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

    /** Under a trade's row: its last order and attempts, when it was recorded, the reason, and why it was traded. */
    private static void details(TextTable table, TradeRecord t) {
        table.under(DETAIL_INDENT + "order " + t.lastClientOrderId() + ", " + t.attempts()
                + (t.attempts() == 1 ? " attempt" : " attempts") + ", recorded " + t.recordedAt());
        if (t.reason() != null && !t.reason().isBlank()) {
            table.under(DETAIL_INDENT + "reason: " + t.reason());
        }
        if (t.decisionPath().isEmpty()) {
            table.under(DETAIL_INDENT + "why: no decision path recorded");
        }
        for (String line : t.decisionPath()) {
            table.under(DETAIL_INDENT + "why: " + line);
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
        attribution.forEach((strategy, share) -> parts.add(strategy + " " + Format.percent(share)));
        return String.join(", ", parts);
    }
}
