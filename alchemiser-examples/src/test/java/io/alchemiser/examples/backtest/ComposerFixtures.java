package io.alchemiser.examples.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alchemiser.core.application.backtest.BacktestProgress;
import io.alchemiser.core.application.backtest.BacktestResult;
import io.alchemiser.core.application.backtest.BacktestSettings;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.dsl.compile.Symphony;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Composer backtest JSON built from this engine's own backtest, so a test knows the right answer: unchanged, every
 * day matches and the returns agree exactly; each perturbation changes a known day by a known amount.
 */
public final class ComposerFixtures {
    public static final String SERIES = "sym-abc123";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Per day: weights by Composer ticker (cash as $USD); and the symphony's value. */
    private final Map<LocalDate, Map<String, Double>> weights = new TreeMap<>();
    private final Map<LocalDate, Double> capital = new TreeMap<>();
    private final BacktestRun run;

    private ComposerFixtures(BacktestRun run) {
        this.run = run;
        BacktestResult r = run.result();
        for (int i = 0; i < r.dates().size(); i++) {
            Map<String, Double> day = new TreeMap<>();
            r.holdings().get(i).bySymbol().forEach((s, w) -> day.put("EQUITIES::" + s.value() + "//USD", w));
            day.put("$USD", r.holdings().get(i).cash());
            weights.put(r.dates().get(i), day);
            capital.put(r.dates().get(i), r.equity()[i]);
        }
    }

    /**
     * The engine's backtest of {@code symphony} from {@code from} to {@code to} as the parity check replays it (its
     * own rule, 10,000 dollars, Composer's costs when asked), as Composer would export it.
     */
    public static ComposerFixtures of(Symphony symphony, PriceHistory data, LocalDate from, LocalDate to,
            boolean composerCosts) {
        BacktestSettings s = new BacktestSettings(from, to, 10_000, 0, 0, Symbol.of("SPY"), 0, null);
        if (composerCosts) {
            s = s.withComposerCosts();
        }
        return new ComposerFixtures(SymphonyBacktest.run(List.of(symphony), List.of(1.0), data, s, "fixture",
                BacktestProgress.none()));
    }

    public BacktestRun run() {
        return run;
    }

    public List<LocalDate> dates() {
        return run.result().dates();
    }

    /** Moves {@code amount} of weight on {@code date} from the first symbol held to cash. */
    public ComposerFixtures shiftToCash(LocalDate date, double amount) {
        Map<String, Double> day = weights.get(date);
        String first = day.keySet().stream().filter(k -> !k.equals("$USD")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(date + " holds only cash"));
        day.put(first, day.get(first) - amount);
        day.merge("$USD", amount, Double::sum);
        return this;
    }

    /** Multiplies the value of {@code date} and every later day by {@code factor}: one daily return changes. */
    public ComposerFixtures scaleFrom(LocalDate date, double factor) {
        capital.replaceAll((d, v) -> d.isBefore(date) ? v : v * factor);
        return this;
    }

    /** Adds a day this engine has no close for (e.g. a Saturday), holding all cash. */
    public ComposerFixtures addDay(LocalDate date) {
        weights.put(date, new TreeMap<>(Map.of("$USD", 1.0)));
        return this;
    }

    /** The JSON as Composer's backtest API answers it. */
    public String json() {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode tdvm = root.putObject("tdvm_weights");
        Map<String, Map<LocalDate, Double>> byTicker = new LinkedHashMap<>();
        weights.forEach((d, m) -> m.forEach((t, w) -> byTicker.computeIfAbsent(t, k -> new TreeMap<>()).put(d, w)));
        byTicker.forEach((t, days) -> {
            ObjectNode n = tdvm.putObject(t);
            days.forEach((d, w) -> n.put(String.valueOf(d.toEpochDay()), w));
        });
        ObjectNode cap = root.putObject("dvm_capital").putObject(SERIES);
        capital.forEach((d, v) -> cap.put(String.valueOf(d.toEpochDay()), v));
        root.putObject("stats").put("cumulative_return", run.result().stats().totalReturn()).put("name", 0);
        root.put("first_day", dates().get(0).toEpochDay());
        root.put("last_market_day", dates().get(dates().size() - 1).toEpochDay());
        root.putObject("legend").putObject(SERIES).put("name", "fixture");
        return root.toString();
    }
}
