package io.alchemiser.examples.cli;

import io.alchemiser.examples.format.TerminalWriter;
import io.alchemiser.examples.research.ResearchEngine;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code rank} and {@code sweep} commands on another {@link ResearchEngine}: the entry point of a cluster's
 * application (the {@code alchemiser-spark} module), which runs the very commands of {@code alchemiser.jar} with its
 * own executor and output file system.
 */
@Command(name = "alchemiser-research", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Rank and sweep symphonies: the research commands of alchemiser.jar on another engine.",
        subcommands = {RankCommand.class, SweepCommand.class, CommandLine.HelpCommand.class})
public final class ResearchCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private ResearchCli() {
    }

    /** Runs {@code args} ({@code rank ...} or {@code sweep ...}) on {@code engine} and returns the exit code. */
    public static int execute(ResearchEngine engine, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new ResearchCli(), new EngineFactory(engine));
        cli.setOut(TerminalWriter.printWriter(out));
        cli.setErr(TerminalWriter.printWriter(err));
        cli.setExecutionExceptionHandler(new ErrorHandler());
        int code = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Makes the research commands with the engine; everything else as picocli would. */
    private static final class EngineFactory implements CommandLine.IFactory {
        private final ResearchEngine engine;

        EngineFactory(ResearchEngine engine) {
            this.engine = engine;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == RankCommand.class) {
                return type.cast(new RankCommand(engine));
            }
            if (type == SweepCommand.class) {
                return type.cast(new SweepCommand(engine));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
