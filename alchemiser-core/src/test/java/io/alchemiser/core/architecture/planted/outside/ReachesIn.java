package io.alchemiser.core.architecture.planted.outside;

import io.alchemiser.core.architecture.planted.adapter.internal.Detail;

/** Planted violation: code outside a module that reaches into its internal package. */
public final class ReachesIn {
    public Detail detail() {
        return new Detail();
    }
}
