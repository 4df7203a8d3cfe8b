package io.alchemiser.examples.notify;

import io.alchemiser.core.domain.Money;
import io.alchemiser.examples.format.Format;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The "P&L since the last run" line of a summary: this run's equity after trading minus the equity recorded
 * after the previous run (see {@link EquityHistory#previous}), in dollars and as a percentage of the previous
 * equity. It is the change in account equity, so deposits and withdrawals between runs show up in it.
 */
final class ProfitAndLoss {
    private static final String LABEL = "P&L since the last run";

    private final String text;
    private final BigDecimal amount;

    private ProfitAndLoss(String text, BigDecimal amount) {
        this.text = text;
        this.amount = amount;
    }

    static ProfitAndLoss notTracked() {
        return new ProfitAndLoss(LABEL + ": not tracked (no equity history configured)", null);
    }

    static ProfitAndLoss unavailable(String why) {
        return new ProfitAndLoss(LABEL + ": not available (" + why + ")", null);
    }

    static ProfitAndLoss firstRun(BigDecimal equityNow) {
        return new ProfitAndLoss(LABEL + ": no previous run recorded; equity now " + Format.money(equityNow), null);
    }

    static ProfitAndLoss since(EquityHistory.Entry previous, BigDecimal equityNow) {
        Objects.requireNonNull(previous, "previous");
        BigDecimal change = Money.cash(equityNow.subtract(previous.equity()));
        StringBuilder line = new StringBuilder(LABEL).append(" (").append(previous.runId()).append(", ")
                .append(previous.tradingDate()).append("): ").append(Format.signedMoney(change));
        if (previous.equity().signum() != 0) {
            line.append(" (").append(Format.signedPercent(change.divide(previous.equity(), Money.MATH))).append(")");
        }
        line.append("; equity ").append(Format.money(equityNow)).append(", was ").append(Format.money(previous.equity()));
        return new ProfitAndLoss(line.toString(), change);
    }

    /** The line, for text and (escaped) HTML. */
    String text() {
        return text;
    }

    /** The change in dollars, when there was a previous run to compare with. */
    Optional<BigDecimal> amount() {
        return Optional.ofNullable(amount);
    }
}
