package io.alchemiser.examples.liveday;

import io.alchemiser.alpaca.emulator.Book;
import io.alchemiser.alpaca.emulator.FillModel;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A fill model a test can change mid-day: a market where nothing fills until, later, orders fill again
 * ({@link #use}); or one where the orders resting at some moment never fill, so that whoever comes next (a stop
 * signal, a rerun after a kill) has to cancel them ({@link #holdOrdersWorkingBy}).
 */
final class SwitchableFills implements FillModel {
    /** Nothing ever fills, not even a market order. */
    static final FillModel NOTHING = (order, book, now) -> Optional.empty();

    private volatile FillModel current;
    private volatile Instant heldUpTo = Instant.MIN;

    SwitchableFills(FillModel initial) {
        this.current = Objects.requireNonNull(initial, "initial");
    }

    /** From now on, orders fill by {@code model}. */
    void use(FillModel model) {
        this.current = Objects.requireNonNull(model, "model");
    }

    /** Orders working by {@code t} (their working time at or before it) never fill; later ones fill as before. */
    void holdOrdersWorkingBy(Instant t) {
        this.heldUpTo = Objects.requireNonNull(t, "t");
    }

    @Override
    public Optional<Fill> fill(Working order, Book book, Instant now) {
        if (order.workingSince() != null && !order.workingSince().isAfter(heldUpTo)) {
            return Optional.empty();
        }
        return current.fill(order, book, now);
    }
}
