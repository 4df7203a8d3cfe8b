package io.alchemiser.core.architecture.planted.cycle.a;

import io.alchemiser.core.architecture.planted.cycle.b.B;

/** Planted violation: half of a package cycle. */
public final class A {
    public B partner() {
        return new B();
    }
}
