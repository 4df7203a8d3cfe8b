package io.alchemiser.examples.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alchemiser.core.application.backtest.BacktestProgress;
import io.alchemiser.core.application.backtest.BacktestResult;
import io.alchemiser.core.application.backtest.BacktestSettings;
import io.alchemiser.core.application.backtest.BacktestStats;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.portfolio.RebalanceRule;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacktestJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void roundTripsStatisticsSettingsAndDailyWeights() throws Exception {
        BacktestRun run = Backtests.switcher();
        BacktestResult r = run.result();
        JsonNode root = MAPPER.readTree(BacktestJson.render(run));

        JsonNode settings = root.get("settings");
        assertThat(settings.get("from").asText()).isEqualTo(run.firstDate().toString());
        assertThat(settings.get("to").asText()).isEqualTo(run.lastDate().toString());
        assertThat(settings.get("benchmark").asText()).isEqualTo("SPY");
        assertThat(settings.get("rebalance").asText()).isEqualTo("daily");
        assertThat(settings.get("startCapital").asDouble()).isEqualTo(10_000);
        assertThat(settings.get("symphonies").get(0).get("name").asText()).isEqualTo("switcher");
        assertThat(settings.get("symphonies").get(0).get("weight").asDouble()).isEqualTo(1.0);

        assertThat(root.get("historyStart").get("date").asText())
                .isEqualTo(r.historyStart().orElseThrow().date().toString());
        assertThat(root.get("historyStart").get("setBy").asText()).contains("rsi", "AAA");

        stats(root.get("statistics").get("strategy"), r.stats(), r.equity());
        stats(root.get("statistics").get("benchmark"), r.benchmarkStats(), r.benchmarkEquity());
        assertThat(root.get("rebalances").asInt()).isEqualTo(r.rebalances());
        assertThat(root.get("trades").asInt()).isEqualTo(r.trades().size());

        JsonNode days = root.get("dailyWeights");
        assertThat(days).hasSize(r.dates().size());
        for (int i = 0; i < days.size(); i++) {
            assertThat(days.get(i).get("date").asText()).isEqualTo(r.dates().get(i).toString());
            Map<Symbol, Double> weights = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = days.get(i).get("weights").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                weights.put(Symbol.of(e.getKey()), e.getValue().asDouble());
            }
            assertThat(new Weights(weights)).isEqualTo(r.holdings().get(i));
        }
    }

    private static void stats(JsonNode node, BacktestStats s, double[] equity) {
        assertThat(node.get("finalEquity").asDouble()).isEqualTo(equity[equity.length - 1]);
        assertThat(node.get("totalReturn").asDouble()).isEqualTo(s.totalReturn());
        assertThat(node.get("annualReturn").asDouble()).isEqualTo(s.annualReturn());
        assertThat(node.get("annualVolatility").asDouble()).isEqualTo(s.annualVolatility());
        assertThat(node.get("sharpe").asDouble()).isEqualTo(s.sharpe());
        assertThat(node.get("sortino").asDouble()).isEqualTo(s.sortino());
        assertThat(node.get("maxDrawdown").asDouble()).isEqualTo(s.maxDrawdown());
        assertThat(node.get("drawdownPeak").asText()).isEqualTo(s.drawdownPeak().toString());
        assertThat(node.get("drawdownTrough").asText()).isEqualTo(s.drawdownTrough().toString());
        assertThat(node.get("calmar").asDouble()).isEqualTo(s.calmar());
        assertThat(node.get("winRate").asDouble()).isEqualTo(s.winRate());
        assertThat(node.get("turnover").asDouble()).isEqualTo(s.turnover());
        assertThat(node.get("days").asInt()).isEqualTo(s.days());
    }

    @Test
    void undefinedStatisticsAreNullAndAGivenStartHasNoHistoryStart() throws Exception {
        TestPrices prices = TestPrices.steady(20);
        LocalDate day = prices.dates().get(10);
        BacktestSettings settings = new BacktestSettings(day, day, 10_000, 0, 0, Symbol.of("SPY"), 0,
                RebalanceRule.daily());
        BacktestRun run = SymphonyBacktest.run(List.of(Backtests.compile("one.clj", "(asset \"AAA\")")), List.of(1.0),
                prices.inMemory(), settings, "--rebalance", BacktestProgress.none());

        JsonNode root = MAPPER.readTree(BacktestJson.render(run));

        assertThat(run.result().stats().sharpe()).isNaN();
        JsonNode strategy = root.get("statistics").get("strategy");
        assertThat(strategy.get("sharpe").isNull()).isTrue();
        assertThat(strategy.get("annualVolatility").isNull()).isTrue();
        assertThat(strategy.get("calmar").isNull()).isTrue();
        assertThat(strategy.get("totalReturn").asDouble()).isEqualTo(0.0);
        assertThat(root.get("historyStart").isNull()).isTrue();
        assertThat(root.get("dailyWeights")).hasSize(1);
        assertThat(root.get("dailyWeights").get(0).get("weights").get("AAA").asDouble()).isEqualTo(1.0);
    }
}
