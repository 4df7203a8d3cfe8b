package io.alchemiser.inmemory.testkit;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.dsl.compile.Symphonies;
import io.alchemiser.dsl.compile.Symphony;
import java.nio.file.Path;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Fluent tests of a Composer symphony, in the style of AssertJ:
 *
 * <pre>{@code
 * assertThatSymphony(text).on(prices).at(LocalDate.of(2024, 1, 8))
 *         .allocates("TLT", 1.0)
 *         .because("rsi(window 10) of SPY");
 * }</pre>
 *
 * A symphony is given as its text (compiled as {@code test.clj}), a file, or a compiled {@link Symphony}; text or a
 * file that does not compile fails the test with every diagnostic, positioned.
 */
public final class SymphonyAssert extends AbstractAssert<SymphonyAssert, Symphony> {

    private SymphonyAssert(Symphony actual) {
        super(actual, SymphonyAssert.class);
    }

    /** A symphony written in the test, compiled as {@code test.clj}. */
    public static SymphonyAssert assertThatSymphony(String text) {
        return new SymphonyAssert(Symphonies.compile("test.clj", Objects.requireNonNull(text, "text")));
    }

    /** A symphony export on disk. */
    public static SymphonyAssert assertThatSymphony(Path file) {
        return new SymphonyAssert(Symphonies.compile(file));
    }

    public static SymphonyAssert assertThatSymphony(Symphony symphony) {
        return new SymphonyAssert(symphony);
    }

    /** Checks the symphony mentions (holds or reads) exactly these tickers. */
    public SymphonyAssert mentionsExactly(String... tickers) {
        isNotNull();
        java.util.Set<Symbol> expected = new java.util.TreeSet<>();
        for (String t : tickers) {
            expected.add(Symbol.of(t));
        }
        if (!actual.symbols().equals(expected)) {
            failWithMessage("expected %s to mention exactly %s but it mentions %s", actual.name(), expected,
                    actual.symbols());
        }
        return this;
    }

    /** Evaluates on these prices next: {@code .at(date)} or {@code .backtest(from, to)}. */
    public PricedSymphony on(PriceHistory prices) {
        isNotNull();
        return new PricedSymphony(actual, prices);
    }
}
