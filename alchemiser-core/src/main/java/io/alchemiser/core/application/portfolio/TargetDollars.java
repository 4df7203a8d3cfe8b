package io.alchemiser.core.application.portfolio;

import io.alchemiser.core.domain.Money;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns weights into cents so that the cents add up exactly: each symbol gets equity × weight rounded down to
 * the cent, and the cents left over (the rounded total minus the sum of the parts) go one by one to the largest
 * remainders, ties broken by symbol.
 */
final class TargetDollars {
    private TargetDollars() {
    }

    static Map<Symbol, BigDecimal> of(Weights weights, BigDecimal equity) {
        Map<Symbol, BigDecimal> out = new TreeMap<>();
        if (weights.isCashOnly()) {
            return out;
        }
        BigDecimal exactTotal = BigDecimal.ZERO;
        BigDecimal floorTotal = BigDecimal.ZERO;
        List<Map.Entry<Symbol, BigDecimal>> remainders = new ArrayList<>();
        for (Map.Entry<Symbol, Double> e : weights.bySymbol().entrySet()) {
            BigDecimal exact = equity.multiply(Money.decimal(e.getValue()));
            BigDecimal floor = exact.setScale(Money.CASH_SCALE, RoundingMode.FLOOR);
            out.put(e.getKey(), floor);
            exactTotal = exactTotal.add(exact);
            floorTotal = floorTotal.add(floor);
            remainders.add(Map.entry(e.getKey(), exact.subtract(floor)));
        }
        BigDecimal cent = BigDecimal.ONE.movePointLeft(Money.CASH_SCALE);
        int leftover = Money.cash(exactTotal).subtract(floorTotal).divide(cent).intValueExact();
        remainders.sort(Comparator.<Map.Entry<Symbol, BigDecimal>, BigDecimal>comparing(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        for (int i = 0; i < leftover && i < remainders.size(); i++) {
            out.merge(remainders.get(i).getKey(), cent, BigDecimal::add);
        }
        return out;
    }
}
