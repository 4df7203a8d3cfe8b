package io.alchemiser.s3.internal;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.s3.model.ProgressListener;
import io.alchemiser.s3.model.RefreshReport;
import io.alchemiser.s3.model.SymbolOutcome;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * Runs one piece of work per symbol on a bounded pool that lives for the job, reports each outcome to a
 * {@link ProgressListener} (calls serialised), and collects a {@link RefreshReport} in the symbols' order. Work that
 * throws a {@link RuntimeException} becomes a failed outcome for its symbol; the other symbols go on. A one-stage
 * {@link RefreshJob}.
 */
public final class SymbolJob {
    private SymbolJob() {
    }

    public static RefreshReport run(String task, List<Symbol> symbols, Function<Symbol, SymbolOutcome> work,
            int parallelism, ProgressListener progress) {
        List<Symbol> distinct = List.copyOf(new LinkedHashSet<>(symbols));
        try (RefreshJob job = new RefreshJob(task, distinct, parallelism, progress)) {
            job.finishEach(distinct, work);
            return job.report();
        }
    }
}
