package io.alchemiser.inmemory;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.Scheduler;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Realistic, seeded daily bars for demos and tests: the same seed, universe and dates always give the same bars.
 *
 * <p><b>Model.</b> A two-state Markov regime ({@link Regime#CALM}, {@link Regime#STRESSED}) sets the annualised
 * volatility {@code σ} of a common market factor (default 12% and 45%); each trading day the regime switches with
 * probability {@code pCalmToStressed} or {@code pStressedToCalm}. An asset with annual drift {@code μ}, beta
 * {@code β} and idiosyncratic volatility {@code η} (scaled by {@code σ_stressed / σ_calm} in a stressed regime) moves
 * by the log return {@code r = μ/252 − v/2 + β·σ/√252·z + η/√252·ε}, with {@code v = (β²σ² + η²)/252}, {@code z}
 * shared by all assets and {@code ε} its own, so its expected simple return is {@code μ} a year and its correlation
 * with another asset comes from the shared factor. A leveraged fund on a base asset moves by
 * {@code L × (base simple return) − fee/252} each day (daily reset, so it decays in volatile markets as real ones
 * do). Prices are carried unrounded and published rounded to cents, half-even, never below $0.01; a fund that
 * decays for years (inverse, volatility) ends up near that floor, so start it high for long ranges.
 *
 * <p><b>Bars.</b> The open gaps from the previous close by a quarter of the day's volatility; the high and low
 * extend beyond the open and close by half of it; volume grows with the size of the move. Every bar has
 * {@code high ≥ max(open, close) ≥ min(open, close) ≥ low > 0}. Days are the calendar's trading days only (default
 * {@link ManualScheduler#nyse()}).
 *
 * <p><b>Determinism.</b> One {@link Random} per generation, seeded with the seed, draws a fixed number of values
 * per day in declaration order; so a longer range starting on the same day extends a shorter one bar for bar.
 * Instances are immutable and safe from several threads.
 */
public final class BarGenerator {
    /** The market's state on a day. */
    public enum Regime { CALM, STRESSED }

    private static final double DAYS_PER_YEAR = 252;
    private static final double MIN_PRICE = 0.01;

    private record Spec(Symbol symbol, double start, double drift, double beta, double idioVol, int baseIndex,
            double leverage, double fee) {
        boolean leveraged() {
            return baseIndex >= 0;
        }
    }

    private final long seed;
    private final Scheduler calendar;
    private final double calmVol;
    private final double stressedVol;
    private final double calmToStressed;
    private final double stressedToCalm;
    private final List<Spec> specs;

    private BarGenerator(Builder b) {
        this.seed = b.seed;
        this.calendar = b.calendar;
        this.calmVol = b.calmVol;
        this.stressedVol = b.stressedVol;
        this.calmToStressed = b.calmToStressed;
        this.stressedToCalm = b.stressedToCalm;
        this.specs = List.copyOf(b.specs);
    }

    public static Builder builder(long seed) {
        return new Builder(seed);
    }

    /**
     * A universe that makes demo strategies look real: SPY, QQQ, IWM, XLK, SOXX, TLT, GLD, BIL, a volatility fund
     * UVXY (beta −3, drift −35% a year), and the 3× funds TQQQ, SQQQ (−3× QQQ), UPRO, SOXL and TMF. Its prices suit
     * ranges of a few years: over a decade the decaying funds (UVXY, SQQQ) sink toward the $0.01 floor, as the real
     * ones would without their reverse splits.
     */
    public static BarGenerator demo(long seed) {
        return builder(seed)
                .asset("SPY", 400, 0.09, 1.0, 0.02)
                .asset("QQQ", 350, 0.12, 1.2, 0.06)
                .asset("IWM", 190, 0.07, 1.15, 0.10)
                .asset("XLK", 170, 0.13, 1.2, 0.08)
                .asset("SOXX", 450, 0.15, 1.6, 0.18)
                .asset("TLT", 100, 0.03, -0.25, 0.12)
                .asset("GLD", 180, 0.05, 0.05, 0.13)
                .asset("BIL", 91.5, 0.03, 0.0, 0.003)
                .asset("UVXY", 20, -0.35, -3.0, 0.45)
                .leveraged("TQQQ", "QQQ", 3, 50)
                .leveraged("SQQQ", "QQQ", -3, 30)
                .leveraged("UPRO", "SPY", 3, 60)
                .leveraged("SOXL", "SOXX", 3, 30)
                .leveraged("TMF", "TLT", 3, 10)
                .build();
    }

    /** The symbols generated, in declaration order. */
    public List<Symbol> symbols() {
        return specs.stream().map(Spec::symbol).toList();
    }

    /** Bars for every trading day from {@code from} to {@code to}, both inclusive; day one starts at the start prices. */
    public GeneratedBars generate(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("range starts " + from + ", after its end " + to);
        }
        Random random = new Random(seed);
        int n = specs.size();
        double[] close = new double[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] prevClose = new double[n];
        List<List<DailyBar>> bars = new ArrayList<>();
        for (Spec s : specs) {
            bars.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            close[i] = specs.get(i).start();
        }
        List<LocalDate> days = new ArrayList<>();
        List<Regime> regimes = new ArrayList<>();
        Regime regime = Regime.CALM;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (calendar.session(d).isEmpty()) {
                continue;
            }
            double switchDraw = random.nextDouble();
            if (regime == Regime.CALM ? switchDraw < calmToStressed : switchDraw < stressedToCalm) {
                regime = regime == Regime.CALM ? Regime.STRESSED : Regime.CALM;
            }
            double marketVol = (regime == Regime.CALM ? calmVol : stressedVol) / Math.sqrt(DAYS_PER_YEAR);
            double idioScale = regime == Regime.CALM ? 1 : stressedVol / calmVol;
            double z = random.nextGaussian();
            System.arraycopy(close, 0, prevClose, 0, n);
            for (int i = 0; i < n; i++) {
                Spec s = specs.get(i);
                double dayVol;
                double volumeNoise;
                if (s.leveraged()) {
                    int b = s.baseIndex();
                    close[i] = leveragedPrice(prevClose[i], s, close[b] / prevClose[b]);
                    double o = leveragedPrice(prevClose[i], s, open[b] / prevClose[b]);
                    double h = leveragedPrice(prevClose[i], s, high[b] / prevClose[b]);
                    double l = leveragedPrice(prevClose[i], s, low[b] / prevClose[b]);
                    open[i] = o;
                    high[i] = Math.max(Math.max(h, l), Math.max(o, close[i]));
                    low[i] = Math.min(Math.min(h, l), Math.min(o, close[i]));
                    dayVol = Math.abs(s.leverage()) * Math.log(high[b] / low[b]) + 1e-9;
                    volumeNoise = random.nextGaussian();
                } else {
                    double idio = s.idioVol() * idioScale / Math.sqrt(DAYS_PER_YEAR);
                    double variance = s.beta() * s.beta() * marketVol * marketVol + idio * idio;
                    dayVol = Math.sqrt(variance) + 1e-9;
                    double r = s.drift() / DAYS_PER_YEAR - variance / 2 + s.beta() * marketVol * z
                            + idio * random.nextGaussian();
                    close[i] = Math.max(MIN_PRICE, prevClose[i] * Math.exp(r));
                    open[i] = Math.max(MIN_PRICE, prevClose[i] * Math.exp(0.25 * dayVol * random.nextGaussian()));
                    high[i] = Math.max(open[i], close[i]) * Math.exp(0.5 * dayVol * Math.abs(random.nextGaussian()));
                    low[i] = Math.min(open[i], close[i]) * Math.exp(-0.5 * dayVol * Math.abs(random.nextGaussian()));
                    volumeNoise = random.nextGaussian();
                }
                double move = Math.abs(Math.log(close[i] / prevClose[i])) / dayVol;
                long volume = Math.round(5_000_000 * (0.6 + 0.4 * Math.min(move, 6)) * Math.exp(0.2 * volumeNoise));
                bars.get(i).add(bar(d, open[i], high[i], low[i], close[i], volume));
            }
            days.add(d);
            regimes.add(regime);
        }
        Map<Symbol, BarSeries> series = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            series.put(specs.get(i).symbol(), new BarSeries(specs.get(i).symbol(), bars.get(i)));
        }
        return new GeneratedBars(series, days, regimes);
    }

    /** The leveraged fund's price after its base moved by {@code baseRatio} (end / previous close). */
    private static double leveragedPrice(double prev, Spec s, double baseRatio) {
        double r = s.leverage() * (baseRatio - 1) - s.fee() / DAYS_PER_YEAR;
        return Math.max(MIN_PRICE, prev * (1 + r));
    }

    private static DailyBar bar(LocalDate date, double open, double high, double low, double close, long volume) {
        BigDecimal o = cents(open);
        BigDecimal c = cents(close);
        BigDecimal h = cents(high).max(o).max(c);
        BigDecimal l = cents(low).min(o).min(c);
        return new DailyBar(date, o, h, l, c, volume);
    }

    /** Rounds to the cent, half-even ({@link Math#rint}), at least $0.01. Cheaper than a BigDecimal round trip. */
    private static BigDecimal cents(double price) {
        return BigDecimal.valueOf(Math.max(1, (long) Math.rint(price * 100)), 2);
    }

    /** Configures a {@link BarGenerator}; declare a leveraged fund's base before the fund. */
    public static final class Builder {
        private final long seed;
        private Scheduler calendar = ManualScheduler.nyse();
        private double calmVol = 0.12;
        private double stressedVol = 0.45;
        private double calmToStressed = 0.008;
        private double stressedToCalm = 0.04;
        private final List<Spec> specs = new ArrayList<>();

        private Builder(long seed) {
            this.seed = seed;
        }

        /** The trading days (default: {@link ManualScheduler#nyse()}). */
        public Builder calendar(Scheduler calendar) {
            this.calendar = Objects.requireNonNull(calendar, "calendar");
            return this;
        }

        /**
         * The regimes: annualised market volatility when calm and when stressed, and the daily probabilities of
         * switching (defaults 0.12, 0.45, 0.008, 0.04: calm spells last ~125 trading days, stressed ones ~25).
         */
        public Builder regimes(double calmVol, double stressedVol, double calmToStressed, double stressedToCalm) {
            if (!(calmVol > 0 && stressedVol > 0) || !isProbability(calmToStressed) || !isProbability(stressedToCalm)) {
                throw new IllegalArgumentException("regime volatilities must be positive and switch probabilities in"
                        + " [0, 1]");
            }
            this.calmVol = calmVol;
            this.stressedVol = stressedVol;
            this.calmToStressed = calmToStressed;
            this.stressedToCalm = stressedToCalm;
            return this;
        }

        /**
         * An asset starting at {@code startPrice} on the first day, with expected annual return {@code drift}, beta
         * {@code beta} to the market factor and annualised idiosyncratic volatility {@code idiosyncraticVol} (calm).
         */
        public Builder asset(String symbol, double startPrice, double drift, double beta, double idiosyncraticVol) {
            if (!(startPrice >= MIN_PRICE) || !Double.isFinite(startPrice) || !Double.isFinite(drift)
                    || !Double.isFinite(beta) || !(idiosyncraticVol >= 0) || !Double.isFinite(idiosyncraticVol)) {
                throw new IllegalArgumentException(symbol + ": start price must be at least $0.01 and drift, beta and"
                        + " volatility finite (volatility not negative)");
            }
            add(new Spec(Symbol.of(symbol), startPrice, drift, beta, idiosyncraticVol, -1, 0, 0));
            return this;
        }

        /** A daily-reset fund returning {@code leverage} × its base's daily return, less a 0.95% yearly fee. */
        public Builder leveraged(String symbol, String base, double leverage, double startPrice) {
            return leveraged(symbol, base, leverage, startPrice, 0.0095);
        }

        /** A daily-reset fund returning {@code leverage} × its base's daily return, less {@code annualFee}. */
        public Builder leveraged(String symbol, String base, double leverage, double startPrice, double annualFee) {
            Symbol b = Symbol.of(base);
            int baseIndex = -1;
            for (int i = 0; i < specs.size(); i++) {
                if (specs.get(i).symbol().equals(b) && !specs.get(i).leveraged()) {
                    baseIndex = i;
                }
            }
            if (baseIndex < 0) {
                throw new IllegalArgumentException(symbol + ": declare its base " + base
                        + " (an ordinary asset) before it");
            }
            if (!(startPrice >= MIN_PRICE) || !Double.isFinite(leverage) || leverage == 0 || !(annualFee >= 0)) {
                throw new IllegalArgumentException(symbol + ": start price must be at least $0.01, leverage non-zero"
                        + " and the fee not negative");
            }
            add(new Spec(Symbol.of(symbol), startPrice, 0, 0, 0, baseIndex, leverage, annualFee));
            return this;
        }

        public BarGenerator build() {
            if (specs.isEmpty()) {
                throw new IllegalArgumentException("declare at least one asset");
            }
            return new BarGenerator(this);
        }

        private void add(Spec spec) {
            for (Spec s : specs) {
                if (s.symbol().equals(spec.symbol())) {
                    throw new IllegalArgumentException(spec.symbol() + " is declared twice");
                }
            }
            specs.add(spec);
        }

        private static boolean isProbability(double p) {
            return p >= 0 && p <= 1;
        }
    }
}
