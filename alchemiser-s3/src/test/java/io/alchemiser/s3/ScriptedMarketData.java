package io.alchemiser.s3;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketData;
import io.alchemiser.core.port.MarketDataException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A source that serves series and quotes set by the test and records what it was asked. */
final class ScriptedMarketData implements MarketData {
    final Map<Symbol, BarSeries> series = new ConcurrentHashMap<>();
    final Map<Symbol, Quote> quotes = new ConcurrentHashMap<>();
    final Map<Symbol, RuntimeException> failures = new ConcurrentHashMap<>();
    final List<String> barRequests = new CopyOnWriteArrayList<>();
    final List<Symbol> quoteRequests = new CopyOnWriteArrayList<>();

    ScriptedMarketData with(BarSeries s) {
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

    @Override
    public Quote latestQuote(Symbol symbol) {
        quoteRequests.add(symbol);
        Quote q = quotes.get(symbol);
        if (q == null) {
            throw new MarketDataException("scripted source has no quote for " + symbol);
        }
        return q;
    }
}
