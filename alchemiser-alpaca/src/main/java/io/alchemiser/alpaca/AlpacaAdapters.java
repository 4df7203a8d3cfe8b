package io.alchemiser.alpaca;

import io.alchemiser.alpaca.config.AlpacaConfig;
import io.alchemiser.alpaca.internal.AlpacaHttp;
import java.util.Objects;

/**
 * The three Alpaca adapters built from one {@link AlpacaConfig} and sharing one HTTP client: what a host application
 * wires into the daily run.
 *
 * <pre>{@code
 * AlpacaAdapters alpaca = AlpacaAdapters.create(AlpacaConfig.fromEnvironment());
 * AlpacaMarketData data = alpaca.marketData(); // PriceHistory and Quotes
 * Broker broker = alpaca.broker();
 * Scheduler calendar = alpaca.scheduler();
 * }</pre>
 */
public final class AlpacaAdapters {

    private final AlpacaConfig config;
    private final AlpacaMarketData marketData;
    private final AlpacaBroker broker;
    private final AlpacaScheduler scheduler;

    private AlpacaAdapters(AlpacaConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        AlpacaHttp http = new AlpacaHttp(config);
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

    @Override
    public String toString() {
        return "AlpacaAdapters[" + config + "]";
    }
}
