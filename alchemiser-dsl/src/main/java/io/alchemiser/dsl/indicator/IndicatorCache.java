package io.alchemiser.dsl.indicator;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Indicator series computed once per (price series, indicator) and kept for one run.
 *
 * <p>Create one cache per evaluation or backtest run and drop it with the run; there is no global
 * cache. A series key (normally the symbol, such as {@code "SPY"}, or a name for a synthetic equity
 * curve) must identify one price history for the cache's whole life: a run that appends today's
 * live price, or truncates history, needs a new cache or a different key. The cache checks the
 * length and the last close of the history it is given against the one it computed from and
 * refuses a mismatch rather than answer from stale data.
 *
 * <p>Thread-safe: concurrent requests for the same key compute the series once
 * ({@link ConcurrentHashMap#computeIfAbsent}); different keys compute in parallel.
 */
public final class IndicatorCache {

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();

    /** An empty cache. */
    public IndicatorCache() {
    }

    /**
     * The whole series of {@code spec} over {@code closes}, computed on the first request for
     * {@code (seriesKey, spec)} and shared afterwards.
     *
     * <p>The returned array is shared by every caller of this cache: read it, never write to it.
     *
     * @param seriesKey identifies {@code closes}, such as the symbol
     * @param spec      the indicator
     * @param closes    the price history {@code seriesKey} stands for, oldest first
     * @return the series, aligned with {@code closes} as by {@link Indicators#series}
     * @throws IllegalStateException    if {@code seriesKey} was cached from a different history
     * @throws IllegalArgumentException if {@code closes} holds a non-positive or non-finite price
     */
    public double[] series(String seriesKey, IndicatorSpec spec, double[] closes) {
        Objects.requireNonNull(seriesKey, "seriesKey");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(closes, "closes");
        Entry entry = entries.computeIfAbsent(new Key(seriesKey, spec),
                key -> new Entry(closes.length, last(closes), Indicators.series(spec, closes)));
        if (entry.length != closes.length || Double.compare(entry.lastClose, last(closes)) != 0) {
            throw new IllegalStateException("indicator cache: " + seriesKey + " " + spec.describe()
                    + " was computed from " + entry.length + " bars ending at " + entry.lastClose
                    + " but is now asked for " + closes.length + " bars ending at " + last(closes)
                    + "; use one cache per price history");
        }
        return entry.values;
    }

    /**
     * One value of a cached series: {@code series(seriesKey, spec, closes)[index]}.
     *
     * @param seriesKey identifies {@code closes}
     * @param spec      the indicator
     * @param closes    the price history
     * @param index     the bar, 0 for the oldest
     * @return the value, {@code NaN} when {@code index < spec.warmup()}
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code closes}
     */
    public double valueAt(String seriesKey, IndicatorSpec spec, double[] closes, int index) {
        Objects.checkIndex(index, closes.length);
        return series(seriesKey, spec, closes)[index];
    }

    /**
     * How many series the cache holds.
     *
     * @return the number of cached (series key, spec) pairs
     */
    public int size() {
        return entries.size();
    }

    private static double last(double[] closes) {
        return closes.length == 0 ? Double.NaN : closes[closes.length - 1];
    }

    private record Key(String seriesKey, IndicatorSpec spec) {
    }

    private record Entry(int length, double lastClose, double[] values) {
    }
}
