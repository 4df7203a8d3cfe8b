package io.alchemiser.core.port;

import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Symbol;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The latest quote and trade of a symbol: what orders are priced and sized from.
 *
 * <p><b>Threading:</b> implementations are safe to call from several threads at once.
 * <b>Idempotency:</b> reads only.
 * <b>Errors:</b> a symbol without a quote, or a source that cannot be reached, is a {@link MarketDataException}
 * naming the symbol; a missing price is never reported as zero.
 */
public interface Quotes {

    /**
     * The latest quote of {@code symbol}.
     *
     * @throws MarketDataException if the source has no quote for the symbol, or cannot be reached
     */
    Quote latestQuote(Symbol symbol);

    /**
     * The latest quotes of several symbols, keyed in the order asked. The default calls {@link #latestQuote} in
     * turn; adapters override it to fetch every symbol in one request.
     *
     * @throws MarketDataException naming every symbol without a quote
     */
    default Map<Symbol, Quote> latestQuotes(Collection<Symbol> symbols) {
        Map<Symbol, Quote> out = new LinkedHashMap<>();
        for (Symbol s : symbols) {
            out.put(s, latestQuote(s));
        }
        return out;
    }
}
