package io.alchemiser.examples.cli;

import io.alchemiser.core.application.run.RunFailedException;
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
            if (!r.beforeOrders()) {
                err.println("orders had started: see `ledger --run " + r.runId() + "`, then run again to resume");
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
