package io.alchemiser.examples.notify;

import io.alchemiser.core.domain.ClientOrderId;
import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.event.DomainEvent;
import io.alchemiser.core.domain.event.OrderFailed;
import io.alchemiser.core.domain.event.OrderFilled;
import io.alchemiser.core.domain.event.RunCompleted;
import io.alchemiser.core.domain.event.RunFailed;
import io.alchemiser.core.domain.event.RunStarted;
import io.alchemiser.core.domain.event.RunSummary;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.domain.ledger.TradeStatus;
import io.alchemiser.core.domain.portfolio.MergedPortfolio;
import io.alchemiser.core.domain.portfolio.PlannedTrade;
import io.alchemiser.core.domain.portfolio.RebalancePlan;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run, as its events tell it: QQQ sold, SPY bought (by "momentum" and a strategy named {@code <script>}),
 * UVXY's buy rejected. Equity $100,000.00 before, $101,000.00 after.
 */
final class RunFixtures {
    static final LocalDate DATE = LocalDate.of(2026, 7, 31);
    static final RunId RUN = RunId.forDate(DATE);
    static final Symbol SPY = Symbol.of("SPY");
    static final Symbol QQQ = Symbol.of("QQQ");
    static final Symbol UVXY = Symbol.of("UVXY");
    static final Instant AT = Instant.parse("2026-07-31T19:50:00Z");
    static final String SCRIPT = "<script>alert('x')</script>";
    static final String REJECTION = "rejected by the broker: insufficient buying power & no margin";

    private RunFixtures() {
    }

    static List<DomainEvent> completedRun(RunId run, LocalDate date, BigDecimal equityAfter, boolean dryRun) {
        String c = run.value();
        RunSummary summary = summary(run, date, equityAfter, dryRun);
        return List.of(new RunStarted("e1", c, "e1", AT, date, dryRun, List.of("momentum", SCRIPT)),
                new OrderFilled("e2", c, "e1", AT, ClientOrderId.of(run, 0, QQQ, Side.SELL, 0), QQQ, Side.SELL,
                        new BigDecimal("20"), new BigDecimal("480.10")),
                new OrderFilled("e3", c, "e1", AT, ClientOrderId.of(run, 0, SPY, Side.BUY, 1), SPY, Side.BUY,
                        new BigDecimal("10"), new BigDecimal("551.70")),
                new OrderFailed("e4", c, "e1", AT, ClientOrderId.of(run, 0, UVXY, Side.BUY, 0), UVXY, Side.BUY,
                        REJECTION),
                new RunCompleted("e5", c, "e1", AT, summary));
    }

    static List<DomainEvent> completedRun() {
        return completedRun(RUN, DATE, new BigDecimal("101000.00"), false);
    }

    static RunSummary summary(RunId run, LocalDate date, BigDecimal equityAfter, boolean dryRun) {
        Map<String, Double> spy = new LinkedHashMap<>();
        spy.put("momentum", 0.175);
        spy.put(SCRIPT, 0.075);
        List<TradeRecord> trades = dryRun ? List.of() : List.of(
                trade(run, date, QQQ, Side.SELL, TradeStatus.FILLED, "20", "480.1000", Map.of("momentum", 0.0), null),
                trade(run, date, SPY, Side.BUY, TradeStatus.FILLED, "10", "551.7000", spy, null),
                trade(run, date, UVXY, Side.BUY, TradeStatus.FAILED, "0", null, Map.of(SCRIPT, 0.4), REJECTION));
        return new RunSummary(run, date, dryRun, portfolio(), plan(), trades, new BigDecimal("100000.00"), equityAfter);
    }

    static TradeRecord trade(RunId run, LocalDate date, Symbol symbol, Side side, TradeStatus status, String filled,
            String price, Map<String, Double> attribution, String reason) {
        return new TradeRecord(run, 0, date, symbol, side, status, new BigDecimal(side == Side.SELL ? "20" : "10"),
                new BigDecimal(filled), price == null ? null : new BigDecimal(price), new BigDecimal("99.00"),
                new BigDecimal("99.10"), ClientOrderId.of(run, 0, symbol, side, 1), 2, attribution,
                List.of("momentum: m.clj:1:1 if: took then"), reason, AT);
    }

    static List<DomainEvent> failedRun(String reason) {
        String c = RUN.value();
        return List.of(new RunStarted("f1", c, "f1", AT, DATE, false, List.of("momentum")),
                new RunFailed("f2", c, "f1", AT, reason));
    }

    private static MergedPortfolio portfolio() {
        Map<Symbol, Double> w = new LinkedHashMap<>();
        w.put(SPY, 0.25);
        w.put(UVXY, 0.4);
        return new MergedPortfolio(new Weights(w), Map.of(SPY, Map.of("momentum", 0.175, SCRIPT, 0.075),
                UVXY, Map.of(SCRIPT, 0.4)));
    }

    private static RebalancePlan plan() {
        PlannedTrade sell = new PlannedTrade(QQQ, Side.SELL, new BigDecimal("20"), new BigDecimal("480.00"), 0.0,
                new BigDecimal("9600.00"), BigDecimal.ZERO, false, true);
        PlannedTrade spy = new PlannedTrade(SPY, Side.BUY, new BigDecimal("10"), new BigDecimal("551.50"), 0.25,
                new BigDecimal("19485.00"), new BigDecimal("25000.00"), false, false);
        PlannedTrade uvxy = new PlannedTrade(UVXY, Side.BUY, new BigDecimal("10"), new BigDecimal("40.00"), 0.4,
                new BigDecimal("39600.00"), new BigDecimal("40000.00"), false, false);
        return new RebalancePlan(new BigDecimal("100000.00"), new BigDecimal("30000.00"), BigDecimal.ZERO,
                List.of(sell), List.of(spy, uvxy), 1.0, List.of());
    }
}
