package io.alchemiser.s3;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.PriceHistory;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** A source that serves series set by the test and records what it was asked. */
final class ScriptedPriceHistory implements PriceHistory {
    final Map<Symbol, BarSeries> series = new ConcurrentHashMap<>();
    final Map<Symbol, RuntimeException> failures = new ConcurrentHashMap<>();
    final List<String> barRequests = new CopyOnWriteArrayList<>();
    /** One entry per batched call: the symbols joined by commas, then the range. */
    final List<String> batchCalls = new CopyOnWriteArrayList<>();

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

    /** Records the batched call, then answers it as the port's default does: each symbol in turn. */
    @Override
    public Map<Symbol, BarSeries> dailyBars(Collection<Symbol> symbols, LocalDate from, LocalDate to) {
        batchCalls.add(symbols.stream().map(Symbol::value).collect(Collectors.joining(",")) + " " + from + ".." + to);
        return PriceHistory.super.dailyBars(symbols, from, to);
    }

}
