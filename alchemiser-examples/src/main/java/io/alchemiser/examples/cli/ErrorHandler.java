package io.alchemiser.examples.cli;

import io.alchemiser.core.application.run.RunFailedException;
import io.alchemiser.core.application.run.RunFailure;
import io.alchemiser.core.port.AlchemiserException;
import io.alchemiser.dsl.read.SymphonyException;
import io.alchemiser.examples.config.ConfigException;
import java.io.UncheckedIOException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Turns exceptions into a clear message on stderr and an exit code; a stack trace only for what is a bug
 * (and only with {@code ALCHEMISER_LOG=debug}), never for bad user input.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        var err = cli.getErr();
        if (e instanceof SymphonyException s) {
            err.println(s.render());
            return ExitCodes.INPUT;
        }
        if (e instanceof RunFailedException r) {
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
        if (e instanceof ConfigException || e instanceof AlchemiserException || e instanceof UncheckedIOException
                || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            err.println("error: " + e.getMessage());
            return ExitCodes.INPUT;
        }
        err.println("internal error: " + e);
        if ("debug".equalsIgnoreCase(System.getProperty("alchemiser.log"))) {
            e.printStackTrace(err);
        }
        return ExitCodes.INPUT;
    }
}
