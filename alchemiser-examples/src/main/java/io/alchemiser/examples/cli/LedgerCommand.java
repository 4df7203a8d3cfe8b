package io.alchemiser.examples.cli;

import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.examples.config.AppConfig;
import io.alchemiser.examples.ledger.JdbcLedger;
import io.alchemiser.examples.ledger.LedgerQuery;
import io.alchemiser.examples.ledger.LedgerReport;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ledger --config FILE [--run ID | --symbol S | --since DATE] [--json]}: what was traded, why, by whom. */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = "Show recorded trades: what was traded, when, at what price, by which strategies and why "
                + "(the decision path). With no filter, every trade. With --json, a JSON array, one object per "
                + "trade.")
final class LedgerCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--run", paramLabel = "ID", description = "one run, e.g. run-2026-11-24")
    String run;

    @Option(names = "--symbol", paramLabel = "S", description = "one symbol across runs")
    String symbol;

    @Option(names = "--since", paramLabel = "DATE", description = "trades on or after a trading date")
    String since;

    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        AppConfig cfg = config.load();
        LedgerQuery query = query(run, symbol, since);
        try (JdbcLedger ledger = JdbcLedger.openExistingFile(cfg.ledger().path())) {
            LedgerReport report = new LedgerReport(ledger);
            PrintWriter out = spec.commandLine().getOut();
            out.print(json.enabled ? report.json(query) : report.text(query));
            out.flush();
        }
        return ExitCodes.OK;
    }

    /**
     * The query for {@code --run ID | --symbol S | --since DATE}, each {@code null} when not given; none given means
     * all trades.
     *
     * @throws UsageException when more than one is given or a value is malformed (a run id, a ticker such as
     *                        {@code SPY} or {@code BRK/B}, an ISO date such as {@code 2026-07-31})
     */
    static LedgerQuery query(String runId, String symbol, String since) {
        int given = (runId != null ? 1 : 0) + (symbol != null ? 1 : 0) + (since != null ? 1 : 0);
        if (given > 1) {
            throw new UsageException("give at most one of --run, --symbol and --since");
        }
        if (runId != null) {
            return LedgerQuery.run(UsageException.checking(() -> new RunId(runId.trim())));
        }
        if (symbol != null) {
            return LedgerQuery.symbol(UsageException.checking(() -> Symbol.of(symbol)));
        }
        if (since != null) {
            try {
                return LedgerQuery.since(LocalDate.parse(since.trim()));
            } catch (DateTimeParseException e) {
                throw new UsageException("--since expects a date such as 2026-07-31, got '" + since + "'");
            }
        }
        return LedgerQuery.all();
    }
}
