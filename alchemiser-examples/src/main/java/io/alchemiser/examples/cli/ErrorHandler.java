package io.alchemiser.examples.cli;

import io.alchemiser.core.application.run.RunFailedException;
import io.alchemiser.core.port.AlchemiserException;
import io.alchemiser.dsl.read.SymphonyException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command throws into a message on standard error and an exit code ({@link ExitCodes}).
 *
 * <ul>
 *   <li>The project's own exceptions are outcomes the user can act on: a {@link SymphonyException} prints its
 *       positioned diagnostics; a {@link RunFailedException} says whether orders had started (exit 3, with the
 *       resume hint) or not (exit 1); every other {@link AlchemiserException} — {@code ConfigException},
 *       {@link UsageException}, a broker, market-data or ledger exception — prints {@code error: message}, exit 1.
 *       So does an {@link UncheckedIOException}: a file that cannot be read or written is the machine's state, not
 *       a bug.</li>
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
                err.println("error: " + r.getMessage());
                if (!r.beforeOrders()) {
                    err.println("orders had started: see `ledger --run " + r.runId() + "`, then run again to resume");
                    return ExitCodes.RUN_INTERRUPTED;
                }
                err.println("no order was placed");
                return ExitCodes.INPUT;
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
}
