package io.alchemiser.examples.cli;

import io.alchemiser.examples.format.TerminalWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code alchemiser} command line: {@code java -jar alchemiser.jar COMMAND ...}. */
@Command(name = "alchemiser", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Run Composer.trade symphonies yourself: check, evaluate, backtest, rank, sweep and trade them.",
        subcommands = {CheckCommand.class, EvalCommand.class, RunCommand.class, ScheduleCommand.class,
                DataCommand.class, LedgerCommand.class, DemoCommand.class, BacktestCommand.class, ParityCommand.class,
                RankCommand.class, SweepCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:bad input, or a run that stopped before any order",
                "2:usage error",
                "3:a run was interrupted (signal, broker unreachable): run again to reconcile and resume",
                "4:a run ended with trades rejected, or not done (run again to retry the residual)",
                "70:internal error: a bug in Alchemiser (stack trace on standard error)"})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line on standard output and error and returns the exit code. */
    public static int execute(String... args) {
        return execute(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the command line writing to {@code out} and {@code err} and returns the exit code (for tests). */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        LogLevel.Choice level = LogLevel.choose(LogLevel.GIVEN_PROPERTY, System.getenv(LogLevel.ENV),
                args.length > 0 ? args[0] : null);
        LogLevel.apply(level.level());
        CommandLine cli = new CommandLine(new Main());
        // Everything printed goes through a writer that disarms terminal escape sequences carried by a value.
        cli.setOut(TerminalWriter.printWriter(out));
        cli.setErr(TerminalWriter.printWriter(err));
        cli.setExecutionExceptionHandler(new ErrorHandler());
        level.warning().ifPresent(cli.getErr()::println);
        int code = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        return code;
    }

    /** The version from the jar's manifest ({@code Implementation-Version}), or "development build" from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"alchemiser " + (v == null ? "(development build)" : v)};
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
