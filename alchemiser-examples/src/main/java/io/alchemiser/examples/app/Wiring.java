package io.alchemiser.examples.app;

import io.alchemiser.alpaca.AlpacaAdapters;
import io.alchemiser.core.application.run.DailyRun;
import io.alchemiser.core.application.run.RunSettings;
import io.alchemiser.core.domain.MarketClock;
import io.alchemiser.core.port.Broker;
import io.alchemiser.core.port.Ports;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.core.port.Quotes;
import io.alchemiser.core.port.Scheduler;
import io.alchemiser.core.port.Sleeper;
import io.alchemiser.core.port.WeightedStrategy;
import io.alchemiser.dsl.compile.Symphonies;
import io.alchemiser.dsl.compile.Symphony;
import io.alchemiser.dsl.eval.EvaluationOptions;
import io.alchemiser.dsl.eval.SymphonyStrategy;
import io.alchemiser.examples.config.AppConfig;
import io.alchemiser.examples.config.ConfigException;
import io.alchemiser.examples.ledger.JdbcLedger;
import io.alchemiser.examples.notify.EquityHistory;
import io.alchemiser.examples.notify.FileChannel;
import io.alchemiser.examples.notify.LogChannel;
import io.alchemiser.examples.notify.RunNotifier;
import io.alchemiser.examples.notify.SmtpChannel;
import io.alchemiser.inmemory.ClosingQuotes;
import io.alchemiser.inmemory.InMemoryEventBus;
import io.alchemiser.inmemory.ManualClock;
import io.alchemiser.inmemory.ManualScheduler;
import io.alchemiser.inmemory.SimulatedBroker;
import io.alchemiser.s3.ParquetBarStore;
import io.alchemiser.s3.ParquetPriceHistory;
import io.alchemiser.s3.csv.CsvPriceHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds every port from the {@link AppSettings}, by hand, in one place — read top to bottom, the constructor is
 * the diagram of a daily run: strategies, bar store, live quotes, broker, calendar, ledger, events, notifications.
 * What each configuration value means is decided in {@link AppSettings}; this class only connects the pieces.
 */
public final class Wiring implements AutoCloseable {
    public final AppConfig config;
    /** The compiled strategies of the configuration (stateless: every run evaluates them in a session of its own). */
    public final List<WeightedStrategy> strategies;
    public final Broker broker;
    public final Scheduler calendar;
    public final JdbcLedger ledger;
    public final InMemoryEventBus events;
    public final RunSettings settings;
    public final Clock clock;
    public final Sleeper sleeper;
    private final ParquetBarStore store;
    private final Quotes quotes;
    /** The Alpaca adapters when trading on Alpaca (closed with the wiring: the order poller and stream stop). */
    private final AlpacaAdapters alpaca;
    /** The price history of the latest {@link #dailyRun()}, which the simulated broker's closing quotes follow. */
    private volatile PriceHistory current;

    private Wiring(AppSettings app, Clock systemClock) {
        this.config = app.config();
        this.settings = app.run();
        this.strategies = strategies(config);
        this.alpaca = config.broker().isSimulated() ? null : AlpacaAdapters.create(app.alpaca());
        // Simulated trading runs on simulated time, so walk-the-book waits pass instantly.
        ManualClock simulatedTime = alpaca == null ? new ManualClock(simulatedStart(config, systemClock)) : null;
        this.clock = alpaca == null ? simulatedTime : systemClock;
        this.sleeper = alpaca == null ? simulatedTime::advance : Sleeper.system();
        this.store = config.data().store() == AppConfig.DataStore.CSV ? null : openStore(app);
        this.quotes = alpaca != null ? alpaca.marketData()
                : new ClosingQuotes((symbol, from, to) -> current.dailyBars(symbol, from, to),
                        config.broker().simulated().spreadBps(), clock);
        this.current = freshHistory();
        this.calendar = alpaca != null ? alpaca.scheduler() : ManualScheduler.builder().nyseRules().clock(clock).build();
        this.broker = alpaca != null ? alpaca.broker() : simulatedBroker(config.broker().simulated(), quotes, simulatedTime);
        this.ledger = JdbcLedger.openFile(config.ledger().path());
        this.events = new InMemoryEventBus();
        notifier(app.notifier(), ledger).subscribe(events);
    }

    /**
     * Wires the configured adapters; the environment supplies what the configuration leaves to it (Alpaca's keys).
     *
     * @throws ConfigException when the configuration cannot be wired (missing credentials, duplicate strategy names)
     */
    public static Wiring create(AppConfig config, Map<String, String> env, Clock clock) {
        return new Wiring(AppSettings.of(config, env), clock);
    }

    /**
     * A daily run over the wired ports. Every call reads the data store afresh: the store's price history caches
     * bars per instance, so a long-lived {@code schedule} process must never evaluate today on yesterday's bars.
     */
    public DailyRun dailyRun() {
        PriceHistory history = freshHistory();
        current = history;
        Ports ports = Ports.builder().priceHistory(history).quotes(quotes).broker(broker).ledger(ledger).events(events)
                .calendar(calendar).clock(clock).sleeper(sleeper).build();
        return new DailyRun(strategies, ports, settings);
    }

    /**
     * A new price history over the store (or CSV folder): it caches bars, so each run reads the store afresh. (With
     * {@code data.intraday} the daily run itself puts today's live price on top while the market is open.)
     */
    private PriceHistory freshHistory() {
        return store == null ? new CsvPriceHistory(config.data().path()) : ParquetPriceHistory.of(store);
    }

    /** Where simulated time starts: {@code broker.simulated.startAt} (New York wall time), else now. */
    private static Instant simulatedStart(AppConfig config, Clock systemClock) {
        LocalDateTime startAt = config.broker().simulated().startAt();
        return startAt == null ? systemClock.instant() : startAt.atZone(MarketClock.MARKET_ZONE).toInstant();
    }

    /**
     * The data store and the source {@code data refresh} fetches from, without opening a broker or ledger.
     *
     * @throws ConfigException when the store is a CSV folder (nothing to refresh) or Alpaca's keys are missing
     */
    public static Refresh refresh(AppConfig config, Map<String, String> env) {
        if (config.data().store() == AppConfig.DataStore.CSV) {
            throw config.errorAt("data.store", "csv: a CSV folder is read as it is and has nothing to refresh; use a "
                    + "local or s3 store");
        }
        AppSettings app = AppSettings.of(config, env);
        List<WeightedStrategy> strategies = strategies(config);
        boolean csvSource = config.data().source() == AppConfig.DataSource.CSV;
        boolean simulated = config.broker().isSimulated();
        AlpacaAdapters alpaca = csvSource && simulated ? null : AlpacaAdapters.create(app.alpaca());
        PriceHistory source = csvSource ? new CsvPriceHistory(config.data().sourcePath()) : alpaca.marketData();
        // The broker's calendar decides the last closed session: Alpaca's clock, or the simulated broker's NYSE rules.
        Scheduler calendar = simulated ? ManualScheduler.builder().nyseRules().clock(Clock.systemUTC()).build()
                : alpaca.scheduler();
        return new Refresh(openStore(app), source, calendar, strategies, alpaca);
    }

    /**
     * What {@link #refresh} opens; {@code calendar} is the broker's, whose clock says which day it is. Closing it
     * closes the store and the Alpaca adapters ({@code alpaca}, {@code null} when neither data nor calendar needs
     * Alpaca).
     */
    public record Refresh(ParquetBarStore store, PriceHistory source, Scheduler calendar,
            List<WeightedStrategy> strategies, AlpacaAdapters alpaca) implements AutoCloseable {
        @Override
        public void close() {
            try {
                store.close();
            } finally {
                if (alpaca != null) {
                    alpaca.close();
                }
            }
        }
    }

    /**
     * Compiles each configured symphony with its weight and name.
     *
     * @throws ConfigException if two strategies end up with the same name (attribution is by name)
     */
    static List<WeightedStrategy> strategies(AppConfig config) {
        List<WeightedStrategy> out = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        EvaluationOptions options = EvaluationOptions.DEFAULTS
                .withFragileMargin(config.evaluation().fragileMarginPercent() / 100);
        for (int i = 0; i < config.strategies().size(); i++) {
            AppConfig.StrategyEntry e = config.strategies().get(i);
            Symphony symphony = Symphonies.compile(e.file());
            String name = e.name() != null ? e.name() : symphony.name();
            Integer first = names.putIfAbsent(name, i);
            if (first != null) {
                throw config.errorAt("strategies[" + i + "]", "strategies[" + first + "] is also named '" + name
                        + "'; give one a distinct 'name' (trades are attributed by name)");
            }
            out.add(new WeightedStrategy(new SymphonyStrategy(symphony, name, options), e.weight()));
        }
        return List.copyOf(out);
    }

    private static ParquetBarStore openStore(AppSettings app) {
        return app.s3().map(ParquetBarStore::s3).orElseGet(() -> ParquetBarStore.local(app.config().data().path()));
    }

    /** The configured data store: a local Parquet lake, or one in an S3 bucket ({@code data import-lake}). */
    public static ParquetBarStore openStore(AppConfig config, Map<String, String> env) {
        return openStore(AppSettings.of(config, env));
    }

    private static Broker simulatedBroker(AppConfig.Simulated sim, Quotes quotes, ManualClock clock) {
        return SimulatedBroker.builder(clock).cash(sim.cash()).quotes(quotes).spreadBps(sim.spreadBps())
                .seed(sim.seed()).latency(Duration.ofMillis(50)).build();
    }

    private static RunNotifier notifier(AppSettings.Notifier n, JdbcLedger ledger) {
        RunNotifier.Builder b = RunNotifier.builder().ledger(ledger)
                .equityHistory(EquityHistory.besideLedger(n.ledgerPath())).channel(new LogChannel());
        n.directory().ifPresent(dir -> b.channel(new FileChannel(dir)));
        n.smtp().ifPresent(smtp -> b.channel(new SmtpChannel(smtp)));
        return b.build();
    }

    @Override
    public void close() {
        try {
            if (alpaca != null) {
                alpaca.close();
            }
        } finally {
            ledger.close();
            if (store != null) {
                store.close();
            }
        }
    }
}
