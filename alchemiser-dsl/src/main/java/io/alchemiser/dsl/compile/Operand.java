package io.alchemiser.dsl.compile;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.dsl.indicator.IndicatorSpec;
import io.alchemiser.dsl.read.SourcePosition;
import java.util.Objects;

/** One side of a {@link Condition}: an indicator of a symbol, or a constant. */
public sealed interface Operand {

    SourcePosition position();

    /** {@code (rsi "SPY" {:window 10})}: an indicator applied to one symbol's prices. */
    record IndicatorValue(Symbol symbol, IndicatorSpec indicator, SourcePosition position) implements Operand {
        public IndicatorValue {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(indicator, "indicator");
            Objects.requireNonNull(position, "position");
        }
    }

    /** A number such as {@code 79} or {@code -10.5}; finite. */
    record Constant(double value, SourcePosition position) implements Operand {
        public Constant {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a constant operand is finite, got " + value);
            }
            Objects.requireNonNull(position, "position");
        }
    }
}
