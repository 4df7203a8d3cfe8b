package io.alchemiser.inmemory;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.MarketClock;
import io.alchemiser.core.domain.Money;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.core.port.Quotes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Quotes made from each symbol's last close in a {@link PriceHistory}: bid and ask {@code spreadBps}/2 either side
 * of the close, rounded outward to the tick, last = the close, stamped with the clock's time. The market a
 * simulated broker trades in when no live quote source exists (the demo, a paper rehearsal on stored bars). Never
 * use it to price orders at a real broker.
 *
 * <p>Only a close from the two weeks before the clock's date (New York) counts, so a stale store is an error rather
 * than a quote: {@link MarketDataException} naming the symbol. Thread-safe if the history is.
 */
public final class ClosingQuotes implements Quotes {
    private static final int LOOKBACK_DAYS = 14;

    private final PriceHistory history;
    private final BigDecimal halfSpread;
    private final Clock clock;

    /** @param spreadBps the spread put around each close, in basis points, in [0, 10000) */
    public ClosingQuotes(PriceHistory history, double spreadBps, Clock clock) {
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!(spreadBps >= 0 && spreadBps < 10_000)) {
            throw new IllegalArgumentException("spread must be in [0, 10000) bps, got " + spreadBps);
        }
        this.halfSpread = BigDecimal.valueOf(spreadBps).divide(BigDecimal.valueOf(20_000), Money.MATH);
    }

    @Override
    public Quote latestQuote(Symbol symbol) {
        LocalDate today = clock.instant().atZone(MarketClock.MARKET_ZONE).toLocalDate();
        BarSeries recent = history.dailyBars(symbol, today.minusDays(LOOKBACK_DAYS), today);
        if (recent.isEmpty()) {
            throw new MarketDataException("no quote for " + symbol + ": no bar in the " + LOOKBACK_DAYS
                    + " days before " + today);
        }
        return around(symbol, recent.bars().get(recent.size() - 1).close(), halfSpread, clock);
    }

    /** A quote {@code halfSpread} (a fraction) either side of {@code close}, rounded outward to the tick. */
    static Quote around(Symbol symbol, BigDecimal close, BigDecimal halfSpread, Clock clock) {
        BigDecimal half = close.multiply(halfSpread, Money.MATH);
        BigDecimal bid = Money.toTick(close.subtract(half), RoundingMode.DOWN);
        BigDecimal ask = Money.toTick(close.add(half), RoundingMode.UP);
        return new Quote(symbol, bid.signum() > 0 ? bid : null, ask, close, clock.instant());
    }
}
