package io.alchemiser.dsl.compile;

import io.alchemiser.dsl.read.SourcePosition;
import java.util.Objects;

/**
 * What an {@code if} tests: {@code (> (rsi "SPY" {:window 10}) 79)} or
 * {@code (< (current-price "SPY") (moving-average-price "SPY" {:window 200}))}. The left side is always an
 * indicator of a symbol; the right side an indicator or a constant.
 */
public record Condition(Operator operator, Operand.IndicatorValue left, Operand right, SourcePosition position) {

    public Condition {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(position, "position");
    }

    /** The four comparisons Composer exports. */
    public enum Operator {
        GREATER(">"),
        LESS("<"),
        GREATER_OR_EQUAL(">="),
        LESS_OR_EQUAL("<=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** As written in symphony source: {@code >}, {@code <}, {@code >=} or {@code <=}. */
        public String symbol() {
            return symbol;
        }

        /** Whether {@code left operator right} holds. */
        public boolean test(double left, double right) {
            switch (this) {
                case GREATER:
                    return left > right;
                case LESS:
                    return left < right;
                case GREATER_OR_EQUAL:
                    return left >= right;
                default:
                    return left <= right;
            }
        }

        /** The operator written {@code symbol}, or {@code null}. */
        static Operator bySymbol(String symbol) {
            for (Operator operator : values()) {
                if (operator.symbol.equals(symbol)) {
                    return operator;
                }
            }
            return null;
        }
    }
}
