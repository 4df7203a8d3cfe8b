package io.alchemiser.core.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies one daily run; it is also the correlation id of every event and ledger record of that run.
 * By default it is derived from the trading date ({@code run-2026-11-24}), so a restarted run on the same
 * day resumes instead of trading twice.
 */
public record RunId(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,32}");

    public RunId {
        Objects.requireNonNull(value, "runId");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid run id '" + value
                    + "': use 1-32 letters, digits, '.', '_', ':' or '-'");
        }
    }

    public static RunId forDate(LocalDate date) {
        return new RunId("run-" + date);
    }

    @Override
    public String toString() {
        return value;
    }
}
