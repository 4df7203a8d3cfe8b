package io.alchemiser.examples.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.Symbol;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LedgerQueryTest {

    @Test
    void noOptionMeansEveryTrade() {
        assertThat(LedgerQuery.fromOptions(null, null, null)).isEqualTo(LedgerQuery.all());
        assertThat(LedgerQuery.all().describe()).isEqualTo("all trades");
    }

    @Test
    void eachOptionBecomesItsQuery() {
        assertThat(LedgerQuery.fromOptions("run-2026-07-31", null, null))
                .isEqualTo(LedgerQuery.run(new RunId("run-2026-07-31")));
        assertThat(LedgerQuery.fromOptions(null, " brk/b ", null)).isEqualTo(LedgerQuery.symbol(Symbol.of("BRK.B")));
        assertThat(LedgerQuery.fromOptions(null, null, "2026-07-01"))
                .isEqualTo(LedgerQuery.since(LocalDate.of(2026, 7, 1)));
        assertThat(LedgerQuery.fromOptions(null, "spy", null).describe()).isEqualTo("symbol SPY");
    }

    @Test
    void twoOptionsAtOnceAreRefused() {
        assertThatThrownBy(() -> LedgerQuery.fromOptions("run-1", "SPY", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("give at most one of --run, --symbol and --since");
    }

    @Test
    void aMalformedValueIsExplainedToTheUser() {
        assertThatThrownBy(() -> LedgerQuery.fromOptions(null, null, "31/07/2026"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--since expects a date such as 2026-07-31, got '31/07/2026'");
        assertThatThrownBy(() -> LedgerQuery.fromOptions("run with spaces", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid run id");
        assertThatThrownBy(() -> LedgerQuery.fromOptions(null, "$$$", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid symbol");
    }
}
