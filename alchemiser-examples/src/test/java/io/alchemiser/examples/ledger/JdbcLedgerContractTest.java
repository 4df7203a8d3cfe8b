package io.alchemiser.examples.ledger;

import io.alchemiser.core.port.Ledger;
import io.alchemiser.core.port.contract.LedgerContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** {@link JdbcLedger} on an H2 file keeps every promise of the {@link Ledger} port, reopened as after a restart. */
class JdbcLedgerContractTest extends LedgerContract {
    @TempDir
    Path dir;

    private final List<JdbcLedger> opened = new ArrayList<>();
    private final Map<Ledger, Path> files = new IdentityHashMap<>();

    @Override
    protected Ledger newLedger() {
        Path file = dir.resolve("ledger-" + opened.size());
        return open(file);
    }

    @Override
    protected Ledger reopen(Ledger ledger) {
        Path file = files.get(ledger);
        ((JdbcLedger) ledger).close();
        return open(file);
    }

    private JdbcLedger open(Path file) {
        JdbcLedger ledger = JdbcLedger.openFile(file);
        opened.add(ledger);
        files.put(ledger, file);
        return ledger;
    }

    @AfterEach
    void closeAll() {
        opened.forEach(JdbcLedger::close);
    }
}
