package io.alchemiser.examples.research;

import io.alchemiser.core.application.backtest.BacktestStats;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The statistics of one stretch of a backtest (in-sample or out-of-sample), by
 * {@link io.alchemiser.core.application.backtest.BacktestStats}' conventions; fractions (0.12 = 12%), {@code NaN}
 * where a ratio has no denominator.
 *
 * @param from        the close the stretch starts from
 * @param to          its last close
 * @param days        daily returns in it
 * @param totalReturn last / first − 1
 * @param cagr        annual return, (1 + total)^(252 / days) − 1
 * @param volatility  annualised standard deviation of daily returns
 * @param sharpe      annualised Sharpe ratio
 * @param maxDrawdown largest fall from a peak, positive, measured from the stretch's first close
 * @param calmar      cagr / maxDrawdown
 * @param turnover    annualised one-way turnover
 */
public record SegmentStats(LocalDate from, LocalDate to, int days, double totalReturn, double cagr, double volatility,
        double sharpe, double maxDrawdown, double calmar, double turnover) implements Serializable {
    private static final long serialVersionUID = 1L;

    public SegmentStats {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** The engine's statistics of the stretch from {@code from} to {@code to}. */
    static SegmentStats of(LocalDate from, LocalDate to, BacktestStats s) {
        return new SegmentStats(from, to, s.days(), s.totalReturn(), s.annualReturn(), s.annualVolatility(), s.sharpe(),
                s.maxDrawdown(), s.calmar(), s.turnover());
    }
}
