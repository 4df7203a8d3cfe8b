package io.alchemiser.core.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A brokerage account's money: total equity (cash plus positions at market), cash as the broker reports it
 * (brokers differ on whether unsettled sale proceeds count), and the broker's buying power (what it lets the
 * account spend now; on a margin account more than cash). The product never spends more than the smaller of cash
 * and buying power, so it never borrows. {@link #standing()} says whether the broker lets the account trade.
 */
public record Account(BigDecimal equity, BigDecimal cash, BigDecimal buyingPower, Standing standing) {
    public Account {
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(buyingPower, "buyingPower");
        Objects.requireNonNull(standing, "standing");
        if (equity.signum() < 0) {
            throw new IllegalArgumentException("account equity is negative: " + equity);
        }
    }

    /** An active account in good standing. */
    public Account(BigDecimal equity, BigDecimal cash, BigDecimal buyingPower) {
        this(equity, cash, buyingPower, Standing.ACTIVE);
    }

    /** What the smaller of cash and buying power allows to be spent now. */
    public BigDecimal spendable() {
        return cash.min(buyingPower);
    }

    /**
     * Whether the broker lets the account trade: its status word ({@code ACTIVE} when it may), whether trading or
     * the whole account is blocked, and whether it is flagged a pattern day trader (which, under $25,000 of
     * equity, stops day trades).
     */
    public record Standing(String status, boolean tradingBlocked, boolean accountBlocked, boolean patternDayTrader) {
        public static final Standing ACTIVE = new Standing("ACTIVE", false, false, false);

        public Standing {
            Objects.requireNonNull(status, "status");
        }

        /** Why the account may not place orders, one reason a line; empty when it may. */
        public List<String> problems() {
            List<String> out = new ArrayList<>();
            if (!"ACTIVE".equals(status)) {
                out.add("the account's status is " + status + ", not ACTIVE");
            }
            if (accountBlocked) {
                out.add("the account is blocked");
            }
            if (tradingBlocked) {
                out.add("trading is blocked on the account");
            }
            return out;
        }
    }
}
