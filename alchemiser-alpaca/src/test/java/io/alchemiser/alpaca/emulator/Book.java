package io.alchemiser.alpaca.emulator;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The emulator's market for one symbol at one moment: best bid, best ask and last trade, each {@code null} when
 * there is none (a one-sided or empty book).
 */
public record Book(BigDecimal bid, BigDecimal ask, BigDecimal last) {

    /** The price a buy pays at the touch: the ask, else the last trade; {@code null} when neither exists. */
    public BigDecimal buyPrice() {
        return ask != null ? ask : last;
    }

    /** The price a sell gets at the touch: the bid, else the last trade; {@code null} when neither exists. */
    public BigDecimal sellPrice() {
        return bid != null ? bid : last;
    }

    /** The midpoint of a two-sided book, else the last trade, else whichever side exists; {@code null} if empty. */
    public BigDecimal mid() {
        if (bid != null && ask != null) {
            return bid.add(ask).divide(BigDecimal.valueOf(2), 6, RoundingMode.HALF_EVEN);
        }
        if (last != null) {
            return last;
        }
        return bid != null ? bid : ask;
    }

    /** The tick at a price: $0.01, or $0.0001 below $1, as US equities trade. */
    public static BigDecimal tick(BigDecimal price) {
        return price.compareTo(BigDecimal.ONE) >= 0 ? new BigDecimal("0.01") : new BigDecimal("0.0001");
    }

    /** A book {@code spreadBps} wide around {@code mid} (bid rounded down, ask up, at least one tick apart). */
    public static Book around(BigDecimal mid, int spreadBps) {
        BigDecimal tick = tick(mid);
        int scale = tick.scale();
        BigDecimal half = mid.multiply(BigDecimal.valueOf(spreadBps)).divide(BigDecimal.valueOf(20_000), 10,
                RoundingMode.HALF_EVEN);
        BigDecimal bid = mid.subtract(half).setScale(scale, RoundingMode.DOWN);
        BigDecimal ask = mid.add(half).setScale(scale, RoundingMode.UP);
        if (ask.compareTo(bid) <= 0) {
            ask = bid.add(tick);
        }
        if (bid.signum() <= 0) {
            bid = null;
        }
        return new Book(bid, ask, mid.setScale(scale, RoundingMode.HALF_EVEN));
    }
}
