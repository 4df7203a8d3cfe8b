package io.alchemiser.dsl.eval;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.portfolio.RebalanceRule;
import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.core.port.Strategy;
import io.alchemiser.dsl.compile.Symphony;
import io.alchemiser.dsl.compile.SymphonyOptions;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A compiled Composer symphony as a core {@link Strategy}. Holds no state: everything an evaluation caches (the
 * symphony's price table, indicator series, memoised subtrees) lives in the caller's {@link EvaluationSession}, so
 * a backtest that evaluates thousands of days in one session loads each symbol once and computes each indicator
 * series once, and a new run with a new session never sees an old one's bars. Thread-safe.
 */
public final class SymphonyStrategy implements Strategy {
    private final Symphony symphony;
    private final String name;
    private final EvaluationOptions options;
    private final Set<Symbol> symbols;

    /** The symphony under its own name. */
    public SymphonyStrategy(Symphony symphony) {
        this(symphony, symphony.name());
    }

    /** The symphony under a display name, unique among a run's strategies, with the default options. */
    public SymphonyStrategy(Symphony symphony, String name) {
        this(symphony, name, EvaluationOptions.DEFAULTS);
    }

    /**
     * The symphony under a display name, unique among a run's strategies, reporting decisions as {@code options}
     * say (e.g. the fragile margin).
     */
    public SymphonyStrategy(Symphony symphony, String name, EvaluationOptions options) {
        this.symphony = Objects.requireNonNull(symphony, "symphony");
        this.name = Objects.requireNonNull(name, "name");
        this.options = Objects.requireNonNull(options, "options");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a strategy name is not blank");
        }
        this.symbols = Collections.unmodifiableSet(new TreeSet<>(symphony.symbols()));
    }

    public Symphony symphony() {
        return symphony;
    }

    public EvaluationOptions options() {
        return options;
    }

    @Override
    public String name() {
        return name;
    }

    /** Every symbol the symphony holds as an asset or reads in a condition, alphabetically. */
    @Override
    public Set<Symbol> symbols() {
        return symbols;
    }

    /** The symphony's own rule: its {@code :rebalance-threshold} if it has one, else its {@code :rebalance-frequency}. */
    @Override
    public RebalanceRule rebalanceRule() {
        return ruleOf(symphony.options());
    }

    /** The rule {@code options} ask for: a corridor for {@code :rebalance-threshold}, else the frequency. */
    public static RebalanceRule ruleOf(SymphonyOptions options) {
        if (options.rebalanceThreshold().isPresent()) {
            return RebalanceRule.corridor(options.rebalanceThreshold().getAsDouble());
        }
        return RebalanceRule.every(RebalanceRule.Frequency.valueOf(options.rebalanceFrequency().name()));
    }

    /** See {@link SymphonyEvaluator#evaluate(Symphony, String, EvaluationSession, LocalDate, EvaluationOptions)}. */
    @Override
    public StrategyResult evaluate(EvaluationSession session, LocalDate asOf) {
        return SymphonyEvaluator.evaluate(symphony, name, session, asOf, options);
    }

    /** Weights only, without a decision path (see {@link SymphonyEvaluator#weights}). */
    @Override
    public Weights weights(EvaluationSession session, LocalDate asOf) {
        return SymphonyEvaluator.weights(symphony, session, asOf);
    }

    /**
     * The history start over the session's bars (the symbol and indicator that set it, with the node's position).
     *
     * @throws EvaluationException if some indicator never has enough history in the session's bars
     */
    @Override
    public Optional<io.alchemiser.core.domain.strategy.HistoryStart> historyStart(EvaluationSession session) {
        HistoryStart start = symphonyHistoryStart(session);
        return Optional.of(new io.alchemiser.core.domain.strategy.HistoryStart(start.date(),
                start.requirement() + " (" + start.position() + ")"));
    }

    /** The history start with the symbol and source position that set it (see {@link SymphonyEvaluator#historyStart}). */
    public HistoryStart symphonyHistoryStart(EvaluationSession session) {
        return SymphonyEvaluator.historyStart(symphony, session);
    }
}
