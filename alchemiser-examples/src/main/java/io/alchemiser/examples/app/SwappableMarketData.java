package io.alchemiser.examples.app;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketData;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * The market data of the current run, for the one long-lived reader that must follow each run's fresh data: the
 * simulated broker, which prices orders from it.
 */
final class SwappableMarketData implements MarketData {
    private volatile MarketData delegate;

    void set(MarketData next) {
        this.delegate = Objects.requireNonNull(next, "market data");
    }

    @Override
    public BarSeries dailyBars(Symbol symbol, LocalDate from, LocalDate to) {
        return delegate.dailyBars(symbol, from, to);
    }

    @Override
    public Map<Symbol, BarSeries> dailyBars(Collection<Symbol> symbols, LocalDate from, LocalDate to) {
        return delegate.dailyBars(symbols, from, to);
    }

    @Override
    public Quote latestQuote(Symbol symbol) {
        return delegate.latestQuote(symbol);
    }
}
