package io.alchemiser.examples.cli;

import io.alchemiser.examples.app.Wiring;
import io.alchemiser.examples.config.AppConfig;
import io.alchemiser.s3.DataLakeRefresher;
import io.alchemiser.s3.ParquetBarStore;
import io.alchemiser.s3.TerminalProgress;
import io.alchemiser.s3.csv.CsvBarImporter;
import io.alchemiser.s3.model.RefreshReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code data refresh} and {@code data import-csv}: keep the Parquet data lake filled. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Manage the Parquet data lake.",
        subcommands = {DataCommand.Refresh.class, DataCommand.ImportCsv.class})
final class DataCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static int report(PrintWriter out, RefreshReport report) {
        out.print(report.describe());
        out.println(report.summary());
        out.flush();
        return report.succeeded() ? ExitCodes.OK : ExitCodes.INPUT;
    }

    @Command(name = "refresh", mixinStandardHelpOptions = true,
            description = "Fetch the missing days of every symbol the configured strategies mention, from "
                    + "data.source (Alpaca or a CSV folder), into the data store; each file is replaced atomically.")
    static final class Refresh implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            AppConfig cfg = config.load();
            Wiring.Refresh r = Wiring.refresh(cfg, System.getenv());
            try (ParquetBarStore store = r.store()) {
                RefreshReport report = DataLakeRefresher.builder(store, r.source()).historyStart(cfg.data().historyStart())
                        .progress(TerminalProgress.onStandardError()).build()
                        .refresh(DataLakeRefresher.symbolsOf(r.strategies().stream().map(s -> s.strategy()).toList()));
                return report(spec.commandLine().getOut(), report);
            }
        }
    }

    @Command(name = "import-csv", mixinStandardHelpOptions = true,
            description = "Import a folder of SYMBOL.csv files (date,open,high,low,close,adj_close,volume) into a "
                    + "local Parquet data lake.")
    static final class ImportCsv implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR", description = "folder of SYMBOL.csv files")
        Path dir;

        @Option(names = "--store", required = true, paramLabel = "DIR", description = "the data lake folder")
        Path store;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (!Files.isDirectory(dir)) {
                throw new UsageException("no such folder: " + dir);
            }
            try (ParquetBarStore lake = ParquetBarStore.local(store)) {
                RefreshReport report = new CsvBarImporter(lake, 4, TerminalProgress.onStandardError()).importFolder(dir);
                return report(spec.commandLine().getOut(), report);
            }
        }
    }
}
