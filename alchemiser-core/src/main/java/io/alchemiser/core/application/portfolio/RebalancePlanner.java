package io.alchemiser.core.application.portfolio;

import io.alchemiser.core.domain.Account;
import io.alchemiser.core.domain.Asset;
import io.alchemiser.core.domain.Money;
import io.alchemiser.core.domain.Position;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.portfolio.PlannedTrade;
import io.alchemiser.core.domain.portfolio.RebalancePlan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Plans the trades that move an account to target weights.
 *
 * <p>For every symbol targeted or held: target dollars = equity × weight (cents handed out by largest
 * remainder), difference = target − current market value. A positive difference is a buy, a negative one a
 * sell; a held symbol with no target is sold in full (its exact quantity). Trades below the minimum (dollars or
 * fraction of equity) are skipped, except full exits. Quantities are difference ÷ price rounded toward zero,
 * to whole shares unless fractional shares are on and the asset is fractionable. Buys never spend more than
 * current cash + the sells' proceeds − the cash reserve: if they would, every buy is scaled down by the same
 * factor and the plan says so.
 */
public final class RebalancePlanner {
    private final RebalanceSettings settings;

    public RebalancePlanner(RebalanceSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * @param assets what the broker says of each symbol targeted or held
     * @param prices the reference price of each symbol targeted (held symbols fall back to the position's price)
     * @throws IllegalArgumentException if a targeted symbol has no price or no asset entry
     */
    public RebalancePlan plan(Weights targets, Account account, List<Position> positions, Map<Symbol, Asset> assets,
            Map<Symbol, BigDecimal> prices) {
        BigDecimal equity = account.equity();
        Map<Symbol, Position> held = new TreeMap<>();
        for (Position p : positions) {
            held.put(p.symbol(), p);
        }
        Map<Symbol, BigDecimal> targetDollars = TargetDollars.of(targets, equity);
        TreeSet<Symbol> universe = new TreeSet<>(targetDollars.keySet());
        universe.addAll(held.keySet());

        BigDecimal minDollars = settings.minTradeDollars().max(equity.multiply(Money.decimal(settings.minTradeFraction())));
        List<PlannedTrade> sells = new ArrayList<>();
        List<PlannedTrade> buys = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Symbol symbol : universe) {
            Position position = held.get(symbol);
            BigDecimal current = position == null ? BigDecimal.ZERO : position.marketValue();
            BigDecimal target = targetDollars.getOrDefault(symbol, BigDecimal.ZERO);
            BigDecimal diff = target.subtract(current);
            boolean fullExit = position != null && target.signum() == 0 && position.quantity().signum() > 0;
            if (diff.signum() == 0) {
                continue;
            }
            Asset asset = assets.get(symbol);
            if (asset == null) {
                throw new IllegalArgumentException("no asset information for " + symbol);
            }
            if (!asset.tradable()) {
                notes.add(symbol + " is not tradable at the broker: kept as is (target $" + target + ", held $" + current + ")");
                continue;
            }
            if (!fullExit && diff.abs().compareTo(minDollars) < 0) {
                notes.add("skipped " + symbol + ": $" + Money.cash(diff.abs()) + " is below the minimum trade of $"
                        + Money.cash(minDollars));
                continue;
            }
            BigDecimal price = priceOf(symbol, prices, position);
            boolean fractional = settings.fractionalShares() && asset.fractionable();
            double weight = targets.weight(symbol);
            if (diff.signum() < 0) {
                BigDecimal qty = fullExit ? position.quantity()
                        : Money.quantity(diff.negate().divide(price, Money.MATH), fractional).min(heldQty(position));
                if (qty.signum() > 0) {
                    sells.add(new PlannedTrade(symbol, Side.SELL, qty, price, weight, current, target,
                            fractional || fullExit && qty.stripTrailingZeros().scale() > 0, fullExit));
                } else {
                    notes.add("skipped " + symbol + ": a sell of $" + Money.cash(diff.negate()) + " is less than one share");
                }
            } else {
                BigDecimal qty = Money.quantity(diff.divide(price, Money.MATH), fractional);
                if (qty.signum() > 0) {
                    buys.add(new PlannedTrade(symbol, Side.BUY, qty, price, weight, current, target, fractional, false));
                } else {
                    notes.add("skipped " + symbol + ": a buy of $" + Money.cash(diff) + " is less than one share at $" + price);
                }
            }
        }
        BigDecimal proceeds = sells.stream().map(PlannedTrade::notional).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal budget = account.cash().add(proceeds).subtract(settings.cashReserve());
        ScaledBuys scaled = scaleToBudget(buys, budget, notes);
        return new RebalancePlan(equity, account.cash(), settings.cashReserve(), sells, scaled.buys, scaled.scale, notes);
    }

    private record ScaledBuys(List<PlannedTrade> buys, double scale) {
    }

    /**
     * Scales buys down proportionally so their notional fits the budget. Quantities round toward zero, so the
     * scaled total never exceeds the budget.
     */
    public static ScaledBuysResult scale(List<PlannedTrade> buys, BigDecimal budget) {
        BigDecimal wanted = buys.stream().map(PlannedTrade::notional).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (buys.isEmpty() || wanted.compareTo(budget) <= 0) {
            return new ScaledBuysResult(buys, 1.0, wanted);
        }
        if (budget.signum() <= 0) {
            return new ScaledBuysResult(List.of(), 0.0, wanted);
        }
        BigDecimal factor = budget.divide(wanted, Money.MATH);
        List<PlannedTrade> out = new ArrayList<>();
        for (PlannedTrade t : buys) {
            BigDecimal qty = Money.quantity(t.quantity().multiply(factor), t.fractional());
            if (qty.signum() > 0) {
                out.add(t.withQuantity(qty));
            }
        }
        return new ScaledBuysResult(out, factor.doubleValue(), wanted);
    }

    /** Buys after scaling, the factor applied, and the notional the plan wanted before scaling. */
    public record ScaledBuysResult(List<PlannedTrade> buys, double scale, BigDecimal wanted) {
    }

    private ScaledBuys scaleToBudget(List<PlannedTrade> buys, BigDecimal budget, List<String> notes) {
        ScaledBuysResult r = scale(buys, budget);
        if (r.scale() < 1.0) {
            notes.add(String.format(java.util.Locale.ROOT,
                    "buys scaled to %.2f%% of plan: they need $%s but only $%s is available (cash + sells − reserve $%s)",
                    r.scale() * 100, Money.cash(r.wanted()), Money.cash(budget.max(BigDecimal.ZERO)),
                    Money.cash(settings.cashReserve())));
        }
        return new ScaledBuys(r.buys(), r.buys().isEmpty() && !buys.isEmpty() ? 0.0 : r.scale());
    }

    private static BigDecimal heldQty(Position position) {
        return position == null ? BigDecimal.ZERO : position.quantity();
    }

    private static BigDecimal priceOf(Symbol symbol, Map<Symbol, BigDecimal> prices, Position position) {
        BigDecimal price = prices.get(symbol);
        if (price == null && position != null) {
            price = position.currentPrice();
        }
        if (price == null || price.signum() <= 0) {
            throw new IllegalArgumentException("no price for " + symbol + ": cannot size its trade");
        }
        return price.setScale(Math.max(price.scale(), 0), RoundingMode.UNNECESSARY);
    }
}
