package io.alchemiser.core.domain;

import java.util.Objects;

/**
 * A credential (an API key, a secret key, a password) that never shows itself by accident: {@link #toString()}
 * prints a mask, so a secret logged, concatenated into a message or printed with its config stays hidden. The value
 * is read only through {@link #reveal()}, by the one place that sends it (an HTTP header, an SMTP login).
 */
public final class Secret {
    private static final String MASK = "****";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a credential, stripping surrounding whitespace (environment files often leave a trailing newline).
     *
     * @throws IllegalArgumentException if the value is blank; the message never contains the value
     */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret");
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("a credential must not be blank");
        }
        return new Secret(stripped);
    }

    /** The credential itself. Only for sending it; never log or print the result. */
    public String reveal() {
        return value;
    }

    /** Replaces every occurrence of this credential in {@code text} with a mask. */
    public String redact(String text) {
        return text == null ? null : text.replace(value, MASK);
    }

    /** Always a mask; never the value. */
    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
