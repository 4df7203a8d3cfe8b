package io.alchemiser.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ClientOrderIdTest {
    static final RunId RUN = RunId.forDate(LocalDate.of(2026, 11, 24));

    @Test
    void isMadeOfTheRunTheSymbolTheSideAndTheAttempt() {
        assertThat(ClientOrderId.of(RUN, Symbol.of("SPY"), Side.BUY, 2).value()).isEqualTo("run-2026-11-24-SPY-B2");
        assertThat(ClientOrderId.of(RUN, Symbol.of("BRK.B"), Side.SELL, 0).toString())
                .isEqualTo("run-2026-11-24-BRK.B-S0");
    }

    @Test
    void aLongRunIdIsShortenedByAStableHash() {
        RunId longRun = new RunId("a-very-long-run-identifier-12345");
        ClientOrderId id = ClientOrderId.of(longRun, Symbol.of("ABCDEFGHIJKLMNOPQRSTU"), Side.BUY, 99);
        assertThat(id.value()).hasSizeLessThanOrEqualTo(48).endsWith("-ABCDEFGHIJKLMNOPQRSTU-B99")
                .startsWith(Integer.toHexString(longRun.value().hashCode()));
        assertThat(ClientOrderId.of(longRun, Symbol.of("ABCDEFGHIJKLMNOPQRSTU"), Side.BUY, 99)).isEqualTo(id);
    }

    @Test
    void refusesAttemptsOutOfRangeAndInvalidText() {
        assertThatThrownBy(() -> ClientOrderId.of(RUN, Symbol.of("SPY"), Side.BUY, 100)).hasMessageContaining("attempt");
        assertThatThrownBy(() -> ClientOrderId.of(RUN, Symbol.of("SPY"), Side.BUY, -1)).hasMessageContaining("attempt");
        assertThatThrownBy(() -> new ClientOrderId("has space")).hasMessageContaining("invalid client order id");
        assertThatThrownBy(() -> new ClientOrderId("x".repeat(49))).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<String> runIds() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('-', '.', '_', ':').withCharRange('0', '9')
                .ofMinLength(1).ofMaxLength(32);
    }

    @Provide
    Arbitrary<String> tickers() {
        return Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(21);
    }

    @Property
    void isValidDeterministicAndDistinctPerTradeWithinARun(@ForAll("runIds") String run, @ForAll("tickers") String a,
            @ForAll("tickers") String b, @ForAll @IntRange(max = 99) int attempt) {
        RunId id = new RunId(run);
        ClientOrderId first = ClientOrderId.of(id, Symbol.of(a), Side.BUY, attempt);
        assertThat(ClientOrderId.of(id, Symbol.of(a), Side.BUY, attempt)).isEqualTo(first);
        assertThat(first.value()).hasSizeLessThanOrEqualTo(48);
        Set<ClientOrderId> ids = new HashSet<>();
        for (Side side : Side.values()) {
            ids.add(ClientOrderId.of(id, Symbol.of(a), side, attempt));
            ids.add(ClientOrderId.of(id, Symbol.of(b), side, attempt));
        }
        assertThat(ids).hasSize(a.equals(b) ? 2 : 4);
    }
}
