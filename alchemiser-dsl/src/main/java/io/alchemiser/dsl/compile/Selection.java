package io.alchemiser.dsl.compile;

/** A filter's {@code (select-top N)} or {@code (select-bottom N)}: keep the N best or worst ranked children. */
public record Selection(Order order, int count) {

    public Selection {
        if (order == null) {
            throw new NullPointerException("order");
        }
        if (count < 1) {
            throw new IllegalArgumentException("a selection keeps at least one child, got " + count);
        }
    }

    /** Which end of the ranking is kept. */
    public enum Order {
        /** {@code select-top}: the highest indicator values. */
        TOP("select-top"),
        /** {@code select-bottom}: the lowest indicator values. */
        BOTTOM("select-bottom");

        private final String operator;

        Order(String operator) {
            this.operator = operator;
        }

        /** As written in symphony source. */
        public String operator() {
            return operator;
        }
    }
}
