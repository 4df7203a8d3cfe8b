package io.alchemiser.examples.research;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One numeric literal of a sweep and the values it takes: {@code --vary LINE:COL=FROM..TO[/STEP]} resolved against
 * the symphony's source ({@link Literals#resolve}).
 *
 * @param line          1-based line of the literal
 * @param column        1-based column (code points) where it starts
 * @param original      the literal as the file writes it
 * @param values        every value it takes, ascending, as written into the source; the original value is one of
 *                      them (added to the grid when FROM..TO/STEP misses it)
 * @param originalIndex where the original value is in {@code values}
 * @param originalAdded whether the original value was added to the grid
 */
public record Vary(int line, int column, String original, List<String> values, int originalIndex,
        boolean originalAdded) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The most values one literal may take. */
    public static final int MAX_VALUES = 1_000;

    private static final Pattern SPEC = Pattern.compile(
            "\\s*(\\d+):(\\d+)\\s*=\\s*([-+]?[0-9.]+(?:[eE][-+]?\\d+)?)\\s*\\.\\.\\s*([-+]?[0-9.]+(?:[eE][-+]?\\d+)?)"
                    + "\\s*(?:/\\s*([-+]?[0-9.]+(?:[eE][-+]?\\d+)?))?\\s*");

    public Vary {
        Objects.requireNonNull(original, "original");
        values = List.copyOf(values);
        if (originalIndex < 0 || originalIndex >= values.size()) {
            throw new IllegalArgumentException("the original value is one of the values");
        }
    }

    /** {@code line:column}, as the spec and the reports write a position. */
    public String position() {
        return line + ":" + column;
    }

    /**
     * A parsed {@code --vary} before it meets the source: where, and the grid FROM, FROM + STEP, ... up to TO.
     *
     * @param text the option's text, for messages
     */
    public record Request(int line, int column, BigDecimal from, BigDecimal to, BigDecimal step, String text) {
        public Request {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(text, "text");
        }

        /**
         * Parses {@code LINE:COL=FROM..TO[/STEP]}; STEP defaults to 1.
         *
         * @throws IllegalArgumentException naming the option and what is wrong
         */
        public static Request parse(String text) {
            Matcher m = SPEC.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException("--vary " + text + ": expected LINE:COL=FROM..TO or "
                        + "LINE:COL=FROM..TO/STEP, e.g. 12:31=10..20/2 or 40:7=0.03..0.07/0.01");
            }
            int line = position(text, m.group(1), "line");
            int column = position(text, m.group(2), "column");
            BigDecimal from = number(text, m.group(3));
            BigDecimal to = number(text, m.group(4));
            BigDecimal step = m.group(5) == null ? BigDecimal.ONE : number(text, m.group(5));
            if (step.signum() <= 0) {
                throw new IllegalArgumentException("--vary " + text + ": the step must be positive");
            }
            if (from.compareTo(to) > 0) {
                throw new IllegalArgumentException("--vary " + text + ": FROM must not be above TO");
            }
            BigDecimal count = to.subtract(from).divideToIntegralValue(step).add(BigDecimal.ONE);
            if (count.compareTo(BigDecimal.valueOf(MAX_VALUES)) > 0) {
                throw new IllegalArgumentException("--vary " + text + " gives " + count.toPlainString()
                        + " values; at most " + MAX_VALUES + " per literal");
            }
            return new Request(line, column, from, to, step, text.trim());
        }

        /** FROM, FROM + STEP, ... while not above TO. */
        public List<BigDecimal> grid() {
            List<BigDecimal> out = new ArrayList<>();
            for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
                out.add(v);
            }
            return out;
        }

        private static int position(String text, String digits, String what) {
            try {
                int n = Integer.parseInt(digits);
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // Reported below.
            }
            throw new IllegalArgumentException("--vary " + text + ": the " + what + " is a number from 1");
        }

        private static BigDecimal number(String text, String digits) {
            try {
                return new BigDecimal(digits);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--vary " + text + ": '" + digits + "' is not a number");
            }
        }
    }
}
