package io.alchemiser.examples.ledger;

import io.alchemiser.core.domain.ClientOrderId;
import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.ledger.RunRecord;
import io.alchemiser.core.domain.ledger.RunStatus;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.domain.ledger.TradeStatus;
import io.alchemiser.core.domain.portfolio.MergedPortfolio;
import io.alchemiser.core.domain.portfolio.PlannedTrade;
import io.alchemiser.core.domain.portfolio.RebalancePlan;
import io.alchemiser.core.domain.strategy.DecisionStep;
import io.alchemiser.core.domain.strategy.StrategyResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records with awkward values: decimals of every scale, ordered maps, non-finite doubles, nanoseconds. */
final class LedgerFixtures {
    static final LocalDate DATE = LocalDate.of(2026, 7, 31);
    static final RunId RUN = RunId.forDate(DATE);
    static final Symbol SPY = Symbol.of("SPY");
    static final Symbol BRK = Symbol.of("BRK/B");
    static final Instant AT = Instant.parse("2026-07-31T19:45:12.123456789Z");

    private LedgerFixtures() {
    }

    /** A partly filled buy whose decimals have scales 9, 0, negative (1E+2) and 4. */
    static TradeRecord richTrade() {
        Map<String, Double> attribution = new LinkedHashMap<>();
        attribution.put("zeta momentum", 0.175);
        attribution.put("alpha <script>", 1.0 / 3.0);
        return new TradeRecord(RUN, 0, DATE, BRK, Side.BUY, TradeStatus.PARTIALLY_FILLED, new BigDecimal("12.123456789"),
                new BigDecimal("1E+1"), new BigDecimal("151.7000"), new BigDecimal("150.00"), null,
                ClientOrderId.of(RUN, 0, BRK, Side.BUY, 2), 3, attribution,
                List.of("zeta momentum: a.clj:3:5 if: SPY rsi(10) 72.1 > 70 -> then",
                        "alpha <script>: b.clj:1:1 filter: kept BRK.B, \"quoted\""),
                "cancelled at the close after 10 of 12.123456789 filled", AT);
    }

    static TradeRecord trade(RunId run, LocalDate date, Symbol symbol, Side side, TradeStatus status) {
        return trade(run, date, symbol, side, status, 0);
    }

    static TradeRecord trade(RunId run, LocalDate date, Symbol symbol, Side side, TradeStatus status, int round) {
        boolean filled = status == TradeStatus.FILLED;
        return new TradeRecord(run, round, date, symbol, side, status, new BigDecimal("5"),
                filled ? new BigDecimal("5") : BigDecimal.ZERO, filled ? new BigDecimal("100.0100") : null,
                new BigDecimal("100.00"), new BigDecimal("100.02"), ClientOrderId.of(run, round, symbol, side, 0), 1,
                Map.of("momentum", 0.5), List.of("momentum: m.clj:2:3 if: took then"),
                status == TradeStatus.FAILED ? "rejected by the broker: insufficient buying power" : null, AT);
    }

    /** A PLANNED record with a portfolio, a plan with a sell and a buy, and two evaluations. */
    static RunRecord plannedRun() {
        Map<Symbol, Double> weights = new LinkedHashMap<>();
        weights.put(SPY, 0.175);
        weights.put(BRK, 0.5);
        Map<Symbol, Map<String, Double>> attribution = new LinkedHashMap<>();
        Map<String, Double> spy = new LinkedHashMap<>();
        spy.put("zeta", 0.1);
        spy.put("alpha", 0.075);
        attribution.put(SPY, spy);
        attribution.put(BRK, Map.of("alpha", 0.5));
        MergedPortfolio portfolio = new MergedPortfolio(new Weights(weights), attribution);
        PlannedTrade sell = new PlannedTrade(SPY, Side.SELL, new BigDecimal("3"), new BigDecimal("501.23"), 0.0,
                new BigDecimal("1503.69"), BigDecimal.ZERO.setScale(2), false, true);
        PlannedTrade buy = new PlannedTrade(BRK, Side.BUY, new BigDecimal("0.123456789"), new BigDecimal("410.5"),
                0.5, new BigDecimal("0"), new BigDecimal("50000.00"), true, false);
        RebalancePlan plan = new RebalancePlan(new BigDecimal("100000.00"), new BigDecimal("650000.00"),
                new BigDecimal("1E+3"), List.of(sell), List.of(buy), 0.75, List.of("buys scaled to 75%", "SPY: exit"));
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("rsi", 72.123456789);
        values.put("nan", Double.NaN);
        values.put("negative zero", -0.0);
        values.put("tiny", 4.9e-324);
        List<StrategyResult> evaluations = List.of(
                new StrategyResult("zeta", DATE, Weights.single(SPY),
                        List.of(new DecisionStep("if", "a.clj:3:5", "SPY rsi(10) 72.1 > 70", values),
                                new DecisionStep("if", "a.clj:9:5", "QQQ rsi(10) 70.2 > 70", Map.of("left", 70.2),
                                        java.util.Optional.of(new DecisionStep.Fragility(0.00285, 0.005))))),
                new StrategyResult("alpha", DATE, Weights.cashOnly(), List.of()));
        return new RunRecord(RUN, 0, DATE, RunStatus.PLANNED, AT, "1 sells, 1 buys", portfolio, plan, evaluations);
    }

    static RunRecord run(RunId run, LocalDate date, RunStatus status, Instant at) {
        return RunRecord.status(run, 0, date, status, at, status.name().toLowerCase(java.util.Locale.ROOT));
    }
}
