package io.alchemiser.dsl.eval;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.port.MarketData;
import io.alchemiser.core.port.Strategy;
import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.dsl.compile.Symphony;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A compiled Composer symphony as a core {@link Strategy}.
 *
 * <p><b>Caching.</b> {@link #evaluate(MarketData, LocalDate)} keeps one {@link EvaluationContext} for the last
 * {@link MarketData} instance it was given (compared by identity), so a backtest calling it for thousands of
 * consecutive dates loads each symbol once and computes each indicator series once. The first context of an
 * instance loads bars through the first date asked; when a later date is asked of the same instance, the context
 * is rebuilt once to load through that date plus one year, and reused until then. The source must answer the same
 * bars for as long as the instance is used: a run that appends a new live price must pass a new instance, or call
 * {@link #evaluate(EvaluationContext, LocalDate)} with a context of its own.
 *
 * <p>Thread-safe.
 */
public final class SymphonyStrategy implements Strategy {
    /** How far {@link #historyStart(MarketData)} reads: past any real data, so it sees all of it. */
    public static final LocalDate HISTORY_HORIZON = LocalDate.of(2100, 1, 1);

    private final Symphony symphony;
    private final String name;
    private final Set<Symbol> symbols;
    private EvaluationContext context; // guarded by this

    /** The symphony under its own name. */
    public SymphonyStrategy(Symphony symphony) {
        this(symphony, symphony.name());
    }

    /** The symphony under a display name, unique among a run's strategies. */
    public SymphonyStrategy(Symphony symphony, String name) {
        this.symphony = Objects.requireNonNull(symphony, "symphony");
        this.name = Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a strategy name is not blank");
        }
        this.symbols = Collections.unmodifiableSet(new TreeSet<>(symphony.symbols()));
    }

    public Symphony symphony() {
        return symphony;
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

    /** See {@link SymphonyEvaluator#evaluate(Symphony, String, EvaluationContext, LocalDate)}. */
    @Override
    public StrategyResult evaluate(MarketData marketData, LocalDate asOf) {
        Objects.requireNonNull(marketData, "marketData");
        Objects.requireNonNull(asOf, "asOf");
        return evaluate(contextFor(marketData, asOf), asOf);
    }

    /** Weights only, without a decision path (see {@link SymphonyEvaluator#weights}). */
    @Override
    public Weights weights(MarketData marketData, LocalDate asOf) {
        Objects.requireNonNull(marketData, "marketData");
        Objects.requireNonNull(asOf, "asOf");
        return SymphonyEvaluator.weights(symphony, contextFor(marketData, asOf), asOf);
    }

    /** Weights only, in a context the caller manages. */
    public Weights weights(EvaluationContext context, LocalDate asOf) {
        return SymphonyEvaluator.weights(symphony, context, asOf);
    }

    /**
     * The history start over everything {@code marketData} holds (the symbol and indicator that set it, with the
     * node's position); reads every symbol's whole history, through {@link #HISTORY_HORIZON}.
     */
    @Override
    public java.util.Optional<io.alchemiser.core.domain.strategy.HistoryStart> historyStart(MarketData marketData) {
        HistoryStart start = historyStart(EvaluationContext.create(marketData, HISTORY_HORIZON));
        return java.util.Optional.of(new io.alchemiser.core.domain.strategy.HistoryStart(start.date(),
                start.requirement() + " (" + start.position() + ")"));
    }

    /** Evaluates with a context the caller manages. */
    public StrategyResult evaluate(EvaluationContext context, LocalDate asOf) {
        return SymphonyEvaluator.evaluate(symphony, name, context, asOf);
    }

    /** See {@link SymphonyEvaluator#historyStart}. */
    public HistoryStart historyStart(EvaluationContext context) {
        return SymphonyEvaluator.historyStart(symphony, context);
    }

    private synchronized EvaluationContext contextFor(MarketData marketData, LocalDate asOf) {
        boolean same = context != null && context.marketData() == marketData;
        if (!same || asOf.isAfter(context.through())) {
            context = EvaluationContext.create(marketData, same ? asOf.plusYears(1) : asOf);
        }
        return context;
    }
}
