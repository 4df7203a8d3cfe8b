package io.alchemiser.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The id the product gives an order, derived only from (run, round, symbol, side, walk step) so that a retry
 * computes the same id and can ask the broker whether the order already exists, and a rerun of the day (a new
 * round) never reuses an id of an earlier round. Written {@code PREFIX.ROUND-SYMBOL-S0} (or {@code B0}): the prefix
 * is the run id, or for a run id longer than {@value #MAX_PLAIN_PREFIX} characters a stable hash of it, so every
 * order of a run shares one prefix and a rerun can find them all at the broker. At most 48 characters, which every
 * broker the product targets accepts.
 */
public record ClientOrderId(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,48}");
    private static final int MAX_PLAIN_PREFIX = 18;
    private static final Pattern TAIL = Pattern.compile("(\\d{1,3})-([A-Z0-9][A-Z0-9.\\-]*)-([SB])(\\d{1,2})");

    public ClientOrderId {
        Objects.requireNonNull(value, "clientOrderId");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid client order id '" + value + "'");
        }
    }

    /** What a client order id of this product says about the order it names. */
    public record Parts(int round, Symbol symbol, Side side, int step) {
    }

    /** The deterministic id of walk step {@code step} of a trade in round {@code round} of a run. */
    public static ClientOrderId of(RunId run, int round, Symbol symbol, Side side, int step) {
        if (round < 0 || round > 999) {
            throw new IllegalArgumentException("round out of range: " + round);
        }
        if (step < 0 || step > 99) {
            throw new IllegalArgumentException("walk step out of range: " + step);
        }
        return new ClientOrderId(prefix(run) + "." + round + "-" + symbol.value() + "-" + side.name().charAt(0) + step);
    }

    /** The prefix every order id of {@code run} starts with, the dot included. */
    public static String prefix(RunId run) {
        String id = run.value();
        if (id.length() <= MAX_PLAIN_PREFIX) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "h" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The round, symbol, side and step of this id if it names an order of {@code run}; empty otherwise. */
    public Optional<Parts> partsFor(RunId run) {
        String prefix = prefix(run) + ".";
        if (!value.startsWith(prefix)) {
            return Optional.empty();
        }
        Matcher m = TAIL.matcher(value.substring(prefix.length()));
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Parts(Integer.parseInt(m.group(1)), new Symbol(m.group(2)),
                m.group(3).equals("S") ? Side.SELL : Side.BUY, Integer.parseInt(m.group(4))));
    }

    @Override
    public String toString() {
        return value;
    }
}
