package io.alchemiser.s3.model;

import io.alchemiser.core.domain.Symbol;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A corporate-action re-adjustment a refresh found and applied: the source now reports the symbol's past prices at
 * {@code ratio} times what the lake held, for every bar on or before {@code through}, so the refresh multiplied
 * those stored prices by {@code ratio} (and, for a split, their volumes by {@link #volumeFactor()}).
 *
 * @param symbol the symbol
 * @param through the last day on the old scale: bars on or before it were rescaled
 * @param ratio the source's adjusted close over the lake's on those days
 * @param kind what the ratio looks like
 * @param splitTo for a split, the shares after ({@code 2} in 2:1, {@code 1} in 1:10); 0 otherwise
 * @param splitFrom for a split, the shares before ({@code 1} in 2:1, {@code 10} in 1:10); 0 otherwise
 */
public record Adjustment(Symbol symbol, LocalDate through, double ratio, Kind kind, int splitTo, int splitFrom) {

    /** How an adjustment ratio is read. */
    public enum Kind {
        /** A stock split or reverse split: the ratio is within {@link #SPLIT_TOLERANCE} of from/to shares. */
        SPLIT,
        /** A dividend or other cash distribution: a ratio a little below 1. */
        DIVIDEND,
        /** Any other change of scale (a vendor's correction): prices are rescaled, volumes are not. */
        OTHER
    }

    /** Relative distance from an exact split ratio still read as that split (a dividend on the same day). */
    public static final double SPLIT_TOLERANCE = 0.03;
    /** Ratios from here up to 1 are dividends: no split is that small. */
    public static final double SMALLEST_DIVIDEND_RATIO = 0.9;

    private static final int[][] FRACTIONAL_SPLITS = {{3, 2}, {5, 2}, {4, 3}, {5, 4}};

    public Adjustment {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(through, "through");
        Objects.requireNonNull(kind, "kind");
        if (!(ratio > 0) || Double.isInfinite(ratio)) {
            throw new IllegalArgumentException(symbol + ": adjustment ratio must be positive and finite, got " + ratio);
        }
        if ((kind == Kind.SPLIT) != (splitTo > 0 && splitFrom > 0)) {
            throw new IllegalArgumentException(symbol + ": a split, and only a split, has share counts");
        }
    }

    /**
     * Reads {@code ratio} (new adjusted price over old): a split when it is within {@link #SPLIT_TOLERANCE} of (the
     * nearest)
     * {@code from/to} for a forward split n:1 (n = 2..100) or 3:2, 5:2, 4:3, 5:4, or a reverse split 1:n (n = 2..500);
     * a dividend when it is in [{@value #SMALLEST_DIVIDEND_RATIO}, 1), or below that down to 0.5 without fitting a
     * split (a special distribution); otherwise {@link Kind#OTHER}.
     */
    public static Adjustment classify(Symbol symbol, LocalDate through, double ratio) {
        if (ratio >= SMALLEST_DIVIDEND_RATIO && ratio < 1) {
            return new Adjustment(symbol, through, ratio, Kind.DIVIDEND, 0, 0);
        }
        int[] split = ratio < 1 ? forwardSplit(ratio) : reverseSplit(ratio);
        if (split != null) {
            return new Adjustment(symbol, through, ratio, Kind.SPLIT, split[0], split[1]);
        }
        Kind kind = ratio >= 0.5 && ratio < 1 ? Kind.DIVIDEND : Kind.OTHER;
        return new Adjustment(symbol, through, ratio, kind, 0, 0);
    }

    /** The nearest forward split within the tolerance (for large n, 1/n and 1/(n+1) are within it of each other). */
    private static int[] forwardSplit(double ratio) {
        int[] best = null;
        double bestDistance = SPLIT_TOLERANCE;
        for (int n = 2; n <= 100; n++) {
            double d = distance(ratio, 1.0 / n);
            if (d <= bestDistance) {
                best = new int[] {n, 1};
                bestDistance = d;
            }
        }
        for (int[] f : FRACTIONAL_SPLITS) {
            double d = distance(ratio, (double) f[1] / f[0]);
            if (d <= bestDistance) {
                best = f.clone();
                bestDistance = d;
            }
        }
        return best;
    }

    private static int[] reverseSplit(double ratio) {
        long n = Math.round(ratio);
        return n >= 2 && n <= 500 && near(ratio, n) ? new int[] {1, (int) n} : null;
    }

    private static boolean near(double ratio, double exact) {
        return distance(ratio, exact) <= SPLIT_TOLERANCE;
    }

    private static double distance(double ratio, double exact) {
        return Math.abs(ratio / exact - 1);
    }

    /** What stored volumes are multiplied by: {@code to/from} shares for a split, 1 otherwise. */
    public double volumeFactor() {
        return kind == Kind.SPLIT ? (double) splitTo / splitFrom : 1;
    }

    /** {@code split 2:1}, {@code reverse split 1:10}, {@code dividend}, {@code re-adjustment}. */
    public String label() {
        switch (kind) {
            case SPLIT:
                return (splitTo < splitFrom ? "reverse split " : "split ") + splitTo + ":" + splitFrom;
            case DIVIDEND:
                return "dividend";
            default:
                return "re-adjustment";
        }
    }

    /** e.g. {@code split 2:1 through 2024-03-05: prices x0.500000, volumes x2}. */
    public String describe() {
        String volumes = kind == Kind.SPLIT ? String.format(Locale.ROOT, ", volumes x%s", trim(volumeFactor())) : "";
        return String.format(Locale.ROOT, "%s through %s: prices x%.6f%s", label(), through, ratio, volumes);
    }

    /** e.g. {@code SPY split 2:1 through 2024-03-05: prices x0.500000, volumes x2}. */
    @Override
    public String toString() {
        return symbol + " " + describe();
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.6f", d);
    }
}
