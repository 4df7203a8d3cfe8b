package io.alchemiser.examples.research;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How much a sweep's statistic falls within one step of the original parameters.
 *
 * <p><b>Definition.</b> Let S₀ be the statistic of the original parameters and N their <em>neighbours</em>: every
 * other grid point whose value index differs from the original's by at most one on every varied literal (up to
 * 3<sup>k</sup> − 1 points for k literals, fewer at the grid's edges). The <em>worst neighbour</em> is the one
 * with the worst value (lowest, or highest for a statistic where lower is better such as max drawdown); the
 * <em>fall</em> is how much worse than S₀ it is, {@code max(0, S₀ − worst)} (resp. {@code max(0, worst − S₀)}),
 * and the <em>relative fall</em> is fall / |S₀| (undefined when S₀ is 0). A neighbour that failed has no value:
 * it is counted apart, and the figures are those of the others.
 *
 * <p>A <b>lone peak</b> — a warning sign of curve fitting — is an original that is strictly better than every
 * neighbour, none of which failed, and whose relative fall is more than one half: one step in any direction loses
 * more than half of it.
 *
 * @param stat             the statistic
 * @param stretch          {@code in-sample} or {@code out-of-sample}
 * @param original         S₀, {@code NaN} when the original failed
 * @param neighbours       |N|
 * @param failedNeighbours neighbours without a value
 * @param worst            the worst neighbour's value, {@code NaN} when none has one
 * @param worstAt          the worst neighbour's parameter values, in the job's order (empty when none)
 * @param fall             how much worse than S₀ the worst neighbour is, 0 when none is worse
 * @param relativeFall     fall / |S₀|, {@code NaN} when undefined
 * @param lonePeak         whether the original is a lone peak
 */
public record Robustness(Stat stat, String stretch, double original, int neighbours, int failedNeighbours,
        double worst, List<String> worstAt, double fall, double relativeFall, boolean lonePeak) {
    /** A relative fall above this, from a strict peak, makes it a lone peak. */
    public static final double LONE_PEAK_FALL = 0.5;

    public Robustness {
        Objects.requireNonNull(stat, "stat");
        Objects.requireNonNull(stretch, "stretch");
        worstAt = List.copyOf(worstAt);
    }

    /**
     * The figure of {@code results} (one per unit of the sweep {@code job}) around its original parameters.
     *
     * @param outOfSample whether to read the out-of-sample statistics (else in-sample)
     */
    public static Robustness around(ResearchJob job, List<UnitResult> results, Stat stat, boolean outOfSample) {
        List<Vary> varied = job.varied();
        int originalUnit = SweepJobs.originalUnit(job);
        int[] origin = indices(varied, originalUnit);
        double s0 = value(results.get(originalUnit), stat, outOfSample);
        int neighbours = 0;
        int failed = 0;
        boolean strictlyBetter = true;
        double worst = Double.NaN;
        UnitResult worstUnit = null;
        for (UnitResult r : results) {
            if (!isNeighbour(indices(varied, r.index()), origin)) {
                continue;
            }
            neighbours++;
            double v = value(r, stat, outOfSample);
            if (Double.isNaN(v)) {
                failed++;
                continue;
            }
            strictlyBetter &= stat.compareBestFirst(s0, v) < 0;
            if (worstUnit == null || stat.compareBestFirst(v, worst) > 0) {
                worst = v;
                worstUnit = r;
            }
        }
        double fall = Double.isNaN(s0) || worstUnit == null ? Double.NaN
                : Math.max(0, stat.higherIsBetter() ? s0 - worst : worst - s0);
        double relative = s0 == 0 || Double.isNaN(fall) ? Double.NaN : fall / Math.abs(s0);
        boolean lonePeak = !Double.isNaN(s0) && neighbours > 0 && failed == 0 && strictlyBetter
                && relative > LONE_PEAK_FALL;
        return new Robustness(stat, outOfSample ? "out-of-sample" : "in-sample", s0, neighbours, failed, worst,
                worstUnit == null ? List.of() : worstUnit.parameters(), fall, relative, lonePeak);
    }

    /** The figure in a sentence or two, for the text report and the page. */
    public String sentence(List<Vary> varied) {
        String name = stretch + " " + stat.label();
        if (Double.isNaN(original)) {
            return name + ": the original parameters did not run, so there is no robustness figure.";
        }
        StringBuilder sb = new StringBuilder(name).append(" at the original parameters: ")
                .append(stat.format(original)).append(". ");
        if (neighbours == 0) {
            return sb.append("It has no neighbour on the grid (one value per literal).").toString();
        }
        sb.append("Within one step (").append(neighbours).append(neighbours == 1 ? " neighbour" : " neighbours");
        if (failedNeighbours > 0) {
            sb.append(", ").append(failedNeighbours).append(" of which failed");
        }
        sb.append(") ");
        if (Double.isNaN(worst)) {
            return sb.append("no neighbour ran.").toString();
        }
        if (fall == 0) {
            sb.append("it does not fall: the worst neighbour, ").append(stat.format(worst)).append(" at ")
                    .append(at(varied)).append(", is no worse.");
        } else {
            sb.append("it falls to ").append(stat.format(worst)).append(" at ").append(at(varied)).append(": by ")
                    .append(stat.format(fall))
                    .append(Double.isNaN(relativeFall) ? "" : " (" + io.alchemiser.examples.format.Format.percent(
                            relativeFall, 0) + " of it)")
                    .append('.');
        }
        if (lonePeak) {
            sb.append(" Warning: a lone peak. The original is better than every neighbour and loses more than half "
                    + "its value one step away, a sign of a curve-fitted parameter.");
        }
        return sb.toString();
    }

    private String at(List<Vary> varied) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < varied.size() && k < worstAt.size(); k++) {
            parts.add(varied.get(k).position() + "=" + worstAt.get(k));
        }
        return String.join(", ", parts);
    }

    private static double value(UnitResult r, Stat stat, boolean outOfSample) {
        return stat.of(outOfSample ? r.outOfSample() : r.inSample());
    }

    /** The value index of each varied literal in unit {@code unit} (row-major, the last literal fastest). */
    static int[] indices(List<Vary> varied, int unit) {
        int[] out = new int[varied.size()];
        for (int k = varied.size() - 1; k >= 0; k--) {
            int n = varied.get(k).values().size();
            out[k] = unit % n;
            unit /= n;
        }
        return out;
    }

    private static boolean isNeighbour(int[] at, int[] origin) {
        boolean differs = false;
        for (int k = 0; k < at.length; k++) {
            int d = Math.abs(at[k] - origin[k]);
            if (d > 1) {
                return false;
            }
            differs |= d == 1;
        }
        return differs;
    }
}
