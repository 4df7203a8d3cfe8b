package io.alchemiser.examples.cli;

import io.alchemiser.core.application.run.RunFailedException;
import io.alchemiser.core.application.run.RunFailure;
import io.alchemiser.core.port.AlchemiserException;
import io.alchemiser.dsl.read.SymphonyException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Turns what a command throws into a message on standard error and an exit code ({@link ExitCodes}).
 *
 * <ul>
 *   <li>The project's own exceptions are outcomes the user can act on: a {@link SymphonyException} prints its
 *       positioned diagnostics; a {@link RunFailedException} says what to do next (exit 4 when trades are not done,
 *       3 when running again resumes, 1 when it stopped before any order and cannot resume); every other
 *       {@link AlchemiserException} — {@code ConfigException}, {@link UsageException}, a broker, market-data or
 *       ledger exception — prints {@code error: message}, exit 1. So does an {@link UncheckedIOException}: a file
 *       that cannot be read or written is the machine's state, not a bug.</li>
 *   <li>Anything else — a {@code NullPointerException}, an {@code IllegalArgumentException} or
 *       {@code IllegalStateException} thrown by code — is a bug: {@code internal error}, the stack trace, and exit
 *       {@value ExitCodes#INTERNAL}, never mistaken for bad input.</li>
 * </ul>
 * picocli's own parameter errors (unknown option, unparseable value) never get here: they exit 2 with the usage.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        PrintWriter err = cli.getErr();
        try {
            if (e instanceof SymphonyException s) {
                err.println(s.render());
                return ExitCodes.INPUT;
            }
            if (e instanceof RunFailedException r) {
                return runFailed(r, err);
            }
            if (e instanceof AlchemiserException || e instanceof UncheckedIOException) {
                err.println("error: " + e.getMessage());
                return ExitCodes.INPUT;
            }
            err.println("internal error: " + e);
            err.println("This is a bug in Alchemiser, not a problem with your input; please report it with the trace "
                    + "below.");
            e.printStackTrace(err);
            return ExitCodes.INTERNAL;
        } finally {
            err.flush();
        }
    }

    private static int runFailed(RunFailedException r, PrintWriter err) {
        err.println("error: " + r.getMessage());
        if (r.failure() instanceof RunFailure.Incomplete) {
            err.println("trades are not done: run the same command again before the close to retry what is left; "
                    + "see `ledger --run " + r.runId() + "`");
            return ExitCodes.TRADES_FAILED;
        }
        if (r.resumable() && !r.beforeOrders()) {
            err.println("orders had started: run the same command again to reconcile with the broker and resume; "
                    + "see `ledger --run " + r.runId() + "`");
            return ExitCodes.RUN_INTERRUPTED;
        }
        if (r.resumable()) {
            err.println("no order was placed; run again to resume");
            return ExitCodes.RUN_INTERRUPTED;
        }
        err.println("no order was placed");
        return ExitCodes.INPUT;
    }
}
