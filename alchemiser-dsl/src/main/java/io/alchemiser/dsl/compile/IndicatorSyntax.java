package io.alchemiser.dsl.compile;

import io.alchemiser.dsl.indicator.IndicatorKind;
import io.alchemiser.dsl.indicator.IndicatorSpec;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** How each indicator is written: its operator name and the window options it requires, in order. */
enum IndicatorSyntax {
    RSI("rsi", "window"),
    MOVING_AVERAGE_PRICE("moving-average-price", "window"),
    EXPONENTIAL_MOVING_AVERAGE_PRICE("exponential-moving-average-price", "window"),
    CUMULATIVE_RETURN("cumulative-return", "window"),
    MOVING_AVERAGE_RETURN("moving-average-return", "window"),
    STDEV_RETURN("stdev-return", "window"),
    STDEV_PRICE("stdev-price", "window"),
    MAX_DRAWDOWN("max-drawdown", "window"),
    CURRENT_PRICE("current-price"),
    PERCENTAGE_PRICE_OSCILLATOR("percentage-price-oscillator", "short-window", "long-window"),
    PERCENTAGE_PRICE_OSCILLATOR_SIGNAL("percentage-price-oscillator-signal",
            "short-window", "long-window", "smooth-window");

    private static final int[] EXAMPLE_WINDOWS = {12, 26, 9};

    final String name;
    final List<String> keys;

    IndicatorSyntax(String name, String... keys) {
        this.name = name;
        this.keys = List.of(keys);
    }

    static IndicatorSyntax byName(String name) {
        for (IndicatorSyntax syntax : values()) {
            if (syntax.name.equals(name)) {
                return syntax;
            }
        }
        return null;
    }

    /** All operator names, for messages. */
    static String names() {
        return Arrays.stream(values()).map(s -> s.name).collect(Collectors.joining(", "));
    }

    /**
     * The indicator for window values given in the order of {@link #keys}, already checked against
     * {@link Windows}; the indicator package's {@link IndicatorSpec} is the tree's representation, so the compiler
     * and the evaluator share one description of every indicator.
     */
    IndicatorSpec make(int[] windows) {
        IndicatorKind kind = IndicatorKind.fromDslName(name).orElseThrow(() -> new AssertionError(name));
        switch (windows.length) {
            case 0:
                return IndicatorSpec.of(kind, 0);
            case 1:
                return IndicatorSpec.of(kind, windows[0]);
            case 2:
                return IndicatorSpec.ppo(kind, windows[0], windows[1], 0);
            default:
                return IndicatorSpec.ppo(kind, windows[0], windows[1], windows[2]);
        }
    }

    /** An example of the whole form, e.g. {@code (rsi "SPY" {:window 10})} or {@code (rsi {:window 10})}. */
    String usage(boolean withTicker) {
        StringBuilder out = new StringBuilder("(").append(name);
        if (withTicker) {
            out.append(" \"SPY\"");
        }
        if (!keys.isEmpty()) {
            out.append(" {");
            for (int i = 0; i < keys.size(); i++) {
                out.append(i > 0 ? ", :" : ":").append(keys.get(i)).append(' ')
                        .append(keys.size() == 1 ? 10 : EXAMPLE_WINDOWS[i]);
            }
            out.append('}');
        }
        return out.append(')').toString();
    }

    /** The option keys for messages: {@code :window}, or {@code :short-window, :long-window and :smooth-window}. */
    String keyList() {
        List<String> named = keys.stream().map(k -> ":" + k).collect(Collectors.toList());
        if (named.size() == 1) {
            return named.get(0);
        }
        return String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
    }
}
