package io.alchemiser.core.application.portfolio;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.portfolio.RebalanceRule.Frequency;
import io.alchemiser.core.domain.portfolio.RebalanceRule;
import io.alchemiser.core.domain.portfolio.SleeveDecision.Reason;
import io.alchemiser.core.domain.portfolio.SleeveDecision;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides, for one sleeve on one trading day, whether it trades back to its target or lets its holdings drift: the
 * one place where Composer's {@code :rebalance-frequency} and {@code :rebalance-threshold} are applied, used by the
 * backtester (holdings in dollars) and the daily run (holdings from shares), so a backtest and a live day decide
 * alike.
 *
 * <p>A <b>sleeve</b> is what one strategy of a merged portfolio holds. Each trading day each sleeve decides by its
 * own rule; the account's target is then the sum of the sleeves, drifted or rebalanced ({@link SleeveMerger}), and
 * one set of netted trades moves the account there, as Composer nets swaps between symphonies in one account.
 *
 * <p>The rules, given the day, the day of the sleeve's last rebalance, its holdings at today's prices and today's
 * target:
 * <ol>
 *   <li>A sleeve with no last rebalance is new: it buys its target ({@link Reason#FIRST_DAY}).</li>
 *   <li>{@code :daily} rebalances every day.</li>
 *   <li>{@code :weekly}, {@code :monthly}, {@code :quarterly}, {@code :yearly} rebalance on the {@link RebalanceAnchor}
 *       day of each period and drift on every other day, whatever the target says.</li>
 *   <li>{@code :none} never trades again.</li>
 *   <li>A corridor ({@code :rebalance-threshold t}) rebalances fully when the target's set of symbols differs from
 *       the set held ({@link Reason#TARGET_CHANGED}), or when some symbol's held weight differs from its target weight
 *       by more than {@code t} ({@link Reason#OUTSIDE_CORRIDOR}); otherwise it drifts. A gap of exactly {@code t} is
 *       inside (floating-point noise below {@link Weights#TOLERANCE} is ignored). Weights are fractions of the
 *       sleeve's own value, cash included; cash itself has no band.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class SleevePolicy {
    private final RebalanceAnchor anchor;
    private final TradingCalendar calendar;

    private SleevePolicy(RebalanceAnchor anchor, TradingCalendar calendar) {
        this.anchor = Objects.requireNonNull(anchor, "anchor");
        this.calendar = calendar;
    }

    /** Calendar rules trade on the first trading day of each new period: the default. */
    public static SleevePolicy firstTradingDay() {
        return new SleevePolicy(RebalanceAnchor.FIRST_TRADING_DAY, null);
    }

    /** Calendar rules trade on the last trading day of each period, as {@code calendar} knows the trading days. */
    public static SleevePolicy lastTradingDay(TradingCalendar calendar) {
        return new SleevePolicy(RebalanceAnchor.LAST_TRADING_DAY, Objects.requireNonNull(calendar, "calendar"));
    }

    /** The policy for {@code anchor}; {@code calendar} is needed only for {@link RebalanceAnchor#LAST_TRADING_DAY}. */
    public static SleevePolicy of(RebalanceAnchor anchor, TradingCalendar calendar) {
        return anchor == RebalanceAnchor.FIRST_TRADING_DAY ? firstTradingDay() : lastTradingDay(calendar);
    }

    public RebalanceAnchor anchor() {
        return anchor;
    }

    /**
     * Whether {@link #decide} needs today's target under {@code rule}: on the sleeve's first day, on a scheduled day,
     * and every day for a corridor. On other days the caller may skip evaluating the strategy.
     *
     * @param lastRebalance the day of the sleeve's last rebalance, or {@code null} for a new sleeve
     */
    public boolean needsTarget(RebalanceRule rule, LocalDate date, LocalDate lastRebalance) {
        checkDates(date, lastRebalance);
        if (lastRebalance == null || rule.isThreshold()) {
            return true;
        }
        return rule.frequency() != Frequency.NONE && due(rule.frequency(), date, lastRebalance);
    }

    /**
     * The sleeve's decision on {@code date}.
     *
     * @param lastRebalance the day of the sleeve's last rebalance (its first day included), or {@code null} for a new
     *                      sleeve
     * @param holdings      what the sleeve holds, valued at {@code date}'s prices
     * @param target        the strategy's target weights as of {@code date}; may be {@code null} only when
     *                      {@link #needsTarget} says it is not needed
     * @throws IllegalArgumentException if {@code date} is before {@code lastRebalance}, or the target is missing when
     *                                  needed
     */
    public SleeveDecision decide(RebalanceRule rule, LocalDate date, LocalDate lastRebalance, SleeveHoldings holdings,
            Weights target) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(holdings, "holdings");
        if (needsTarget(rule, date, lastRebalance) && target == null) {
            throw new IllegalArgumentException("the sleeve's " + rule + " rule needs the target on " + date);
        }
        if (lastRebalance == null) {
            return SleeveDecision.rebalance(Reason.FIRST_DAY, "first day: buys the target", target);
        }
        if (rule.isThreshold()) {
            return corridor(rule.threshold(), holdings, target);
        }
        Frequency f = rule.frequency();
        if (f == Frequency.NONE) {
            return SleeveDecision.drift(Reason.NEVER, ":none: keeps what it bought on its first day",
                    holdings.weights());
        }
        if (date.equals(lastRebalance)) {
            return SleeveDecision.drift(Reason.NOT_SCHEDULED, f.keyword() + ": already rebalanced on " + date,
                    holdings.weights());
        }
        if (f == Frequency.DAILY) {
            return SleeveDecision.rebalance(Reason.SCHEDULED, "daily: trades to target at every close", target);
        }
        String when = anchor == RebalanceAnchor.FIRST_TRADING_DAY ? "first" : "last";
        if (due(f, date, lastRebalance)) {
            return SleeveDecision.rebalance(Reason.SCHEDULED, f.keyword() + ": the " + when + " trading day of "
                    + Periods.name(f, date) + " due since the last rebalance on " + lastRebalance, target);
        }
        return SleeveDecision.drift(Reason.NOT_SCHEDULED, f.keyword() + ": drifts until the " + when
                + " trading day of a period (last rebalance " + lastRebalance + ")", holdings.weights());
    }

    /** Whether an anchor day lies after {@code last} and on or before {@code date}. */
    private boolean due(Frequency f, LocalDate date, LocalDate last) {
        long now = Periods.index(f, date);
        long then = Periods.index(f, last);
        if (anchor == RebalanceAnchor.FIRST_TRADING_DAY) {
            return now != then;
        }
        if (date.equals(last)) {
            return false;
        }
        if (endsPeriod(f, date)) {
            return true;
        }
        if (now == then) {
            return false;
        }
        // An earlier period ended since the last rebalance: the end of the last rebalance's own period (unless the
        // last rebalance was that end), or the end of a whole period in between.
        return !endsPeriod(f, last) || now - then >= 2;
    }

    private boolean endsPeriod(Frequency f, LocalDate date) {
        return Periods.index(f, calendar.nextTradingDay(date)) != Periods.index(f, date);
    }

    private SleeveDecision corridor(double threshold, SleeveHoldings holdings, Weights target) {
        Set<Symbol> held = holdings.held();
        Set<Symbol> wanted = target.bySymbol().keySet();
        if (!held.equals(wanted)) {
            return SleeveDecision.rebalance(Reason.TARGET_CHANGED, "the target's symbols changed: "
                    + change(held, wanted), target);
        }
        Weights current = holdings.weights();
        Symbol worst = null;
        double worstGap = -1;
        for (Symbol s : wanted) {
            double gap = Math.abs(current.weight(s) - target.weight(s));
            if (gap > worstGap) {
                worst = s;
                worstGap = gap;
            }
        }
        if (worst == null) {
            return SleeveDecision.drift(Reason.INSIDE_CORRIDOR, "holds cash and the target is cash", current);
        }
        String detail = String.format(Locale.ROOT, "%s at %s is %s points from its target %s", worst,
                percent(current.weight(worst)), points(worstGap), percent(target.weight(worst)));
        if (worstGap > threshold + Weights.TOLERANCE) {
            return SleeveDecision.rebalance(Reason.OUTSIDE_CORRIDOR, detail + ": outside the " + points(threshold)
                    + "-point corridor", target);
        }
        return SleeveDecision.drift(Reason.INSIDE_CORRIDOR, "largest drift: " + detail + ", inside the "
                + points(threshold) + "-point corridor", current);
    }

    private static String change(Set<Symbol> held, Set<Symbol> wanted) {
        StringBuilder sb = new StringBuilder();
        for (Symbol s : new TreeSet<>(wanted)) {
            if (!held.contains(s)) {
                sb.append(sb.length() == 0 ? "" : " ").append('+').append(s);
            }
        }
        for (Symbol s : new TreeSet<>(held)) {
            if (!wanted.contains(s)) {
                sb.append(sb.length() == 0 ? "" : " ").append('-').append(s);
            }
        }
        return sb.toString();
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    private static String points(double fraction) {
        return java.math.BigDecimal.valueOf(Math.round(fraction * 1000) / 10.0).stripTrailingZeros().toPlainString();
    }

    private static void checkDates(LocalDate date, LocalDate lastRebalance) {
        Objects.requireNonNull(date, "date");
        if (lastRebalance != null && date.isBefore(lastRebalance)) {
            throw new IllegalArgumentException("deciding for " + date + ", before the sleeve's last rebalance on "
                    + lastRebalance);
        }
    }
}
