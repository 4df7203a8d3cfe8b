package io.alchemiser.examples.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposerBacktestTest {
    // 19724 = 2024-01-02, 19725 = 2024-01-03
    static final String JSON = "{\"tdvm_weights\": {\"EQUITIES::SPY//USD\": {\"19724\": 0.6, \"19725\": 0},"
            + " \"BRK/B\": {\"19724\": 0.4, \"19725\": 0.5}, \"$USD\": {\"19725\": 0.5}},"
            + " \"dvm_capital\": {\"abc\": {\"19724\": 10000, \"19725\": 10100.5}},"
            + " \"stats\": {\"sharpe_ratio\": 1.5, \"name\": \"x\"}, \"first_day\": 19724, \"last_market_day\": 19725,"
            + " \"legend\": {}}";

    @Test
    void readsDaysTickersCashAndValue() {
        ComposerBacktest c = ComposerBacktest.parse(JSON, "b.json", null);

        assertThat(c.firstDay()).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(c.lastDay()).isEqualTo(LocalDate.of(2024, 1, 3));
        assertThat(c.allocations().get(LocalDate.of(2024, 1, 2))).isEqualTo(Map.of("SPY", 0.6, "BRK.B", 0.4));
        assertThat(c.allocations().get(LocalDate.of(2024, 1, 3))).as("a zero weight is no holding")
                .isEqualTo(Map.of("BRK.B", 0.5, "$USD", 0.5));
        assertThat(c.capital()).containsEntry(LocalDate.of(2024, 1, 3), 10100.5);
        assertThat(c.series()).isEqualTo("abc");
        assertThat(c.stats()).containsOnly(Map.entry("sharpe_ratio", 1.5));
    }

    @Test
    void namesTheFieldThatIsWrong() {
        assertThatThrownBy(() -> ComposerBacktest.parse("{", "b.json", null)).hasMessageStartingWith("b.json: not JSON");
        assertThatThrownBy(() -> ComposerBacktest.parse("{\"dvm_capital\": {}}", "b.json", null))
                .hasMessage("b.json: field tdvm_weights is missing or not an object");
        assertThatThrownBy(() -> ComposerBacktest.parse(JSON.replace("\"19724\": 0.6", "\"monday\": 0.6"), "b.json",
                null)).hasMessageContaining("tdvm_weights.EQUITIES::SPY//USD has key 'monday', not a day number");
        assertThatThrownBy(() -> ComposerBacktest.parse(JSON.replace("10100.5", "\"x\""), "b.json", null))
                .hasMessageContaining("dvm_capital.abc.19725 is not a finite number");
        assertThatThrownBy(() -> ComposerBacktest.parse(JSON.replace("\"abc\": {", "\"abc\": {}, \"def\": {"), "b.json",
                null)).hasMessageContaining("dvm_capital holds 2 series [abc, def]; name the symphony's with --series");
        assertThatThrownBy(() -> ComposerBacktest.parse(JSON, "b.json", "zzz"))
                .hasMessageContaining("dvm_capital has no series 'zzz'");
        assertThatThrownBy(() -> ComposerBacktest.parse(JSON.replace("BRK/B", "no ticker!"), "b.json", null))
                .hasMessageContaining("ticker 'no ticker!', which is no symbol");
    }
}
