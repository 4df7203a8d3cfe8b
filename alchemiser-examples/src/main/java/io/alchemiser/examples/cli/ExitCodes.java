package io.alchemiser.examples.cli;

/**
 * The app's exit codes, documented in {@code docs/operations.md} and in {@code --help}.
 *
 * <ul>
 *   <li>{@code 0} success;</li>
 *   <li>{@code 1} bad input or a run that stopped before any order: a symphony that does not compile or evaluate,
 *       a bad or missing config file, a wrong option value, missing credentials, missing or stale data, a closed
 *       market, a file that cannot be read or written — everything the project reports with its own exceptions;</li>
 *   <li>{@code 2} usage: unknown command or option, or an option value picocli cannot parse (picocli's own);</li>
 *   <li>{@code 3} a run that was interrupted (SIGTERM/SIGINT, the broker unreachable): run the same command again;
 *       it reconciles with the broker and trades what is left;</li>
 *   <li>{@code 4} a run whose trades the broker rejected (listed in the summary), or whose trades did not all fill
 *       (run again before the close to retry the residual);</li>
 *   <li>{@code 70} an internal error: a bug in Alchemiser (such as a {@code NullPointerException}), never the
 *       user's input; the stack trace is printed on standard error ({@code EX_SOFTWARE} of {@code sysexits.h}).</li>
 * </ul>
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INPUT = 1;
    public static final int USAGE = 2;
    public static final int RUN_INTERRUPTED = 3;
    public static final int TRADES_FAILED = 4;
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
