package io.alchemiser.examples.cli;

import io.alchemiser.core.application.run.DailyRun;
import io.alchemiser.core.application.run.ScheduledRuns;
import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.event.DomainEvent;
import io.alchemiser.core.port.Sleeper;
import io.alchemiser.examples.app.ConsoleReporter;
import io.alchemiser.examples.app.Wiring;
import io.alchemiser.examples.config.AppConfig;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code schedule --config FILE}: stays up and runs every trading day before the close. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Stay up and run each trading day schedule.minutesBeforeClose minutes before the actual close "
                + "(early closes included, holidays skipped). Restart-safe: a day completed in the ledger is never "
                + "run again; a day interrupted before its close is resumed.")
final class ScheduleCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--max-runs", paramLabel = "N", defaultValue = "-1",
            description = "stop after N runs (default: run until stopped)")
    int maxRuns;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        AppConfig cfg = config.load();
        PrintWriter out = spec.commandLine().getOut();
        try (Wiring wiring = Wiring.create(cfg, System.getenv(), Clock.systemUTC())) {
            wiring.events.subscribe(DomainEvent.class, new ConsoleReporter(out, false));
            ScheduledRuns runs = new ScheduledRuns(wiring.calendar, wiring.ledger, Clock.systemUTC(), Sleeper.system(),
                    Duration.ofMinutes(cfg.schedule().minutesBeforeClose()));
            ScheduledRuns.Next next = runs.next();
            out.printf("scheduled: next run %s at %s (%d minutes before the close)%n", next.date(), next.at(),
                    cfg.schedule().minutesBeforeClose());
            out.flush();
            runs.loop(date -> {
                DailyRun run = wiring.dailyRun();
                try (StopOnSignal signals = StopOnSignal.install(run::stop)) {
                    run.run(date, RunId.forDate(date), false);
                }
            }, maxRuns);
        }
        return ExitCodes.OK;
    }
}
