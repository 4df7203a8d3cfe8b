package com.example.trading;

import io.alchemiser.core.port.Ledger;
import io.alchemiser.core.port.contract.LedgerContract;

/** The application's ledger keeps every promise of the {@link Ledger} port: the library's contract tests say so. */
class ListLedgerTest extends LedgerContract {
    @Override
    protected Ledger newLedger() {
        return new ListLedger();
    }
}
