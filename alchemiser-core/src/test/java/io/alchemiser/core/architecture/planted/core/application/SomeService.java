package io.alchemiser.core.architecture.planted.core.application;

import io.alchemiser.core.architecture.planted.core.port.SomePort;

/** A service of the planted core, allowed to use its port. */
public final class SomeService {
    private final SomePort port;

    public SomeService(SomePort port) {
        this.port = port;
    }

    public SomePort port() {
        return port;
    }
}
