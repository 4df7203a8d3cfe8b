package io.alchemiser.examples.research;

import io.alchemiser.core.application.backtest.BacktestSettings;
import io.alchemiser.core.application.portfolio.RebalanceAnchor;
import io.alchemiser.core.domain.Symbol;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * The backtest settings every unit of a job shares, as a serialisable value. Each symphony follows its own
 * rebalance rule.
 *
 * @param from         the window's first day, or {@code null} for each symphony's own history start
 * @param to           the window's last day (inclusive)
 * @param oosFrom      the first out-of-sample day, or {@code null} for no out-of-sample split: days before it are
 *                     in-sample, days from it on out-of-sample (see {@link UnitRunner})
 * @param costs        the cost preset
 * @param startCapital dollars at the start
 * @param benchmark    the benchmark symbol, whose trading days are the calendar
 * @param riskFreeRate annual risk-free rate for Sharpe (0.02 = 2%)
 * @param anchor       the trading day of each period calendar rules trade on
 */
public record JobSettings(LocalDate from, LocalDate to, LocalDate oosFrom, Costs costs, double startCapital,
        String benchmark, double riskFreeRate, RebalanceAnchor anchor) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The cost presets of {@code --costs}. */
    public enum Costs {
        /** No costs at all. */
        NONE,
        /** Composer's: 1 bp slippage and the SEC and FINRA fees on sales ({@link BacktestSettings#withComposerCosts}). */
        COMPOSER;

        /**
         * {@code none} or {@code composer}, any case.
         *
         * @throws IllegalArgumentException naming what is accepted
         */
        public static Costs parse(String text) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "none":
                    return NONE;
                case "composer":
                    return COMPOSER;
                default:
                    throw new IllegalArgumentException("--costs " + text + ": expected none or composer");
            }
        }

        /** The preset's name as {@code --costs} takes it. */
        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public JobSettings {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(anchor, "anchor");
        if (from != null && from.isAfter(to)) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to);
        }
        if (oosFrom != null && (oosFrom.isAfter(to) || from != null && !oosFrom.isAfter(from))) {
            throw new IllegalArgumentException("--oos-from " + oosFrom + " must fall after --from"
                    + (from == null ? "" : " " + from) + " and on or before --to " + to);
        }
        Symbol.of(benchmark); // refuses a malformed symbol here
    }

    /** The engine's settings: each symphony its own rule, the costs of the preset. */
    public BacktestSettings backtestSettings(LocalDate start) {
        BacktestSettings s = new BacktestSettings(start, to, startCapital, 0, 0, Symbol.of(benchmark), riskFreeRate,
                null).withAnchor(anchor);
        return costs == Costs.COMPOSER ? s.withComposerCosts() : s;
    }
}
