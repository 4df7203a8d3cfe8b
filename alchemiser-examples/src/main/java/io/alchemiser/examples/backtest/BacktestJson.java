package io.alchemiser.examples.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alchemiser.core.application.backtest.BacktestResult;
import io.alchemiser.core.application.backtest.BacktestSettings;
import io.alchemiser.core.application.backtest.BacktestStats;
import io.alchemiser.core.application.backtest.SleeveReport;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import java.util.Map;

/**
 * A backtest as one JSON object:
 *
 * <pre>{@code
 * {
 *   "settings": {"symphonies": [{"file", "name", "weight"}], "from", "to", "benchmark", "startCapital",
 *                "costBps", "slippageBps", "riskFreeRate", "rebalance", "rebalanceSource", "anchor",
 *                "regulatoryFees"},
 *   "historyStart": {"date", "setBy"} or null (when --from chose the start),
 *   "statistics": {"strategy": {...}, "benchmark": {...}},
 *   "rebalances": N, "trades": N, "costsPaid": {"trading", "secFees", "tafFees"},
 *   "sleeves": [{"name", "rule", "allocation", "firstDay", "rebalances", "finalValue"}],
 *   "dailyWeights": [{"date": "2024-01-02", "weights": {"SPY": 0.5, ...}}, ...]
 * }
 * }</pre>
 * Statistics carry the keys {@code totalReturn, annualReturn, annualVolatility, sharpe, sortino, maxDrawdown,
 * drawdownPeak, drawdownTrough, calmar, winRate, turnover, days} (fractions, ISO dates), plus {@code finalEquity};
 * a statistic that is not defined (NaN) is {@code null}. {@code from} and {@code to} are the first and last
 * simulated days; {@code rebalance} is the portfolio's rule, or {@code own} when each symphony is a sleeve with its own
 * rule. Weights list only what is held; the rest is cash.
 */
public final class BacktestJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BacktestJson() {
    }

    /** The JSON text, indented, ending in a line break. */
    public static String render(BacktestRun run) {
        try {
            return MAPPER.writeValueAsString(tree(run)) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree did not serialise: " + e.getMessage(), e);
        }
    }

    static ObjectNode tree(BacktestRun run) {
        BacktestResult r = run.result();
        ObjectNode root = MAPPER.createObjectNode();
        settings(root.putObject("settings"), run);
        if (r.historyStart().isPresent()) {
            ObjectNode h = root.putObject("historyStart");
            h.put("date", r.historyStart().get().date().toString());
            h.put("setBy", r.historyStart().get().setBy());
        } else {
            root.putNull("historyStart");
        }
        ObjectNode stats = root.putObject("statistics");
        statistics(stats.putObject("strategy"), r.stats(), BacktestSummary.last(r.equity()));
        statistics(stats.putObject("benchmark"), r.benchmarkStats(), BacktestSummary.last(r.benchmarkEquity()));
        root.put("rebalances", r.rebalances());
        root.put("trades", r.trades().size());
        ObjectNode costs = root.putObject("costsPaid");
        number(costs, "trading", r.costs().tradingCosts());
        number(costs, "secFees", r.costs().secFees());
        number(costs, "tafFees", r.costs().tafFees());
        sleeves(root.putArray("sleeves"), r);
        ArrayNode days = root.putArray("dailyWeights");
        for (int i = 0; i < r.dates().size(); i++) {
            ObjectNode day = days.addObject();
            day.put("date", r.dates().get(i).toString());
            ObjectNode weights = day.putObject("weights");
            Weights w = r.holdings().get(i);
            for (Map.Entry<Symbol, Double> e : w.bySymbol().entrySet()) {
                weights.put(e.getKey().value(), e.getValue());
            }
        }
        return root;
    }

    private static void settings(ObjectNode node, BacktestRun run) {
        BacktestSettings s = run.settings();
        ArrayNode symphonies = node.putArray("symphonies");
        for (BacktestRun.Entry e : run.symphonies()) {
            ObjectNode n = symphonies.addObject();
            n.put("file", e.file());
            n.put("name", e.name());
            n.put("weight", e.weight());
        }
        node.put("from", run.firstDate().toString());
        node.put("to", run.lastDate().toString());
        node.put("benchmark", s.benchmark().value());
        node.put("startCapital", s.startCapital());
        node.put("costBps", s.costBps());
        node.put("slippageBps", s.slippageBps());
        node.put("riskFreeRate", s.riskFreeRate());
        node.put("rebalance", s.rule() == null ? "own" : s.rule().keyword());
        node.put("rebalanceSource", run.ruleSource());
        node.put("anchor", s.anchor().name());
        node.put("regulatoryFees", !s.fees().isNone());
    }

    private static void sleeves(ArrayNode array, BacktestResult r) {
        for (SleeveReport s : r.sleeves()) {
            ObjectNode n = array.addObject();
            n.put("name", s.name());
            n.put("rule", s.rule().keyword());
            n.put("allocation", s.allocation());
            if (s.firstDay() == null) {
                n.putNull("firstDay");
            } else {
                n.put("firstDay", s.firstDay().toString());
            }
            n.put("rebalances", s.rebalances().size());
            number(n, "finalValue", s.finalValue());
        }
    }

    private static void statistics(ObjectNode node, BacktestStats s, double finalEquity) {
        number(node, "finalEquity", finalEquity);
        for (BacktestCsv.Stat stat : BacktestCsv.Stat.values()) {
            if (stat.isDate()) {
                if (stat.date(s) == null) {
                    node.putNull(stat.key);
                } else {
                    node.put(stat.key, stat.date(s).toString());
                }
            } else if (stat == BacktestCsv.Stat.DAYS) {
                node.put(stat.key, s.days());
            } else {
                number(node, stat.key, stat.value(s));
            }
        }
    }

    /** {@code value} under {@code key}, or null when it is not finite. */
    public static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }
}
