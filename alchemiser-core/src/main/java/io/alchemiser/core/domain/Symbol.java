package io.alchemiser.core.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tradable ticker in Alpaca's canonical form: upper-case letters, digits, and a dot for share classes
 * ({@code BRK.B}). Composer writes share classes with a slash ({@code BRK/B}); {@link #of(String)} accepts both.
 */
public record Symbol(String value) implements Comparable<Symbol> {
    private static final Pattern VALID = Pattern.compile("[A-Z0-9][A-Z0-9.\\-]{0,20}");

    public Symbol {
        Objects.requireNonNull(value, "symbol");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid symbol '" + value
                    + "': expected upper-case letters, digits, '.' or '-' (e.g. SPY, BRK.B)");
        }
    }

    /** Parses a ticker as users and Composer write it: trims, upper-cases, and turns {@code /} into {@code .}. */
    public static Symbol of(String text) {
        Objects.requireNonNull(text, "symbol");
        return new Symbol(text.trim().toUpperCase(java.util.Locale.ROOT).replace('/', '.'));
    }

    @Override
    public int compareTo(Symbol other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
