package io.alchemiser.examples.backtest;

import io.alchemiser.examples.format.Html;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.DoubleFunction;

/**
 * A line chart over trading days as inline SVG, written by hand: one point per trading day (x by trading-day index,
 * so weekends and holidays leave no gaps), dates on the x axis (years, or months for a short range), a linear or
 * logarithmic y axis with round tick values, grid lines, axis titles and a legend. Long series are thinned to the
 * first, lowest, highest and last point of each pixel column, which draws the same picture.
 */
final class SvgChart {
    /** How values map to height. */
    enum Scale {
        LINEAR, LOG
    }

    /**
     * One line.
     *
     * @param area whether to fill between the line and zero (a drawdown)
     */
    record Series(String label, double[] values, String colour, boolean dashed, boolean area) {
    }

    static final int WIDTH = 920;
    static final int HEIGHT = 320;
    private static final int LEFT = 84;
    private static final int RIGHT = 16;
    private static final int TOP = 30;
    private static final int BOTTOM = 48;
    private static final double PLOT_W = WIDTH - LEFT - RIGHT;
    private static final double PLOT_H = HEIGHT - TOP - BOTTOM;

    private final List<LocalDate> dates;
    private final Scale scale;
    private double lo;
    private double hi;

    private SvgChart(List<LocalDate> dates, Scale scale) {
        this.dates = dates;
        this.scale = scale;
    }

    /**
     * The chart as an {@code <svg>} element.
     *
     * @param title     read by screen readers and shown as a tooltip
     * @param yTitle    the y axis title, e.g. {@code equity ($, log scale)}
     * @param tickLabel how a y tick value prints
     */
    static String render(String title, List<LocalDate> dates, List<Series> series, Scale scale, String yTitle,
            DoubleFunction<String> tickLabel) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.values()) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min > max) {
            min = 0;
            max = 1;
        }
        Scale used = scale == Scale.LOG && min > 0 ? Scale.LOG : Scale.LINEAR;
        SvgChart chart = new SvgChart(dates, used);
        List<Double> yTicks = used == Scale.LOG ? chart.logAxis(min, max) : chart.linearAxis(min, max);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">",
                WIDTH, HEIGHT, Html.escape(title)));
        sb.append("<title>").append(Html.escape(title)).append("</title>");
        sb.append(String.format(Locale.ROOT, "<rect class=\"plot\" x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\"/>",
                LEFT, TOP, PLOT_W, PLOT_H));
        for (double t : yTicks) {
            double y = chart.y(t);
            sb.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\"/>",
                    LEFT, y, LEFT + PLOT_W, y));
            sb.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                    LEFT - 6, y + 4, Html.escape(tickLabel.apply(t))));
        }
        for (int i : chart.xTicks()) {
            double x = chart.x(i);
            sb.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.0f\"/>",
                    x, TOP, x, TOP + PLOT_H));
            sb.append(String.format(Locale.ROOT,
                    "<text class=\"tick\" x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\">%s</text>", x,
                    TOP + PLOT_H + 16, chart.xLabel(dates.get(i))));
        }
        sb.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%.0f\" y=\"%d\" text-anchor=\"middle\">date</text>",
                LEFT + PLOT_W / 2, HEIGHT - 8));
        sb.append(String.format(Locale.ROOT, "<text class=\"axis\" transform=\"translate(16 %.0f) rotate(-90)\" "
                + "text-anchor=\"middle\">%s</text>", TOP + PLOT_H / 2, Html.escape(yTitle)));
        for (Series s : series) {
            sb.append(chart.path(s));
        }
        int legendX = LEFT;
        for (Series s : series) {
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"10\" width=\"14\" height=\"10\" fill=\"%s\"/>",
                    legendX, s.colour()));
            sb.append(String.format(Locale.ROOT, "<text class=\"legend\" x=\"%d\" y=\"19\">%s</text>", legendX + 19,
                    Html.escape(s.label())));
            legendX += 30 + 7 * Math.min(s.label().length(), 40);
        }
        sb.append("</svg>");
        return sb.toString();
    }

    /** Round ticks spanning [min, max]; sets the axis to the outermost ticks. */
    private List<Double> linearAxis(double min, double max) {
        if (max - min < 1e-12) {
            double pad = Math.max(Math.abs(max) * 0.1, 0.01);
            min -= pad;
            max = max == 0 ? 0 : max + pad;
        }
        double step = niceStep((max - min) / 5);
        lo = Math.floor(min / step + 1e-9) * step;
        hi = Math.ceil(max / step - 1e-9) * step;
        List<Double> ticks = new ArrayList<>();
        for (int k = 0; lo + k * step <= hi + step * 1e-6; k++) {
            ticks.add(lo + k * step);
        }
        return ticks;
    }

    /** Ticks at 1, 2, 5 (or 1–9) times powers of ten inside [min, max], a little margin around them. */
    private List<Double> logAxis(double min, double max) {
        double lMin = Math.log10(min);
        double lMax = Math.log10(max);
        double margin = Math.max((lMax - lMin) * 0.03, 0.005);
        lo = Math.pow(10, lMin - margin);
        hi = Math.pow(10, lMax + margin);
        int[][] mantissas = {{1}, {1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}};
        for (int[] m : mantissas) {
            List<Double> ticks = new ArrayList<>();
            for (int k = (int) Math.floor(lMin) - 1; k <= (int) Math.ceil(lMax) + 1; k++) {
                for (int mantissa : m) {
                    double v = mantissa * Math.pow(10, k);
                    if (v >= lo && v <= hi) {
                        ticks.add(v);
                    }
                }
            }
            if (ticks.size() >= 3) {
                return ticks;
            }
        }
        double step = niceStep((hi - lo) / 4);
        TreeSet<Double> ticks = new TreeSet<>();
        for (double v = Math.ceil(lo / step) * step; v <= hi; v += step) {
            ticks.add(v);
        }
        return new ArrayList<>(ticks);
    }

    /** The smallest of 1, 2, 2.5, 5, 10 times a power of ten that is at least {@code raw}. */
    static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw * (1 - 1e-9)) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private double x(int index) {
        return dates.size() == 1 ? LEFT + PLOT_W / 2 : LEFT + index * PLOT_W / (dates.size() - 1);
    }

    private double y(double value) {
        double f = scale == Scale.LOG ? (Math.log(hi) - Math.log(value)) / (Math.log(hi) - Math.log(lo))
                : (hi - value) / (hi - lo);
        return TOP + f * PLOT_H;
    }

    private boolean byYear() {
        return dates.get(dates.size() - 1).getYear() - dates.get(0).getYear() >= 3;
    }

    /** Indexes of the first trading day of each labelled year, or of each labelled month for a short range. */
    private List<Integer> xTicks() {
        List<Integer> ticks = new ArrayList<>();
        if (dates.isEmpty()) {
            return ticks;
        }
        LocalDate first = dates.get(0);
        LocalDate last = dates.get(dates.size() - 1);
        if (byYear()) {
            int years = last.getYear() - first.getYear();
            int step = years <= 12 ? 1 : years <= 30 ? 2 : 5;
            for (int i = 1; i < dates.size(); i++) {
                int y = dates.get(i).getYear();
                if (y != dates.get(i - 1).getYear() && y % step == 0) {
                    ticks.add(i);
                }
            }
        } else {
            long months = (last.getYear() - first.getYear()) * 12L + last.getMonthValue() - first.getMonthValue();
            int step = months <= 12 ? 1 : months <= 24 ? 2 : 3;
            for (int i = 1; i < dates.size(); i++) {
                LocalDate d = dates.get(i);
                if (d.getMonthValue() != dates.get(i - 1).getMonthValue() && (d.getMonthValue() - 1) % step == 0) {
                    ticks.add(i);
                }
            }
        }
        return ticks;
    }

    private String xLabel(LocalDate date) {
        return byYear() ? String.valueOf(date.getYear())
                : String.format(Locale.ROOT, "%d-%02d", date.getYear(), date.getMonthValue());
    }

    /** The series as a {@code <path>}: a line, or a filled area down to zero. */
    private String path(Series s) {
        List<Integer> kept = thin(s.values());
        if (kept.isEmpty()) {
            return "";
        }
        StringBuilder d = new StringBuilder();
        for (int k = 0; k < kept.size(); k++) {
            int i = kept.get(k);
            d.append(k == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f", x(i), y(s.values()[i])));
        }
        String style = s.dashed() ? " stroke-dasharray=\"5 3\"" : "";
        if (s.area()) {
            double base = y(Math.max(lo, Math.min(hi, 0)));
            d.append(String.format(Locale.ROOT, "L%.1f %.1fL%.1f %.1fZ", x(kept.get(kept.size() - 1)), base,
                    x(kept.get(0)), base));
            return String.format(Locale.ROOT, "<path d=\"%s\" fill=\"%s\" fill-opacity=\"0.35\" stroke=\"%s\" "
                    + "stroke-width=\"1\"%s/>", d, s.colour(), s.colour(), style);
        }
        return String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"%s/>", d,
                s.colour(), style);
    }

    /** Indexes to draw: per pixel column the first, lowest, highest and last finite value, in order. */
    private List<Integer> thin(double[] values) {
        List<Integer> out = new ArrayList<>();
        int column = Integer.MIN_VALUE;
        int first = -1;
        int low = -1;
        int high = -1;
        int lastInColumn = -1;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i]) || (scale == Scale.LOG && values[i] <= 0)) {
                continue;
            }
            int c = (int) Math.floor(x(i));
            if (c != column) {
                flush(out, first, low, high, lastInColumn);
                column = c;
                first = i;
                low = i;
                high = i;
            }
            if (values[i] < values[low]) {
                low = i;
            }
            if (values[i] > values[high]) {
                high = i;
            }
            lastInColumn = i;
        }
        flush(out, first, low, high, lastInColumn);
        return out;
    }

    private static void flush(List<Integer> out, int first, int low, int high, int last) {
        if (first < 0) {
            return;
        }
        TreeSet<Integer> column = new TreeSet<>(List.of(first, low, high, last));
        out.addAll(column);
    }
}
