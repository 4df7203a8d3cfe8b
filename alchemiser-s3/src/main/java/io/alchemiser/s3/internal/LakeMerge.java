package io.alchemiser.s3.internal;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.s3.model.Adjustment;
import io.alchemiser.s3.model.LakeBar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges freshly fetched bars into a symbol's stored bars: appends the days after the last stored one, and detects
 * and applies re-adjustments on the re-checked days (the stored days the fetch covered again).
 *
 * <p>On each re-checked day {@code d} the ratio {@code r(d)} = source adjusted close / stored adjusted close says
 * which scale the source now puts that day on. Walking the re-checked days from newest to oldest, a change of ratio
 * beyond {@link #TOLERANCE} is one adjustment: between two re-checked days {@code d1 < d2} the ratio
 * {@code r(d1)/r(d2)} applies to every stored bar on or before {@code d1}; on the newest re-checked day a ratio
 * other than 1 applies to every stored bar (an adjustment after the last stored day, such as a vendor re-adjusting
 * on the morning of an ex-date). Each stored bar's prices (open, high, low, adjusted close; not the raw close) are
 * multiplied by the product of the ratios that apply to it, and its volume by the product of the volume factors of
 * the splits that apply to it ({@link Adjustment#volumeFactor()}: 2 for a 2:1 split, 1/10 for 1:10), rounded to a
 * whole share count. Differences within the tolerance are rounding, not adjustments, and change nothing.
 */
public final class LakeMerge {
    /** Relative difference of ratios below which two days are on the same scale. */
    public static final double TOLERANCE = 1e-6;

    private LakeMerge() {
    }

    /**
     * The outcome of a merge.
     *
     * @param bars every bar to store, oldest first
     * @param added the fetched bars after the last stored day, oldest first
     * @param adjustments the re-adjustments applied, oldest {@code through} first
     * @param rechecked how many stored days the source also reported (0: adjustments could not be checked)
     */
    public record Result(List<LakeBar> bars, List<LakeBar> added, List<Adjustment> adjustments, int rechecked) {
        /** Whether the stored file must be rewritten. */
        public boolean changed() {
            return !added.isEmpty() || !adjustments.isEmpty();
        }
    }

    /** Merges {@code fetched} (any range that starts on or before the stored last day) into {@code stored}. */
    public static Result merge(Symbol symbol, List<LakeBar> stored, BarSeries fetched) {
        LocalDate last = stored.get(stored.size() - 1).date();
        Map<LocalDate, DailyBar> source = new HashMap<>();
        List<LakeBar> added = new ArrayList<>();
        for (DailyBar bar : fetched.bars()) {
            if (bar.date().isAfter(last)) {
                added.add(LakeBar.of(bar));
            } else {
                source.put(bar.date(), bar);
            }
        }
        List<Integer> days = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            DailyBar s = source.get(stored.get(i).date());
            if (s != null) {
                days.add(i);
                ratios.add(s.close().doubleValue() / stored.get(i).adjClose().doubleValue());
            }
        }
        List<Adjustment> adjustments = adjustments(symbol, stored, days, ratios);
        List<LakeBar> bars = new ArrayList<>(stored.size() + added.size());
        bars.addAll(adjustments.isEmpty() ? stored : rescale(stored, adjustments));
        bars.addAll(added);
        return new Result(bars, added, adjustments, days.size());
    }

    private static List<Adjustment> adjustments(Symbol symbol, List<LakeBar> stored, List<Integer> days,
            List<Double> ratios) {
        List<Adjustment> out = new ArrayList<>();
        int m = days.size();
        for (int k = 0; k < m - 1; k++) {
            double relative = ratios.get(k) / ratios.get(k + 1);
            if (Math.abs(relative - 1) > TOLERANCE) {
                out.add(Adjustment.classify(symbol, stored.get(days.get(k)).date(), relative));
            }
        }
        if (m > 0 && Math.abs(ratios.get(m - 1) - 1) > TOLERANCE) {
            out.add(Adjustment.classify(symbol, stored.get(stored.size() - 1).date(), ratios.get(m - 1)));
        }
        return out;
    }

    private static List<LakeBar> rescale(List<LakeBar> stored, List<Adjustment> adjustments) {
        List<LakeBar> out = new ArrayList<>(stored.size());
        for (LakeBar bar : stored) {
            double price = 1;
            double volume = 1;
            for (Adjustment a : adjustments) {
                if (!bar.date().isAfter(a.through())) {
                    price *= a.ratio();
                    volume *= a.volumeFactor();
                }
            }
            out.add(price == 1 && volume == 1 ? bar : bar.rescaled(price, volume));
        }
        return out;
    }
}
