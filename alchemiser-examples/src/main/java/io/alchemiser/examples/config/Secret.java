package io.alchemiser.examples.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Objects;

/** A credential. Its {@code toString} never reveals the value, so it can sit in logged records safely. */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "secret");
    }

    @JsonCreator
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The value, for the one place that sends it (an HTTP header, an SMTP login). */
    public String reveal() {
        return value;
    }

    public boolean isBlank() {
        return value.isBlank();
    }

    @Override
    public String toString() {
        return "****";
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
