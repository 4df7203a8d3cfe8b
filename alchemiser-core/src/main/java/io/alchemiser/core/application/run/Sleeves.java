package io.alchemiser.core.application.run;

import io.alchemiser.core.application.portfolio.SleeveHoldings;
import io.alchemiser.core.application.portfolio.SleeveMerger;
import io.alchemiser.core.application.portfolio.SleevePolicy;
import io.alchemiser.core.domain.Money;
import io.alchemiser.core.domain.Position;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.portfolio.MergedPortfolio;
import io.alchemiser.core.domain.portfolio.SleeveBook;
import io.alchemiser.core.domain.portfolio.SleeveDecision;
import io.alchemiser.core.port.WeightedStrategy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The daily run's sleeves: what each strategy holds, scaled every day to the broker's positions (the truth), each
 * deciding by its own rule ({@link SleevePolicy}) whether to trade back to its target or drift, and summed into the
 * account's target ({@link SleeveMerger}), so one netted set of orders moves the account — as Composer runs several
 * symphonies in one account.
 *
 * <p>The book starts empty: on the first day (or when the configured strategies change) every sleeve is new, worth
 * its allocation of the account's equity, and buys its target. Each later day the recorded book is scaled to the
 * positions: per symbol, every sleeve's shares by actual ÷ recorded (partial fills, splits, manual trades), and the
 * account's cash split in proportion to the sleeves' recorded cash (by allocation when none holds cash). A position no
 * sleeve holds belongs to no sleeve, so the plan sells it.
 */
final class Sleeves {
    private final SleevePolicy policy;

    Sleeves(SleevePolicy policy) {
        this.policy = policy;
    }

    /** One sleeve on the day: its holdings (scaled to the broker), value, last rebalance (null when new). */
    record Sleeve(WeightedStrategy strategy, SleeveHoldings holdings, Map<Symbol, BigDecimal> shares, BigDecimal cash,
            double value, LocalDate lastRebalance) {
        String name() {
            return strategy.strategy().name();
        }
    }

    /** The sleeves as they stand before today's decision, and notes for people. */
    record Standing(List<Sleeve> sleeves, List<String> notes) {
    }

    /**
     * Today's sleeves from the last recorded {@code book}, scaled to the broker's {@code positions} (valued at their
     * current prices) and {@code cash}.
     */
    Standing standing(Optional<SleeveBook> book, List<WeightedStrategy> strategies, List<Position> positions,
            BigDecimal cash, BigDecimal equity) {
        List<String> notes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        strategies.forEach(s -> names.add(s.strategy().name()));
        List<Sleeve> out = new ArrayList<>();
        if (book.isEmpty() || !book.get().sleeves().keySet().equals(names)) {
            if (book.isPresent()) {
                notes.add("the configured strategies changed (" + book.get().sleeves().keySet() + " to "
                        + new TreeSet<>(names) + "): every sleeve starts anew at its allocation of the equity");
            }
            for (WeightedStrategy s : strategies) {
                out.add(new Sleeve(s, SleeveHoldings.none(), Map.of(), BigDecimal.ZERO,
                        s.allocation() * equity.doubleValue(), null));
            }
            return new Standing(out, notes);
        }
        Map<Symbol, BigDecimal> actual = new TreeMap<>();
        Map<Symbol, BigDecimal> prices = new TreeMap<>();
        for (Position p : positions) {
            actual.put(p.symbol(), p.quantity());
            prices.put(p.symbol(), p.currentPrice());
        }
        Map<Symbol, BigDecimal> recorded = new TreeMap<>();
        BigDecimal recordedCash = BigDecimal.ZERO;
        for (SleeveBook.Sleeve sleeve : book.get().sleeves().values()) {
            sleeve.shares().forEach((s, q) -> recorded.merge(s, q, BigDecimal::add));
            recordedCash = recordedCash.add(sleeve.cash().max(BigDecimal.ZERO));
        }
        for (Map.Entry<Symbol, BigDecimal> e : recorded.entrySet()) {
            BigDecimal held = actual.getOrDefault(e.getKey(), BigDecimal.ZERO);
            if (held.compareTo(e.getValue()) != 0) {
                notes.add("sleeves recorded " + e.getValue().stripTrailingZeros().toPlainString() + " " + e.getKey()
                        + ", the broker holds " + held.stripTrailingZeros().toPlainString() + ": sleeves scaled to it");
            }
        }
        actual.keySet().stream().filter(s -> !recorded.containsKey(s)).forEach(s -> notes.add(s
                + " is held but belongs to no sleeve: it is sold"));
        BigDecimal spare = cash.max(BigDecimal.ZERO);
        for (WeightedStrategy s : strategies) {
            SleeveBook.Sleeve sleeve = book.get().sleeve(s.strategy().name()).orElseThrow();
            Map<Symbol, BigDecimal> shares = new TreeMap<>();
            sleeve.shares().forEach((symbol, q) -> {
                BigDecimal total = recorded.get(symbol);
                BigDecimal held = actual.getOrDefault(symbol, BigDecimal.ZERO);
                BigDecimal scaled = q.multiply(held).divide(total, Money.MATH).setScale(Money.FRACTIONAL_QTY_SCALE,
                        RoundingMode.DOWN);
                if (scaled.signum() > 0) {
                    shares.put(symbol, scaled);
                }
            });
            BigDecimal share = recordedCash.signum() > 0
                    ? sleeve.cash().max(BigDecimal.ZERO).divide(recordedCash, Money.MATH)
                    : Money.decimal(s.allocation());
            BigDecimal sleeveCash = Money.cash(spare.multiply(share));
            SleeveHoldings holdings = SleeveHoldings.ofShares(shares, prices, sleeveCash);
            out.add(new Sleeve(s, holdings, shares, sleeveCash, holdings.total(), sleeve.lastRebalance()));
        }
        return new Standing(out, notes);
    }

    boolean needsTarget(Sleeve sleeve, LocalDate date) {
        return policy.needsTarget(sleeve.strategy().strategy().rebalanceRule(), date, sleeve.lastRebalance());
    }

    SleeveDecision decide(Sleeve sleeve, LocalDate date, Weights target) {
        return policy.decide(sleeve.strategy().strategy().rebalanceRule(), date, sleeve.lastRebalance(),
                sleeve.holdings(), target);
    }

    /** The account's target: the sleeves' decided weights, each scaled by the sleeve's value. */
    static MergedPortfolio merge(List<Sleeve> sleeves, Map<String, SleeveDecision> decisions, BigDecimal equity) {
        List<SleeveMerger.SleeveTarget> targets = new ArrayList<>();
        double total = 0;
        for (Sleeve s : sleeves) {
            targets.add(new SleeveMerger.SleeveTarget(s.name(), s.value(), decisions.get(s.name()).weights()));
            total += s.value();
        }
        return new SleeveMerger().merge(targets, Math.max(equity.doubleValue(), total));
    }

    /**
     * What each sleeve will hold once the day's trades are done: a rebalancing sleeve its target at {@code prices}
     * (and today as its last rebalance), a drifting sleeve what it holds.
     */
    static SleeveBook after(List<Sleeve> sleeves, Map<String, SleeveDecision> decisions, Map<Symbol, BigDecimal> prices,
            LocalDate date) {
        Map<String, SleeveBook.Sleeve> out = new LinkedHashMap<>();
        for (Sleeve s : sleeves) {
            SleeveDecision d = decisions.get(s.name());
            if (!d.rebalances()) {
                out.put(s.name(), new SleeveBook.Sleeve(s.shares(), s.cash(), s.lastRebalance() == null ? date
                        : s.lastRebalance()));
                continue;
            }
            BigDecimal value = Money.decimal(s.value());
            Map<Symbol, BigDecimal> shares = new TreeMap<>();
            BigDecimal invested = BigDecimal.ZERO;
            for (Map.Entry<Symbol, Double> w : d.weights().bySymbol().entrySet()) {
                BigDecimal price = prices.get(w.getKey());
                if (price == null) {
                    throw new IllegalStateException("no price for " + w.getKey() + " to book its sleeve");
                }
                BigDecimal dollars = value.multiply(Money.decimal(w.getValue()));
                shares.put(w.getKey(), dollars.divide(price, Money.MATH).setScale(Money.FRACTIONAL_QTY_SCALE,
                        RoundingMode.DOWN));
                invested = invested.add(dollars);
            }
            out.put(s.name(), new SleeveBook.Sleeve(shares, Money.cash(value.subtract(invested).max(BigDecimal.ZERO)),
                    date));
        }
        return new SleeveBook(out);
    }
}
