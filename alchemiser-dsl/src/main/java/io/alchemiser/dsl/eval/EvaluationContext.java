package io.alchemiser.dsl.eval;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketData;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.dsl.compile.Symphony;
import io.alchemiser.dsl.eval.EvaluationException.Reason;
import io.alchemiser.dsl.indicator.IndicatorCache;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The state of one evaluation run over one market-data source: the bars of each symbol, loaded once; indicator
 * series, computed once per (symbol, indicator); and per symphony, what its ranked subtrees held on each day.
 * Evaluating many dates with one context costs little more than evaluating one.
 *
 * <p><b>Data.</b> Each symbol's bars are requested once, from {@link #EARLIEST} (all available history, which
 * seeds RSI) through {@link #through()}. Bars after an evaluated date are never read for it: every indicator value
 * and every return on a day uses closes up to and including that day only. The source must answer the same bars for
 * the context's whole life; a run that appends a new live price needs a new context.
 *
 * <p><b>Threading.</b> Safe to share between threads; evaluations of one symphony on different dates may run at
 * once. A context holds memory proportional to the data and the dates evaluated: drop it with the run.
 */
public final class EvaluationContext {
    /** The start of every bar request: before any listing, so the whole history is loaded. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private final MarketData marketData;
    private final LocalDate through;
    private final IndicatorCache indicators = new IndicatorCache();
    private final Map<Symbol, BarSeries> loaded = new HashMap<>();
    private final Map<Symphony, SymphonyRun> runs = new IdentityHashMap<>();

    private EvaluationContext(MarketData marketData, LocalDate through) {
        this.marketData = Objects.requireNonNull(marketData, "marketData");
        this.through = Objects.requireNonNull(through, "through");
    }

    /**
     * A context that loads bars from {@code marketData} through {@code through}, and can evaluate any date up to
     * it. A backtest passes its last date; a daily run passes the trading date.
     */
    public static EvaluationContext create(MarketData marketData, LocalDate through) {
        return new EvaluationContext(marketData, through);
    }

    public MarketData marketData() {
        return marketData;
    }

    /** The last date bars are loaded for, and so the last date this context can evaluate. */
    public LocalDate through() {
        return through;
    }

    /** The run state of {@code symphony}, loading the bars of its symbols on first use. */
    synchronized SymphonyRun run(Symphony symphony) {
        SymphonyRun run = runs.get(symphony);
        if (run == null) {
            run = new SymphonyRun(symphony, load(symphony), indicators);
            runs.put(symphony, run);
        }
        return run;
    }

    private List<BarSeries> load(Symphony symphony) {
        Set<Symbol> symbols = symphony.symbols();
        List<Symbol> missing = new ArrayList<>();
        for (Symbol symbol : symbols) {
            if (!loaded.containsKey(symbol)) {
                missing.add(symbol);
            }
        }
        if (!missing.isEmpty()) {
            Map<Symbol, BarSeries> answer;
            try {
                answer = marketData.dailyBars(missing, EARLIEST, through);
            } catch (MarketDataException e) {
                throw new EvaluationException(Reason.DATA_UNAVAILABLE, symphony.position(), null,
                        "the bars of this symphony's symbols could not be loaded: " + e.getMessage(), e);
            }
            for (Symbol symbol : missing) {
                BarSeries series = answer.get(symbol);
                if (series == null || !series.symbol().equals(symbol)) {
                    throw new EvaluationException(Reason.DATA_UNAVAILABLE, symphony.position(), null,
                            "the market data source answered no bars for " + symbol);
                }
                loaded.put(symbol, series.isEmpty() ? series : series.between(EARLIEST, through));
            }
        }
        List<BarSeries> out = new ArrayList<>(symbols.size());
        for (Symbol symbol : symbols) {
            out.add(loaded.get(symbol));
        }
        return out;
    }
}
