package io.alchemiser.core.domain.event;

import java.util.UUID;

/** Fresh event ids. */
public final class Events {
    private Events() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
