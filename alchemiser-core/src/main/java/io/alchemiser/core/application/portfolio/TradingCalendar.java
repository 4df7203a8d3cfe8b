package io.alchemiser.core.application.portfolio;

import java.time.LocalDate;

/**
 * The market's trading days, as far as the sleeve rules need them: the trading day after a given day. The daily run
 * answers from the {@code Scheduler} port ({@code d -> scheduler.nextSession(d.plusDays(1)).date()}), a backtest
 * from its calendar.
 */
@FunctionalInterface
public interface TradingCalendar {
    /** The first trading day strictly after {@code date}. */
    LocalDate nextTradingDay(LocalDate date);

    /** Every weekday is a trading day (no holidays): for tests and for days past the end of known data. */
    static TradingCalendar weekdays() {
        return date -> {
            LocalDate d = date.plusDays(1);
            while (d.getDayOfWeek().getValue() > 5) {
                d = d.plusDays(1);
            }
            return d;
        };
    }
}
