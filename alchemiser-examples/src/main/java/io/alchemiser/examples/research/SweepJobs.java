package io.alchemiser.examples.research;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.dsl.compile.Symphonies;
import io.alchemiser.dsl.compile.Symphony;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Plans a {@code sweep} job: one unit per combination of the varied literals' values. */
public final class SweepJobs {
    /** The most combinations one sweep may have. */
    public static final int MAX_UNITS = 100_000;

    private SweepJobs() {
    }

    /**
     * The job sweeping {@code file} over every combination of {@code requests}' values. Units run in row-major
     * order: the last varied literal changes fastest.
     *
     * @throws io.alchemiser.dsl.read.SymphonyException if the file does not compile, or a request does not name a
     *                                                  number ({@link Literals#resolve}), positioned
     * @throws IllegalArgumentException if no literal is varied, one is varied twice, or there are more than
     *                                  {@value #MAX_UNITS} combinations
     */
    public static ResearchJob plan(Path file, List<Vary.Request> requests, JobSettings settings, PriceSource prices) {
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("give at least one --vary LINE:COL=FROM..TO[/STEP]");
        }
        SymphonySource source = SymphonySource.read(file);
        Symphony base = source.problem() == null ? Symphonies.compile(source.file(), source.text())
                : Symphonies.compile(file); // throws the decoder's positioned diagnostic
        List<Vary> varied = new ArrayList<>();
        Set<String> positions = new HashSet<>();
        long combinations = 1;
        for (Vary.Request r : requests) {
            Vary v = Literals.resolve(source, r);
            if (!positions.add(v.position())) {
                throw new IllegalArgumentException("--vary " + r.text() + ": " + v.position() + " is varied twice");
            }
            varied.add(v);
            combinations *= v.values().size();
            if (combinations > MAX_UNITS) {
                throw new IllegalArgumentException("the --vary options give more than " + MAX_UNITS
                        + " combinations; vary fewer literals or use larger steps");
            }
        }
        List<Unit> units = new ArrayList<>();
        int[] at = new int[varied.size()];
        for (int n = 0; n < combinations; n++) {
            List<Unit.Parameter> parameters = new ArrayList<>();
            for (int k = 0; k < varied.size(); k++) {
                Vary v = varied.get(k);
                parameters.add(new Unit.Parameter(v.line(), v.column(), v.values().get(at[k])));
            }
            units.add(new Unit(n, 0, parameters));
            for (int k = varied.size() - 1; k >= 0 && ++at[k] == varied.get(k).values().size(); k--) {
                at[k] = 0;
            }
        }
        Set<String> symbols = new TreeSet<>(Set.of(Symbol.of(settings.benchmark()).value()));
        base.symbols().forEach(s -> symbols.add(s.value()));
        return new ResearchJob(ResearchJob.Kind.SWEEP, List.of(source), units, varied, settings, prices, symbols);
    }

    /** The index of the unit with the original values of every varied literal. */
    public static int originalUnit(ResearchJob job) {
        int index = 0;
        for (Vary v : job.varied()) {
            index = index * v.values().size() + v.originalIndex();
        }
        return index;
    }
}
