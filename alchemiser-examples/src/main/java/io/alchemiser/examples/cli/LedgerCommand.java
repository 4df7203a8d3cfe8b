package io.alchemiser.examples.cli;

import io.alchemiser.examples.config.AppConfig;
import io.alchemiser.examples.config.ConfigLoader;
import io.alchemiser.examples.ledger.JdbcLedger;
import io.alchemiser.examples.ledger.LedgerQuery;
import io.alchemiser.examples.ledger.LedgerReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ledger --config FILE [--run ID | --symbol S | --since DATE] [--json]}: what was traded, why, by whom. */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = "Show recorded trades: what was traded, when, at what price, by which strategies and why "
                + "(the decision path). With no filter, every trade.")
final class LedgerCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "the YAML configuration")
    Path config;

    @Option(names = "--run", paramLabel = "ID", description = "one run, e.g. run-2026-11-24")
    String run;

    @Option(names = "--symbol", paramLabel = "S", description = "one symbol across runs")
    String symbol;

    @Option(names = "--since", paramLabel = "DATE", description = "trades on or after a trading date")
    String since;

    @Option(names = "--json", description = "a JSON array, one object per trade")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        AppConfig cfg = new ConfigLoader().load(config);
        LedgerQuery query = LedgerQuery.fromOptions(run, symbol, since);
        try (JdbcLedger ledger = JdbcLedger.openExistingFile(cfg.ledger().path())) {
            LedgerReport report = new LedgerReport(ledger);
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? report.json(query) : report.text(query));
            out.flush();
        }
        return ExitCodes.OK;
    }
}
