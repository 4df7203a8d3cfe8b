package io.alchemiser.alpaca;

import io.alchemiser.alpaca.config.AlpacaConfig;
import io.alchemiser.alpaca.internal.AlpacaHttp;
import io.alchemiser.alpaca.internal.RequestBudget;
import java.util.Objects;

/**
 * The three Alpaca adapters built from one {@link AlpacaConfig} and sharing one HTTP client (and, with every other
 * client of the same key id, one request budget): what a host application wires into the daily run. Close it when
 * done: that stops the order poller and the {@code trade_updates} stream.
 *
 * <pre>{@code
 * AlpacaAdapters alpaca = AlpacaAdapters.create(AlpacaConfigReader.fromEnvironment());
 * AlpacaMarketData data = alpaca.marketData(); // PriceHistory and Quotes
 * Broker broker = alpaca.broker();
 * Scheduler calendar = alpaca.scheduler();
 * }</pre>
 */
public final class AlpacaAdapters implements AutoCloseable {

    private final AlpacaConfig config;
    private final AlpacaHttp http;
    private final AlpacaMarketData marketData;
    private final AlpacaBroker broker;
    private final AlpacaScheduler scheduler;

    private AlpacaAdapters(AlpacaConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = new AlpacaHttp(config);
        this.marketData = new AlpacaMarketData(http);
        this.broker = new AlpacaBroker(http);
        this.scheduler = new AlpacaScheduler(http);
    }

    public static AlpacaAdapters create(AlpacaConfig config) {
        return new AlpacaAdapters(config);
    }

    public AlpacaConfig config() {
        return config;
    }

    public AlpacaMarketData marketData() {
        return marketData;
    }

    public AlpacaBroker broker() {
        return broker;
    }

    public AlpacaScheduler scheduler() {
        return scheduler;
    }

    /** The request budget of this config's key id as spent so far, by every client using the key in this process. */
    public RequestStats requestStats() {
        RequestBudget budget = http.budget();
        return new RequestStats(budget.requests(), budget.peakPerMinute(), budget.perMinute(), budget.throttled());
    }

    /** Stops the broker's order poller and closes its {@code trade_updates} stream. */
    @Override
    public void close() {
        broker.close();
    }

    @Override
    public String toString() {
        return "AlpacaAdapters[" + config + "]";
    }
}
