package io.alchemiser.inmemory;

import io.alchemiser.core.domain.Money;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.BrokerException;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.Quotes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a {@link SimulatedBroker} gets its prices: a set price per symbol wins, else the quote source's latest quote.
 * A two-sided quote is the book as is; a single price {@code p} becomes {@code p·(1 ∓ s/20000)} rounded outward to
 * the tick. Positions are marked at the quote's last price, else its midpoint, else the set price, else the last
 * price seen for the symbol. Not thread-safe; the broker guards it with its lock.
 */
final class PriceBook {
    /** The book a symbol shows: bid, ask, and the price positions are valued at. */
    record Touch(BigDecimal bid, BigDecimal ask, BigDecimal mark) {
    }

    private final Quotes quotes;
    private final BigDecimal halfSpread;
    private final Map<Symbol, BigDecimal> prices;
    private final Map<Symbol, BigDecimal> lastMark = new HashMap<>();

    /** {@code quotes} may be {@code null}: then only set prices exist. */
    PriceBook(Quotes quotes, double spreadBps, Map<Symbol, BigDecimal> prices) {
        this.quotes = quotes;
        this.halfSpread = BigDecimal.valueOf(spreadBps).divide(BigDecimal.valueOf(20_000), Money.MATH);
        this.prices = new HashMap<>(prices);
    }

    void setPrice(Symbol symbol, BigDecimal price) {
        prices.put(symbol, price);
    }

    /** Remembers a traded price, used to mark the position if the symbol later has no quote. */
    void traded(Symbol symbol, BigDecimal price) {
        lastMark.put(symbol, price);
    }

    /** The symbol's book, or empty if it has no price anywhere. */
    Optional<Touch> touch(Symbol symbol) {
        BigDecimal set = prices.get(symbol);
        if (set != null) {
            return Optional.of(around(set, set));
        }
        if (quotes == null) {
            return Optional.empty();
        }
        Quote quote;
        try {
            quote = quotes.latestQuote(symbol);
        } catch (MarketDataException e) {
            return Optional.empty();
        }
        BigDecimal reference = quote.referencePrice();
        if (reference == null) {
            return Optional.empty();
        }
        BigDecimal mark = quote.last() != null ? quote.last() : reference;
        return Optional.of(quote.isTwoSided() ? new Touch(quote.bid(), quote.ask(), mark) : around(reference, mark));
    }

    /** The price to value a position in {@code symbol} at. */
    BigDecimal mark(Symbol symbol) {
        Optional<Touch> touch = touch(symbol);
        if (touch.isPresent()) {
            lastMark.put(symbol, touch.get().mark());
            return touch.get().mark();
        }
        BigDecimal last = lastMark.get(symbol);
        if (last == null) {
            throw new BrokerException(BrokerException.Kind.UNAVAILABLE, "no price to value the position in " + symbol);
        }
        return last;
    }

    private Touch around(BigDecimal price, BigDecimal mark) {
        BigDecimal half = price.multiply(halfSpread, Money.MATH);
        BigDecimal bid = Money.toTick(price.subtract(half), RoundingMode.DOWN);
        BigDecimal ask = Money.toTick(price.add(half), RoundingMode.UP);
        if (bid.signum() <= 0) {
            bid = ask;
        }
        return new Touch(bid, ask, mark);
    }
}
