package io.alchemiser.examples.research;

import io.alchemiser.examples.format.Format;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** A statistic a leaderboard sorts by and a heatmap shows, with which way is better. */
public enum Stat {
    SHARPE("sharpe", "Sharpe", true, SegmentStats::sharpe),
    CAGR("cagr", "CAGR", true, SegmentStats::cagr),
    CALMAR("calmar", "Calmar", true, SegmentStats::calmar),
    TOTAL("total", "total return", true, SegmentStats::totalReturn),
    MAXDD("maxdd", "max drawdown", false, SegmentStats::maxDrawdown),
    VOLATILITY("volatility", "volatility", false, SegmentStats::volatility),
    TURNOVER("turnover", "turnover", false, SegmentStats::turnover);

    private final String keyword;
    private final String label;
    private final boolean higherIsBetter;
    private final ToDoubleFunction<SegmentStats> value;

    Stat(String keyword, String label, boolean higherIsBetter, ToDoubleFunction<SegmentStats> value) {
        this.keyword = keyword;
        this.label = label;
        this.higherIsBetter = higherIsBetter;
        this.value = value;
    }

    /**
     * The statistic named {@code text} ({@code sharpe}, {@code cagr}, ...), any case.
     *
     * @throws IllegalArgumentException naming every accepted name
     */
    public static Stat parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Stat s : values()) {
            if (s.keyword.equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is no statistic: expected " + keywords());
    }

    /** Every name {@link #parse} accepts, separated by {@code |}. */
    public static String keywords() {
        StringBuilder sb = new StringBuilder();
        for (Stat s : values()) {
            sb.append(sb.length() == 0 ? "" : "|").append(s.keyword);
        }
        return sb.toString();
    }

    public String keyword() {
        return keyword;
    }

    /** For people: {@code Sharpe}, {@code max drawdown}. */
    public String label() {
        return label;
    }

    /** Whether a larger value is better (false for drawdown, volatility and turnover). */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The value in {@code s}, {@code NaN} for no stats. */
    public double of(SegmentStats s) {
        return s == null ? Double.NaN : value.applyAsDouble(s);
    }

    /** How the value prints: a ratio with two decimals for Sharpe and Calmar, a percentage otherwise. */
    public String format(double v) {
        return this == SHARPE || this == CALMAR ? Format.ratio(v) : Format.percent(v);
    }

    /**
     * Orders values best first; {@code NaN} (no value) last, whatever the direction.
     *
     * @return negative when {@code a} is better than {@code b}
     */
    public int compareBestFirst(double a, double b) {
        boolean aNone = Double.isNaN(a);
        boolean bNone = Double.isNaN(b);
        if (aNone || bNone) {
            return Boolean.compare(aNone, bNone);
        }
        return higherIsBetter ? Double.compare(b, a) : Double.compare(a, b);
    }
}
