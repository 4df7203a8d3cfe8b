package io.alchemiser.examples.cli;

import io.alchemiser.core.application.run.DailyRun;
import io.alchemiser.core.application.run.RunSettings;
import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.event.DomainEvent;
import io.alchemiser.core.domain.event.RunSummary;
import io.alchemiser.core.port.Ports;
import io.alchemiser.core.port.Scheduler;
import io.alchemiser.core.port.WeightedStrategy;
import io.alchemiser.dsl.eval.SymphonyStrategy;
import io.alchemiser.examples.app.BundledSymphonies;
import io.alchemiser.examples.app.ConsoleReporter;
import io.alchemiser.examples.format.Format;
import io.alchemiser.examples.ledger.LedgerQuery;
import io.alchemiser.examples.ledger.LedgerReport;
import io.alchemiser.inmemory.BarGenerator;
import io.alchemiser.inmemory.GeneratedBars;
import io.alchemiser.inmemory.InMemoryEventBus;
import io.alchemiser.inmemory.InMemoryLedger;
import io.alchemiser.inmemory.InMemoryMarketData;
import io.alchemiser.inmemory.ManualClock;
import io.alchemiser.inmemory.ManualScheduler;
import io.alchemiser.inmemory.SimulatedBroker;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: a full daily run on the embedded default — three bundled symphonies, three years of generated
 * market data, a simulated broker on simulated time (so the 30-second walk-the-book steps pass instantly), an
 * in-memory ledger — printing the merged portfolio, the plan, both phases and the ledger summary.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a complete daily run on generated data, a simulated broker and the bundled example "
                + "symphonies; nothing leaves this process.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--seed", description = "seed of the generated market and fills (default ${DEFAULT-VALUE})",
            defaultValue = "7")
    long seed;

    @Option(names = "--date", description = "trading date to run (default: the last weekday before today)")
    LocalDate date;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LocalDate day = date != null ? date
                : ManualScheduler.weekdays().previousSession(LocalDate.now(Scheduler.MARKET_ZONE)).date();
        if (ManualScheduler.weekdays().session(day).isEmpty()) {
            throw new UsageException("--date " + day + " is not a trading day; pick another");
        }
        ManualClock clock = new ManualClock(ZonedDateTime.of(day, LocalTime.of(15, 45), Scheduler.MARKET_ZONE).toInstant());
        ManualScheduler calendar = ManualScheduler.builder().clock(clock).build(); // the generator's calendar: weekdays

        GeneratedBars bars = BarGenerator.demo(seed).generate(day.minusYears(3), day);
        InMemoryMarketData data = bars.toMarketData();
        SimulatedBroker broker = SimulatedBroker.builder(clock).cash(new BigDecimal("60000")).quotes(data)
                .position(Symbol.of("TLT"), new BigDecimal("150")).position(Symbol.of("IWM"), new BigDecimal("80"))
                .spreadBps(6).seed(seed).latency(Duration.ofMillis(40)).settlementDelay(Duration.ofSeconds(2))
                .build();
        InMemoryLedger ledger = new InMemoryLedger();
        InMemoryEventBus events = new InMemoryEventBus();
        events.subscribe(DomainEvent.class, new ConsoleReporter(out, true));

        List<WeightedStrategy> strategies = new ArrayList<>();
        for (Map.Entry<String, Double> e : BundledSymphonies.DEMO.entrySet()) {
            strategies.add(new WeightedStrategy(new SymphonyStrategy(BundledSymphonies.load(e.getKey())), e.getValue()));
        }
        out.println("Alchemiser demo: 3 bundled symphonies, generated market data through " + day
                + ", a simulated broker with " + Format.money(broker.account().equity()) + " equity.");
        out.println();
        Ports ports = Ports.builder().priceHistory(data).quotes(data).broker(broker).ledger(ledger).events(events)
                .calendar(calendar).clock(clock).sleeper(clock::advance).build();
        // The generated bars already hold today's close and the simulated quotes are made from it: no live price.
        DailyRun run = new DailyRun(strategies, ports, RunSettings.defaults().withIntraday(false));
        RunSummary summary = run.run(day, RunId.forDate(day), false);

        out.println();
        out.println("== ledger");
        out.print(new LedgerReport(ledger).text(LedgerQuery.run(summary.runId())));
        out.flush();
        return summary.failedCount() == 0 ? ExitCodes.OK : ExitCodes.TRADES_FAILED;
    }
}
