package io.alchemiser.examples.app;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Money;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketData;
import io.alchemiser.core.port.MarketDataException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * Bars from a store, and quotes made from each symbol's last close (bid and ask {@code spreadBps}/2 either side):
 * the market a simulated broker trades in when no live quote source is configured. Never used with a real
 * broker.
 */
final class ClosingQuotes implements MarketData {
    private final MarketData bars;
    private final double spreadBps;
    private final Clock clock;

    ClosingQuotes(MarketData bars, double spreadBps, Clock clock) {
        this.bars = bars;
        this.spreadBps = spreadBps;
        this.clock = clock;
    }

    @Override
    public BarSeries dailyBars(Symbol symbol, LocalDate from, LocalDate to) {
        return bars.dailyBars(symbol, from, to);
    }

    @Override
    public Map<Symbol, BarSeries> dailyBars(Collection<Symbol> symbols, LocalDate from, LocalDate to) {
        return bars.dailyBars(symbols, from, to);
    }

    @Override
    public Quote latestQuote(Symbol symbol) {
        LocalDate today = LocalDate.now(clock);
        BarSeries recent = bars.dailyBars(symbol, today.minusDays(14), today);
        if (recent.isEmpty()) {
            throw new MarketDataException("no quote for " + symbol + ": no bar in the two weeks before " + today);
        }
        BigDecimal close = recent.bars().get(recent.size() - 1).close();
        BigDecimal half = close.multiply(Money.decimal(spreadBps / 20_000));
        return new Quote(symbol, Money.toTick(close.subtract(half), RoundingMode.DOWN),
                Money.toTick(close.add(half), RoundingMode.UP), close, clock.instant());
    }
}
