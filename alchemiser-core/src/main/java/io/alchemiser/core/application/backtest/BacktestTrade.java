package io.alchemiser.core.application.backtest;

import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import java.time.LocalDate;

/** One simulated trade at a close: dollars traded and the symbol's weight before and after. */
public record BacktestTrade(LocalDate date, Symbol symbol, Side side, double dollars, double weightBefore,
        double weightAfter) {
}
