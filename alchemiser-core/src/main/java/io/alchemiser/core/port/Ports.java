package io.alchemiser.core.port;

import java.time.Clock;
import java.util.Objects;

/**
 * The adapters a trading run talks through, bundled so services take one argument instead of nine: price history
 * (for evaluation), quotes (for pricing orders), the broker, the ledger, the event bus, the market calendar and
 * clock, and the two time sources ({@link Clock} for "now", {@link Sleeper} for waiting) that let a simulation
 * pass time instantly.
 */
public record Ports(PriceHistory priceHistory, Quotes quotes, Broker broker, Ledger ledger, EventBus events,
        Scheduler calendar, Clock clock, Sleeper sleeper) {
    public Ports {
        Objects.requireNonNull(priceHistory, "priceHistory");
        Objects.requireNonNull(quotes, "quotes");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** These ports with another price history (e.g. one that appends today's live price). */
    public Ports withPriceHistory(PriceHistory history) {
        return new Ports(history, quotes, broker, ledger, events, calendar, clock, sleeper);
    }

    /** Builds {@link Ports}; every port is required, the clock defaults to UTC system time and the sleeper to real time. */
    public static final class Builder {
        private PriceHistory priceHistory;
        private Quotes quotes;
        private Broker broker;
        private Ledger ledger;
        private EventBus events;
        private Scheduler calendar;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();

        private Builder() {
        }

        public Builder priceHistory(PriceHistory priceHistory) {
            this.priceHistory = priceHistory;
            return this;
        }

        public Builder quotes(Quotes quotes) {
            this.quotes = quotes;
            return this;
        }

        public Builder broker(Broker broker) {
            this.broker = broker;
            return this;
        }

        public Builder ledger(Ledger ledger) {
            this.ledger = ledger;
            return this;
        }

        public Builder events(EventBus events) {
            this.events = events;
            return this;
        }

        public Builder calendar(Scheduler calendar) {
            this.calendar = calendar;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        public Ports build() {
            return new Ports(priceHistory, quotes, broker, ledger, events, calendar, clock, sleeper);
        }
    }
}
