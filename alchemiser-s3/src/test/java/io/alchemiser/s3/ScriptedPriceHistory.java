package io.alchemiser.s3;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.PriceHistory;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A source that serves series set by the test and records what it was asked. */
final class ScriptedPriceHistory implements PriceHistory {
    final Map<Symbol, BarSeries> series = new ConcurrentHashMap<>();
    final Map<Symbol, RuntimeException> failures = new ConcurrentHashMap<>();
    final List<String> barRequests = new CopyOnWriteArrayList<>();

    ScriptedPriceHistory with(BarSeries s) {
        series.put(s.symbol(), s);
        return this;
    }

    @Override
    public BarSeries dailyBars(Symbol symbol, LocalDate from, LocalDate to) {
        barRequests.add(symbol + " " + from + ".." + to);
        RuntimeException failure = failures.get(symbol);
        if (failure != null) {
            throw failure;
        }
        BarSeries s = series.get(symbol);
        if (s == null) {
            throw new MarketDataException("scripted source knows nothing about " + symbol);
        }
        return s.between(from, to);
    }

}
