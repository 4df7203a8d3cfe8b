package io.alchemiser.alpaca.internal;

import io.alchemiser.core.domain.Order;
import io.alchemiser.core.port.BrokerException.Kind;
import io.alchemiser.core.port.BrokerException;
import io.alchemiser.core.port.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest known state of every order, shared by every thread waiting for one, so that waiting costs requests per
 * cycle, not per order.
 *
 * <p><b>Sources.</b> Every answer the broker gets (a submit, a read) is {@linkplain #observe observed}; the
 * {@code trade_updates} stream, when configured, pushes each change; and while anyone waits, one poller thread makes
 * one batched list request ({@code GET /v2/orders?status=all&after=…}, through the supplied lister) per cycle covering
 * every awaited order. While the stream is listening the poll only runs every {@value #STREAM_RECONCILE_CYCLES}
 * cycles as a safety net, and once right after the stream (re)starts listening, to catch what happened while it was
 * down. A state replaces the known one only if it is not older: a terminal state is final.
 *
 * <p><b>Failures.</b> A failed poll or read (outage, throttling) never ends a wait: the wait goes on until its
 * timeout and then returns the latest state known, which is not terminal, so the caller can cancel and reconcile.
 * A wait for an order never seen at all ends, at its timeout, in a retryable {@link Kind#UNAVAILABLE}: its state is
 * unknown, never guessed.
 *
 * <p><b>Time.</b> Deadlines are measured on the configured clock and the poller waits on the configured sleeper, so a
 * simulated clock and sleeper pass time without waiting; the poller never sleeps past the earliest waiter's deadline.
 *
 * <p>Thread-safe.
 */
public final class OrderTracker implements AutoCloseable {

    /** While the stream delivers, the safety poll runs once every this many cycles. */
    public static final int STREAM_RECONCILE_CYCLES = 15;

    private static final Logger LOG = LoggerFactory.getLogger(OrderTracker.class);
    /** The list asks for orders submitted from this long before the earliest awaited one (clock skew). */
    private static final Duration LIST_MARGIN = Duration.ofSeconds(1);
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofMinutes(1);
    /** How long (real time) the poller waits for waiters whose wait is over to leave before it looks again. */
    private static final Duration LEAVING_WAIT = Duration.ofMillis(20);

    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration cycle;
    private final Function<String, Order> fetchOne;
    private final Function<Instant, List<Order>> listSince;
    private final TradeUpdatesStream stream;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final KnownOrders latest = new KnownOrders();
    private final List<Waiter> waiters = new ArrayList<>();
    private Thread poller;
    private Instant lastPoll = Instant.MIN;
    private boolean catchUp;
    private boolean closed;
    private String lastFailure;
    private Instant nextConnect = Instant.MIN;
    private Duration reconnectDelay;
    private long polls;

    /**
     * @param fetchOne  reads one order by id (used once for an awaited order never seen)
     * @param listSince lists every order submitted at or after an instant (the batched poll)
     * @param stream    the {@code trade_updates} stream, or {@code null} to poll alone
     */
    public OrderTracker(Clock clock, Sleeper sleeper, Duration cycle, Function<String, Order> fetchOne,
            Function<Instant, List<Order>> listSince, TradeUpdatesStream stream) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.cycle = Objects.requireNonNull(cycle, "cycle");
        this.fetchOne = Objects.requireNonNull(fetchOne, "fetchOne");
        this.listSince = Objects.requireNonNull(listSince, "listSince");
        this.stream = stream;
        this.reconnectDelay = cycle;
        if (stream != null) {
            stream.listen(new TradeUpdatesStream.Events() {
                @Override
                public void listening() {
                    streamListening();
                }

                @Override
                public void down(String why) {
                    signal();
                }

                @Override
                public void order(Order order) {
                    observe(order);
                }
            });
        }
    }

    /** Records a state the broker learnt; ignored if a newer state, or a terminal one, is known. */
    public void observe(Order order) {
        Objects.requireNonNull(order, "order");
        lock.lock();
        try {
            if (latest.offer(order, this::awaited)) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts the {@code trade_updates} stream now if it is configured, down, and not retried too recently: the
     * broker calls this when it places an order, so updates flow before anyone waits. Returns at once.
     */
    public void connectStream() {
        if (locked(() -> !closed && reconnectDue())) {
            stream.connect();
        }
    }

    /** The latest state known, if any. */
    public Order known(String orderId) {
        return locked(() -> latest.get(orderId));
    }

    /** Batched polls made so far. */
    public long polls() {
        return locked(() -> polls);
    }

    /**
     * Waits until the order is terminal or {@code timeout} has passed on the clock, and returns its latest state.
     *
     * @throws BrokerException {@link Kind#NOT_FOUND} if Alpaca has no such order; {@link Kind#UNAVAILABLE} if no state
     *     of it could be read before the timeout, or the thread was interrupted
     */
    public Order await(String orderId, Duration timeout) {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(timeout, "timeout");
        Waiter waiter = new Waiter(orderId, plus(clock.instant(), timeout));
        Instant lastSeed = Instant.MIN;
        if (known(orderId) == null) {
            lastSeed = clock.instant();
            seed(orderId);
        }
        register(waiter);
        try {
            while (true) {
                if (known(orderId) == null && !clock.instant().isBefore(lastSeed.plus(cycle))) {
                    lastSeed = clock.instant();
                    seed(orderId);
                }
                lock.lock();
                try {
                    Order current = latest.get(orderId);
                    Instant now = clock.instant();
                    if (current != null && current.isTerminal()) {
                        return current;
                    }
                    if (!now.isBefore(waiter.deadline)) {
                        if (current != null) {
                            return current;
                        }
                        throw new BrokerException(Kind.UNAVAILABLE, "order " + orderId + ": no state could be read "
                                + "from Alpaca within " + timeout + (lastFailure == null ? "" : " (" + lastFailure
                                + ")") + "; its outcome is unknown, look it up again before acting on it");
                    }
                    if (current != null || now.isBefore(lastSeed.plus(cycle))) {
                        changed.awaitNanos(Math.max(1, Duration.between(now, waiter.deadline).toNanos()));
                    }
                } finally {
                    lock.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException(Kind.UNAVAILABLE, "interrupted while waiting for order " + orderId, e);
        } finally {
            deregister(waiter);
        }
    }

    /** Stops the poller and the stream. Waits in progress end at their next wake-up with what is known. */
    @Override
    public void close() {
        Thread running = locked(() -> {
            closed = true;
            changed.signalAll();
            return poller;
        });
        if (running != null) {
            running.interrupt();
        }
        if (stream != null) {
            stream.close();
        }
    }

    private void seed(String orderId) {
        try {
            observe(fetchOne.apply(orderId));
        } catch (BrokerException e) {
            if (!e.retryable()) {
                throw e;
            }
            failed(e);
        }
    }

    private void register(Waiter waiter) {
        lock.lock();
        try {
            if (closed) {
                throw new BrokerException(Kind.UNAVAILABLE, "the Alpaca broker is closed; cannot wait for order "
                        + waiter.orderId);
            }
            waiters.add(waiter);
            if (poller == null) {
                poller = new Thread(this::pollWhileAwaited, "alpaca-order-poller");
                poller.setDaemon(true);
                poller.start();
            }
        } finally {
            lock.unlock();
        }
    }

    private void deregister(Waiter waiter) {
        lock.lock();
        try {
            waiters.remove(waiter);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The poller: while anyone waits for an order that is not terminal, one batched poll per due cycle, and stream
     * (re)connection. It never sleeps past the earliest such waiter's deadline, nor longer than a cycle (so a stream
     * that drops is noticed within one). Waiters whose wait is over are left to leave, on real time.
     */
    private void pollWhileAwaited() {
        try {
            while (true) {
                Duration sleep;
                boolean connect;
                lock.lock();
                try {
                    if (waiters.isEmpty() || closed) {
                        poller = null;
                        return;
                    }
                    Instant now = clock.instant();
                    Instant deadline = nextPendingDeadline(now);
                    if (deadline == null) {
                        changed.await(LEAVING_WAIT.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
                        continue;
                    }
                    connect = reconnectDue();
                    Instant wake = earliest(earliest(nextPollDue(), deadline), plus(now, cycle));
                    sleep = wake.isAfter(now) ? Duration.between(now, wake) : Duration.ZERO;
                } finally {
                    lock.unlock();
                }
                if (connect) {
                    stream.connect();
                }
                if (!sleep.isZero()) {
                    sleeper.sleep(sleep);
                }
                pollIfDue();
                signal();
            }
        } catch (InterruptedException e) {
            locked(() -> poller = null);
        } catch (RuntimeException | Error e) {
            LOG.error("the Alpaca order poller stopped on an unexpected error", e);
            lock.lock();
            try {
                poller = null;
                lastFailure = "the order poller failed: " + e;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            throw e;
        }
    }

    private void pollIfDue() {
        Instant since;
        lock.lock();
        try {
            Instant now = clock.instant();
            if (nextPendingDeadline(now) == null || now.isBefore(nextPollDue())) {
                return;
            }
            lastPoll = now;
            catchUp = false;
            since = earliestAwaitedSubmission();
            if (since == null) {
                return; // nothing awaited is known yet: its waiter reads it by id
            }
            polls++;
        } finally {
            lock.unlock();
        }
        try {
            for (Order o : listSince.apply(since.minus(LIST_MARGIN))) {
                observe(o);
            }
            locked(() -> lastFailure = null);
        } catch (BrokerException e) {
            failed(e);
        }
    }

    private void failed(BrokerException e) {
        boolean first = locked(() -> {
            boolean none = lastFailure == null;
            lastFailure = e.getMessage();
            return none;
        });
        if (first) {
            LOG.warn("order status check failed; keeping the last known states and trying again each cycle: {}",
                    e.getMessage());
        } else {
            LOG.debug("order status check failed again: {}", e.getMessage());
        }
    }

    /** Whether to (re)connect the stream now; if so, the next attempt is pushed back (doubling, at most 1 min). */
    private boolean reconnectDue() {
        if (stream == null || stream.state() != TradeUpdatesStream.State.DOWN) {
            return false;
        }
        Instant now = clock.instant();
        if (now.isBefore(nextConnect)) {
            return false;
        }
        nextConnect = plus(now, reconnectDelay);
        Duration doubled = reconnectDelay.multipliedBy(2);
        reconnectDelay = doubled.compareTo(MAX_RECONNECT_DELAY) > 0 ? MAX_RECONNECT_DELAY : doubled;
        return true;
    }

    private void streamListening() {
        locked(() -> {
            catchUp = true;
            reconnectDelay = cycle;
            changed.signalAll();
            return null;
        });
    }

    private Instant nextPollDue() {
        if (catchUp) {
            return Instant.MIN;
        }
        boolean streaming = stream != null && stream.state() == TradeUpdatesStream.State.LISTENING;
        return plus(lastPoll, streaming ? cycle.multipliedBy(STREAM_RECONCILE_CYCLES) : cycle);
    }

    /** The earliest deadline still ahead of a waiter whose order is not terminal; {@code null} if none. */
    private Instant nextPendingDeadline(Instant now) {
        Instant next = null;
        for (Waiter w : waiters) {
            if (!latest.isTerminal(w.orderId) && w.deadline.isAfter(now) && (next == null
                    || w.deadline.isBefore(next))) {
                next = w.deadline;
            }
        }
        return next;
    }

    private Instant earliestAwaitedSubmission() {
        Instant earliest = null;
        for (Waiter w : waiters) {
            Order o = latest.get(w.orderId);
            if (o != null && !o.isTerminal() && (earliest == null || o.submittedAt().isBefore(earliest))) {
                earliest = o.submittedAt();
            }
        }
        return earliest;
    }

    private boolean awaited(String orderId) {
        for (Waiter w : waiters) {
            if (w.orderId.equals(orderId)) {
                return true;
            }
        }
        return false;
    }

    private void signal() {
        locked(() -> {
            changed.signalAll();
            return null;
        });
    }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** One thread waiting for one order until a deadline. */
    private static final class Waiter {
        final String orderId;
        final Instant deadline;

        Waiter(String orderId, Instant deadline) {
            this.orderId = orderId;
            this.deadline = deadline;
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant plus(Instant t, Duration d) {
        try {
            return t.plus(d);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return d.isNegative() ? Instant.MIN : Instant.MAX;
        }
    }
}
