package io.alchemiser.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.ledger.RunStatus;
import io.alchemiser.core.port.Ledger;
import io.alchemiser.core.port.LedgerException;
import io.alchemiser.core.port.contract.LedgerContract;
import org.junit.jupiter.api.Test;

class InMemoryLedgerTest extends LedgerContract {

    @Override
    protected Ledger newLedger() {
        return new InMemoryLedger();
    }

    @Test
    void failAfterLetsTheNextAppendsThroughThenRefusesWithoutRecording() {
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.appendRun(run(RUN_1, RunStatus.STARTED, 0));
        ledger.failAfter(2);

        ledger.appendRun(run(RUN_1, RunStatus.PLANNED, 1));
        ledger.appendTrade(trade(RUN_1, SPY, Side.SELL));
        assertThatThrownBy(() -> ledger.appendTrade(trade(RUN_1, QQQ, Side.BUY))).isInstanceOf(LedgerException.class)
                .hasMessageContaining("simulated");
        assertThatThrownBy(() -> ledger.appendRun(run(RUN_1, RunStatus.COMPLETED, 2)))
                .isInstanceOf(LedgerException.class);

        assertThat(ledger.trades(RUN_1)).hasSize(1);
        assertThat(ledger.latestRun(RUN_1)).get().extracting(r -> r.status()).isEqualTo(RunStatus.PLANNED);
        assertThat(ledger.appendCount()).isEqualTo(3);
    }

    @Test
    void anInjectedCrashIsThrownAsGivenAndHealingResumesAppends() {
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.failAfter(0, () -> new SimulatedCrash("process died"));

        assertThatThrownBy(() -> ledger.appendTrade(trade(RUN_1, SPY, Side.BUY))).isInstanceOf(SimulatedCrash.class);
        ledger.heal();
        ledger.appendTrade(trade(RUN_1, SPY, Side.BUY));

        assertThat(ledger.trades(RUN_1)).hasSize(1);
    }

    @Test
    void aRefusedDuplicateDoesNotCountAsAnAppend() {
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.appendTrade(trade(RUN_1, SPY, Side.BUY));

        assertThatThrownBy(() -> ledger.appendTrade(trade(RUN_1, SPY, Side.BUY))).isInstanceOf(LedgerException.class);

        assertThat(ledger.appendCount()).isEqualTo(1);
    }
}
