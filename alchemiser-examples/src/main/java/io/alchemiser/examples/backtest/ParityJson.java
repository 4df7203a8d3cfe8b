package io.alchemiser.examples.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code parity} report as one JSON object:
 *
 * <pre>{@code
 * {
 *   "symphony": {"file", "name", "rule"},
 *   "composer": {"series", "firstDay", "lastDay", "stats": {...}},
 *   "settings": {"tolerance", "benchmark", "startCapital", "costBps", "slippageBps", "regulatoryFees"},
 *   "days": {"compared", "matching", "matchShare", "notReplayed": ["2024-03-29", ...]},
 *   "returns": {"days", "correlation", "trackingError", "ours", "composer"},
 *   "firstDivergence": {...} or null, "worstDivergence": {...} or null,
 *   "dailyDifferences": [{"date", "difference"}, ...]
 * }
 * }</pre>
 * A divergence is {@code {"date", "difference", "ours": {...}, "composer": {...}, "pathDate", "path": [{"kind",
 * "location", "summary", "margin", "values"}], "decidedBy": {"location", "summary", "margin"} or null}}; weights are
 * fractions with cash as {@code $USD}; a margin is a fraction (0.004 = 0.4%) or null for a step that decides no
 * branch; a number that is not defined (NaN) is null.
 */
public final class ParityJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ParityJson() {
    }

    /** The JSON text, indented, ending in a line break. */
    public static String render(ParityResult p) {
        try {
            return MAPPER.writeValueAsString(tree(p)) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree did not serialise: " + e.getMessage(), e);
        }
    }

    static ObjectNode tree(ParityResult p) {
        ObjectNode root = MAPPER.createObjectNode();
        BacktestRun run = p.run();
        ObjectNode symphony = root.putObject("symphony");
        symphony.put("file", run.symphonies().get(0).file());
        symphony.put("name", run.symphonies().get(0).name());
        symphony.put("rule", run.result().sleeves().get(0).rule().keyword());
        ObjectNode composer = root.putObject("composer");
        composer.put("series", p.composer().series());
        composer.put("firstDay", p.composer().firstDay().toString());
        composer.put("lastDay", p.composer().lastDay().toString());
        ObjectNode stats = composer.putObject("stats");
        p.composer().stats().forEach((k, v) -> BacktestJson.number(stats, k, v));
        ObjectNode settings = root.putObject("settings");
        settings.put("tolerance", p.tolerance());
        settings.put("benchmark", run.settings().benchmark().value());
        settings.put("startCapital", run.settings().startCapital());
        settings.put("costBps", run.settings().costBps());
        settings.put("slippageBps", run.settings().slippageBps());
        settings.put("regulatoryFees", !run.settings().fees().isNone());
        ObjectNode days = root.putObject("days");
        days.put("compared", p.compared());
        days.put("matching", p.matching());
        BacktestJson.number(days, "matchShare", p.matchShare());
        ArrayNode missing = days.putArray("notReplayed");
        p.notReplayed().forEach(d -> missing.add(d.toString()));
        ObjectNode returns = root.putObject("returns");
        returns.put("days", p.returns().days());
        BacktestJson.number(returns, "correlation", p.returns().correlation());
        BacktestJson.number(returns, "trackingError", p.returns().trackingError());
        BacktestJson.number(returns, "ours", p.returns().ourReturn());
        BacktestJson.number(returns, "composer", p.returns().composerReturn());
        divergence(root, "firstDivergence", p.first());
        divergence(root, "worstDivergence", p.worst());
        ArrayNode daily = root.putArray("dailyDifferences");
        for (Map.Entry<LocalDate, Double> e : p.differences().entrySet()) {
            ObjectNode n = daily.addObject();
            n.put("date", e.getKey().toString());
            n.put("difference", e.getValue());
        }
        return root;
    }

    private static void divergence(ObjectNode root, String field, Optional<ParityResult.Divergence> d) {
        if (d.isEmpty()) {
            root.putNull(field);
            return;
        }
        ParityResult.Divergence v = d.get();
        ObjectNode n = root.putObject(field);
        n.put("date", v.date().toString());
        n.put("difference", v.difference());
        weights(n.putObject("ours"), v.ours());
        weights(n.putObject("composer"), v.theirs());
        n.put("pathDate", v.pathDate().toString());
        ArrayNode path = n.putArray("path");
        for (DecisionMargins.MarginStep s : v.path()) {
            ObjectNode step = path.addObject();
            step.put("kind", s.step().kind());
            step.put("location", s.step().location());
            step.put("summary", s.step().summary());
            margin(step, s);
            ObjectNode values = step.putObject("values");
            s.step().values().forEach((k, x) -> BacktestJson.number(values, k, x));
        }
        if (v.decisive().isPresent()) {
            ObjectNode by = n.putObject("decidedBy");
            by.put("location", v.decisive().get().step().location());
            by.put("summary", v.decisive().get().step().summary());
            margin(by, v.decisive().get());
        } else {
            n.putNull("decidedBy");
        }
    }

    private static void margin(ObjectNode n, DecisionMargins.MarginStep s) {
        if (s.margin().isPresent()) {
            n.put("margin", s.margin().getAsDouble());
        } else {
            n.putNull("margin");
        }
    }

    private static void weights(ObjectNode n, Map<String, Double> w) {
        new java.util.TreeMap<>(w).forEach((k, v) -> {
            if (v > 1e-12) {
                n.put(k, v);
            }
        });
    }
}
