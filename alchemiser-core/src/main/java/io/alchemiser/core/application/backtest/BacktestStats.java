package io.alchemiser.core.application.backtest;

import java.time.LocalDate;

/**
 * Statistics of an equity curve. Returns are fractions (0.12 = 12%). Annualisation uses 252 trading days.
 *
 * <p>The conventions are Composer's (its exported statistics fit them): a window from D1 to D2 earns the returns
 * from D1's close to D2's close, so the first value of the curve is D1's close and there is one daily return per day
 * after it; drawdowns are measured from the first close inside the window; flat days count for neither side of the
 * win rate.
 *
 * <ul>
 *   <li>{@code totalReturn} = last / first − 1; {@code annualReturn} = (1 + total)^(252 / days) − 1, days being
 *       the number of daily returns;</li>
 *   <li>{@code annualVolatility} = sample standard deviation (n − 1) of daily returns × √252;</li>
 *   <li>{@code sharpe} = (mean daily return − rf/252) / sample stdev × √252;</li>
 *   <li>{@code sortino} = (mean daily return − rf/252) / downside deviation × √252, downside deviation =
 *       √(mean over all days of min(0, r − rf/252)²);</li>
 *   <li>{@code maxDrawdown} = largest (peak − trough) / peak, positive, with the peak and trough dates;</li>
 *   <li>{@code calmar} = annualReturn / maxDrawdown; {@code winRate} = up days / (up days + down days), days with
 *       a return of exactly zero (flat, e.g. all cash) left out, {@code NaN} when there are neither;</li>
 *   <li>{@code turnover} = annualised one-way turnover: Σ over rebalances of (Σ |trade|) / equity / 2, × 252 /
 *       days (0 for a benchmark held throughout).</li>
 * </ul>
 * A ratio whose denominator is zero is {@code NaN} (printed as "n/a").
 */
public record BacktestStats(double totalReturn, double annualReturn, double annualVolatility, double sharpe,
        double sortino, double maxDrawdown, LocalDate drawdownPeak, LocalDate drawdownTrough, double calmar,
        double winRate, double turnover, int days) {

    static final int TRADING_DAYS = 252;

    /** Statistics of {@code equity} over {@code dates}; {@code turnoverSum} is Σ (Σ|trade| / equity) / 2. */
    static BacktestStats of(java.util.List<LocalDate> dates, double[] equity, double riskFreeRate, double turnoverSum) {
        int n = equity.length - 1;
        if (n < 1) {
            return new BacktestStats(0, 0, Double.NaN, Double.NaN, Double.NaN, 0, dates.isEmpty() ? null : dates.get(0),
                    dates.isEmpty() ? null : dates.get(0), Double.NaN, Double.NaN, 0, Math.max(n, 0));
        }
        double rfDaily = riskFreeRate / TRADING_DAYS;
        double sum = 0;
        int wins = 0;
        int losses = 0;
        double[] r = new double[n];
        for (int i = 1; i <= n; i++) {
            r[i - 1] = equity[i] / equity[i - 1] - 1;
            sum += r[i - 1];
            wins += r[i - 1] > 0 ? 1 : 0;
            losses += r[i - 1] < 0 ? 1 : 0;
        }
        double mean = sum / n;
        double sq = 0;
        double down = 0;
        for (double x : r) {
            sq += (x - mean) * (x - mean);
            double d = Math.min(0, x - rfDaily);
            down += d * d;
        }
        double stdev = n > 1 ? Math.sqrt(sq / (n - 1)) : Double.NaN;
        double downside = Math.sqrt(down / n);
        double total = equity[n] / equity[0] - 1;
        double annual = Math.pow(1 + total, (double) TRADING_DAYS / n) - 1;
        double peak = equity[0];
        int peakAt = 0;
        double maxDd = 0;
        int ddPeak = 0;
        int ddTrough = 0;
        for (int i = 1; i <= n; i++) {
            if (equity[i] > peak) {
                peak = equity[i];
                peakAt = i;
            }
            double dd = (peak - equity[i]) / peak;
            if (dd > maxDd) {
                maxDd = dd;
                ddPeak = peakAt;
                ddTrough = i;
            }
        }
        double sqrt252 = Math.sqrt(TRADING_DAYS);
        return new BacktestStats(total, annual, stdev * sqrt252, ratio(mean - rfDaily, stdev) * sqrt252,
                ratio(mean - rfDaily, downside) * sqrt252, maxDd, dates.get(ddPeak), dates.get(ddTrough),
                ratio(annual, maxDd), winRate(wins, losses), turnoverSum * TRADING_DAYS / n, n);
    }

    private static double winRate(int up, int down) {
        return up + down == 0 ? Double.NaN : (double) up / (up + down);
    }

    private static double ratio(double a, double b) {
        return b == 0 || Double.isNaN(b) ? Double.NaN : a / b;
    }
}
