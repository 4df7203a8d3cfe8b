package io.alchemiser.alpaca;

import static io.alchemiser.alpaca.AlpacaServers.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.Scheduler;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A small Alpaca that keeps state, for the port contract tests: it serves bars, latest quotes and trades, the market
 * calendar, the account, assets, positions and orders, all as JSON shaped like Alpaca's documented responses, and
 * enforces the rules the contracts lean on (client order id uniqueness, buying power, cancelability). Bars are served
 * in pages of {@value #PAGE} so every contract read also follows {@code next_page_token}. Thread-safe.
 */
final class FakeAlpaca extends Dispatcher {

    private static final int PAGE = 7;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<Symbol, BarSeries> series = new HashMap<>();
    private final Map<Symbol, Quote> quotes = new HashMap<>();
    private Set<LocalDate> holidays = Set.of();
    private Set<LocalDate> earlyCloses = Set.of();
    private int calendarYear = -1;

    private BigDecimal cash = BigDecimal.ZERO;
    private Symbol tradable;
    private BigDecimal price;
    private final Map<Symbol, BigDecimal> holdings = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> ordersById = new LinkedHashMap<>();
    private final Map<String, String> idByClientId = new HashMap<>();

    FakeAlpaca withBars(List<BarSeries> all, List<Quote> latest) {
        all.forEach(s -> series.put(s.symbol(), s));
        latest.forEach(q -> quotes.put(q.symbol(), q));
        return this;
    }

    FakeAlpaca withCalendar(int year, Set<LocalDate> closed, Set<LocalDate> early) {
        this.calendarYear = year;
        this.holidays = Set.copyOf(closed);
        this.earlyCloses = Set.copyOf(early);
        return this;
    }

    FakeAlpaca withAccount(BigDecimal cash, Symbol tradable, BigDecimal price) {
        this.cash = cash;
        this.tradable = tradable;
        this.price = price;
        return this;
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        if (path.startsWith("/v2/stocks/")) {
            return marketData(request, path.substring("/v2/stocks/".length()));
        }
        if (path.equals("/v2/calendar")) {
            return calendar(request);
        }
        if (path.equals("/v2/account")) {
            return json("{\"id\":\"e6fe16f3-64a4-4921-8928-cadf02f92f98\",\"status\":\"ACTIVE\",\"currency\":\"USD\","
                    + "\"cash\":\"" + cash.toPlainString() + "\",\"equity\":\"" + equity().toPlainString()
                    + "\",\"portfolio_value\":\"" + equity().toPlainString() + "\",\"buying_power\":\""
                    + cash.max(BigDecimal.ZERO).toPlainString() + "\",\"trading_blocked\":false}");
        }
        if (path.equals("/v2/positions")) {
            StringJoiner list = new StringJoiner(",", "[", "]");
            holdings.forEach((s, q) -> list.add(Fixtures.position(s.value(), q.toPlainString(), "long",
                    q.multiply(price).toPlainString(), price.toPlainString())));
            return json(list.toString());
        }
        if (path.startsWith("/v2/assets/")) {
            Symbol s = Symbol.of(path.substring("/v2/assets/".length()));
            return s.equals(tradable) ? json(Fixtures.asset(s.value(), true, true))
                    : json(404, Fixtures.error(40410000, "asset not found"));
        }
        if (path.equals("/v2/orders") && method.equals("POST")) {
            return submit(request);
        }
        if (path.equals("/v2/orders") && method.equals("GET")) {
            StringJoiner list = new StringJoiner(",", "[", "]");
            ordersById.values().forEach(o -> list.add(orderJson(o)));
            return json(list.toString());
        }
        if (path.equals("/v2/orders:by_client_order_id")) {
            String id = idByClientId.get(request.getUrl().queryParameter("client_order_id"));
            return id == null ? json(404, Fixtures.error(40410000, "order not found")) : order(ordersById.get(id));
        }
        if (path.startsWith("/v2/orders/")) {
            Map<String, Object> o = ordersById.get(path.substring("/v2/orders/".length()));
            if (o == null) {
                return json(404, Fixtures.error(40410000, "order not found"));
            }
            if (method.equals("DELETE")) {
                if (!o.get("status").equals("new")) {
                    return json(422, Fixtures.error(42210000, "order is not cancelable"));
                }
                o.put("status", "canceled");
                return new MockResponse.Builder().code(204).build();
            }
            return order(o);
        }
        return json(404, Fixtures.error(40410000, "endpoint not found"));
    }

    // ------------------------------------------------------------------ market data

    private MockResponse marketData(RecordedRequest request, String rest) {
        if (rest.equals("bars")) {
            List<String> symbols = List.of(request.getUrl().queryParameter("symbols").split(","));
            List<String[]> rows = new ArrayList<>();
            for (String s : symbols) {
                for (String bar : barsInRange(Symbol.of(s), request)) {
                    rows.add(new String[] {s, bar});
                }
            }
            int from = offset(request);
            Map<String, StringJoiner> bySymbol = new LinkedHashMap<>();
            for (String[] row : rows.subList(from, Math.min(rows.size(), from + PAGE))) {
                bySymbol.computeIfAbsent(row[0], k -> new StringJoiner(",", "[", "]")).add(row[1]);
            }
            StringJoiner body = new StringJoiner(",", "{", "}");
            bySymbol.forEach((s, bars) -> body.add("\"" + s + "\":" + bars));
            return json("{\"bars\":" + body + ",\"next_page_token\":" + token(from, rows.size()) + "}");
        }
        if (rest.equals("snapshots")) {
            StringJoiner body = new StringJoiner(",", "{", "}");
            for (String s : request.getUrl().queryParameter("symbols").split(",")) {
                Quote q = quotes.get(Symbol.of(s));
                if (q != null) {
                    body.add("\"" + s + "\":{\"latestQuote\":" + quoteJson(q) + ",\"latestTrade\":" + tradeJson(q) + "}");
                }
            }
            return json(body.toString());
        }
        String[] parts = rest.split("/");
        Symbol symbol = Symbol.of(parts[0]);
        if (parts.length == 2 && parts[1].equals("bars")) {
            List<String> bars = barsInRange(symbol, request);
            int from = offset(request);
            String page = bars.isEmpty() ? "null"
                    : "[" + String.join(",", bars.subList(from, Math.min(bars.size(), from + PAGE))) + "]";
            return json("{\"bars\":" + page + ",\"symbol\":\"" + symbol + "\",\"next_page_token\":"
                    + token(from, bars.size()) + "}");
        }
        Quote q = quotes.get(symbol);
        if (parts.length == 3 && parts[1].equals("quotes")) {
            return json("{\"symbol\":\"" + symbol + "\",\"quote\":" + quoteJson(q) + "}");
        }
        return json("{\"symbol\":\"" + symbol + "\",\"trade\":" + tradeJson(q) + "}");
    }

    private static String quoteJson(Quote q) {
        return q == null || q.bid() == null
                ? "{\"t\":\"0001-01-01T00:00:00Z\",\"ap\":0,\"as\":0,\"bp\":0,\"bs\":0}"
                : "{\"t\":\"" + q.timestamp() + "\",\"ax\":\"V\",\"ap\":" + q.ask().toPlainString()
                        + ",\"as\":1,\"bx\":\"V\",\"bp\":" + q.bid().toPlainString() + ",\"bs\":2,\"c\":[\"R\"],\"z\":\"B\"}";
    }

    private static String tradeJson(Quote q) {
        return q == null || q.last() == null
                ? "{\"t\":\"0001-01-01T00:00:00Z\",\"p\":0,\"s\":0}"
                : "{\"t\":\"" + q.timestamp() + "\",\"x\":\"V\",\"p\":" + q.last().toPlainString()
                        + ",\"s\":100,\"c\":[\"@\"],\"i\":1,\"z\":\"B\"}";
    }

    private List<String> barsInRange(Symbol symbol, RecordedRequest request) {
        BarSeries s = series.get(symbol);
        if (s == null) {
            return List.of();
        }
        LocalDate start = Instant.parse(request.getUrl().queryParameter("start")).atZone(Scheduler.MARKET_ZONE)
                .toLocalDate();
        LocalDate end = Instant.parse(request.getUrl().queryParameter("end")).atZone(Scheduler.MARKET_ZONE)
                .toLocalDate();
        List<String> out = new ArrayList<>();
        for (DailyBar b : s.between(start, end).bars()) {
            String t = DateTimeFormatter.ISO_INSTANT.format(b.date().atStartOfDay(Scheduler.MARKET_ZONE).toInstant());
            out.add(Fixtures.bar(t, b.open().toPlainString(), b.high().toPlainString(), b.low().toPlainString(),
                    b.close().toPlainString(), b.volume()));
        }
        return out;
    }

    private static int offset(RecordedRequest request) {
        String token = request.getUrl().queryParameter("page_token");
        return token == null ? 0 : Integer.parseInt(token.substring("page-".length()));
    }

    private static String token(int from, int total) {
        return from + PAGE < total ? "\"page-" + (from + PAGE) + "\"" : "null";
    }

    // ------------------------------------------------------------------ calendar

    private MockResponse calendar(RecordedRequest request) {
        LocalDate start = LocalDate.parse(request.getUrl().queryParameter("start"));
        LocalDate end = LocalDate.parse(request.getUrl().queryParameter("end"));
        StringJoiner days = new StringJoiner(",", "[", "]");
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (d.getYear() == calendarYear && !weekend && !holidays.contains(d)) {
                days.add(Fixtures.calendarDay(d.toString(), "09:30", earlyCloses.contains(d) ? "13:00" : "16:00"));
            }
        }
        return json(days.toString());
    }

    // ------------------------------------------------------------------ trading

    private MockResponse submit(RecordedRequest request) {
        JsonNode body;
        try {
            body = MAPPER.readTree(request.getBody().utf8());
        } catch (IOException e) {
            return json(400, Fixtures.error(40010000, "request body format is invalid"));
        }
        String clientId = body.get("client_order_id").asText();
        if (idByClientId.containsKey(clientId)) {
            return json(422, Fixtures.error(40010001, "client_order_id must be unique"));
        }
        Symbol symbol = Symbol.of(body.get("symbol").asText());
        if (!symbol.equals(tradable)) {
            return json(422, Fixtures.error(40010001, "asset " + symbol + " not found"));
        }
        BigDecimal qty = new BigDecimal(body.get("qty").asText());
        boolean limit = body.get("type").asText().equals("limit");
        BigDecimal limitPrice = limit ? new BigDecimal(body.get("limit_price").asText()) : null;
        boolean buy = body.get("side").asText().equals("buy");
        BigDecimal cost = qty.multiply(limit ? limitPrice : price);
        if (buy && cost.compareTo(cash) > 0) {
            return json(403, "{\"buying_power\":\"" + cash.toPlainString() + "\",\"code\":40310000,"
                    + "\"cost_basis\":\"" + cost.toPlainString() + "\",\"message\":\"insufficient buying power\"}");
        }
        Map<String, Object> o = new HashMap<>();
        o.put("id", UUID.randomUUID().toString());
        o.put("client_order_id", clientId);
        o.put("symbol", symbol.value());
        o.put("side", buy ? "buy" : "sell");
        o.put("type", limit ? "limit" : "market");
        o.put("qty", qty.toPlainString());
        o.put("limit_price", limitPrice == null ? null : limitPrice.toPlainString());
        o.put("status", "new");
        o.put("filled_qty", "0");
        o.put("filled_avg_price", null);
        boolean marketable = !limit || (buy ? limitPrice.compareTo(price) >= 0 : limitPrice.compareTo(price) <= 0);
        if (marketable) {
            o.put("status", "filled");
            o.put("filled_qty", qty.toPlainString());
            o.put("filled_avg_price", price.toPlainString());
            BigDecimal paid = qty.multiply(price).setScale(2, RoundingMode.HALF_EVEN);
            cash = buy ? cash.subtract(paid) : cash.add(paid);
            holdings.merge(symbol, buy ? qty : qty.negate(), BigDecimal::add);
        }
        ordersById.put((String) o.get("id"), o);
        idByClientId.put(clientId, (String) o.get("id"));
        return order(o);
    }

    private static MockResponse order(Map<String, Object> o) {
        return json(orderJson(o));
    }

    private static String orderJson(Map<String, Object> o) {
        return (Fixtures.order((String) o.get("id"), (String) o.get("client_order_id"), (String) o.get("symbol"),
                (String) o.get("side"), (String) o.get("type"), (String) o.get("qty"), (String) o.get("limit_price"),
                (String) o.get("status"), (String) o.get("filled_qty"), (String) o.get("filled_avg_price")));
    }

    private BigDecimal equity() {
        BigDecimal held = BigDecimal.ZERO;
        for (BigDecimal q : holdings.values()) {
            held = held.add(q.multiply(price));
        }
        return cash.add(held);
    }
}
