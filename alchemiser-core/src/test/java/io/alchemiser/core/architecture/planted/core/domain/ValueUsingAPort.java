package io.alchemiser.core.architecture.planted.core.domain;

import io.alchemiser.core.architecture.planted.core.port.SomePort;

/** Planted violation: a domain value that knows a port (the layering rule must fail on it). */
public record ValueUsingAPort(SomePort port) {
}
