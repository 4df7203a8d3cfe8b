package io.alchemiser.core.application.portfolio;

/**
 * Which trading day of a week, month, quarter or year a calendar rule ({@code :weekly}, {@code :monthly},
 * {@code :quarterly}, {@code :yearly}) trades on. Composer does not document its choice; this project's default is
 * {@link #FIRST_TRADING_DAY}. Weeks are ISO weeks (Monday to Sunday), quarters are calendar quarters.
 */
public enum RebalanceAnchor {
    /**
     * The first trading day of each new period. Precisely: a sleeve rebalances on the first day it decides on whose
     * period differs from the period of its last rebalance, so a run that missed the period's first day (a machine
     * that was down) catches up on the next day it runs. The default.
     */
    FIRST_TRADING_DAY,
    /**
     * The last trading day of each period (a month-end rebalance). Needs a {@link TradingCalendar} to know that the
     * next trading day starts a new period. A sleeve rebalances on a day when the last trading day of some period
     * lies after its last rebalance and on or before that day, so a missed period end is caught up on the next day
     * it runs.
     */
    LAST_TRADING_DAY
}
