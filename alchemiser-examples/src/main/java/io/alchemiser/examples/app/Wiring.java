package io.alchemiser.examples.app;

import io.alchemiser.alpaca.AlpacaAdapters;
import io.alchemiser.alpaca.config.AlpacaConfig;
import io.alchemiser.core.application.execution.ExecutionSettings;
import io.alchemiser.core.application.portfolio.RebalanceSettings;
import io.alchemiser.core.application.run.DailyRun;
import io.alchemiser.core.application.run.RunSettings;
import io.alchemiser.core.port.Broker;
import io.alchemiser.core.port.Ports;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.core.port.Quotes;
import io.alchemiser.core.port.Scheduler;
import io.alchemiser.core.port.Sleeper;
import io.alchemiser.core.port.WeightedStrategy;
import io.alchemiser.dsl.compile.Symphonies;
import io.alchemiser.dsl.compile.Symphony;
import io.alchemiser.dsl.eval.SymphonyStrategy;
import io.alchemiser.examples.config.AppConfig;
import io.alchemiser.examples.ledger.JdbcLedger;
import io.alchemiser.examples.notify.EquityHistory;
import io.alchemiser.examples.notify.FileChannel;
import io.alchemiser.examples.notify.LogChannel;
import io.alchemiser.examples.notify.RunNotifier;
import io.alchemiser.examples.notify.SmtpChannel;
import io.alchemiser.examples.notify.SmtpSettings;
import io.alchemiser.inmemory.ClosingQuotes;
import io.alchemiser.inmemory.InMemoryEventBus;
import io.alchemiser.inmemory.ManualClock;
import io.alchemiser.inmemory.ManualScheduler;
import io.alchemiser.inmemory.SimulatedBroker;
import io.alchemiser.s3.ParquetBarStore;
import io.alchemiser.s3.ParquetPriceHistory;
import io.alchemiser.s3.S3Settings;
import io.alchemiser.s3.csv.CsvPriceHistory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Builds every port from the configuration, by hand, in one place — read top to bottom it is the diagram of a
 * daily run: strategies, bar store, live quotes, broker, calendar, ledger, events, notifications.
 */
public final class Wiring implements AutoCloseable {
    public final AppConfig config;
    /** The compiled strategies of the configuration (for symbols and names; each run gets fresh instances). */
    public final List<WeightedStrategy> strategies;
    public final ParquetBarStore store;
    /** The price history of the latest {@link #dailyRun()}, which the simulated broker's closing quotes follow. */
    private volatile PriceHistory current;
    private final Quotes quotes;
    public final Broker broker;
    public final Scheduler calendar;
    public final JdbcLedger ledger;
    public final InMemoryEventBus events;
    public final RunSettings settings;
    public final Clock clock;
    public final Sleeper sleeper;
    private final AlpacaAdapters alpaca;

    private Wiring(AppConfig config, Map<String, String> env, Clock systemClock) {
        this.config = config;
        this.strategies = strategies(config);
        this.alpaca = config.broker().isSimulated() ? null : AlpacaAdapters.create(alpacaConfig(config, env));
        // Simulated trading runs on simulated time, so walk-the-book waits pass instantly.
        ManualClock simulatedTime = config.broker().isSimulated() ? new ManualClock(simulatedStart(config, systemClock))
                : null;
        this.clock = simulatedTime != null ? simulatedTime : systemClock;
        this.sleeper = simulatedTime != null ? simulatedTime::advance : Sleeper.system();
        this.store = "csv".equals(config.data().store()) ? null : openStore(config.data());
        this.current = freshHistory();
        this.quotes = alpaca != null ? alpaca.marketData()
                : new ClosingQuotes((symbol, from, to) -> current.dailyBars(symbol, from, to),
                        config.broker().simulated().spreadBps(), clock);
        this.calendar = alpaca != null ? alpaca.scheduler() : ManualScheduler.builder().nyseRules().clock(clock).build();
        this.broker = alpaca != null ? alpaca.broker() : simulatedBroker(config, quotes, simulatedTime);
        this.ledger = JdbcLedger.openFile(config.ledger().path());
        this.events = new InMemoryEventBus();
        notifier(config).subscribe(events);
        this.settings = runSettings(config);
    }

    private static java.time.Instant simulatedStart(AppConfig config, Clock systemClock) {
        java.time.LocalDateTime startAt = config.broker().simulated().startAt();
        return startAt == null ? systemClock.instant() : startAt.atZone(Scheduler.MARKET_ZONE).toInstant();
    }

    /** Wires the configured adapters; the environment supplies Alpaca keys not in the file. */
    public static Wiring create(AppConfig config, Map<String, String> env, Clock clock) {
        return new Wiring(config, env, clock);
    }

    /**
     * A daily run over the wired ports. Every call reads the data store afresh and builds new strategy instances:
     * the store's market data and the evaluator cache bars per instance, so a long-lived {@code schedule} process
     * must never evaluate today on yesterday's cached bars.
     */
    public DailyRun dailyRun() {
        PriceHistory history = freshHistory();
        current = history;
        Ports ports = Ports.builder().priceHistory(history).quotes(quotes).broker(broker).ledger(ledger).events(events)
                .calendar(calendar).clock(clock).sleeper(sleeper).build();
        return new DailyRun(strategies, ports, settings);
    }

    /** A new price history over the store (or CSV folder): it caches bars, so each run reads the store afresh. */
    private PriceHistory freshHistory() {
        return store == null ? new CsvPriceHistory(config.data().path()) : ParquetPriceHistory.of(store);
    }

    /** Every symbol the configured strategies read or hold. */
    public Set<io.alchemiser.core.domain.Symbol> symbols() {
        Set<io.alchemiser.core.domain.Symbol> out = new java.util.TreeSet<>();
        strategies.forEach(s -> out.addAll(s.strategy().symbols()));
        return out;
    }

    /** The live market data of the broker (Alpaca), or empty for the simulated broker. */
    public java.util.Optional<io.alchemiser.alpaca.AlpacaMarketData> liveData() {
        return alpaca == null ? java.util.Optional.empty() : java.util.Optional.of(alpaca.marketData());
    }

    /** The data store and the source {@code data refresh} fetches from, without opening a broker or ledger. */
    public static Refresh refresh(AppConfig config, Map<String, String> env) {
        if ("csv".equals(config.data().store())) {
            throw new IllegalArgumentException(config.file() + ": data.store is csv: a CSV folder is read as it is and "
                    + "has nothing to refresh; use a local or s3 store");
        }
        boolean csvSource = "csv".equals(config.data().source());
        AlpacaAdapters alpaca = csvSource && config.broker().isSimulated() ? null
                : AlpacaAdapters.create(alpacaConfig(config, env));
        PriceHistory source = csvSource ? new CsvPriceHistory(config.data().sourcePath()) : alpaca.marketData();
        // The broker's calendar decides the last closed session: Alpaca's clock, or the simulated broker's NYSE rules.
        Scheduler calendar = !config.broker().isSimulated() ? alpaca.scheduler()
                : ManualScheduler.builder().nyseRules().clock(Clock.systemUTC()).build();
        return new Refresh(openStore(config.data()), source, calendar, strategies(config));
    }

    /** What {@link #refresh} opens; {@code calendar} is the broker's, whose clock says which day it is. */
    public record Refresh(ParquetBarStore store, PriceHistory source, Scheduler calendar,
            List<WeightedStrategy> strategies) {
    }

    static List<WeightedStrategy> strategies(AppConfig config) {
        List<WeightedStrategy> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (AppConfig.StrategyEntry e : config.strategies()) {
            Symphony symphony = Symphonies.compile(e.file());
            String name = e.name() != null ? e.name() : symphony.name();
            if (!names.add(name)) {
                throw new IllegalArgumentException(config.file() + ": two strategies are named '" + name
                        + "'; give one a distinct 'name'");
            }
            out.add(new WeightedStrategy(new SymphonyStrategy(symphony, name), e.weight()));
        }
        return out;
    }

    static AlpacaConfig alpacaConfig(AppConfig config, Map<String, String> env) {
        Properties p = new Properties();
        p.setProperty(AlpacaConfig.KEY_MODE, config.broker().isLive() ? "live" : "paper");
        AppConfig.Alpaca a = config.broker().alpaca();
        if (a != null) {
            if (a.keyId() != null) {
                p.setProperty(AlpacaConfig.KEY_KEY_ID, a.keyId().reveal());
            }
            if (a.secretKey() != null) {
                p.setProperty(AlpacaConfig.KEY_SECRET_KEY, a.secretKey().reveal());
            }
            if (a.tradingUrl() != null) {
                p.setProperty(AlpacaConfig.KEY_TRADING_URL, a.tradingUrl());
            }
            if (a.dataUrl() != null) {
                p.setProperty(AlpacaConfig.KEY_DATA_URL, a.dataUrl());
            }
            if (a.feed() != null) {
                p.setProperty(AlpacaConfig.KEY_FEED, a.feed());
            }
        }
        String envMode = env.get(AlpacaConfig.ENV_MODE);
        String mode = p.getProperty(AlpacaConfig.KEY_MODE);
        if (envMode != null && !envMode.trim().equalsIgnoreCase(mode)) {
            throw new IllegalArgumentException(config.file() + ": broker.type is " + config.broker().type() + " but "
                    + AlpacaConfig.ENV_MODE + " says " + envMode + "; the configuration decides paper or live, so "
                    + "unset the variable or change broker.type");
        }
        try {
            return AlpacaConfig.fromProperties(p, env);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(config.file() + ": broker: " + e.getMessage(), e);
        }
    }

    /** The configured data store: a local Parquet lake, or one in an S3 bucket. */
    public static ParquetBarStore openStore(AppConfig.Data data) {
        if ("s3".equals(data.store())) {
            AppConfig.S3 s3 = data.s3();
            S3Settings.Builder b = S3Settings.builder(s3.bucket()).prefix(s3.prefix()).region(s3.region())
                    .pathStyleAccess(Boolean.TRUE.equals(s3.pathStyle()));
            if (s3.endpoint() != null) {
                b.endpoint(URI.create(s3.endpoint()));
            }
            return ParquetBarStore.s3(b.build());
        }
        return ParquetBarStore.local(data.path());
    }

    private static Broker simulatedBroker(AppConfig config, Quotes quotes, ManualClock clock) {
        AppConfig.Simulated sim = config.broker().simulated();
        return SimulatedBroker.builder(clock).cash(sim.cash()).quotes(quotes).spreadBps(sim.spreadBps())
                .seed(sim.seed()).latency(Duration.ofMillis(50)).build();
    }

    private RunNotifier notifier(AppConfig config) {
        RunNotifier.Builder b = RunNotifier.builder().ledger(ledger)
                .equityHistory(EquityHistory.besideLedger(config.ledger().path())).channel(new LogChannel());
        AppConfig.Notifications n = config.notifications();
        if (n.directory() != null) {
            b.channel(new FileChannel(n.directory()));
        }
        if (n.smtp() != null) {
            AppConfig.Smtp s = n.smtp();
            b.channel(new SmtpChannel(new SmtpSettings(s.host(), s.port(), s.username(), s.password(), s.from(), s.to(),
                    s.startTls())));
        }
        return b.build();
    }

    private static RunSettings runSettings(AppConfig config) {
        AppConfig.Rebalance r = config.rebalance();
        AppConfig.Execution e = config.execution();
        // The simulated broker has no live quotes (its quotes are stored closes), so it evaluates on stored closes.
        boolean intraday = !config.broker().isSimulated() && config.data().intraday();
        return new RunSettings(
                new RebalanceSettings(r.minTradeDollars(), r.minTradePercent() / 100, r.cashReserve(), r.fractionalShares()),
                new ExecutionSettings(e.steps(), Duration.ofSeconds(e.stepWaitSeconds()), e.concurrency(),
                        e.maxSpreadPercent() / 100, Duration.ofSeconds(e.buyingPowerWaitSeconds())),
                4).withIntraday(intraday);
    }

    @Override
    public void close() {
        ledger.close();
        if (store != null) {
            store.close();
        }
    }
}
