package io.alchemiser.core.architecture.planted.adapter.internal;

/** An implementation detail of the planted adapter module. */
public final class Detail {
}
