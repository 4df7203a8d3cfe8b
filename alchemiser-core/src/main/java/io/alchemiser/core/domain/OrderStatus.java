package io.alchemiser.core.domain;

/** An order's life cycle. Terminal states never change again. */
public enum OrderStatus {
    NEW(false), ACCEPTED(false), PARTIALLY_FILLED(false), FILLED(true), CANCELED(true), REJECTED(true), EXPIRED(true);

    private final boolean terminal;

    OrderStatus(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean isTerminal() {
        return terminal;
    }
}
