package io.alchemiser.s3;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.s3.internal.SeriesCache;
import io.alchemiser.s3.model.DataLakeException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@link PriceHistory} that reads daily bars from the data lake ({@link ParquetBarStore}) instead of a broker's API.
 *
 * <p><b>Caching:</b> each symbol's file is read once per instance; make one instance per run so the next run sees
 * refreshed files. {@link #dailyBars(Collection, LocalDate, LocalDate)} loads the symbols it has not read yet in
 * parallel (default {@value #DEFAULT_PARALLELISM} at a time). Today's live price as the last bar is the core's
 * {@code IntradayPriceHistory}, which decorates this.
 *
 * <p><b>Errors:</b> a symbol missing from the lake, or a corrupt file, is a {@link DataLakeException} naming the
 * symbol and its location; a bulk request reports every failing symbol at once. Thread-safe.
 */
public final class ParquetPriceHistory implements PriceHistory {
    public static final int DEFAULT_PARALLELISM = 8;

    private final SeriesCache stored;

    private ParquetPriceHistory(Builder b) {
        LocalDate through = b.through;
        ParquetBarStore store = b.store;
        this.stored = new SeriesCache(through == null ? store::readSeries
                : symbol -> upTo(store.readSeries(symbol), through), b.parallelism,
                "alchemiser-lake-read");
    }

    /** A history over {@code store} with the default parallelism. */
    public static ParquetPriceHistory of(ParquetBarStore store) {
        return builder(store).build();
    }

    /** A builder over {@code store}. */
    public static Builder builder(ParquetBarStore store) {
        return new Builder(store);
    }

    @Override
    public BarSeries dailyBars(Symbol symbol, LocalDate from, LocalDate to) {
        checkRange(from, to);
        return stored.get(symbol).between(from, to);
    }

    @Override
    public Map<Symbol, BarSeries> dailyBars(Collection<Symbol> symbols, LocalDate from, LocalDate to) {
        checkRange(from, to);
        Map<Symbol, BarSeries> out = new LinkedHashMap<>();
        stored.getAll(symbols).forEach((symbol, series) -> out.put(symbol, series.between(from, to)));
        return out;
    }

    private static BarSeries upTo(BarSeries series, LocalDate through) {
        return series.isEmpty() || !series.lastDate().isAfter(through) ? series
                : series.between(series.firstDate(), through);
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }

    /** Builds a {@link ParquetPriceHistory}. */
    public static final class Builder {
        private final ParquetBarStore store;
        private int parallelism = DEFAULT_PARALLELISM;
        private LocalDate through;

        private Builder(ParquetBarStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /** How many files to read at once in a bulk request. */
        public Builder parallelism(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
            }
            this.parallelism = parallelism;
            return this;
        }

        /**
         * Keeps no bar after {@code date} (a job that ends there needs none): the history answers as if the lake
         * ended on that date. {@code null} (the default) keeps every bar.
         */
        public Builder through(LocalDate date) {
            this.through = date;
            return this;
        }

        public ParquetPriceHistory build() {
            return new ParquetPriceHistory(this);
        }
    }
}
