package io.alchemiser.core.testing;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.portfolio.RebalanceRule;
import io.alchemiser.core.domain.strategy.DecisionStep;
import io.alchemiser.core.domain.strategy.HistoryStart;
import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.core.port.Strategy;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * A strategy for tests of the services that run strategies (daily run, backtest, refresh): a name, the symbols it
 * reads, and a rule from (session, date) to weights. Like a real strategy it reads every symbol's bars through the
 * session before deciding, so missing or stale data fails it as it would fail a symphony; its decision path is one
 * step naming the strategy. Immutable; {@code with...} methods return changed copies.
 */
public final class TestStrategy implements Strategy {
    private final String name;
    private final Set<Symbol> symbols;
    private final BiFunction<EvaluationSession, LocalDate, Weights> rule;
    private final LocalDate historyStart;
    private final RebalanceRule rebalanceRule;

    private TestStrategy(String name, Set<Symbol> symbols, BiFunction<EvaluationSession, LocalDate, Weights> rule,
            LocalDate historyStart, RebalanceRule rebalanceRule) {
        this.name = name;
        this.symbols = Collections.unmodifiableSet(new TreeSet<>(symbols));
        this.rule = rule;
        this.historyStart = historyStart;
        this.rebalanceRule = rebalanceRule;
    }

    /** Always the same weights, e.g. {@code fixed("s1", Map.of("SPY", 0.5, "QQQ", 0.5))}. */
    public static TestStrategy fixed(String name, Map<String, Double> weights) {
        Map<Symbol, Double> w = new HashMap<>();
        weights.forEach((t, x) -> w.put(Symbol.of(t), x));
        Weights fixed = Weights.of(w);
        return new TestStrategy(name, w.keySet(), (session, date) -> fixed, null, RebalanceRule.daily());
    }

    /** Weights from a rule, reading {@code tickers}. */
    public static TestStrategy of(String name, BiFunction<EvaluationSession, LocalDate, Weights> rule,
            String... tickers) {
        Set<Symbol> symbols = new TreeSet<>();
        Arrays.stream(tickers).forEach(t -> symbols.add(Symbol.of(t)));
        return new TestStrategy(name, symbols, rule, null, RebalanceRule.daily());
    }

    /** This strategy, saying its history starts on {@code date} (set by "test"). */
    public TestStrategy withHistoryStart(LocalDate date) {
        return new TestStrategy(name, symbols, rule, date, rebalanceRule);
    }

    /** This strategy, reading {@code tickers} too (without allocating to them). */
    public TestStrategy reading(String... tickers) {
        Set<Symbol> more = new TreeSet<>(symbols);
        Arrays.stream(tickers).forEach(t -> more.add(Symbol.of(t)));
        return new TestStrategy(name, more, rule, historyStart, rebalanceRule);
    }

    /** This strategy with a rebalance rule of its own (the default is daily). */
    public TestStrategy withRebalanceRule(RebalanceRule newRule) {
        return new TestStrategy(name, symbols, rule, historyStart, java.util.Objects.requireNonNull(newRule, "rule"));
    }

    @Override
    public RebalanceRule rebalanceRule() {
        return rebalanceRule;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<Symbol> symbols() {
        return symbols;
    }

    @Override
    public StrategyResult evaluate(EvaluationSession session, LocalDate asOf) {
        session.bars(symbols);
        return new StrategyResult(name, asOf, rule.apply(session, asOf),
                List.of(new DecisionStep("if", name + ".clj:3:5", "took the then branch", Map.of("left", 1.0))));
    }

    @Override
    public Optional<HistoryStart> historyStart(EvaluationSession session) {
        return Optional.ofNullable(historyStart).map(d -> new HistoryStart(d, "test"));
    }

    @Override
    public String toString() {
        return "TestStrategy[" + name + "]";
    }
}
