package io.alchemiser.core.application.execution;

import io.alchemiser.core.domain.Money;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Walk-the-book limit pricing.
 *
 * <p><b>Normal book</b> (bid and ask present, bid ≤ ask, spread ≤ {@code maxSpread} × mid): a buy's step k is
 * priced at bid + f<sub>k</sub> × (ask − bid), a sell's at ask − f<sub>k</sub> × (ask − bid), with the fractions
 * of {@link ExecutionSettings#steps()} (75%, 85%, 95%). Buys round down to the tick and sells round up, then the
 * price is clamped into [bid, ask], so limits never leave the quoted book and move monotonically toward the far
 * side. After the last limit step comes a market order.
 *
 * <p><b>Fallback</b> (the documented safety rule): when the spread is wider than {@code maxSpread} × mid, or the
 * quote is crossed, one-sided or missing, the quoted far side cannot be trusted. The walk then runs over a
 * synthetic book centred on the mid (or, without a two-sided quote, the last trade) with half-width
 * {@code maxSpread}/2 × centre, and its final step is a limit at that synthetic far side instead of a market
 * order, so no order ever goes out unprotected into a broken book. Without any price at all the step cannot be
 * priced and {@link #price} throws.
 */
public final class WalkTheBook {
    private final ExecutionSettings settings;

    public WalkTheBook(ExecutionSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Steps in a walk: the limit steps plus the final step. */
    public int attempts() {
        return settings.attempts();
    }

    /**
     * Prices step {@code step} (0-based) of a walk.
     *
     * @throws IllegalStateException if the quote has no usable price at all
     */
    public PricedStep price(Side side, Quote quote, int step) {
        if (step < 0 || step >= attempts()) {
            throw new IllegalArgumentException("step " + step + " outside 0.." + (attempts() - 1));
        }
        Book book = book(quote);
        boolean last = step == attempts() - 1;
        if (last && book.trusted) {
            return new PricedStep(step, null, "market order after " + settings.steps().size() + " limit steps");
        }
        double fraction = last ? 1.0 : settings.steps().get(step);
        BigDecimal spread = book.ask.subtract(book.bid);
        BigDecimal offset = spread.multiply(Money.decimal(fraction));
        BigDecimal raw = side == Side.BUY ? book.bid.add(offset) : book.ask.subtract(offset);
        BigDecimal limit = Money.toTick(raw, side == Side.BUY ? RoundingMode.DOWN : RoundingMode.UP);
        BigDecimal low = Money.toTick(book.bid, RoundingMode.UP);
        BigDecimal high = Money.toTick(book.ask, RoundingMode.DOWN);
        if (low.compareTo(high) <= 0) {
            limit = limit.max(low).min(high);
        }
        String basis = String.format(java.util.Locale.ROOT, "%s %.0f%% of the way %s (%s book %s/%s)",
                side == Side.BUY ? "buy" : "sell", fraction * 100, side == Side.BUY ? "from bid to ask" : "from ask to bid",
                book.trusted ? "quoted" : "synthetic", book.bid.toPlainString(), book.ask.toPlainString());
        return new PricedStep(step, limit, basis);
    }

    private record Book(BigDecimal bid, BigDecimal ask, boolean trusted) {
    }

    private Book book(Quote quote) {
        if (quote.isTwoSided()) {
            BigDecimal mid = quote.bid().add(quote.ask()).divide(BigDecimal.valueOf(2), Money.MATH);
            BigDecimal spread = quote.ask().subtract(quote.bid());
            if (spread.compareTo(mid.multiply(Money.decimal(settings.maxSpread()))) <= 0) {
                return new Book(quote.bid(), quote.ask(), true);
            }
            return synthetic(mid);
        }
        BigDecimal centre = quote.last() != null ? quote.last() : quote.referencePrice();
        if (centre == null) {
            throw new IllegalStateException(quote.symbol() + ": no bid, ask or last price to price an order");
        }
        return synthetic(centre);
    }

    private Book synthetic(BigDecimal centre) {
        BigDecimal half = centre.multiply(Money.decimal(settings.maxSpread() / 2), Money.MATH);
        return new Book(centre.subtract(half), centre.add(half), false);
    }
}
