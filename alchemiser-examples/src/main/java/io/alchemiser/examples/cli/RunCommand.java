package io.alchemiser.examples.cli;

import io.alchemiser.core.application.run.DailyRun;
import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.event.DomainEvent;
import io.alchemiser.core.domain.event.RunSummary;
import io.alchemiser.examples.app.ConsoleReporter;
import io.alchemiser.examples.app.Wiring;
import io.alchemiser.examples.config.AppConfig;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code run --config FILE [--dry-run] [--as-of DATE]}: one daily run now. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "One daily run now: evaluate, merge, plan, execute (sells, then buys), record, notify. "
                + "Prints each phase and ends with a summary table. Running again the same day resumes an "
                + "interrupted run and never trades a completed one twice.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--dry-run", description = "stop after the plan: no order, nothing recorded")
    boolean dryRun;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "trading date (default: today by the broker's clock); another day only with --dry-run")
    LocalDate asOf;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        AppConfig cfg = config.load();
        PrintWriter out = spec.commandLine().getOut();
        try (Wiring wiring = Wiring.create(cfg, System.getenv(), Clock.systemUTC())) {
            wiring.events.subscribe(DomainEvent.class, new ConsoleReporter(out, true));
            LocalDate date = asOf != null ? asOf : wiring.calendar.clock().today();
            out.printf("broker: %s, data: %s, ledger: %s%n", cfg.broker().type(), cfg.data().store(), cfg.ledger().path());
            DailyRun run = wiring.dailyRun();
            RunSummary summary;
            try (StopOnSignal signals = StopOnSignal.install(run::stop)) {
                summary = run.run(date, RunId.forDate(date), dryRun);
            }
            out.flush();
            return summary.failedCount() == 0 ? ExitCodes.OK : ExitCodes.TRADES_FAILED;
        }
    }
}
