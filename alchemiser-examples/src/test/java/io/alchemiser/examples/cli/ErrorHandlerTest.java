package io.alchemiser.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.application.run.RunFailedException;
import io.alchemiser.core.application.run.RunFailure;
import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.port.BrokerException;
import io.alchemiser.examples.config.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Bad input is told as such; a bug is never mistaken for bad input. */
class ErrorHandlerTest {
    private final StringWriter err = new StringWriter();
    private CommandLine cli;

    @BeforeEach
    void commandLine() {
        cli = new CommandLine(new Main());
        cli.setErr(new PrintWriter(err));
    }

    private int handle(Exception e) {
        return new ErrorHandler().handleExecutionException(e, cli, null);
    }

    @Test
    void theProjectsOwnExceptionsAreInputErrorsWithoutATrace() {
        assertThat(handle(new ConfigException("a.yaml:3:5: execution.concurrency: must be ..."))).isEqualTo(1);
        assertThat(handle(new UsageException("--weights 0.5: gives 1 weight for 2 files"))).isEqualTo(1);
        assertThat(handle(new BrokerException(BrokerException.Kind.UNAUTHORIZED, "broker unreachable"))).isEqualTo(1);
        assertThat(handle(new UncheckedIOException("cannot write report.html", new IOException("disk full"))))
                .isEqualTo(1);
        assertThat(err.toString()).contains("error: a.yaml:3:5: execution.concurrency: must be ...",
                "error: --weights 0.5: gives 1 weight for 2 files", "error: broker unreachable",
                "error: cannot write report.html").doesNotContain("internal error").doesNotContain("\tat ");
    }

    @Test
    void aRunThatStoppedSaysWhatToDoNext() {
        RunId run = new RunId("run-2026-11-24");
        assertThat(handle(new RunFailedException(run, new RunFailure.Other("market closed"), true, null)))
                .isEqualTo(ExitCodes.INPUT);
        assertThat(handle(new RunFailedException(run, new RunFailure.BrokerUnreachable("submit", "timeout"), false,
                null))).isEqualTo(ExitCodes.RUN_INTERRUPTED);
        assertThat(handle(new RunFailedException(run, new RunFailure.BrokerUnreachable("submit", "timeout"), true,
                null))).isEqualTo(ExitCodes.RUN_INTERRUPTED);
        assertThat(handle(new RunFailedException(run, new RunFailure.Incomplete(List.of()), false, null)))
                .isEqualTo(ExitCodes.TRADES_FAILED);
        assertThat(err.toString()).contains("no order was placed\n", "orders had started: run the same command again to "
                + "reconcile with the broker and resume; see `ledger --run run-2026-11-24`",
                "no order was placed; run again to resume", "trades are not done: run the same command again before the "
                + "close").doesNotContain("\tat ");
    }

    @Test
    void aBugIsAnInternalErrorWithItsTraceAndItsOwnExitCode() {
        assertThat(handle(new NullPointerException("plan is null"))).isEqualTo(ExitCodes.INTERNAL);
        assertThat(err.toString()).startsWith("internal error: java.lang.NullPointerException: plan is null")
                .contains("This is a bug in Alchemiser, not a problem with your input")
                .contains("\tat io.alchemiser.examples.cli.ErrorHandlerTest.aBugIsAnInternalErrorWithItsTraceAndItsOwn");
    }

    @Test
    void anIllegalArgumentOrStateFromCodeIsABugTooNotBadInput() {
        assertThat(handle(new IllegalArgumentException("weights must sum to 1"))).isEqualTo(70);
        assertThat(handle(new IllegalStateException("no session"))).isEqualTo(70);
        assertThat(err.toString()).contains("internal error: java.lang.IllegalArgumentException: weights must sum to 1",
                "internal error: java.lang.IllegalStateException: no session").contains("\tat ");
    }

    @Test
    void theHelpListsEveryExitCode() {
        StringWriter out = new StringWriter();
        Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help");
        assertThat(out.toString()).contains("Exit codes:", "70", "internal error: a bug in Alchemiser");
    }
}
