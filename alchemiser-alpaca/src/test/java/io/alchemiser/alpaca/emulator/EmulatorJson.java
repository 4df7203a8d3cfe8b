package io.alchemiser.alpaca.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.MarketClock;
import io.alchemiser.core.domain.Symbol;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Alpaca's JSON shapes, as its API reference documents them, written by the emulator. */
final class EmulatorJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private EmulatorJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static JsonNode read(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    /** An RFC-3339 UTC time with nanoseconds as Alpaca writes order times, or {@code null}. */
    static String time(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t);
    }

    /** A New York time with its offset, as {@code /v2/clock} writes it. */
    static String clockTime(Instant t) {
        return CLOCK_TIME.format(t.atZone(MarketClock.MARKET_ZONE));
    }

    /** A stable asset id for a symbol. */
    static String assetId(Symbol symbol) {
        return UUID.nameUUIDFromBytes(symbol.value().getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Alpaca's error body: {@code {"code": 40310000, "message": "..."}}. */
    static ObjectNode error(long code, String message) {
        ObjectNode e = object();
        e.put("code", code);
        e.put("message", message);
        return e;
    }

    static ObjectNode asset(Symbol symbol, boolean tradable, boolean fractionable) {
        ObjectNode a = object();
        a.put("id", assetId(symbol));
        a.put("class", "us_equity");
        a.put("exchange", "NYSE");
        a.put("symbol", symbol.value());
        a.put("name", symbol.value() + " (emulated)");
        a.put("status", "active");
        a.put("tradable", tradable);
        a.put("marginable", true);
        a.put("maintenance_margin_requirement", 30);
        a.put("shortable", false);
        a.put("easy_to_borrow", false);
        a.put("fractionable", fractionable);
        return a;
    }

    /**
     * A daily bar: {@code t} is midnight New York of its date, prices as JSON numbers. Alpaca always sends open, high
     * and low; a close-only bar of the source is served with all three equal to its close.
     */
    static ObjectNode bar(DailyBar b) {
        ObjectNode n = object();
        n.put("t", time(b.date().atStartOfDay(MarketClock.MARKET_ZONE).toInstant()));
        n.put("o", b.open() == null ? b.close() : b.open());
        n.put("h", b.high() == null ? b.close() : b.high());
        n.put("l", b.low() == null ? b.close() : b.low());
        n.put("c", b.close());
        n.put("v", b.volume());
        n.put("n", Math.max(1, b.volume() / 100));
        n.put("vw", b.close());
        return n;
    }

    /** A latest quote; a missing side is Alpaca's 0, and an empty book carries Alpaca's zero time. */
    static ObjectNode quote(Book book, Instant at) {
        ObjectNode q = object();
        boolean empty = book.bid() == null && book.ask() == null;
        q.put("t", empty ? "0001-01-01T00:00:00Z" : time(at));
        q.put("ax", book.ask() == null ? "" : "V");
        q.put("ap", book.ask() == null ? BigDecimal.ZERO : book.ask());
        q.put("as", book.ask() == null ? 0 : 1);
        q.put("bx", book.bid() == null ? "" : "V");
        q.put("bp", book.bid() == null ? BigDecimal.ZERO : book.bid());
        q.put("bs", book.bid() == null ? 0 : 1);
        q.putArray("c").add("R");
        q.put("z", "A");
        return q;
    }

    /** A latest trade at the book's last price; none is Alpaca's zero trade. */
    static ObjectNode trade(Book book, Instant at) {
        ObjectNode t = object();
        t.put("t", book.last() == null ? "0001-01-01T00:00:00Z" : time(at));
        t.put("x", book.last() == null ? "" : "V");
        t.put("p", book.last() == null ? BigDecimal.ZERO : book.last());
        t.put("s", book.last() == null ? 0 : 100);
        t.putArray("c").add("@");
        t.put("i", 1);
        t.put("z", "A");
        return t;
    }
}
