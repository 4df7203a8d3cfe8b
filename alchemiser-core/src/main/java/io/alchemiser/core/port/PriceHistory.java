package io.alchemiser.core.port;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Symbol;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Daily bars: what strategies evaluate on and backtests replay.
 *
 * <p><b>Threading:</b> implementations are safe to call from several threads at once.
 * <b>Idempotency:</b> reads only; the same call returns the same data unless the source changed.
 * <b>Errors:</b> a symbol the source knows nothing about, a source that answers with no data, or a source that
 * cannot be read is a {@link MarketDataException} naming the symbol; never an empty result dressed up as data,
 * and never a zero price.
 */
public interface PriceHistory {

    /**
     * The daily bars of {@code symbol} dated {@code from} to {@code to}, both inclusive, oldest first. Bars are
     * adjusted for splits and dividends. The series may be shorter than the range (new listings, holidays) but is
     * never padded; for a symbol the source knows, a range with no bars gives an empty series.
     *
     * @throws MarketDataException      if the source has no bars at all for the symbol, or cannot be read
     * @throws IllegalArgumentException if {@code from} is after {@code to}
     */
    BarSeries dailyBars(Symbol symbol, LocalDate from, LocalDate to);

    /**
     * Bars for several symbols, keyed in the order asked. The default calls
     * {@link #dailyBars(Symbol, LocalDate, LocalDate)} in turn; adapters override it to batch or parallelise. Fails
     * if any symbol cannot be loaded; the exception names it (adapters that load in parallel name every failing
     * symbol).
     */
    default Map<Symbol, BarSeries> dailyBars(Collection<Symbol> symbols, LocalDate from, LocalDate to) {
        Map<Symbol, BarSeries> out = new LinkedHashMap<>();
        for (Symbol s : symbols) {
            out.put(s, dailyBars(s, from, to));
        }
        return out;
    }
}
