package io.alchemiser.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SymbolTest {
    @Test
    void readsTickersAsComposerAndUsersWriteThem() {
        assertThat(Symbol.of(" spy ")).isEqualTo(new Symbol("SPY"));
        assertThat(Symbol.of("BRK/B")).isEqualTo(new Symbol("BRK.B"));
        assertThat(Symbol.of("brk.b").value()).isEqualTo("BRK.B");
        assertThat(Symbol.of("SPY").toString()).isEqualTo("SPY");
    }

    @Test
    void refusesWhatIsNoTicker() {
        assertThatThrownBy(() -> new Symbol("spy")).hasMessageContaining("invalid symbol 'spy'");
        assertThatThrownBy(() -> Symbol.of("")).hasMessageContaining("invalid symbol");
        assertThatThrownBy(() -> Symbol.of("S P Y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Symbol.of(".SPY")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Symbol.of("A".repeat(22))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Symbol.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void ordersByTicker() {
        assertThat(Symbol.of("AAPL")).isLessThan(Symbol.of("MSFT"));
        assertThat(Symbol.of("BRK.A").compareTo(Symbol.of("BRK.A"))).isZero();
    }

    @Provide
    Arbitrary<String> tickers() {
        return Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').ofMinLength(1).ofMaxLength(6);
    }

    @Property
    void readingIsIdempotentAndIgnoresCaseAndTheShareClassSlash(@ForAll("tickers") String base,
            @ForAll("tickers") String shareClass) {
        Symbol plain = Symbol.of(base);
        assertThat(Symbol.of(plain.value())).isEqualTo(plain);
        assertThat(Symbol.of(base.toLowerCase(java.util.Locale.ROOT))).isEqualTo(plain);
        assertThat(Symbol.of(base + "/" + shareClass)).isEqualTo(Symbol.of(base + "." + shareClass));
    }
}
