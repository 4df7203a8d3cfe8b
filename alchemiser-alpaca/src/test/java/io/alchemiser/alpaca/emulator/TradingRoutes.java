package io.alchemiser.alpaca.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;

/**
 * The trading API's routes: account, positions, assets, orders, clock and calendar, answering as Alpaca documents.
 * Called under the emulator's lock.
 */
final class TradingRoutes {
    private static final int DEFAULT_ORDER_LIMIT = 50;
    private static final int MAX_ORDER_LIMIT = 500;

    private final Exchange exchange;
    private final MarketCalendar calendar;

    TradingRoutes(Exchange exchange, MarketCalendar calendar) {
        this.exchange = exchange;
        this.calendar = calendar;
    }

    /** The answer for a trading path, or empty when the path is not a trading route. */
    Optional<Exchange.Answer> route(String method, String path, HttpUrl url, String body, Instant now) {
        switch (method + " " + path) {
            case "GET /v2/account":
                return ok(exchange.accountJson(now));
            case "GET /v2/positions": {
                ArrayNode list = EmulatorJson.array();
                exchange.positionsJson(now).forEach(list::add);
                return ok(list);
            }
            case "GET /v2/clock":
                return ok(clock(now));
            case "GET /v2/calendar":
                return Optional.of(calendar(url, now));
            case "POST /v2/orders":
                return Optional.of(submit(body, now));
            case "GET /v2/orders":
                return Optional.of(list(url));
            case "GET /v2/orders:by_client_order_id": {
                String clientId = url.queryParameter("client_order_id");
                return Optional.of(exchange.orderByClientId(clientId == null ? "" : clientId)
                        .map(o -> Exchange.Answer.ok(o.json()))
                        .orElse(Exchange.Answer.error(404, 40410000, "order not found")));
            }
            default:
                break;
        }
        if (path.startsWith("/v2/orders/")) {
            String id = path.substring("/v2/orders/".length());
            if (method.equals("DELETE")) {
                return Optional.of(exchange.cancel(id, now));
            }
            if (method.equals("GET")) {
                return Optional.of(exchange.order(id).map(o -> Exchange.Answer.ok(o.json()))
                        .orElse(Exchange.Answer.error(404, 40410000, "order not found")));
            }
        }
        if (path.startsWith("/v2/assets/") && method.equals("GET")) {
            Symbol symbol = Symbol.of(path.substring("/v2/assets/".length()));
            return Optional.of(exchange.assetRules(symbol)
                    .map(r -> Exchange.Answer.ok(EmulatorJson.asset(symbol, r.tradable(), r.fractionable())))
                    .orElse(Exchange.Answer.error(404, 40410000, "asset not found for " + symbol)));
        }
        return Optional.empty();
    }

    private Exchange.Answer submit(String body, Instant now) {
        JsonNode json;
        try {
            json = EmulatorJson.read(body);
        } catch (Exception e) {
            return Exchange.Answer.error(400, 40010000, "request body format is invalid");
        }
        if (json == null || !json.isObject()) {
            return Exchange.Answer.error(400, 40010000, "request body format is invalid");
        }
        return exchange.submit(json, now);
    }

    /** {@code GET /v2/orders}: status open|closed|all, after/until (submission time), direction, limit, symbols, side. */
    private Exchange.Answer list(HttpUrl url) {
        String status = param(url, "status", "open");
        if (!Set.of("open", "closed", "all").contains(status)) {
            return Exchange.Answer.error(422, 40010000, "invalid status " + status);
        }
        int limit;
        Instant after;
        Instant until;
        try {
            limit = Integer.parseInt(param(url, "limit", String.valueOf(DEFAULT_ORDER_LIMIT)));
            after = time(url.queryParameter("after"));
            until = time(url.queryParameter("until"));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Exchange.Answer.error(422, 40010000, "invalid query: " + e.getMessage());
        }
        if (limit < 1 || limit > MAX_ORDER_LIMIT) {
            return Exchange.Answer.error(422, 40010000, "limit must be 1.." + MAX_ORDER_LIMIT);
        }
        boolean ascending = param(url, "direction", "desc").equals("asc");
        Set<String> symbols = url.queryParameter("symbols") == null ? null
                : new HashSet<>(List.of(url.queryParameter("symbols").split(",")));
        String side = url.queryParameter("side");
        Comparator<EmulatedOrder> bySubmission = Comparator.comparing((EmulatedOrder o) -> o.submittedAt);
        List<EmulatedOrder> chosen = exchange.orders().stream()
                .filter(o -> status.equals("all") || (status.equals("open") == o.isOpen()))
                .filter(o -> after == null || o.submittedAt.isAfter(after))
                .filter(o -> until == null || o.submittedAt.isBefore(until))
                .filter(o -> symbols == null || symbols.contains(o.symbol.value()))
                .filter(o -> side == null || (o.side == Side.BUY ? "buy" : "sell").equals(side))
                .sorted(ascending ? bySubmission : bySubmission.reversed())
                .limit(limit)
                .collect(Collectors.toList());
        ArrayNode out = EmulatorJson.array();
        chosen.forEach(o -> out.add(o.json()));
        return Exchange.Answer.ok(out);
    }

    private ObjectNode clock(Instant now) {
        Optional<MarketCalendar.Session> open = calendar.openAt(now);
        ObjectNode c = EmulatorJson.object();
        c.put("timestamp", EmulatorJson.clockTime(now));
        c.put("is_open", open.isPresent());
        c.put("next_open", EmulatorJson.clockTime(calendar.nextOpening(now).open()));
        c.put("next_close", EmulatorJson.clockTime(calendar.currentOrNext(now).close()));
        return c;
    }

    private Exchange.Answer calendar(HttpUrl url, Instant now) {
        LocalDate start;
        LocalDate end;
        try {
            start = LocalDate.parse(param(url, "start", MarketCalendar.dateOf(now).toString()));
            end = LocalDate.parse(param(url, "end", start.plusDays(30).toString()));
        } catch (DateTimeParseException e) {
            return Exchange.Answer.error(422, 40010000, "invalid date: " + e.getParsedString());
        }
        ArrayNode days = EmulatorJson.array();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            calendar.session(d).ifPresent(s -> {
                ObjectNode day = days.addObject();
                day.put("date", s.date().toString());
                day.put("open", s.open().atZone(io.alchemiser.core.domain.MarketClock.MARKET_ZONE).toLocalTime()
                        .toString());
                day.put("close", s.close().atZone(io.alchemiser.core.domain.MarketClock.MARKET_ZONE).toLocalTime()
                        .toString());
                day.put("session_open", "0400");
                day.put("session_close", "2000");
                day.put("settlement_date", calendar.nextOpening(s.close()).date().toString());
            });
        }
        return Exchange.Answer.ok(days);
    }

    private static Optional<Exchange.Answer> ok(JsonNode body) {
        return Optional.of(Exchange.Answer.ok(body));
    }

    static String param(HttpUrl url, String name, String fallback) {
        String v = url.queryParameter(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** An RFC-3339 time, or a date (midnight UTC), as Alpaca accepts; {@code null} when absent. */
    static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        }
        return OffsetDateTime.parse(text).toInstant();
    }
}
