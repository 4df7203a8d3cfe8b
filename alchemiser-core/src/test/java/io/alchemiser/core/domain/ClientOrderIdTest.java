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
    void isMadeOfTheRunTheRoundTheSymbolTheSideAndTheStep() {
        assertThat(ClientOrderId.of(RUN, 0, Symbol.of("SPY"), Side.BUY, 2).value()).isEqualTo("run-2026-11-24.0-SPY-B2");
        assertThat(ClientOrderId.of(RUN, 3, Symbol.of("BRK.B"), Side.SELL, 0).toString())
                .isEqualTo("run-2026-11-24.3-BRK.B-S0");
    }

    @Test
    void readsBackWhatItWasMadeOfAndOnlyForItsOwnRun() {
        ClientOrderId id = ClientOrderId.of(RUN, 12, Symbol.of("BF-B"), Side.SELL, 3);
        assertThat(id.partsFor(RUN)).hasValue(new ClientOrderId.Parts(12, Symbol.of("BF-B"), Side.SELL, 3));
        assertThat(id.partsFor(RunId.forDate(LocalDate.of(2026, 11, 25)))).isEmpty();
        assertThat(new ClientOrderId("manual-order-1").partsFor(RUN)).isEmpty();
    }

    @Test
    void aLongRunIdIsShortenedToAStableHashPrefixSharedByEveryOrderOfTheRun() {
        RunId longRun = new RunId("a-very-long-run-identifier-12345");
        ClientOrderId id = ClientOrderId.of(longRun, 999, Symbol.of("ABCDEFGHIJKLMNOPQRSTU"), Side.BUY, 99);
        assertThat(id.value()).hasSizeLessThanOrEqualTo(48).endsWith(".999-ABCDEFGHIJKLMNOPQRSTU-B99")
                .startsWith(ClientOrderId.prefix(longRun) + ".");
        assertThat(ClientOrderId.of(longRun, 0, Symbol.of("SPY"), Side.SELL, 0).value())
                .startsWith(ClientOrderId.prefix(longRun) + ".");
        assertThat(ClientOrderId.of(longRun, 999, Symbol.of("ABCDEFGHIJKLMNOPQRSTU"), Side.BUY, 99)).isEqualTo(id);
        assertThat(id.partsFor(longRun)).isPresent();
    }

    @Test
    void refusesStepsAndRoundsOutOfRangeAndInvalidText() {
        assertThatThrownBy(() -> ClientOrderId.of(RUN, 0, Symbol.of("SPY"), Side.BUY, 100)).hasMessageContaining("step");
        assertThatThrownBy(() -> ClientOrderId.of(RUN, 0, Symbol.of("SPY"), Side.BUY, -1)).hasMessageContaining("step");
        assertThatThrownBy(() -> ClientOrderId.of(RUN, 1000, Symbol.of("SPY"), Side.BUY, 0)).hasMessageContaining("round");
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
    void isValidDeterministicDistinctPerTradeAndRoundAndReadsBack(@ForAll("runIds") String run,
            @ForAll("tickers") String a, @ForAll("tickers") String b, @ForAll @IntRange(max = 999) int round,
            @ForAll @IntRange(max = 99) int step) {
        RunId id = new RunId(run);
        ClientOrderId first = ClientOrderId.of(id, round, Symbol.of(a), Side.BUY, step);
        assertThat(ClientOrderId.of(id, round, Symbol.of(a), Side.BUY, step)).isEqualTo(first);
        assertThat(first.value()).hasSizeLessThanOrEqualTo(48);
        assertThat(first.partsFor(id)).hasValue(new ClientOrderId.Parts(round, Symbol.of(a), Side.BUY, step));
        Set<ClientOrderId> ids = new HashSet<>();
        for (Side side : Side.values()) {
            ids.add(ClientOrderId.of(id, round, Symbol.of(a), side, step));
            ids.add(ClientOrderId.of(id, round, Symbol.of(b), side, step));
            ids.add(ClientOrderId.of(id, round + 1 > 999 ? 0 : round + 1, Symbol.of(a), side, step));
        }
        assertThat(ids).hasSize(a.equals(b) ? 4 : 6);
    }
}
