package io.alchemiser.examples.ledger;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link JdbcLedgerTest}: appends a trade and a run record, then halts the JVM at once,
 * without closing the ledger or running shutdown hooks, as a crash or {@code kill -9} would.
 */
public final class LedgerCrashProbe {
    static final int HALTED = 42;

    private LedgerCrashProbe() {
    }

    public static void main(String[] args) {
        JdbcLedger ledger = JdbcLedger.openFile(Path.of(args[0]));
        ledger.appendTrade(LedgerFixtures.richTrade());
        ledger.appendRun(LedgerFixtures.plannedRun());
        Runtime.getRuntime().halt(HALTED);
    }
}
