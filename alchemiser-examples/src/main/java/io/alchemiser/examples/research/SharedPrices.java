package io.alchemiser.examples.research;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.PriceHistory;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The price table of a job: every symbol the job's symphonies read, loaded once from the source through the job's
 * last day, then only read. Immutable, so every thread of a process shares one without a lock.
 *
 * <p>A symbol the source could not deliver is kept with the reason, and asking for it is a
 * {@link MarketDataException} with that reason: the units that need it fail with it, the others run.
 */
public final class SharedPrices implements PriceHistory {
    private final Map<Symbol, BarSeries> bars;
    private final Map<Symbol, String> missing;
    private final LocalDate through;

    private SharedPrices(Map<Symbol, BarSeries> bars, Map<Symbol, String> missing, LocalDate through) {
        this.bars = Collections.unmodifiableMap(bars);
        this.missing = Collections.unmodifiableMap(missing);
        this.through = through;
    }

    /**
     * Loads {@code symbols} from {@code source}, from its first bar through {@code through}: all of them in one
     * request, and one at a time only when that fails, to learn which could not be loaded and why.
     */
    public static SharedPrices load(PriceHistory source, Collection<Symbol> symbols, LocalDate through) {
        Objects.requireNonNull(through, "through");
        TreeSet<Symbol> wanted = new TreeSet<>(symbols);
        Map<Symbol, BarSeries> bars = new TreeMap<>();
        Map<Symbol, String> missing = new TreeMap<>();
        try {
            bars.putAll(source.dailyBars(wanted, EvaluationSession.EARLIEST, through));
        } catch (MarketDataException bulk) {
            for (Symbol s : wanted) {
                try {
                    bars.put(s, source.dailyBars(s, EvaluationSession.EARLIEST, through));
                } catch (MarketDataException e) {
                    missing.put(s, e.getMessage());
                }
            }
        }
        return new SharedPrices(bars, missing, through);
    }

    /** The price table of {@code job}: its symbols, from its price source, through its last day. */
    public static SharedPrices of(ResearchJob job) {
        List<Symbol> symbols = job.symbols().stream().map(Symbol::of).toList();
        LocalDate through = job.settings().to();
        return job.prices().read(through, history -> load(history, symbols, through));
    }

    /** The last day loaded. */
    public LocalDate through() {
        return through;
    }

    /** The symbols that could not be loaded, with the reason, alphabetically. */
    public Map<Symbol, String> missing() {
        return missing;
    }

    /** How many symbols are loaded. */
    public int size() {
        return bars.size();
    }

    /**
     * The loaded bars of {@code symbol} between the dates.
     *
     * @throws MarketDataException if the symbol could not be loaded, or was not asked for when the table was made
     */
    @Override
    public BarSeries dailyBars(Symbol symbol, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        BarSeries series = bars.get(symbol);
        if (series == null) {
            String reason = missing.get(symbol);
            throw new MarketDataException(reason != null ? reason
                    : "no bars for " + symbol + ": the job's price table holds only the symbols its symphonies read");
        }
        return series.between(from, to);
    }

    /** As one call per symbol; the exception names every symbol that is not loaded. */
    @Override
    public Map<Symbol, BarSeries> dailyBars(Collection<Symbol> symbols, LocalDate from, LocalDate to) {
        Map<Symbol, BarSeries> out = new LinkedHashMap<>();
        StringBuilder failures = new StringBuilder();
        int failed = 0;
        for (Symbol s : symbols) {
            try {
                out.put(s, dailyBars(s, from, to));
            } catch (MarketDataException e) {
                failures.append(failed++ == 0 ? "" : "; ").append(e.getMessage());
            }
        }
        if (failed > 0) {
            throw new MarketDataException(failures.toString());
        }
        return out;
    }

    @Override
    public String toString() {
        return "SharedPrices[" + bars.size() + " symbols through " + through + ", " + missing.size() + " missing]";
    }
}
