package io.alchemiser.alpaca.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.MarketClock;
import io.alchemiser.core.domain.Symbol;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * The market data API's routes: daily bars (one symbol or many, paged with {@code next_page_token}), snapshots and
 * latest quotes and trades (one symbol or many), with the feed rules of Alpaca's free plan when asked for: SIP data
 * newer than 15 minutes is refused with 403 "subscription does not permit querying recent SIP data". Only
 * {@code timeframe=1Day} is served. A bar is served once its day has closed. Called under the emulator's lock.
 */
final class DataRoutes {
    static final Duration FREE_PLAN_SIP_DELAY = Duration.ofMinutes(15);
    private static final String RECENT_SIP = "subscription does not permit querying recent SIP data";
    private static final int MAX_PAGE = 10_000;

    private final Prices prices;
    private final MarketCalendar calendar;
    private final boolean freePlan;
    private final int pageSize;

    DataRoutes(Prices prices, MarketCalendar calendar, boolean freePlan, int pageSize) {
        this.prices = prices;
        this.calendar = calendar;
        this.freePlan = freePlan;
        this.pageSize = pageSize;
    }

    Optional<Exchange.Answer> route(String method, String path, HttpUrl url, Instant now) {
        if (!method.equals("GET") || !path.startsWith("/v2/stocks/")) {
            return Optional.empty();
        }
        String rest = path.substring("/v2/stocks/".length());
        String feed = TradingRoutes.param(url, "feed", freePlan ? "iex" : "sip");
        if (!feed.equals("iex") && !feed.equals("sip")) {
            return Optional.of(Exchange.Answer.error(400, 40010000, "invalid feed " + feed));
        }
        List<Symbol> many = symbols(url);
        switch (rest) {
            case "bars":
                return Optional.of(bars(many, true, url, feed, now));
            case "snapshots":
                return Optional.of(latest(many, feed, now, "snapshots"));
            case "quotes/latest":
                return Optional.of(latest(many, feed, now, "quotes"));
            case "trades/latest":
                return Optional.of(latest(many, feed, now, "trades"));
            default:
                break;
        }
        String[] parts = rest.split("/", 2);
        if (parts.length < 2) {
            return Optional.empty();
        }
        List<Symbol> one = List.of(Symbol.of(parts[0]));
        switch (parts[1]) {
            case "bars":
                return Optional.of(bars(one, false, url, feed, now));
            case "snapshot":
                return Optional.of(latest(one, feed, now, "snapshot"));
            case "quotes/latest":
                return Optional.of(latest(one, feed, now, "quote"));
            case "trades/latest":
                return Optional.of(latest(one, feed, now, "trade"));
            default:
                return Optional.empty();
        }
    }

    private Exchange.Answer bars(List<Symbol> symbols, boolean multi, HttpUrl url, String feed, Instant now) {
        if (!"1Day".equals(url.queryParameter("timeframe"))) {
            return Exchange.Answer.error(422, 42210000, "this emulator serves timeframe=1Day only");
        }
        Instant start;
        Instant end;
        int limit;
        try {
            start = TradingRoutes.time(url.queryParameter("start"));
            end = TradingRoutes.time(url.queryParameter("end"));
            limit = Integer.parseInt(TradingRoutes.param(url, "limit", "1000"));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Exchange.Answer.error(422, 42210000, "invalid query: " + e.getMessage());
        }
        if (start == null || limit < 1 || limit > MAX_PAGE) {
            return Exchange.Answer.error(422, 42210000, "start is required and limit must be 1.." + MAX_PAGE);
        }
        end = end == null ? now : end;
        if (end.isAfter(now)) {
            return Exchange.Answer.error(422, 42210000, "end should not be in the future");
        }
        if (freePlan && feed.equals("sip") && end.isAfter(now.minus(FREE_PLAN_SIP_DELAY))) {
            return Exchange.Answer.error(403, 40310000, RECENT_SIP);
        }
        List<Object[]> rows = new ArrayList<>();
        for (Symbol s : symbols) {
            for (DailyBar b : closedBars(s, start, end, now)) {
                rows.add(new Object[] {s, b});
            }
        }
        int from = offset(url.queryParameter("page_token"));
        int size = Math.min(limit, pageSize);
        List<Object[]> page = rows.subList(Math.min(from, rows.size()), Math.min(rows.size(), from + size));
        ObjectNode out = EmulatorJson.object();
        if (multi) {
            Map<String, ArrayNode> bySymbol = new LinkedHashMap<>();
            for (Object[] row : page) {
                bySymbol.computeIfAbsent(((Symbol) row[0]).value(), k -> EmulatorJson.array())
                        .add(EmulatorJson.bar((DailyBar) row[1]));
            }
            ObjectNode bars = out.putObject("bars");
            bySymbol.forEach(bars::set);
        } else {
            if (page.isEmpty()) {
                out.putNull("bars");
            } else {
                ArrayNode bars = out.putArray("bars");
                page.forEach(row -> bars.add(EmulatorJson.bar((DailyBar) row[1])));
            }
            out.put("symbol", symbols.get(0).value());
        }
        int next = from + size;
        out.put("next_page_token", next < rows.size() ? token(next) : null);
        return Exchange.Answer.ok(out);
    }

    /** Bars whose midnight lies in [start, end] and whose day has closed by {@code now}. */
    private List<DailyBar> closedBars(Symbol symbol, Instant start, Instant end, Instant now) {
        LocalDate first = start.atZone(MarketClock.MARKET_ZONE).toLocalDate();
        LocalDate last = end.atZone(MarketClock.MARKET_ZONE).toLocalDate();
        List<DailyBar> out = new ArrayList<>();
        for (DailyBar b : prices.bars(symbol, first, last)) {
            Instant midnight = b.date().atStartOfDay(MarketClock.MARKET_ZONE).toInstant();
            boolean closed = calendar.session(b.date()).map(s -> !now.isBefore(s.close()))
                    .orElse(b.date().isBefore(MarketCalendar.dateOf(now)));
            if (!midnight.isBefore(start) && !midnight.isAfter(end) && closed) {
                out.add(b);
            }
        }
        return out;
    }

    /** Snapshots, latest quotes or latest trades; {@code kind} names the answer's shape. */
    private Exchange.Answer latest(List<Symbol> symbols, String feed, Instant now, String kind) {
        if (freePlan && feed.equals("sip")) {
            return Exchange.Answer.error(403, 40310000, RECENT_SIP);
        }
        ObjectNode out = EmulatorJson.object();
        ObjectNode keyed = kind.equals("snapshots") ? out : kind.equals("quotes") ? out.putObject("quotes")
                : kind.equals("trades") ? out.putObject("trades") : null;
        for (Symbol s : symbols) {
            Book book = prices.book(s, now).orElse(null);
            switch (kind) {
                case "snapshots" -> {
                    if (book != null) {
                        keyed.set(s.value(), snapshot(s, book, now));
                    }
                }
                case "quotes" -> {
                    if (book != null) {
                        keyed.set(s.value(), EmulatorJson.quote(book, now));
                    }
                }
                case "trades" -> {
                    if (book != null) {
                        keyed.set(s.value(), EmulatorJson.trade(book, now));
                    }
                }
                case "snapshot" -> {
                    if (book == null) {
                        return Exchange.Answer.error(404, 40410000, "no snapshot found for " + s);
                    }
                    out = snapshot(s, book, now);
                    out.put("symbol", s.value());
                }
                case "quote" -> {
                    out.put("symbol", s.value());
                    out.set("quote", EmulatorJson.quote(book == null ? new Book(null, null, null) : book, now));
                }
                default -> {
                    out.put("symbol", s.value());
                    out.set("trade", EmulatorJson.trade(book == null ? new Book(null, null, null) : book, now));
                }
            }
        }
        return Exchange.Answer.ok(out);
    }

    private ObjectNode snapshot(Symbol symbol, Book book, Instant now) {
        ObjectNode snap = EmulatorJson.object();
        snap.set("latestTrade", EmulatorJson.trade(book, now));
        snap.set("latestQuote", EmulatorJson.quote(book, now));
        LocalDate today = MarketCalendar.dateOf(now);
        prices.latestBar(symbol, today).ifPresent(b -> snap.set("dailyBar", EmulatorJson.bar(b)));
        prices.latestBar(symbol, today.minusDays(1)).ifPresent(b -> snap.set("prevDailyBar", EmulatorJson.bar(b)));
        return snap;
    }

    private static List<Symbol> symbols(HttpUrl url) {
        String list = url.queryParameter("symbols");
        List<Symbol> out = new ArrayList<>();
        if (list != null) {
            for (String s : list.split(",")) {
                if (!s.isBlank()) {
                    out.add(Symbol.of(s.strip()));
                }
            }
        }
        return out;
    }

    private static String token(int offset) {
        return Base64.getEncoder().encodeToString(("page|" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token) {
        if (token == null || token.isBlank()) {
            return 0;
        }
        String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        return Integer.parseInt(decoded.substring("page|".length()));
    }
}
