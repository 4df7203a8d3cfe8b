package io.alchemiser.examples.cli;

import io.alchemiser.examples.app.Wiring;
import io.alchemiser.examples.config.AppConfig;
import io.alchemiser.examples.config.ConfigLoader;
import io.alchemiser.s3.BlobStorage;
import io.alchemiser.s3.DataLakeRefresher;
import io.alchemiser.s3.LocalStorage;
import io.alchemiser.s3.ParquetBarStore;
import io.alchemiser.s3.S3Settings;
import io.alchemiser.s3.S3Storage;
import io.alchemiser.s3.TerminalProgress;
import io.alchemiser.s3.csv.CsvBarImporter;
import io.alchemiser.s3.legacy.PythonLakeImporter;
import io.alchemiser.s3.model.RefreshReport;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code data refresh}, {@code data import-csv} and {@code data import-lake}: keep the Parquet data lake filled. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Manage the Parquet data lake.",
        subcommands = {DataCommand.Refresh.class, DataCommand.ImportCsv.class, DataCommand.ImportLake.class})
final class DataCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static int report(PrintWriter out, RefreshReport report) {
        out.println(report.describe());
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
            try (Wiring.Refresh r = Wiring.refresh(cfg, System.getenv())) {
                RefreshReport report = DataLakeRefresher.builder(r.store(), r.source()).historyStart(cfg.data().historyStart())
                        .calendar(r.calendar()).progress(TerminalProgress.onStandardError()).build()
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

    @Command(name = "import-lake", mixinStandardHelpOptions = true,
            description = "Convert the Python Alchemiser's data lake (SOURCE/{SYMBOL}/daily.parquet, BRK_B for share "
                    + "classes, Snappy) into this lake: into the local folder --store, or the data store of --config.")
    static final class ImportLake implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "SOURCE", description = "a folder, or s3://bucket[/prefix] (AWS "
                + "region and credentials from the SDK's chains, as for the AWS CLI)")
        String source;

        @Option(names = "--store", paramLabel = "DIR", description = "the local data lake folder to write")
        Path store;

        @Option(names = "--config", paramLabel = "FILE", description = "write to the data store of this configuration")
        Path config;

        @Option(names = "--endpoint", paramLabel = "URL", description = "S3-compatible endpoint of SOURCE (MinIO...)")
        String endpoint;

        @Option(names = "--path-style", description = "path-style S3 URLs for SOURCE (MinIO, s3proxy)")
        boolean pathStyle;

        @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile for SOURCE")
        String profile;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if ((store == null) == (config == null)) {
                throw new UsageException("give --store DIR or --config FILE (where to write), not both");
            }
            try (BlobStorage from = source(); ParquetBarStore lake = store != null ? ParquetBarStore.local(store)
                    : Wiring.openStore(new ConfigLoader().load(config), System.getenv())) {
                RefreshReport report = new PythonLakeImporter(lake, 4, TerminalProgress.onStandardError())
                        .importAll(from);
                if (report.outcomes().isEmpty()) {
                    throw new UsageException("no {SYMBOL}/daily.parquet under " + source);
                }
                return report(spec.commandLine().getOut(), report);
            }
        }

        private BlobStorage source() {
            if (!source.startsWith("s3://")) {
                Path dir = Path.of(source);
                if (!Files.isDirectory(dir)) {
                    throw new UsageException("no such folder: " + dir);
                }
                return new LocalStorage(dir);
            }
            String rest = source.substring("s3://".length()).replaceAll("/+$", "");
            int slash = rest.indexOf('/');
            S3Settings settings = UsageException.checking(() -> {
                S3Settings.Builder b = S3Settings.builder(slash < 0 ? rest : rest.substring(0, slash))
                        .prefix(slash < 0 ? "" : rest.substring(slash + 1)).pathStyleAccess(pathStyle)
                        .profile(profile);
                if (endpoint != null) {
                    b.endpoint(URI.create(endpoint));
                }
                return b.build();
            });
            return S3Storage.create(settings);
        }
    }
}
