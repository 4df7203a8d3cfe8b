package io.alchemiser.core.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id the product gives an order, derived only from (run id, symbol, side, attempt) so that a retry or a
 * restarted run computes the same id and can ask the broker whether the order already exists. At most 48
 * characters, which every broker the product targets accepts.
 */
public record ClientOrderId(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,48}");

    public ClientOrderId {
        Objects.requireNonNull(value, "clientOrderId");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid client order id '" + value + "'");
        }
    }

    /** The deterministic id of one attempt at one trade of one run. */
    public static ClientOrderId of(RunId run, Symbol symbol, Side side, int attempt) {
        if (attempt < 0 || attempt > 99) {
            throw new IllegalArgumentException("attempt out of range: " + attempt);
        }
        String id = run.value() + "-" + symbol.value() + "-" + side.name().charAt(0) + attempt;
        if (id.length() > 48) {
            // Long run ids are shortened by a stable hash so the id stays deterministic.
            String prefix = Integer.toHexString(run.value().hashCode());
            id = prefix + "-" + symbol.value() + "-" + side.name().charAt(0) + attempt;
        }
        return new ClientOrderId(id);
    }

    @Override
    public String toString() {
        return value;
    }
}
