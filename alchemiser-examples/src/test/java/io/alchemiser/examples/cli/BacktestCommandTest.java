package io.alchemiser.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alchemiser.examples.backtest.TestPrices;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code backtest} command end to end on CSV files and symphonies written by the test. */
class BacktestCommandTest {
    static final String MONTHLY_PAIR = "(defsymphony \"t\" {:rebalance-frequency :monthly}\n"
            + "  (weight-equal [(asset \"AAA\") (asset \"BBB\")]))\n";
    static final int DAYS = 90;

    @TempDir
    Path dir;
    Path data;
    Path symphony;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void writeFiles() throws Exception {
        data = TestPrices.steady(DAYS).writeCsv(dir.resolve("prices"));
        symphony = Files.writeString(dir.resolve("t.clj"), MONTHLY_PAIR);
    }

    int backtest(Object... args) {
        CommandLine cli = new CommandLine(new BacktestCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler(new ErrorHandler());
        return cli.execute(java.util.Arrays.stream(args).map(String::valueOf).toArray(String[]::new));
    }

    /**
     * By hand: 50/50 at each month's first trading day, then AAA grows ×1.001 and BBB ×0.999 a day until the next
     * rebalance, so each stretch of n daily returns multiplies equity by (1.001^n + 0.999^n) / 2.
     */
    static double expectedMonthlyPairEquity() {
        List<LocalDate> dates = TestPrices.steady(DAYS).dates();
        List<Integer> rebalances = new ArrayList<>(List.of(0));
        for (int i = 1; i < dates.size(); i++) {
            if (dates.get(i).getMonthValue() != dates.get(i - 1).getMonthValue()) {
                rebalances.add(i);
            }
        }
        rebalances.add(dates.size() - 1);
        double equity = 10_000;
        for (int k = 0; k + 1 < rebalances.size(); k++) {
            int n = rebalances.get(k + 1) - rebalances.get(k);
            equity *= (Math.pow(1.001, n) + Math.pow(0.999, n)) / 2;
        }
        return equity;
    }

    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    @Test
    void backtestsASymphonyAndWritesTheReportAndCsvFiles() throws Exception {
        Path report = dir.resolve("out/report.html");
        Path csv = dir.resolve("csv");

        int code = backtest(symphony, "--data", data, "--report", report, "--csv", csv);

        assertThat(code).as(err.toString()).isZero();
        String text = out.toString();
        double total = expectedMonthlyPairEquity() / 10_000 - 1;
        double spy = Math.pow(1.0005, DAYS - 1) - 1;
        assertThat(text).contains("backtest 2024-01-01 .. 2024-05-03, 90 trading days, benchmark SPY")
                .contains("rebalance: monthly (the symphony's :rebalance-frequency)")
                .contains("history start: 2024-01-01, set by t: holding")
                .contains("5 rebalances");
        assertThat(text).containsPattern(Pattern.compile("total return\\s+" + Pattern.quote(pct(total)) + "\\s+"
                + Pattern.quote(pct(spy))));
        assertThat(text).containsPattern("daily returns\\s+89\\s+89");
        assertThat(text).containsPattern("max drawdown\\s+0\\.00%\\s+0\\.00%").contains("report: " + report);
        assertThat(Files.readString(report)).contains("<svg", "Monthly returns").doesNotContain("http://");
        for (String f : List.of("equity.csv", "weights.csv", "trades.csv", "stats.csv")) {
            assertThat(csv.resolve(f)).isRegularFile();
        }
        List<String> equity = Files.readAllLines(csv.resolve("equity.csv"));
        assertThat(equity).hasSize(DAYS + 1);
        assertThat(Double.parseDouble(equity.get(DAYS).split(",")[1])).isCloseTo(expectedMonthlyPairEquity(),
                within(1e-6));
        assertThat(Files.readAllLines(csv.resolve("weights.csv")).get(0)).isEqualTo("date,AAA,BBB");
        assertThat(err.toString()).as("no progress bar without a terminal").isEmpty();
    }

    @Test
    void printsJsonWithStatisticsAndDailyWeights() throws Exception {
        int code = backtest(symphony, "--data", data, "--json", "--from", "2024-02-01", "--to", "2024-03-29",
                "--rebalance", "daily", "--cost-bps", "5", "--slippage-bps", "2.5", "--capital", "1000",
                "--risk-free", "0.02");

        assertThat(code).as(err.toString()).isZero();
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("historyStart").isNull()).isTrue();
        JsonNode settings = root.get("settings");
        assertThat(settings.get("from").asText()).isEqualTo("2024-02-01");
        assertThat(settings.get("to").asText()).isEqualTo("2024-03-29");
        assertThat(settings.get("rebalance").asText()).isEqualTo("daily");
        assertThat(settings.get("rebalanceSource").asText()).isEqualTo("--rebalance");
        assertThat(settings.get("costBps").asDouble()).isEqualTo(5.0);
        assertThat(settings.get("slippageBps").asDouble()).isEqualTo(2.5);
        assertThat(settings.get("riskFreeRate").asDouble()).isEqualTo(0.02);
        assertThat(settings.get("startCapital").asDouble()).isEqualTo(1000.0);
        JsonNode days = root.get("dailyWeights");
        assertThat(days).hasSize(42);
        assertThat(days.get(0).get("date").asText()).isEqualTo("2024-02-01");
        assertThat(days.get(0).get("weights").get("AAA").asDouble()).isCloseTo(0.5, within(1e-12));
        // Costs of 7.5 bps on the first day's 1,000 dollars of buys.
        assertThat(root.get("statistics").get("strategy").get("finalEquity").asDouble()).isLessThan(1000 - 0.75 + 1e-9);
        assertThat(root.get("statistics").get("benchmark").get("totalReturn").asDouble())
                .isCloseTo(Math.pow(1.0005, 41) - 1, within(1e-12));
    }

    @Test
    void mergesSeveralFilesByWeightsEachInASleeveWithItsOwnRule() throws Exception {
        Path second = Files.writeString(dir.resolve("b.clj"), "(defsymphony \"b\" {} (asset \"BBB\"))");

        int code = backtest(symphony, second, "--weights", "0.4,0.6", "--data", data);

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("weight 40.00%", "weight 60.00%",
                "rebalance: each symphony by its own rule (each symphony's own :rebalance-frequency or "
                        + ":rebalance-threshold, a sleeve each, netted in one account)",
                "sleeve 't' (40.00%): monthly, from 2024-01-01, 5 rebalances",
                "sleeve 'b' (60.00%): daily, from 2024-01-01, 90 rebalances");
    }

    @Test
    void aPortfolioRuleTradesTheMergedPortfolioAsOne() throws Exception {
        Path second = Files.writeString(dir.resolve("b.clj"), "(defsymphony \"b\" {} (asset \"BBB\"))");

        int code = backtest(symphony, second, "--weights", "0.4,0.6", "--data", data, "--rebalance", "daily", "--json");

        assertThat(code).as(err.toString()).isZero();
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("settings").get("rebalance").asText()).isEqualTo("daily");
        assertThat(root.get("sleeves")).hasSize(1);
        assertThat(root.get("sleeves").get(0).get("name").asText()).isEqualTo("portfolio");
        // Re-applied every day: AAA is 40% x 1/2 of the portfolio at every close.
        assertThat(root.get("dailyWeights").get(50).get("weights").get("AAA").asDouble()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void composerCostsChargeSlippageAndFees() throws Exception {
        Path flip = Files.writeString(dir.resolve("flip.clj"), "(defsymphony \"f\" {}\n"
                + "  (if (> (current-price \"AAA\") 100.5) [(asset \"BBB\")] [(asset \"AAA\")]))");

        int code = backtest(flip, "--data", data, "--costs", "composer", "--json");

        assertThat(code).as(err.toString()).isZero();
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("settings").get("slippageBps").asDouble()).isEqualTo(1.0);
        assertThat(root.get("settings").get("regulatoryFees").asBoolean()).isTrue();
        JsonNode paid = root.get("costsPaid");
        // 10,000 dollars bought on the first day, then one switch to BBB when AAA passes 100.5 (day 5): a sale of
        // about 10,004 dollars pays the 2024 TAF (about 100 shares: 2 cents) and an SEC fee of 8 dollars a million
        // in force then (1 cent, rounded up).
        assertThat(paid.get("tafFees").asDouble()).isCloseTo(0.02, within(1e-9));
        assertThat(paid.get("secFees").asDouble()).isCloseTo(0.09, within(1e-9));
        assertThat(paid.get("trading").asDouble()).isGreaterThan(1.0).isLessThan(3.1);
    }

    @Test
    void refusesACostPresetMixedWithBasisPointsOrUnknown() {
        assertThat(backtest(symphony, "--data", data, "--costs", "composer", "--slippage-bps", "2"))
                .isEqualTo(ExitCodes.INPUT);
        assertThat(err.toString()).contains("--costs composer sets the costs itself");
        assertThat(backtest(symphony, "--data", data, "--costs", "cheap")).isEqualTo(ExitCodes.INPUT);
        assertThat(err.toString()).contains("--costs cheap: expected none or composer");
        assertThat(backtest(symphony, "--data", data, "--anchor", "middle")).isEqualTo(ExitCodes.INPUT);
        assertThat(err.toString()).contains("--anchor middle: expected first or last");
    }

    @Test
    void theLastTradingDayAnchorMovesAMonthlyRebalanceToMonthEnd() throws Exception {
        int code = backtest(symphony, "--data", data, "--anchor", "last", "--json");

        assertThat(code).as(err.toString()).isZero();
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("settings").get("anchor").asText()).isEqualTo("LAST_TRADING_DAY");
        // The first day, then the last weekdays of January, February, March and April.
        assertThat(root.get("rebalances").asInt()).isEqualTo(5);
    }

    @Test
    void refusesAnUnknownFile() {
        int code = backtest(dir.resolve("missing.clj"), "--data", data);
        assertThat(code).isEqualTo(ExitCodes.INPUT);
        assertThat(err.toString()).contains("cannot read symphony").contains("missing.clj: no such file");
    }

    @Test
    void refusesWeightsThatDoNotSumToOne() throws Exception {
        Path second = Files.writeString(dir.resolve("b.clj"), "(asset \"BBB\")");
        assertThat(backtest(symphony, second, "--weights", "0.4,0.5", "--data", data)).isEqualTo(ExitCodes.INPUT);
        assertThat(err.toString()).contains("--weights 0.4,0.5 sums to 0.9; the weights must sum to 1");
    }

    @Test
    void refusesOneWeightPerFileMissing() {
        assertThat(backtest(symphony, "--weights", "0.5,0.5", "--data", data)).isEqualTo(ExitCodes.INPUT);
        assertThat(err.toString()).contains("gives 2 weights for 1 file");
    }

    @Test
    void namesASymbolWithoutData() throws Exception {
        Path noData = Files.writeString(dir.resolve("z.clj"),
                "(defsymphony \"z\" {} (weight-equal [(asset \"AAA\") (asset \"ZZZ\")]))");
        assertThat(backtest(noData, "--data", data)).isEqualTo(ExitCodes.INPUT);
        assertThat(err.toString()).contains("ZZZ").doesNotContain("Exception");
    }

    @Test
    void printsCompileErrorsWithTheirPosition() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.clj"), "(defsymphony \"x\" {}\n  (weight-equal [(asset)]))");
        assertThat(backtest(broken, "--data", data)).isEqualTo(ExitCodes.INPUT);
        assertThat(err.toString()).contains("broken.clj:2:").contains("error:");
    }

    @Test
    void refusesAnUnknownRule() {
        assertThat(backtest(symphony, "--data", data, "--rebalance", "hourly")).isEqualTo(ExitCodes.INPUT);
        assertThat(err.toString()).contains("--rebalance hourly: expected daily, weekly");
    }

    @Test
    void aStartBeforeTheHistoryHoldsCashUntilTheSymphonyCanEvaluate() throws Exception {
        Path rsi = Files.writeString(dir.resolve("rsi.clj"), "(defsymphony \"r\" {}\n"
                + "  (if (> (rsi \"AAA\" {:window 10}) 50) [(asset \"AAA\")] [(asset \"BBB\")]))");

        assertThat(backtest(rsi, "--data", data, "--from", "2024-01-03")).as(err.toString()).isZero();

        assertThat(out.toString()).contains("backtest 2024-01-03 ..")
                .contains("sleeve 'r' (100.00%): daily, held cash until 2024-01-15, when its history starts");
        out.getBuffer().setLength(0);
        assertThat(backtest(rsi, "--data", data, "--from", "2024-01-03", "--json")).isZero();
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("dailyWeights").get(7).get("weights").size()).as("2024-01-11: cash").isZero();
        assertThat(root.get("dailyWeights").get(8).get("date").asText()).isEqualTo("2024-01-15");
        assertThat(root.get("dailyWeights").get(8).get("weights").size()).isEqualTo(1);
        assertThat(root.get("sleeves").get(0).get("firstDay").asText()).isEqualTo("2024-01-15");
    }

    @Test
    void readsNoRowAfterTheLastDay() throws Exception {
        // A row after --to that the reader would refuse: a backtest ending before it never parses it.
        Path aaa = data.resolve("AAA.csv");
        Files.writeString(aaa, Files.readString(aaa) + "2030-01-02,,,,,not-a-price,\n");

        assertThat(backtest(symphony, "--data", data, "--to", "2024-03-29", "--json")).as(err.toString()).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).get("settings").get("to").asText())
                .isEqualTo("2024-03-29");

        out.getBuffer().setLength(0);
        assertThat(backtest(symphony, "--data", data)).as("without --to every row is read").isEqualTo(ExitCodes.INPUT);
        assertThat(err.toString()).contains("AAA.csv").contains("not-a-price");
    }

    @Test
    void refusesAMissingDataFolder() {
        assertThat(backtest(symphony, "--data", dir.resolve("nowhere"))).isEqualTo(ExitCodes.INPUT);
        assertThat(err.toString()).contains("nowhere").contains("does not exist");
    }
}
