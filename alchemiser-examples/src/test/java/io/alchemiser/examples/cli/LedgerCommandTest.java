package io.alchemiser.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.examples.ledger.LedgerQuery;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** How {@code ledger}'s options become a query, and how a wrong one is told to the user. */
class LedgerCommandTest {

    @Test
    void noOptionMeansEveryTrade() {
        assertThat(LedgerCommand.query(null, null, null)).isEqualTo(LedgerQuery.all());
        assertThat(LedgerQuery.all().describe()).isEqualTo("all trades");
    }

    @Test
    void eachOptionBecomesItsQuery() {
        assertThat(LedgerCommand.query("run-2026-07-31", null, null))
                .isEqualTo(LedgerQuery.run(new RunId("run-2026-07-31")));
        assertThat(LedgerCommand.query(null, " brk/b ", null)).isEqualTo(LedgerQuery.symbol(Symbol.of("BRK.B")));
        assertThat(LedgerCommand.query(null, null, "2026-07-01"))
                .isEqualTo(LedgerQuery.since(LocalDate.of(2026, 7, 1)));
        assertThat(LedgerCommand.query(null, "spy", null).describe()).isEqualTo("symbol SPY");
    }

    @Test
    void twoOptionsAtOnceAreRefused() {
        assertThatThrownBy(() -> LedgerCommand.query("run-1", "SPY", null))
                .isInstanceOf(UsageException.class).hasMessage("give at most one of --run, --symbol and --since");
    }

    @Test
    void aMalformedValueIsExplainedToTheUser() {
        assertThatThrownBy(() -> LedgerCommand.query(null, null, "31/07/2026"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--since expects a date such as 2026-07-31, got '31/07/2026'");
        assertThatThrownBy(() -> LedgerCommand.query("run with spaces", null, null))
                .isInstanceOf(UsageException.class).hasMessageContaining("invalid run id");
        assertThatThrownBy(() -> LedgerCommand.query(null, "$$$", null))
                .isInstanceOf(UsageException.class).hasMessageContaining("invalid symbol");
    }
}
