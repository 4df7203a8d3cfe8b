package io.alchemiser.core.port;

/** The ledger could not be written or read, or a record would break its append-only rules. */
public class LedgerException extends AlchemiserException {
    public LedgerException(String message) {
        super(message);
    }

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
