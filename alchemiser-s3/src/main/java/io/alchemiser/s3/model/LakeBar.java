package io.alchemiser.s3.model;

import io.alchemiser.core.domain.DailyBar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of a bar file in the data lake: a trading day of one symbol with every column the lake keeps.
 *
 * <p>{@code adjClose} is the split- and dividend-adjusted close, the price indicators read; it is always present.
 * {@code close} is the raw (unadjusted) close, and {@code open}, {@code high}, {@code low} and {@code volume} may
 * each be {@code null} when the source does not publish them (the shared price set has only the adjusted close).
 * A missing value is {@code null}, never zero.
 *
 * <p>Validated on construction: every present price is positive and finite as a {@code double} (the lake stores
 * prices as IEEE doubles, see the module README), {@code high >= low} when both are present, and a present volume
 * is not negative.
 */
public record LakeBar(LocalDate date, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
        BigDecimal adjClose, Long volume) {

    public LakeBar {
        Objects.requireNonNull(date, "date");
        if (adjClose == null) {
            throw new IllegalArgumentException("bar " + date + ": adj_close is required");
        }
        requirePrice(date, "adj_close", adjClose);
        requirePrice(date, "open", open);
        requirePrice(date, "high", high);
        requirePrice(date, "low", low);
        requirePrice(date, "close", close);
        if (high != null && low != null && high.compareTo(low) < 0) {
            throw new IllegalArgumentException("bar " + date + ": high " + high.toPlainString()
                    + " is below low " + low.toPlainString());
        }
        if (volume != null && volume < 0) {
            throw new IllegalArgumentException("bar " + date + ": volume must not be negative, got " + volume);
        }
    }

    /** A bar from a source that publishes only the adjusted close. */
    public static LakeBar adjustedCloseOnly(LocalDate date, BigDecimal adjClose) {
        return new LakeBar(date, null, null, null, null, adjClose, null);
    }

    /**
     * The lake row for a domain bar. The domain bar's close is the adjusted close; the raw close is unknown
     * ({@code null}). A volume of 0 on a bar without a range is the domain's "unknown" and is stored as {@code null}.
     */
    public static LakeBar of(DailyBar bar) {
        Long volume = bar.volume() == 0 && !bar.hasRange() ? null : bar.volume();
        return new LakeBar(bar.date(), bar.open(), bar.high(), bar.low(), null, bar.close(), volume);
    }

    /** The domain view: {@code close} is the adjusted close, an unknown volume is 0. */
    public DailyBar toDailyBar() {
        return new DailyBar(date, open, high, low, adjClose, volume == null ? 0 : volume);
    }

    /** This bar with every adjusted price (open, high, low, adjusted close) multiplied by {@code factor}. */
    public LakeBar rescaled(double factor) {
        return rescaled(factor, 1);
    }

    /**
     * This bar with every adjusted price (open, high, low, adjusted close; not the raw close) multiplied by
     * {@code priceFactor} and the volume by {@code volumeFactor}, rounded to a whole number of shares: a split of
     * n:1 is {@code rescaled(1.0 / n, n)}, a dividend {@code rescaled(ratio, 1)}.
     */
    public LakeBar rescaled(double priceFactor, double volumeFactor) {
        if (!(volumeFactor > 0) || Double.isInfinite(volumeFactor)) {
            throw new IllegalArgumentException("bar " + date + ": volume factor must be positive, got " + volumeFactor);
        }
        Long scaledVolume = volume;
        if (volume != null && volumeFactor != 1) {
            scaledVolume = Math.round(volume * volumeFactor);
        }
        return new LakeBar(date, scale(open, priceFactor), scale(high, priceFactor), scale(low, priceFactor), close,
                scale(adjClose, priceFactor), scaledVolume);
    }

    private static BigDecimal scale(BigDecimal price, double factor) {
        return price == null ? null : BigDecimal.valueOf(price.doubleValue() * factor);
    }

    private static void requirePrice(LocalDate date, String field, BigDecimal value) {
        if (value == null) {
            return;
        }
        double d = value.doubleValue();
        if (value.signum() <= 0 || !Double.isFinite(d) || d <= 0) {
            throw new IllegalArgumentException("bar " + date + ": " + field
                    + " must be positive and finite, got " + value.toPlainString());
        }
    }
}
