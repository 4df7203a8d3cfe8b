package io.alchemiser.s3.internal;

import io.alchemiser.s3.model.LakeBar;
import java.util.List;

/** Checks a whole bar file's rows; single rows validate themselves in {@link LakeBar}'s constructor. */
public final class BarChecks {
    private BarChecks() {
    }

    /**
     * Requires at least one bar, no {@code null} element, and dates that strictly increase (which also rules out
     * duplicates).
     *
     * @throws IllegalArgumentException naming the first offending row (0-based) and its date
     */
    public static void requireValidSeries(List<LakeBar> bars) {
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("a bar file needs at least one bar");
        }
        LakeBar previous = null;
        for (int i = 0; i < bars.size(); i++) {
            LakeBar bar = bars.get(i);
            if (bar == null) {
                throw new IllegalArgumentException("row " + i + " is null");
            }
            if (previous != null && !bar.date().isAfter(previous.date())) {
                String what = bar.date().equals(previous.date()) ? "duplicate date " + bar.date()
                        : "date " + bar.date() + " follows " + previous.date();
                throw new IllegalArgumentException("row " + i + ": dates must strictly increase, but found " + what);
            }
            previous = bar;
        }
    }
}
