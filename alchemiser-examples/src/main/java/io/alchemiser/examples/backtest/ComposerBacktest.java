package io.alchemiser.examples.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alchemiser.core.domain.Symbol;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A backtest as Composer's backtest API answers it, read from its JSON: per day the allocation ({@code tdvm_weights},
 * {@code {ticker: {epoch_day: weight}}}, days counted from 1970-01-01, cash as {@code $USD}), the symphony's value
 * ({@code dvm_capital}, {@code {symphony_id: {epoch_day: value}}}), and its {@code stats}, {@code first_day},
 * {@code last_market_day} and {@code legend} as given. Tickers are read as the DSL reads them
 * ({@code EQUITIES::XLY//USD} is {@code XLY}, {@code BRK/B} is {@code BRK.B}). Immutable.
 *
 * @param allocations the weights of each day, by symbol, cash under {@link #CASH}; days in order
 * @param capital     the symphony's value on each day it is given
 * @param series      the key of {@code dvm_capital} the values come from
 * @param stats       the numeric entries of {@code stats}, as given
 */
public record ComposerBacktest(NavigableMap<LocalDate, Map<String, Double>> allocations,
        NavigableMap<LocalDate, Double> capital, String series, Map<String, Double> stats) {
    /** The key Composer gives cash. */
    public static final String CASH = "$USD";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public ComposerBacktest {
        TreeMap<LocalDate, Map<String, Double>> copy = new TreeMap<>();
        allocations.forEach((d, w) -> copy.put(d, Collections.unmodifiableMap(new TreeMap<>(w))));
        allocations = Collections.unmodifiableNavigableMap(copy);
        capital = Collections.unmodifiableNavigableMap(new TreeMap<>(capital));
        Objects.requireNonNull(series, "series");
        stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
        if (allocations.isEmpty()) {
            throw new IllegalArgumentException("the Composer backtest has no days");
        }
    }

    /** The first and last day with an allocation. */
    public LocalDate firstDay() {
        return allocations.firstKey();
    }

    public LocalDate lastDay() {
        return allocations.lastKey();
    }

    /**
     * Reads Composer's JSON.
     *
     * @param source   the file or URL, for messages
     * @param seriesId the {@code dvm_capital} key to use, or {@code null} when it holds exactly one
     * @throws IllegalArgumentException naming {@code source} and the field that is missing or malformed
     */
    public static ComposerBacktest parse(String json, String source, String seriesId) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a JSON object with tdvm_weights and dvm_capital");
        }
        TreeMap<LocalDate, Map<String, Double>> days = new TreeMap<>();
        JsonNode weights = object(root, "tdvm_weights", source);
        for (Iterator<Map.Entry<String, JsonNode>> it = weights.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> ticker = it.next();
            String key = ticker.getKey().equals(CASH) ? CASH : symbol(ticker.getKey(), source);
            Map<LocalDate, Double> byDay = days(ticker.getValue(), source, "tdvm_weights." + ticker.getKey());
            byDay.forEach((day, w) -> {
                Map<String, Double> m = days.computeIfAbsent(day, d -> new TreeMap<>());
                if (w != 0) {
                    m.merge(key, w, Double::sum);
                }
            });
        }
        JsonNode capitals = object(root, "dvm_capital", source);
        String series = seriesId;
        if (series == null) {
            List<String> keys = new java.util.ArrayList<>();
            capitals.fieldNames().forEachRemaining(keys::add);
            if (keys.size() != 1) {
                throw new IllegalArgumentException(source + ": dvm_capital holds " + keys.size() + " series " + keys
                        + "; name the symphony's with --series");
            }
            series = keys.get(0);
        }
        if (!capitals.has(series)) {
            throw new IllegalArgumentException(source + ": dvm_capital has no series '" + series + "'");
        }
        Map<LocalDate, Double> capital = days(capitals.get(series), source, "dvm_capital." + series);
        Map<String, Double> stats = new LinkedHashMap<>();
        JsonNode s = root.get("stats");
        if (s != null && s.isObject()) {
            s.fields().forEachRemaining(e -> {
                if (e.getValue().isNumber()) {
                    stats.put(e.getKey(), e.getValue().asDouble());
                }
            });
        }
        return new ComposerBacktest(days, new TreeMap<>(capital), series, stats);
    }

    private static JsonNode object(JsonNode root, String field, String source) {
        JsonNode n = root.get(field);
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException(source + ": field " + field + " is missing or not an object");
        }
        return n;
    }

    /** {@code {epoch_day: number}} as dates. */
    private static Map<LocalDate, Double> days(JsonNode node, String source, String field) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(source + ": " + field + " is not an object of {epoch_day: number}");
        }
        Map<LocalDate, Double> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            long day;
            try {
                day = Long.parseLong(e.getKey().trim());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(source + ": " + field + " has key '" + e.getKey()
                        + "', not a day number (days since 1970-01-01)");
            }
            if (!e.getValue().isNumber() || !Double.isFinite(e.getValue().asDouble())) {
                throw new IllegalArgumentException(source + ": " + field + "." + e.getKey() + " is not a finite number");
            }
            out.put(LocalDate.ofEpochDay(day), e.getValue().asDouble());
        }
        return out;
    }

    /** {@code EQUITIES::XLY//USD} → {@code XLY}; {@code BRK/B} → {@code BRK.B}. */
    static String symbol(String ticker, String source) {
        String t = ticker;
        int colons = t.indexOf("::");
        if (colons >= 0) {
            t = t.substring(colons + 2);
        }
        int slashes = t.indexOf("//");
        if (slashes >= 0) {
            t = t.substring(0, slashes);
        }
        try {
            return Symbol.of(t).value();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": tdvm_weights has ticker '" + ticker + "', which is no symbol");
        }
    }
}
