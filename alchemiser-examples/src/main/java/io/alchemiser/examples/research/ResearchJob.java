package io.alchemiser.examples.research;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A job: the symphonies' sources, the units of work over them, the settings they share, where the prices are and
 * which symbols the units read. A plain serialisable value: a cluster ships it to every executor as it is.
 *
 * @param kind     {@code rank} or {@code sweep}
 * @param sources  the symphony files, as text
 * @param units    the units of work, indexed 0..n−1 in order
 * @param varied   for a sweep, the varied literals (their positions and grids); empty for rank
 * @param settings the backtest settings every unit shares
 * @param prices   where the prices are
 * @param symbols  every symbol the units may read (the benchmark included), alphabetically: the job's price table
 */
public record ResearchJob(Kind kind, List<SymphonySource> sources, List<Unit> units, List<Vary> varied,
        JobSettings settings, PriceSource prices, Set<String> symbols) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Which job. */
    public enum Kind {
        RANK, SWEEP
    }

    public ResearchJob {
        Objects.requireNonNull(kind, "kind");
        sources = List.copyOf(sources);
        units = List.copyOf(units);
        varied = List.copyOf(varied);
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(prices, "prices");
        symbols = java.util.Collections.unmodifiableSet(new TreeSet<>(symbols));
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            if (u.index() != i || u.source() >= sources.size() || u.parameters().size() != varied.size()) {
                throw new IllegalArgumentException("unit " + i + " does not fit the job (index " + u.index()
                        + ", source " + u.source() + ", " + u.parameters().size() + " parameters)");
            }
        }
    }
}
