package io.alchemiser.core.application.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.domain.Account;
import io.alchemiser.core.domain.Asset;
import io.alchemiser.core.domain.Position;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.portfolio.PlannedTrade;
import io.alchemiser.core.domain.portfolio.RebalancePlan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RebalancePlannerTest {
    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Symbol SPY = Symbol.of("SPY");
    private static final Symbol UVXY = Symbol.of("UVXY");
    private static final Symbol TLT = Symbol.of("TLT");

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static Map<Symbol, Asset> assets(boolean fractionable, Symbol... symbols) {
        Map<Symbol, Asset> m = new HashMap<>();
        for (Symbol s : symbols) {
            m.put(s, new Asset(s, true, fractionable));
        }
        return m;
    }

    @Test
    void plansTheDesignWorkedExample() {
        Account account = new Account(d("1000000"), d("650000"), d("650000"));
        List<Position> positions = List.of(
                new Position(AAPL, d("1000"), d("200000"), d("200")),
                new Position(SPY, d("300"), d("150000"), d("500")));
        Weights targets = Weights.of(Map.of(AAPL, 0.10, SPY, 0.30, UVXY, 0.40));
        Map<Symbol, BigDecimal> prices = Map.of(AAPL, d("200"), SPY, d("500"), UVXY, d("40"));

        RebalancePlan plan = new RebalancePlanner(RebalanceSettings.defaults())
                .plan(targets, account, positions, assets(false, AAPL, SPY, UVXY), prices);

        assertThat(plan.sells()).singleElement().satisfies(t -> {
            assertThat(t.symbol()).isEqualTo(AAPL);
            assertThat(t.side()).isEqualTo(Side.SELL);
            assertThat(t.notional()).isEqualByComparingTo("100000");
            assertThat(t.quantity()).isEqualByComparingTo("500");
        });
        assertThat(plan.buys()).extracting(PlannedTrade::symbol).containsExactly(SPY, UVXY);
        assertThat(plan.buys().get(0).notional()).isEqualByComparingTo("150000");
        assertThat(plan.buys().get(1).notional()).isEqualByComparingTo("400000");
        assertThat(plan.buyScale()).isEqualTo(1.0);
        assertThat(plan.estimatedCashAfter()).isEqualByComparingTo("200000");
    }

    @Test
    void sellsASymbolNoLongerTargetedToExactlyZero() {
        Account account = new Account(d("10000"), d("0"), d("0"));
        List<Position> positions = List.of(new Position(TLT, d("12.345678901"), d("10000"), d("810.0")));
        RebalancePlan plan = new RebalancePlanner(RebalanceSettings.defaults())
                .plan(Weights.cashOnly(), account, positions, assets(false, TLT), Map.of());
        assertThat(plan.sells()).singleElement().satisfies(t -> {
            assertThat(t.fullExit()).isTrue();
            assertThat(t.quantity()).isEqualByComparingTo("12.345678901");
        });
    }

    @Test
    void skipsTradesBelowTheMinimumInDollarsOrPercent() {
        Account account = new Account(d("100000"), d("50050"), d("50050"));
        List<Position> positions = List.of(new Position(SPY, d("99.9"), d("49950"), d("500")));
        RebalanceSettings settings = new RebalanceSettings(d("10"), 0.005, BigDecimal.ZERO, true);
        RebalancePlan plan = new RebalancePlanner(settings)
                .plan(Weights.of(Map.of(SPY, 0.5)), account, positions, assets(true, SPY), Map.of(SPY, d("500")));
        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.notes()).singleElement().asString().contains("skipped SPY").contains("$50.00").contains("$500.00");
    }

    @Test
    void roundsWholeSharesTowardZeroAndUsesFractionsWhereAllowed() {
        Account account = new Account(d("1000"), d("1000"), d("1000"));
        Weights targets = Weights.of(Map.of(SPY, 0.5, UVXY, 0.5));
        Map<Symbol, Asset> assets = Map.of(SPY, new Asset(SPY, true, false), UVXY, new Asset(UVXY, true, true));
        RebalancePlan plan = new RebalancePlanner(RebalanceSettings.defaults())
                .plan(targets, account, List.of(), assets, Map.of(SPY, d("300"), UVXY, d("30")));
        assertThat(plan.trade(SPY).orElseThrow().quantity()).isEqualByComparingTo("1");
        assertThat(plan.trade(UVXY).orElseThrow().quantity()).isEqualByComparingTo("16.666666666");
    }

    @Test
    void scalesBuysDownToTheCashAvailableAndSaysSo() {
        Account account = new Account(d("10000"), d("6000"), d("6000"));
        List<Position> positions = List.of(new Position(TLT, d("40"), d("4000"), d("100")));
        Weights targets = Weights.of(Map.of(TLT, 0.4, SPY, 0.6));
        RebalanceSettings settings = new RebalanceSettings(BigDecimal.ONE, 0, d("3000"), true);
        RebalancePlan plan = new RebalancePlanner(settings)
                .plan(targets, account, positions, assets(true, TLT, SPY), Map.of(TLT, d("100"), SPY, d("100")));
        assertThat(plan.buys()).singleElement().satisfies(t -> assertThat(t.notional()).isEqualByComparingTo("3000"));
        assertThat(plan.buyScale()).isEqualTo(0.5);
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("buys scaled to 50.00%"));
    }

    @Test
    void leavesUntradableSymbolsAloneWithANote() {
        Account account = new Account(d("1000"), d("1000"), d("1000"));
        RebalancePlan plan = new RebalancePlanner(RebalanceSettings.defaults()).plan(Weights.single(SPY), account,
                List.of(), Map.of(SPY, new Asset(SPY, false, true)), Map.of(SPY, d("10")));
        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.notes()).singleElement().asString().contains("SPY is not tradable");
    }

    @Test
    void refusesToSizeATradeWithoutAPrice() {
        Account account = new Account(d("1000"), d("1000"), d("1000"));
        assertThatThrownBy(() -> new RebalancePlanner(RebalanceSettings.defaults()).plan(Weights.single(SPY), account,
                List.of(), assets(true, SPY), Map.of())).hasMessageContaining("no price for SPY");
    }

    @Test
    void targetDollarsAddUpToTheCentByLargestRemainder() {
        Weights thirds = Weights.of(Map.of(SPY, 1 / 3.0, TLT, 1 / 3.0, UVXY, 1 / 3.0));
        Map<Symbol, BigDecimal> dollars = TargetDollars.of(thirds, d("100.00"));
        assertThat(dollars.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100.00");
        // 33.333.. each: one spare cent, equal remainders, so the tie goes to the first symbol.
        assertThat(dollars).containsEntry(SPY, d("33.34")).containsEntry(TLT, d("33.33")).containsEntry(UVXY, d("33.33"));
    }

    record Scenario(Account account, List<Position> positions, Weights targets, Map<Symbol, BigDecimal> prices,
            BigDecimal reserve, boolean fractional) {
    }

    @Property(tries = 300)
    void neverSpendsMoreThanCashPlusProceedsLessReserve(@ForAll("scenarios") Scenario s) {
        RebalancePlan plan = plan(s);
        BigDecimal budget = s.account().cash().add(plan.sellNotional()).subtract(s.reserve()).max(BigDecimal.ZERO);
        assertThat(plan.buyNotional()).isLessThanOrEqualTo(budget);
    }

    @Property(tries = 300)
    void neverSellsWhatIsNotHeld(@ForAll("scenarios") Scenario s) {
        RebalancePlan plan = plan(s);
        Map<Symbol, BigDecimal> held = new TreeMap<>();
        s.positions().forEach(p -> held.put(p.symbol(), p.quantity()));
        for (PlannedTrade sell : plan.sells()) {
            assertThat(held).containsKey(sell.symbol());
            assertThat(sell.quantity()).isLessThanOrEqualTo(held.get(sell.symbol()));
        }
    }

    @Property(tries = 300)
    void sellsEveryHoldingThatIsNoLongerTargeted(@ForAll("scenarios") Scenario s) {
        RebalancePlan plan = plan(s);
        for (Position p : s.positions()) {
            if (s.targets().weight(p.symbol()) == 0) {
                assertThat(plan.trade(p.symbol())).hasValueSatisfying(t -> {
                    assertThat(t.fullExit()).isTrue();
                    assertThat(t.quantity()).isEqualByComparingTo(p.quantity());
                });
            }
        }
    }

    private static RebalancePlan plan(Scenario s) {
        Set<Symbol> all = new java.util.TreeSet<>(s.targets().bySymbol().keySet());
        s.positions().forEach(p -> all.add(p.symbol()));
        Map<Symbol, Asset> assets = new HashMap<>();
        all.forEach(sym -> assets.put(sym, new Asset(sym, true, s.fractional())));
        RebalanceSettings settings = new RebalanceSettings(BigDecimal.ONE, 0.001, s.reserve(), s.fractional());
        return new RebalancePlanner(settings).plan(s.targets(), s.account(), s.positions(), assets, s.prices());
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        List<Symbol> universe = List.of(SPY, TLT, UVXY, AAPL, Symbol.of("QQQ"), Symbol.of("GLD"));
        Arbitrary<List<Integer>> heldQty = Arbitraries.integers().between(0, 500).list().ofSize(universe.size());
        Arbitrary<List<Integer>> rawWeights = Arbitraries.integers().between(0, 10).list().ofSize(universe.size());
        Arbitrary<List<Integer>> cents = Arbitraries.integers().between(100, 100_000).list().ofSize(universe.size());
        Arbitrary<Integer> cash = Arbitraries.integers().between(0, 200_000);
        Arbitrary<Integer> reserve = Arbitraries.integers().between(0, 5_000);
        Arbitrary<Boolean> fractional = Arbitraries.of(true, false);
        return Combinators.combine(heldQty, rawWeights, cents, cash, reserve, fractional).as((q, w, c, cashDollars, res, frac) -> {
            List<Position> positions = new ArrayList<>();
            Map<Symbol, BigDecimal> prices = new HashMap<>();
            BigDecimal invested = BigDecimal.ZERO;
            for (int i = 0; i < universe.size(); i++) {
                BigDecimal price = BigDecimal.valueOf(c.get(i), 2);
                prices.put(universe.get(i), price);
                if (q.get(i) > 0) {
                    BigDecimal value = price.multiply(BigDecimal.valueOf(q.get(i)));
                    positions.add(new Position(universe.get(i), BigDecimal.valueOf(q.get(i)), value, price));
                    invested = invested.add(value);
                }
            }
            int total = w.stream().mapToInt(Integer::intValue).sum();
            Map<Symbol, Double> weights = new HashMap<>();
            for (int i = 0; i < universe.size() && total > 0; i++) {
                weights.put(universe.get(i), w.get(i) / (double) (total + 1));
            }
            BigDecimal cashAmount = BigDecimal.valueOf(cashDollars);
            Account account = new Account(invested.add(cashAmount), cashAmount, cashAmount);
            return new Scenario(account, positions, Weights.of(weights), prices, BigDecimal.valueOf(res), frac);
        });
    }
}
