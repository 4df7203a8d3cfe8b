package io.alchemiser.alpaca.emulator;

import io.alchemiser.core.domain.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How the emulator fills a working order: asked each time time passes (and right after a submit) while the market is
 * open, it says how much of the order fills now and at what price, or nothing.
 *
 * <p>{@link #marketable()} is the plain exchange: a market order, and a limit order that reaches the other side,
 * fill in full at the touch. {@link #restingAtMidAfter(Duration)} also fills a limit priced at or through the mid
 * once it has rested that long, at its limit, as a patient limit often does in a real market.
 * {@link #inSlices(int, Duration)} turns any model into one that fills in parts.
 */
@FunctionalInterface
public interface FillModel {

    /** What a working order looks like to a fill model. */
    record Working(Side side, boolean market, BigDecimal limit, BigDecimal quantity, BigDecimal remaining,
            boolean wholeShares, Instant workingSince, Instant lastFill) {
    }

    /** A fill: shares and price. */
    record Fill(BigDecimal quantity, BigDecimal price) {
        public Fill {
            if (quantity.signum() <= 0 || price.signum() <= 0) {
                throw new IllegalArgumentException("a fill needs positive shares and price: " + quantity + " @ " + price);
            }
        }
    }

    /** The fill {@code order} gets at {@code now} against {@code book}, or empty. */
    Optional<Fill> fill(Working order, Book book, Instant now);

    /** Market orders, and limits that reach the other side, fill in full at the touch. */
    static FillModel marketable() {
        return (order, book, now) -> {
            BigDecimal touch = order.side() == Side.BUY ? book.buyPrice() : book.sellPrice();
            if (touch == null) {
                return Optional.empty();
            }
            boolean crosses = order.market() || (order.side() == Side.BUY ? order.limit().compareTo(touch) >= 0
                    : order.limit().compareTo(touch) <= 0);
            return crosses ? Optional.of(new Fill(order.remaining(), touch)) : Optional.empty();
        };
    }

    /**
     * {@link #marketable()}, and also: a limit priced at or through the mid (a buy at or above it, a sell at or below)
     * fills in full at its limit once it has worked for {@code rest}.
     */
    static FillModel restingAtMidAfter(Duration rest) {
        Objects.requireNonNull(rest, "rest");
        FillModel touch = marketable();
        return (order, book, now) -> {
            Optional<Fill> taken = touch.fill(order, book, now);
            if (taken.isPresent() || order.market()) {
                return taken;
            }
            BigDecimal mid = book.mid();
            boolean throughMid = mid != null && (order.side() == Side.BUY ? order.limit().compareTo(mid) >= 0
                    : order.limit().compareTo(mid) <= 0);
            return throughMid && !now.isBefore(order.workingSince().plus(rest))
                    ? Optional.of(new Fill(order.remaining(), order.limit())) : Optional.empty();
        };
    }

    /**
     * This model, filling at most {@code 1/slices} of the order's quantity at a time (whole shares for a whole-share
     * order, at least one), and no sooner than {@code between} after the previous fill.
     */
    default FillModel inSlices(int slices, Duration between) {
        if (slices < 1) {
            throw new IllegalArgumentException("slices must be at least 1, got " + slices);
        }
        Objects.requireNonNull(between, "between");
        FillModel whole = this;
        return (order, book, now) -> {
            if (order.lastFill() != null && now.isBefore(order.lastFill().plus(between))) {
                return Optional.empty();
            }
            return whole.fill(order, book, now).map(f -> {
                BigDecimal slice = order.quantity().divide(BigDecimal.valueOf(slices), 9, RoundingMode.DOWN);
                if (order.wholeShares()) {
                    slice = slice.setScale(0, RoundingMode.DOWN).max(BigDecimal.ONE);
                }
                return new Fill(slice.signum() > 0 ? f.quantity().min(slice) : f.quantity(), f.price());
            });
        };
    }
}
