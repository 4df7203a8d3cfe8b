package io.alchemiser.inmemory;

import io.alchemiser.core.domain.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * When a {@link SimulatedBroker} fills a limit order, and how much of it.
 *
 * <p><b>Where the limit stands.</b> For a buy with limit {@code L} against bid {@code B} and ask {@code A},
 * {@code x = (L − B) / (A − B)}; for a sell, {@code x = (A − L) / (A − B)}: 0 at the near side of the book, 1 at the
 * touch. With {@code A = B}, {@code x} is 1 at or through the touch and 0 otherwise. {@code x ≥ 1} is marketable and
 * fills on arrival at the touch ({@code A} for a buy, {@code B} for a sell), never worse than the limit.
 *
 * <p><b>When a resting limit fills.</b> {@code p = clamp(probabilityWithin(x), 0, 1)} is the probability that the
 * order fills within {@link #referenceWait()} of reaching the broker. Fills arrive as a Poisson process with the
 * rate that gives exactly that: {@code λ = −ln(1 − p) / W}; with one uniform draw {@code u ∈ [0, 1)} per order the
 * fill comes {@code W · ln(1 − u) / ln(1 − p)} after arrival, which is within {@code W} exactly when {@code u < p}.
 * {@code p = 0} never fills, {@code p = 1} fills on arrival. A resting limit fills at its limit price. The default
 * curve is {@code p = x²}: 56% within 30 s at 75% of the way to the touch, 72% at 85%, 90% at 95%.
 *
 * <p><b>How much fills.</b> A market order always fills completely. A limit order, with probability
 * {@link #partialProbability()} (a second draw), fills only {@link #partialFraction()} of its quantity (rounded down
 * to whole shares for a whole-share order, to 9 decimals otherwise); the rest rests until cancelled or expired.
 * A partial quantity that rounds to nothing or to everything fills completely instead.
 *
 * @param probabilityWithin  {@code x ↦ p}, the fill probability within the reference wait
 * @param referenceWait      the wait {@code W} the probabilities refer to
 * @param partialProbability probability, in [0, 1], that a filling limit order fills only partly
 * @param partialFraction    the fraction, in (0, 1), that fills when it fills partly
 */
public record FillModel(DoubleUnaryOperator probabilityWithin, Duration referenceWait, double partialProbability,
        double partialFraction) {
    /** Fill times beyond this are treated as "never" (the order rests until cancelled or expired). */
    private static final Duration NEVER = Duration.ofDays(3650);

    public FillModel {
        Objects.requireNonNull(probabilityWithin, "probabilityWithin");
        Objects.requireNonNull(referenceWait, "referenceWait");
        if (referenceWait.isNegative() || referenceWait.isZero()) {
            throw new IllegalArgumentException("reference wait must be positive, got " + referenceWait);
        }
        if (!(partialProbability >= 0 && partialProbability <= 1)) {
            throw new IllegalArgumentException("partial fill probability must be in [0, 1], got " + partialProbability);
        }
        if (!(partialFraction > 0 && partialFraction < 1)) {
            throw new IllegalArgumentException("partial fill fraction must be in (0, 1), got " + partialFraction);
        }
    }

    /** {@code p = x²} within 30 s, no partial fills. */
    public static FillModel defaults() {
        return new FillModel(x -> x * x, Duration.ofSeconds(30), 0, 0.5);
    }

    /** This model with another probability curve. */
    public FillModel withProbability(DoubleUnaryOperator curve) {
        return new FillModel(curve, referenceWait, partialProbability, partialFraction);
    }

    /** This model where a filling limit order fills only {@code fraction} of itself with {@code probability}. */
    public FillModel withPartialFills(double probability, double fraction) {
        return new FillModel(probabilityWithin, referenceWait, probability, fraction);
    }

    /** How far a limit stands from the near side of the book toward the touch: 0 at the near side, 1 at the touch. */
    public static double fractionToTouch(Side side, BigDecimal limit, BigDecimal bid, BigDecimal ask) {
        BigDecimal width = ask.subtract(bid);
        if (width.signum() <= 0) {
            boolean through = side == Side.BUY ? limit.compareTo(ask) >= 0 : limit.compareTo(bid) <= 0;
            return through ? 1 : 0;
        }
        BigDecimal distance = side == Side.BUY ? limit.subtract(bid) : ask.subtract(limit);
        return distance.divide(width, MathContext.DECIMAL64).doubleValue();
    }

    /** The probability, clamped to [0, 1], of a fill within the reference wait at {@code x}. */
    public double probability(double x) {
        if (x >= 1) {
            return 1;
        }
        double p = probabilityWithin.applyAsDouble(Math.max(0, x));
        return Double.isNaN(p) ? 0 : Math.min(1, Math.max(0, p));
    }

    /**
     * How long after arrival a limit at {@code x} fills, given the order's uniform draw {@code u ∈ [0, 1)}; empty
     * if it never does.
     */
    public Optional<Duration> timeToFill(double x, double u) {
        double p = probability(x);
        if (p >= 1) {
            return Optional.of(Duration.ZERO);
        }
        if (p <= 0) {
            return Optional.empty();
        }
        double waits = Math.log1p(-u) / Math.log1p(-p);
        double nanos = waits * referenceWait.toNanos();
        if (!(nanos < NEVER.toNanos())) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Math.round(nanos)));
    }
}
