package io.alchemiser.examples.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.portfolio.MergedPortfolio;
import io.alchemiser.core.domain.portfolio.PlannedTrade;
import io.alchemiser.core.domain.portfolio.RebalancePlan;
import io.alchemiser.core.domain.portfolio.SleeveBook;
import io.alchemiser.core.domain.strategy.DecisionStep;
import io.alchemiser.core.domain.strategy.StrategyResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON columns of the ledger, mapped field by field so that a change to a core record is a compile error
 * here rather than a silent change of the stored format.
 *
 * <p>Rules: a {@link BigDecimal} is a JSON string holding {@link BigDecimal#toString()}, so value <em>and</em>
 * scale come back exactly; a {@code double} is a JSON number (Jackson writes the shortest text that reads back
 * as the same double), or a string such as {@code "NaN"} when it is not finite; maps keep their order. Reading
 * a document that lacks a field fails with an {@link IllegalStateException} naming the field.
 */
final class LedgerJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LedgerJson() {
    }

    // ---- trade columns -------------------------------------------------------------------------------------

    static String attribution(Map<String, Double> attribution) {
        return write(doubles(attribution));
    }

    static Map<String, Double> attribution(String json) {
        return readDoubles(read(json), "attribution");
    }

    static String lines(List<String> lines) {
        ArrayNode array = MAPPER.createArrayNode();
        lines.forEach(array::add);
        return write(array);
    }

    static List<String> lines(String json) {
        return strings(read(json), "decisionPath");
    }

    // ---- run columns ---------------------------------------------------------------------------------------

    static String portfolio(MergedPortfolio portfolio) {
        ObjectNode node = MAPPER.createObjectNode();
        node.set("weights", weights(portfolio.weights()));
        ObjectNode attribution = node.putObject("attribution");
        portfolio.attribution().forEach((symbol, shares) -> attribution.set(symbol.value(), doubles(shares)));
        return write(node);
    }

    static MergedPortfolio portfolio(String json) {
        JsonNode node = read(json);
        Map<Symbol, Map<String, Double>> attribution = new LinkedHashMap<>();
        JsonNode bySymbol = field(node, "attribution");
        for (Map.Entry<String, JsonNode> e : bySymbol.properties()) {
            attribution.put(new Symbol(e.getKey()), readDoubles(e.getValue(), "attribution." + e.getKey()));
        }
        return new MergedPortfolio(weights(field(node, "weights")), attribution);
    }

    static String plan(RebalancePlan plan) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("equity", plan.equity().toString());
        node.put("cashBefore", plan.cashBefore().toString());
        node.put("cashReserve", plan.cashReserve().toString());
        putDouble(node, "buyScale", plan.buyScale());
        ArrayNode sells = node.putArray("sells");
        plan.sells().forEach(t -> sells.add(trade(t)));
        ArrayNode buys = node.putArray("buys");
        plan.buys().forEach(t -> buys.add(trade(t)));
        ArrayNode notes = node.putArray("notes");
        plan.notes().forEach(notes::add);
        return write(node);
    }

    static RebalancePlan plan(String json) {
        JsonNode node = read(json);
        return new RebalancePlan(decimal(node, "equity"), decimal(node, "cashBefore"), decimal(node, "cashReserve"),
                trades(field(node, "sells")), trades(field(node, "buys")), doubleValue(node, "buyScale"),
                strings(field(node, "notes"), "notes"));
    }

    static String sleeves(SleeveBook book) {
        ObjectNode node = MAPPER.createObjectNode();
        book.sleeves().forEach((strategy, sleeve) -> {
            ObjectNode one = node.putObject(strategy);
            ObjectNode shares = one.putObject("shares");
            sleeve.shares().forEach((symbol, q) -> shares.put(symbol.value(), q.toString()));
            one.put("cash", sleeve.cash().toString());
            one.put("lastRebalance", sleeve.lastRebalance().toString());
        });
        return write(node);
    }

    static SleeveBook sleeves(String json) {
        JsonNode node = read(json);
        Map<String, SleeveBook.Sleeve> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            Map<Symbol, BigDecimal> shares = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> q : field(e.getValue(), "shares").properties()) {
                shares.put(new Symbol(q.getKey()), new BigDecimal(q.getValue().asText()));
            }
            out.put(e.getKey(), new SleeveBook.Sleeve(shares, decimal(e.getValue(), "cash"),
                    java.time.LocalDate.parse(text(e.getValue(), "lastRebalance"))));
        }
        return new SleeveBook(out);
    }

    static String evaluations(List<StrategyResult> results) {
        ArrayNode array = MAPPER.createArrayNode();
        for (StrategyResult r : results) {
            ObjectNode node = array.addObject();
            node.put("strategy", r.strategy());
            node.put("asOf", r.asOf().toString());
            node.set("weights", weights(r.weights()));
            ArrayNode steps = node.putArray("decisionPath");
            for (DecisionStep step : r.decisionPath()) {
                ObjectNode s = steps.addObject();
                s.put("kind", step.kind());
                s.put("location", step.location());
                s.put("summary", step.summary());
                s.set("values", doubles(step.values()));
                step.fragility().ifPresent(f -> {
                    ObjectNode fragile = s.putObject("fragile");
                    putDouble(fragile, "gap", f.gap());
                    putDouble(fragile, "margin", f.margin());
                });
            }
        }
        return write(array);
    }

    static List<StrategyResult> evaluations(String json) {
        List<StrategyResult> out = new ArrayList<>();
        for (JsonNode node : read(json)) {
            List<DecisionStep> steps = new ArrayList<>();
            for (JsonNode s : field(node, "decisionPath")) {
                JsonNode fragile = s.get("fragile");
                steps.add(new DecisionStep(text(s, "kind"), text(s, "location"), text(s, "summary"),
                        readDoubles(field(s, "values"), "values"), fragile == null || fragile.isNull()
                                ? java.util.Optional.empty()
                                : java.util.Optional.of(new DecisionStep.Fragility(doubleValue(fragile, "gap"),
                                        doubleValue(fragile, "margin")))));
            }
            out.add(new StrategyResult(text(node, "strategy"), LocalDate.parse(text(node, "asOf")),
                    weights(field(node, "weights")), steps));
        }
        return out;
    }

    // ---- pieces --------------------------------------------------------------------------------------------

    private static ObjectNode trade(PlannedTrade t) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("symbol", t.symbol().value());
        node.put("side", t.side().name());
        node.put("quantity", t.quantity().toString());
        node.put("price", t.price().toString());
        putDouble(node, "targetWeight", t.targetWeight());
        node.put("currentValue", t.currentValue().toString());
        node.put("targetValue", t.targetValue().toString());
        node.put("fractional", t.fractional());
        node.put("fullExit", t.fullExit());
        return node;
    }

    private static List<PlannedTrade> trades(JsonNode array) {
        List<PlannedTrade> out = new ArrayList<>();
        for (JsonNode t : array) {
            out.add(new PlannedTrade(new Symbol(text(t, "symbol")), Side.valueOf(text(t, "side")),
                    decimal(t, "quantity"), decimal(t, "price"), doubleValue(t, "targetWeight"),
                    decimal(t, "currentValue"), decimal(t, "targetValue"), bool(t, "fractional"), bool(t, "fullExit")));
        }
        return out;
    }

    private static ObjectNode weights(Weights weights) {
        ObjectNode node = MAPPER.createObjectNode();
        weights.bySymbol().forEach((symbol, w) -> putDouble(node, symbol.value(), w));
        return node;
    }

    private static Weights weights(JsonNode node) {
        Map<Symbol, Double> out = new LinkedHashMap<>();
        readDoubles(node, "weights").forEach((symbol, w) -> out.put(new Symbol(symbol), w));
        return new Weights(out);
    }

    private static ObjectNode doubles(Map<String, Double> values) {
        ObjectNode node = MAPPER.createObjectNode();
        values.forEach((k, v) -> putDouble(node, k, v));
        return node;
    }

    private static Map<String, Double> readDoubles(JsonNode node, String what) {
        if (!node.isObject()) {
            throw new IllegalStateException(what + " is not a JSON object");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            out.put(e.getKey(), asDouble(e.getValue(), what + "." + e.getKey()));
        }
        return out;
    }

    private static List<String> strings(JsonNode node, String what) {
        if (!node.isArray()) {
            throw new IllegalStateException(what + " is not a JSON array");
        }
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void putDouble(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.put(field, Double.toString(value));
        }
    }

    private static double asDouble(JsonNode node, String what) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            return Double.parseDouble(node.asText());
        }
        throw new IllegalStateException(what + " is not a number");
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalStateException("missing field '" + name + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String name) {
        return field(node, name).asText();
    }

    private static BigDecimal decimal(JsonNode node, String name) {
        return new BigDecimal(text(node, name));
    }

    private static double doubleValue(JsonNode node, String name) {
        return asDouble(field(node, name), name);
    }

    private static boolean bool(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isBoolean()) {
            throw new IllegalStateException("field '" + name + "' is not true/false");
        }
        return value.booleanValue();
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON: " + e.getOriginalMessage(), e);
        }
    }
}
