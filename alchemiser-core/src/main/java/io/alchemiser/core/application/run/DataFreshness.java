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
import java.util.Optional;
import java.util.Set;

/**
 * The stale-data rule: every symbol a strategy reads must have a stored bar dated on or after the previous trading
 * day. Otherwise the run must not trade on old prices.
 */
final class DataFreshness {
    private static final int LOOKBACK_DAYS = 60;

    private DataFreshness() {
    }

    /**
     * Checks freshness and returns the close to evaluate on: {@code tradingDate} when every symbol has a bar that day
     * (after the close), else the previous trading day, which every symbol has.
     *
     * @throws RunFailedException with {@link RunFailure.StaleData} listing every stale or missing symbol with its
     *                            last bar, or {@link RunFailure.MissingData} when the store cannot answer
     */
    static LocalDate check(Set<Symbol> symbols, PriceHistory data, Scheduler calendar, LocalDate tradingDate,
            io.alchemiser.core.domain.RunId runId) {
        if (symbols.isEmpty()) {
            return tradingDate;
        }
        LocalDate previous = calendar.previousSession(tradingDate).date();
        LocalDate lookback = previous.minusDays(LOOKBACK_DAYS);
        Map<Symbol, BarSeries> recent;
        try {
            recent = data.dailyBars(symbols, lookback, tradingDate);
        } catch (MarketDataException e) {
            throw new RunFailedException(runId, new RunFailure.MissingData(e.getMessage()), true, e);
        }
        List<RunFailure.StaleSymbol> stale = new ArrayList<>();
        boolean allToday = true;
        for (Symbol s : symbols) {
            BarSeries series = recent.get(s);
            LocalDate last = series == null ? null : series.lastDate();
            allToday &= last != null && !last.isBefore(tradingDate);
            if (last == null || last.isBefore(previous)) {
                stale.add(new RunFailure.StaleSymbol(s, Optional.ofNullable(last)));
            }
        }
        if (!stale.isEmpty()) {
            throw new RunFailedException(runId, new RunFailure.StaleData(previous, stale), true, null);
        }
        return allToday ? tradingDate : previous;
    }
}
