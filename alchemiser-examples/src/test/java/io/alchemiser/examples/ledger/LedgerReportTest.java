package io.alchemiser.examples.ledger;

import static io.alchemiser.examples.ledger.LedgerFixtures.RUN;
import static io.alchemiser.examples.ledger.LedgerFixtures.SPY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.ledger.TradeStatus;
import io.alchemiser.inmemory.InMemoryLedger;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerReportTest {
    private static final LocalDate EARLIER = LocalDate.of(2026, 7, 30);
    private static final RunId EARLIER_RUN = RunId.forDate(EARLIER);

    private final InMemoryLedger ledger = new InMemoryLedger();
    private final LedgerReport report = new LedgerReport(ledger);

    private void recordThreeTrades() {
        ledger.appendTrade(LedgerFixtures.trade(EARLIER_RUN, EARLIER, SPY, Side.BUY, TradeStatus.FILLED));
        ledger.appendTrade(LedgerFixtures.richTrade());
        ledger.appendTrade(LedgerFixtures.trade(RUN, LedgerFixtures.DATE, SPY, Side.SELL, TradeStatus.FAILED));
    }

    @Test
    void theTableShowsWhatWhenStatusPriceStrategiesAndWhy() {
        recordThreeTrades();

        String text = report.text(LedgerQuery.run(RUN));

        assertThat(text).startsWith("Trades for run run-2026-07-31: 2\n");
        List<String> lines = text.lines().toList();
        assertThat(lines.get(1)).startsWith("DATE").contains("SYMBOL", "STATUS", "AVG PRICE", "STRATEGIES");
        String brk = lines.stream().filter(l -> l.startsWith("2026-07-31") && l.contains("BRK.B")).findFirst()
                .orElseThrow();
        assertThat(brk).contains("run-2026-07-31", "BUY", "PARTIALLY_FILLED", "12.123456789", "10", "151.7000",
                "150.00", "zeta momentum 17.50%", "alpha <script> 33.33%");
        assertThat(text).contains("    order run-2026-07-31.0-BRK.B-B2, 3 attempts, recorded 2026-07-31T19:45:12.123456789Z")
                .contains("    reason: cancelled at the close after 10 of 12.123456789 filled")
                .contains("    why: zeta momentum: a.clj:3:5 if: SPY rsi(10) 72.1 > 70 -> then")
                .contains("    reason: rejected by the broker: insufficient buying power");
    }

    @Test
    void columnsLineUpUnderTheirHeaders() {
        recordThreeTrades();

        List<String> lines = report.text(LedgerQuery.all()).lines().toList();
        assertThat(lines.get(0)).isEqualTo("All trades: 3");
        String header = lines.get(1);
        int statusColumn = header.indexOf("STATUS");
        List<String> rows = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith("2026-")) {
                rows.add(l);
            }
        }
        assertThat(rows).hasSize(3);
        assertThat(rows).allSatisfy(r -> assertThat(r.substring(statusColumn)).matches(
                "(FILLED|PARTIALLY_FILLED|FAILED) .*"));
    }

    @Test
    void anEmptySelectionSaysSoInsteadOfPrintingAnEmptyTable() {
        recordThreeTrades();

        assertThat(report.text(LedgerQuery.since(LocalDate.of(2027, 1, 1))))
                .isEqualTo("No trades in the ledger for since 2027-01-01.\n");
        assertThat(report.json(LedgerQuery.symbol(io.alchemiser.core.domain.Symbol.of("QQQ"))).trim())
                .isEqualTo("[ ]");
        assertThat(new LedgerReport(new InMemoryLedger()).text(LedgerQuery.all())).isEqualTo("The ledger has no trades.\n");
    }

    @Test
    void jsonHasOneObjectPerTradeWithStableFieldNamesInOrder() throws Exception {
        recordThreeTrades();

        JsonNode array = new ObjectMapper().readTree(report.json(LedgerQuery.all()));

        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(3);
        List<String> names = new ArrayList<>();
        array.get(0).fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("runId", "tradingDate", "symbol", "side", "status", "plannedQuantity",
                "filledQuantity", "averageFillPrice", "bid", "ask", "clientOrderId", "attempts", "attribution",
                "decisionPath", "reason", "recordedAt");
        for (JsonNode trade : array) {
            List<String> each = new ArrayList<>();
            trade.fieldNames().forEachRemaining(each::add);
            assertThat(each).isEqualTo(names);
        }
    }

    @Test
    void jsonValuesAreExactAndNullsAreExplicit() throws Exception {
        ledger.appendTrade(LedgerFixtures.richTrade());
        ObjectMapper exact = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        String json = report.json(LedgerQuery.symbol(LedgerFixtures.BRK));

        assertThat(json).contains("\"averageFillPrice\" : 151.7000,").contains("\"filledQuantity\" : 10,");
        JsonNode t = exact.readTree(json).get(0);

        assertThat(t.get("runId").asText()).isEqualTo("run-2026-07-31");
        assertThat(t.get("tradingDate").asText()).isEqualTo("2026-07-31");
        assertThat(t.get("symbol").asText()).isEqualTo("BRK.B");
        assertThat(t.get("side").asText()).isEqualTo("BUY");
        assertThat(t.get("status").asText()).isEqualTo("PARTIALLY_FILLED");
        assertThat(t.get("plannedQuantity").isNumber()).isTrue();
        assertThat(t.get("plannedQuantity").decimalValue()).isEqualTo(new BigDecimal("12.123456789"));
        assertThat(t.get("filledQuantity").decimalValue()).isEqualByComparingTo("10");
        assertThat(t.get("averageFillPrice").decimalValue()).isEqualTo(new BigDecimal("151.7000"));
        assertThat(t.get("bid").decimalValue()).isEqualTo(new BigDecimal("150.00"));
        assertThat(t.get("ask").isNull()).isTrue();
        assertThat(t.get("clientOrderId").asText()).isEqualTo("run-2026-07-31.0-BRK.B-B2");
        assertThat(t.get("attempts").asInt()).isEqualTo(3);
        assertThat(t.get("attribution").get("zeta momentum").doubleValue()).isEqualTo(0.175);
        assertThat(t.get("attribution").get("alpha <script>").doubleValue()).isEqualTo(1.0 / 3.0);
        assertThat(t.get("decisionPath")).hasSize(2);
        assertThat(t.get("decisionPath").get(1).asText()).isEqualTo("alpha <script>: b.clj:1:1 filter: kept BRK.B, \"quoted\"");
        assertThat(t.get("reason").asText()).startsWith("cancelled at the close");
        assertThat(t.get("recordedAt").asText()).isEqualTo("2026-07-31T19:45:12.123456789Z");
    }

    @Test
    void aTradeWithoutReasonHasANullReason() throws Exception {
        ledger.appendTrade(LedgerFixtures.trade(RUN, LedgerFixtures.DATE, SPY, Side.BUY, TradeStatus.FILLED));

        JsonNode t = new ObjectMapper().readTree(report.json(LedgerQuery.run(RUN))).get(0);

        assertThat(t.has("reason")).isTrue();
        assertThat(t.get("reason").isNull()).isTrue();
    }

    @Test
    void eachQuerySelectsItsTradesInTheLedgersOrder() {
        recordThreeTrades();

        assertThat(report.trades(LedgerQuery.run(EARLIER_RUN))).extracting(t -> t.runId()).containsOnly(EARLIER_RUN);
        assertThat(report.trades(LedgerQuery.symbol(SPY))).extracting(t -> t.tradingDate())
                .containsExactly(EARLIER, LedgerFixtures.DATE);
        assertThat(report.trades(LedgerQuery.since(LedgerFixtures.DATE))).hasSize(2);
        assertThat(report.trades(LedgerQuery.all())).hasSize(3);
    }

    @Test
    void aReportOverTheJdbcLedgerMatchesTheInMemoryOne() {
        recordThreeTrades();
        try (JdbcLedger jdbc = new JdbcLedger("jdbc:h2:mem:ledger-report-test")) {
            ledger.tradesSince(EARLIER).forEach(jdbc::appendTrade);

            assertThat(new LedgerReport(jdbc).json(LedgerQuery.all())).isEqualTo(report.json(LedgerQuery.all()));
            assertThat(new LedgerReport(jdbc).text(LedgerQuery.all())).isEqualTo(report.text(LedgerQuery.all()));
        }
    }
}
