package io.alchemiser.dsl.compile;

/**
 * What an indicator computes and over how many trading days, without the symbol it is applied to. Values are
 * compared by content, so an indicator is a good cache key together with a symbol. Windows are between 1 (2 for
 * the standard deviations) and 1,000,000 trading days.
 */
public sealed interface Indicator {

    /** The operator name in symphony source, e.g. {@code rsi}. */
    String operator();

    <R> R accept(Visitor<R> visitor);

    /** One method per indicator: adding an indicator is a compile error in every pass over indicators. */
    interface Visitor<R> {
        R visitRsi(Rsi rsi);

        R visitMovingAveragePrice(MovingAveragePrice indicator);

        R visitExponentialMovingAveragePrice(ExponentialMovingAveragePrice indicator);

        R visitCumulativeReturn(CumulativeReturn indicator);

        R visitMovingAverageReturn(MovingAverageReturn indicator);

        R visitStdevReturn(StdevReturn indicator);

        R visitStdevPrice(StdevPrice indicator);

        R visitMaxDrawdown(MaxDrawdown indicator);

        R visitCurrentPrice(CurrentPrice indicator);

        R visitPercentagePriceOscillator(PercentagePriceOscillator indicator);

        R visitPercentagePriceOscillatorSignal(PercentagePriceOscillatorSignal indicator);
    }

    /** {@code (rsi {:window N})}: Wilder's relative strength index, 0 to 100. */
    record Rsi(int window) implements Indicator {
        public Rsi {
            Windows.require("rsi", "window", window);
        }

        @Override
        public String operator() {
            return "rsi";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitRsi(this);
        }
    }

    /** {@code (moving-average-price {:window N})}: simple mean of the last N closes. */
    record MovingAveragePrice(int window) implements Indicator {
        public MovingAveragePrice {
            Windows.require("moving-average-price", "window", window);
        }

        @Override
        public String operator() {
            return "moving-average-price";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitMovingAveragePrice(this);
        }
    }

    /** {@code (exponential-moving-average-price {:window N})}: EMA of closes with alpha 2/(N+1). */
    record ExponentialMovingAveragePrice(int window) implements Indicator {
        public ExponentialMovingAveragePrice {
            Windows.require("exponential-moving-average-price", "window", window);
        }

        @Override
        public String operator() {
            return "exponential-moving-average-price";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitExponentialMovingAveragePrice(this);
        }
    }

    /** {@code (cumulative-return {:window N})}: percent change of the close over N bars. */
    record CumulativeReturn(int window) implements Indicator {
        public CumulativeReturn {
            Windows.require("cumulative-return", "window", window);
        }

        @Override
        public String operator() {
            return "cumulative-return";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitCumulativeReturn(this);
        }
    }

    /** {@code (moving-average-return {:window N})}: mean of the last N daily percent returns. */
    record MovingAverageReturn(int window) implements Indicator {
        public MovingAverageReturn {
            Windows.require("moving-average-return", "window", window);
        }

        @Override
        public String operator() {
            return "moving-average-return";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitMovingAverageReturn(this);
        }
    }

    /** {@code (stdev-return {:window N})}: standard deviation of the last N daily percent returns. */
    record StdevReturn(int window) implements Indicator {
        public StdevReturn {
            Windows.require("stdev-return", "window", window);
        }

        @Override
        public String operator() {
            return "stdev-return";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitStdevReturn(this);
        }
    }

    /** {@code (stdev-price {:window N})}: standard deviation of the last N closes. */
    record StdevPrice(int window) implements Indicator {
        public StdevPrice {
            Windows.require("stdev-price", "window", window);
        }

        @Override
        public String operator() {
            return "stdev-price";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitStdevPrice(this);
        }
    }

    /** {@code (max-drawdown {:window N})}: largest peak-to-trough fall of closes in the window, in percent. */
    record MaxDrawdown(int window) implements Indicator {
        public MaxDrawdown {
            Windows.require("max-drawdown", "window", window);
        }

        @Override
        public String operator() {
            return "max-drawdown";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitMaxDrawdown(this);
        }
    }

    /** {@code (current-price)}: the latest close, or the live price intraday. Takes no options. */
    record CurrentPrice() implements Indicator {
        @Override
        public String operator() {
            return "current-price";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitCurrentPrice(this);
        }
    }

    /**
     * {@code (percentage-price-oscillator {:short-window S :long-window L})}: the percentage price oscillator,
     * 100 × (EMA(S) − EMA(L)) / EMA(L).
     */
    record PercentagePriceOscillator(int shortWindow, int longWindow) implements Indicator {
        public PercentagePriceOscillator {
            Windows.require("percentage-price-oscillator", "short-window", shortWindow);
            Windows.require("percentage-price-oscillator", "long-window", longWindow);
        }

        @Override
        public String operator() {
            return "percentage-price-oscillator";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitPercentagePriceOscillator(this);
        }
    }

    /**
     * {@code (percentage-price-oscillator-signal {:short-window S :long-window L :smooth-window M})}: the
     * signal line, an EMA over M bars of the oscillator.
     */
    record PercentagePriceOscillatorSignal(int shortWindow, int longWindow, int smoothWindow) implements Indicator {
        public PercentagePriceOscillatorSignal {
            Windows.require("percentage-price-oscillator-signal", "short-window", shortWindow);
            Windows.require("percentage-price-oscillator-signal", "long-window", longWindow);
            Windows.require("percentage-price-oscillator-signal", "smooth-window", smoothWindow);
        }

        @Override
        public String operator() {
            return "percentage-price-oscillator-signal";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitPercentagePriceOscillatorSignal(this);
        }
    }
}
