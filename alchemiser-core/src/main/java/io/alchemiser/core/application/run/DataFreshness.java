package io.alchemiser.core.application.run;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.core.port.Scheduler;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stale-data rule: every symbol a strategy reads must have a bar dated on or after the previous trading
 * day (today's live bar counts when evaluating intraday). Otherwise the run must not trade on old prices.
 */
final class DataFreshness {
    private static final int LOOKBACK_DAYS = 60;

    private DataFreshness() {
    }

    /**
     * Checks freshness and returns the close to evaluate on: {@code tradingDate} when every symbol has a bar that day
     * (after the close, or with today's live price appended), else the previous trading day, which every symbol
     * has.
     *
     * @throws IllegalStateException listing every stale or missing symbol with its last bar date
     */
    static LocalDate check(Set<Symbol> symbols, PriceHistory data, Scheduler calendar, LocalDate tradingDate) {
        if (symbols.isEmpty()) {
            return tradingDate;
        }
        LocalDate previous = calendar.previousSession(tradingDate).date();
        LocalDate lookback = previous.minusDays(LOOKBACK_DAYS);
        List<String> problems = new ArrayList<>();
        Map<Symbol, BarSeries> recent;
        try {
            recent = data.dailyBars(symbols, lookback, tradingDate);
        } catch (MarketDataException e) {
            throw new IllegalStateException("market data is missing: " + e.getMessage(), e);
        }
        boolean allToday = true;
        for (Symbol s : symbols) {
            BarSeries series = recent.get(s);
            LocalDate last = series == null ? null : series.lastDate();
            allToday &= last != null && !last.isBefore(tradingDate);
            if (last == null || last.isBefore(previous)) {
                problems.add(s + " (" + (last == null ? "no bar since " + lookback : "last bar " + last) + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("market data is stale: need bars up to at least " + previous
                    + " (the previous trading day) but " + String.join(", ", problems)
                    + "; refresh the data store before running");
        }
        return allToday ? tradingDate : previous;
    }
}
