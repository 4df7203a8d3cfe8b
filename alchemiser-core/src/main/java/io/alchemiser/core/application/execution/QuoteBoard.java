package io.alchemiser.core.application.execution;

import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.Quotes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The quotes of one execution phase, fetched for every symbol of the phase in one {@link Quotes#latestQuotes} call
 * and refreshed at most every {@code maxAge}, so N orders walking at once cost one quote request per refresh instead
 * of one per order step. A symbol the batch could not quote is asked alone; still nothing is an empty answer.
 * Thread-safe.
 */
final class QuoteBoard {
    private final Quotes quotes;
    private final Clock clock;
    private final Duration maxAge;
    private final TreeSet<Symbol> symbols;
    private Map<Symbol, Quote> board = Map.of();
    private Instant fetchedAt = Instant.MIN;

    QuoteBoard(Quotes quotes, Collection<Symbol> symbols, Clock clock, Duration maxAge) {
        this.quotes = quotes;
        this.clock = clock;
        this.maxAge = maxAge;
        this.symbols = new TreeSet<>(symbols);
    }

    /** The latest quote of {@code symbol}, no older than the board's maximum age; empty if none can be had. */
    Optional<Quote> quote(Symbol symbol) {
        Map<Symbol, Quote> current = refreshed();
        Quote q = current.get(symbol);
        if (q != null) {
            return Optional.of(q);
        }
        try {
            return Optional.of(quotes.latestQuote(symbol));
        } catch (MarketDataException e) {
            return Optional.empty();
        }
    }

    private synchronized Map<Symbol, Quote> refreshed() {
        Instant now = clock.instant();
        if (fetchedAt.plus(maxAge).isAfter(now) || symbols.isEmpty()) {
            return board;
        }
        try {
            board = new HashMap<>(quotes.latestQuotes(List.copyOf(symbols)));
        } catch (MarketDataException e) {
            board = Map.of(); // each symbol is then asked alone, and a missing quote handled by the walk
        }
        fetchedAt = now;
        return board;
    }
}
