package io.alchemiser.core.domain.strategy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The first date a strategy can be evaluated on with the data at hand, and what sets it: e.g. date 2010-03-02,
 * {@code "TQQQ rsi(window 10)"}.
 */
public record HistoryStart(LocalDate date, String setBy) {
    public HistoryStart {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(setBy, "setBy");
    }
}
