package io.alchemiser.core.architecture.planted.cycle.b;

import io.alchemiser.core.architecture.planted.cycle.a.A;

/** Planted violation: the other half of a package cycle. */
public final class B {
    public A partner() {
        return new A();
    }
}
