package io.alchemiser.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import io.alchemiser.alpaca.config.AlpacaConfig;
import io.alchemiser.alpaca.internal.AlpacaCallException;
import io.alchemiser.alpaca.internal.AlpacaHttp;
import io.alchemiser.alpaca.internal.Json;
import io.alchemiser.alpaca.internal.MalformedResponseException;
import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.core.port.Quotes;
import io.alchemiser.core.port.Scheduler;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Both market-data ports, {@link PriceHistory} (daily bars) and {@link Quotes} (latest quote and trade), over
 * Alpaca's market data API v2, each on its own feed: bars on the history feed (default SIP, the consolidated prices
 * Composer and backtests use), quotes on the quote feed (default IEX, which every plan may read live).
 *
 * <p><b>Bars.</b> Daily bars come from {@code /v2/stocks/{symbol}/bars} (one symbol) or {@code /v2/stocks/bars} (many,
 * in batches of {@value #SYMBOLS_PER_REQUEST} symbols), with {@code timeframe=1Day}, {@code adjustment=all} (split- and
 * dividend-adjusted, so {@code close} is the adjusted close), {@code limit=10000}, and every {@code next_page_token}
 * followed. The range is sent as instants: {@code start} is midnight New York of the first date, {@code end} the last
 * second of the last date, but never after now, and on SIP never after now minus the configured history delay (15
 * minutes by default: Alpaca's free plan refuses more recent SIP data). A bar's {@code t} (midnight New York, as an
 * RFC-3339 instant) becomes its New York trading date; a bar of a day whose 16:00 close is after the request's end is
 * partial and left out.
 *
 * <p><b>Quotes.</b> {@code GET /v2/stocks/snapshots?symbols=…}: one request for up to {@value #SYMBOLS_PER_REQUEST}
 * symbols, bid and ask from each snapshot's {@code latestQuote}, last from its {@code latestTrade}.
 *
 * <p><b>Empty answers.</b> Alpaca sometimes answers 200 with no data: {@code "bars": null}, a symbol missing from a
 * multi-symbol answer, a latest quote or trade whose prices are 0 and whose time is {@code 0001-01-01}. These are
 * missing data: a {@link MarketDataException} naming the symbol, or a {@code null} side of a {@link Quote}; never a
 * zero price.
 *
 * <p>Every request goes through the key's shared request budget. Thread-safe; holds no state besides its
 * configuration.
 */
public final class AlpacaMarketData implements PriceHistory, Quotes {

    /** Symbols per multi-symbol bars request, keeping URLs well under common length limits. */
    static final int SYMBOLS_PER_REQUEST = 100;
    private static final int MAX_PAGES = 100_000;
    private static final String PAGE_LIMIT = "10000";
    private static final LocalTime REGULAR_CLOSE = LocalTime.of(16, 0);

    private final AlpacaHttp http;

    /** Market data with its own HTTP client; see {@link AlpacaAdapters} to share one among the three adapters. */
    public AlpacaMarketData(AlpacaConfig config) {
        this(new AlpacaHttp(config));
    }

    AlpacaMarketData(AlpacaHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public BarSeries dailyBars(Symbol symbol, LocalDate from, LocalDate to) {
        Objects.requireNonNull(symbol, "symbol");
        checkRange(from, to);
        Range range = range(symbol.toString(), from, to);
        String path = "/v2/stocks/" + AlpacaHttp.segment(symbol.value()) + "/bars";
        TreeMap<LocalDate, DailyBar> bars = new TreeMap<>();
        Pages pages = new Pages(symbol.toString());
        do {
            Map<String, String> query = barsQuery(null, range, pages.token);
            JsonNode node = fetch(symbol.toString(), config().historyFeed(), () -> http.get(AlpacaHttp.Api.DATA, path,
                    query));
            JsonNode list = node.get("bars");
            if (list != null && !list.isNull()) {
                if (!list.isArray()) {
                    throw new MarketDataException(symbol + ": Alpaca's bars answer holds no list of bars");
                }
                for (JsonNode bar : list) {
                    add(bars, symbol, bar, range);
                }
            }
            pages.next(node);
        } while (pages.token != null);
        if (bars.isEmpty()) {
            throw noBars(List.of(symbol), from, to);
        }
        return series(symbol, bars);
    }

    /** Batches the symbols into multi-symbol requests; fails naming every symbol Alpaca had no bars for. */
    @Override
    public Map<Symbol, BarSeries> dailyBars(Collection<Symbol> symbols, LocalDate from, LocalDate to) {
        Objects.requireNonNull(symbols, "symbols");
        checkRange(from, to);
        Range range = range(symbols.size() + " symbols", from, to);
        Map<Symbol, TreeMap<LocalDate, DailyBar>> collected = new LinkedHashMap<>();
        for (Symbol s : symbols) {
            collected.put(Objects.requireNonNull(s, "symbol"), new TreeMap<>());
        }
        List<Symbol> all = new ArrayList<>(collected.keySet());
        for (int start = 0; start < all.size(); start += SYMBOLS_PER_REQUEST) {
            List<Symbol> batch = all.subList(start, Math.min(all.size(), start + SYMBOLS_PER_REQUEST));
            fetchBatch(batch, collected, range);
        }
        List<Symbol> missing = new ArrayList<>();
        collected.forEach((s, bars) -> {
            if (bars.isEmpty()) {
                missing.add(s);
            }
        });
        if (!missing.isEmpty()) {
            throw noBars(missing, from, to);
        }
        Map<Symbol, BarSeries> out = new LinkedHashMap<>();
        collected.forEach((s, bars) -> out.put(s, series(s, bars)));
        return out;
    }

    private void fetchBatch(List<Symbol> batch, Map<Symbol, TreeMap<LocalDate, DailyBar>> collected, Range range) {
        String what = batch.size() == 1 ? batch.get(0).toString() : batch.size() + " symbols " + batch;
        Pages pages = new Pages(what);
        do {
            Map<String, String> query = barsQuery(joined(batch), range, pages.token);
            JsonNode node = fetch(what, config().historyFeed(), () -> http.get(AlpacaHttp.Api.DATA, "/v2/stocks/bars",
                    query));
            JsonNode bySymbol = node.get("bars");
            if (bySymbol != null && !bySymbol.isNull()) {
                if (!bySymbol.isObject()) {
                    throw new MarketDataException(what + ": Alpaca's multi-symbol bars answer is not keyed by symbol");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = bySymbol.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    Symbol symbol = Symbol.of(entry.getKey());
                    TreeMap<LocalDate, DailyBar> target = collected.get(symbol);
                    if (target == null || !entry.getValue().isArray()) {
                        continue; // not asked for, or no list: nothing to take
                    }
                    for (JsonNode bar : entry.getValue()) {
                        add(target, symbol, bar, range);
                    }
                }
            }
            pages.next(node);
        } while (pages.token != null);
    }

    /**
     * The latest quote: bid and ask from the snapshot's {@code latestQuote}, last from its {@code latestTrade}, read
     * from the configured quote feed. A side Alpaca reports as 0 (or with its zero time) is {@code null}; the
     * timestamp is the later of the two.
     *
     * @throws MarketDataException if Alpaca has neither a quote nor a trade for the symbol
     */
    @Override
    public Quote latestQuote(Symbol symbol) {
        Objects.requireNonNull(symbol, "symbol");
        return latestQuotes(List.of(symbol)).get(symbol);
    }

    /**
     * Latest quotes of many symbols from {@code GET /v2/stocks/snapshots?symbols=…} on the quote feed, in batches of
     * {@value #SYMBOLS_PER_REQUEST}: one request for a whole portfolio instead of two per symbol. Each quote follows
     * {@link #latestQuote}'s rules.
     *
     * @throws MarketDataException naming every symbol Alpaca had neither a quote nor a trade for
     */
    @Override
    public Map<Symbol, Quote> latestQuotes(Collection<Symbol> symbols) {
        Objects.requireNonNull(symbols, "symbols");
        List<Symbol> unique = new ArrayList<>(new LinkedHashSet<>(symbols));
        unique.forEach(s -> Objects.requireNonNull(s, "symbol"));
        Map<Symbol, Quote> out = new LinkedHashMap<>();
        List<Symbol> missing = new ArrayList<>();
        for (int start = 0; start < unique.size(); start += SYMBOLS_PER_REQUEST) {
            List<Symbol> batch = unique.subList(start, Math.min(unique.size(), start + SYMBOLS_PER_REQUEST));
            String what = batch.size() == 1 ? batch.get(0).toString() : batch.size() + " symbols " + batch;
            JsonNode node = fetch(what, config().quoteFeed(), () -> http.get(AlpacaHttp.Api.DATA,
                    "/v2/stocks/snapshots", Map.of("symbols", joined(batch), "feed", config().quoteFeed()
                            .queryValue())));
            JsonNode bySymbol = node.has("snapshots") ? node.get("snapshots") : node;
            for (Symbol s : batch) {
                Optional<Quote> quote = snapshotQuote(s, bySymbol.path(s.value()));
                if (quote.isPresent()) {
                    out.put(s, quote.get());
                } else {
                    missing.add(s);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new MarketDataException((missing.size() == 1 ? missing.get(0).toString() : missing.toString())
                    + ": Alpaca has no quote and no trade (feed " + config().quoteFeed().queryValue()
                    + "); it answered with empty data");
        }
        return out;
    }

    private static Optional<Quote> snapshotQuote(Symbol symbol, JsonNode snapshot) {
        if (!snapshot.isObject()) {
            return Optional.empty();
        }
        JsonNode quote = snapshot.path("latestQuote");
        Optional<Instant> quoteTime = parse(symbol, () -> Json.optionalInstant(quote, "t", symbol + " quote"));
        BigDecimal bid = quoteTime.isPresent() ? positive(symbol, quote, "bp") : null;
        BigDecimal ask = quoteTime.isPresent() ? positive(symbol, quote, "ap") : null;
        Optional<LatestTrade> trade = trade(symbol, snapshot.path("latestTrade"));
        if (bid == null && ask == null && trade.isEmpty()) {
            return Optional.empty();
        }
        Instant time = trade.map(LatestTrade::timestamp).orElse(Instant.MIN);
        if ((bid != null || ask != null) && quoteTime.get().isAfter(time)) {
            time = quoteTime.get();
        }
        return Optional.of(new Quote(symbol, bid, ask, trade.map(LatestTrade::price).orElse(null), time));
    }

    /**
     * The latest trade from {@code /v2/stocks/{symbol}/trades/latest} on the quote feed.
     *
     * @throws MarketDataException if Alpaca has no trade for the symbol (an empty answer, price 0)
     */
    public LatestTrade latestTrade(Symbol symbol) {
        Objects.requireNonNull(symbol, "symbol");
        JsonNode node = fetch(symbol.toString(), config().quoteFeed(), () -> http.get(AlpacaHttp.Api.DATA,
                "/v2/stocks/" + AlpacaHttp.segment(symbol.value()) + "/trades/latest",
                Map.of("feed", config().quoteFeed().queryValue())));
        return trade(symbol, node.path("trade")).orElseThrow(() -> new MarketDataException(symbol
                + ": Alpaca has no latest trade (feed " + config().quoteFeed().queryValue()
                + "); it answered with empty data"));
    }

    private static Optional<LatestTrade> trade(Symbol symbol, JsonNode trade) {
        Optional<Instant> time = parse(symbol, () -> Json.optionalInstant(trade, "t", symbol + " trade"));
        BigDecimal price = time.isPresent() ? positive(symbol, trade, "p") : null;
        if (price == null) {
            return Optional.empty();
        }
        BigDecimal size = parse(symbol, () -> Json.optionalDecimal(trade, "s", symbol + " trade"))
                .orElse(BigDecimal.ZERO);
        return Optional.of(new LatestTrade(symbol, price, size, time.get()));
    }

    /**
     * Keeps a bar inside the asked dates, and only if its day's regular session (16:00 New York) had ended by the
     * request's end: a bar of a day still trading is partial, and is left out rather than passed off as a close.
     */
    private void add(TreeMap<LocalDate, DailyBar> bars, Symbol symbol, JsonNode bar, Range range) {
        DailyBar parsed = parse(symbol, () -> {
            String context = symbol + " bar";
            LocalDate date = Json.instant(bar, "t", context).atZone(Scheduler.MARKET_ZONE).toLocalDate();
            BigDecimal volume = Json.optionalDecimal(bar, "v", context).orElse(BigDecimal.ZERO);
            return new DailyBar(date, Json.decimal(bar, "o", context), Json.decimal(bar, "h", context),
                    Json.decimal(bar, "l", context), Json.decimal(bar, "c", context),
                    volume.setScale(0, RoundingMode.DOWN).longValueExact());
        });
        if (parsed.date().isBefore(range.from) || parsed.date().isAfter(range.to)
                || parsed.date().atTime(REGULAR_CLOSE).atZone(Scheduler.MARKET_ZONE).toInstant().isAfter(range.end)) {
            return;
        }
        if (bars.putIfAbsent(parsed.date(), parsed) != null) {
            throw new MarketDataException(symbol + ": Alpaca returned two daily bars dated " + parsed.date());
        }
    }

    /**
     * The dates asked and the instants sent: {@code start} is midnight New York of the first date; {@code end} is the
     * last second of the last date, but never later than now, and on the SIP feed never later than now minus the
     * history delay (Alpaca's free plan refuses more recent SIP data).
     */
    private Range range(String what, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(Scheduler.MARKET_ZONE).toInstant();
        Instant asked = to.atTime(LocalTime.of(23, 59, 59)).atZone(Scheduler.MARKET_ZONE).toInstant();
        Instant now = config().clock().instant();
        Instant latest = config().historyFeed() == AlpacaConfig.Feed.SIP ? now.minus(config().historyDelay()) : now;
        Instant end = asked.isAfter(latest) ? latest.truncatedTo(ChronoUnit.SECONDS) : asked;
        if (!end.isAfter(start)) {
            throw new MarketDataException(what + ": no daily bars from " + from + " can be asked for yet: the "
                    + config().historyFeed().queryValue() + " history ends at " + end + " (now"
                    + (latest.equals(now) ? "" : " minus the history delay of " + config().historyDelay()) + ")");
        }
        return new Range(from, to, start, end);
    }

    private Map<String, String> barsQuery(String symbols, Range range, String pageToken) {
        Map<String, String> q = new LinkedHashMap<>();
        if (symbols != null) {
            q.put("symbols", symbols);
        }
        q.put("timeframe", "1Day");
        q.put("start", DateTimeFormatter.ISO_INSTANT.format(range.start));
        q.put("end", DateTimeFormatter.ISO_INSTANT.format(range.end));
        q.put("adjustment", "all");
        q.put("feed", config().historyFeed().queryValue());
        q.put("limit", PAGE_LIMIT);
        if (pageToken != null) {
            q.put("page_token", pageToken);
        }
        return q;
    }

    private AlpacaConfig config() {
        return http.config();
    }

    private static String joined(List<Symbol> symbols) {
        StringBuilder joined = new StringBuilder();
        for (Symbol s : symbols) {
            joined.append(joined.length() == 0 ? "" : ",").append(s.value());
        }
        return joined.toString();
    }

    private static JsonNode fetch(String what, AlpacaConfig.Feed feed, Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (AlpacaCallException e) {
            String hint = e.isStatus(401) || e.isStatus(403)
                    ? "; check the API keys, and that the Alpaca plan covers feed " + feed.queryValue()
                    : "";
            throw new MarketDataException(what + ": Alpaca market data failed: " + e.getMessage() + hint, e);
        } catch (MalformedResponseException e) {
            throw new MarketDataException(what + ": " + e.getMessage(), e);
        }
    }

    private static <T> T parse(Symbol symbol, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (MalformedResponseException | IllegalArgumentException | ArithmeticException e) {
            throw new MarketDataException(symbol + ": Alpaca's answer cannot be read: " + e.getMessage(), e);
        }
    }

    /** A price Alpaca reports, or {@code null} when it reports none or 0 (its way of saying "no data"). */
    private static BigDecimal positive(Symbol symbol, JsonNode node, String field) {
        BigDecimal v = parse(symbol, () -> Json.optionalDecimal(node, field, symbol.toString())).orElse(null);
        return v == null || v.signum() <= 0 ? null : v;
    }

    private MarketDataException noBars(List<Symbol> symbols, LocalDate from, LocalDate to) {
        String who = symbols.size() == 1 ? symbols.get(0).toString() : symbols.toString();
        return new MarketDataException("Alpaca returned no daily bars for " + who + " from " + from + " to " + to
                + " (feed " + config().historyFeed().queryValue() + "): unknown symbol, not yet listed, or no data");
    }

    private static BarSeries series(Symbol symbol, TreeMap<LocalDate, DailyBar> bars) {
        return new BarSeries(symbol, new ArrayList<>(bars.values()));
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("date range ends before it starts: " + from + " to " + to);
        }
    }

    /** The asked dates and the instants sent for them. */
    private static final class Range {
        final LocalDate from;
        final LocalDate to;
        final Instant start;
        final Instant end;

        Range(LocalDate from, LocalDate to, Instant start, Instant end) {
            this.from = from;
            this.to = to;
            this.start = start;
            this.end = end;
        }
    }

    /** Follows {@code next_page_token}; a token Alpaca repeats would loop forever, so it is an error. */
    private static final class Pages {
        private final String what;
        private final Set<String> seen = new LinkedHashSet<>();
        String token;

        Pages(String what) {
            this.what = what;
        }

        void next(JsonNode node) {
            token = Json.optionalText(node, "next_page_token").orElse(null);
            if (token != null && (!seen.add(token) || seen.size() > MAX_PAGES)) {
                throw new MarketDataException(what + ": Alpaca repeated page token '" + token
                        + "'; stopping rather than looping");
            }
        }
    }
}
