package io.alchemiser.core.domain.portfolio;

import io.alchemiser.core.domain.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What each strategy of a merged portfolio holds — its sleeve — as the daily run left it: shares per symbol, cash,
 * and the day it last traded back to its target. Recorded with each planned run, so the next day's run knows each
 * sleeve's holdings and can let it drift or rebalance by its own rule. The broker's positions remain the truth:
 * each day the book is scaled to them before any decision.
 */
public record SleeveBook(Map<String, Sleeve> sleeves) {

    /** One strategy's holdings. {@code lastRebalance} is the day it last traded to its target (its first day included). */
    public record Sleeve(Map<Symbol, BigDecimal> shares, BigDecimal cash, LocalDate lastRebalance) {
        public Sleeve {
            TreeMap<Symbol, BigDecimal> copy = new TreeMap<>();
            shares.forEach((s, q) -> {
                if (Objects.requireNonNull(q, "shares").signum() < 0) {
                    throw new IllegalArgumentException(s + ": a sleeve holds no short position, got " + q);
                }
                if (q.signum() > 0) {
                    copy.put(Objects.requireNonNull(s, "symbol"), q);
                }
            });
            shares = Collections.unmodifiableMap(copy);
            Objects.requireNonNull(cash, "cash");
            Objects.requireNonNull(lastRebalance, "lastRebalance");
        }
    }

    public SleeveBook {
        sleeves = Collections.unmodifiableMap(new TreeMap<>(sleeves));
    }

    public Optional<Sleeve> sleeve(String strategy) {
        return Optional.ofNullable(sleeves.get(strategy));
    }
}
