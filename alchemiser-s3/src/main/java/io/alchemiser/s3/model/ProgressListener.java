package io.alchemiser.s3.model;

/**
 * Follows a refresh or an import symbol by symbol. Calls arrive one at a time (the job serialises them), in the
 * order {@code started}, {@code advanced} once per symbol, {@code finished}.
 */
public interface ProgressListener {

    /** The job is about to process {@code total} symbols; {@code task} names it ("refresh", "import"). */
    void started(String task, int total);

    /** One more symbol is done; {@code done} of {@code total} are. */
    void advanced(SymbolOutcome outcome, int done, int total);

    /** The job is over. */
    void finished(RefreshReport report);

    /** A listener that ignores everything. */
    static ProgressListener silent() {
        return new ProgressListener() {
            @Override
            public void started(String task, int total) {
            }

            @Override
            public void advanced(SymbolOutcome outcome, int done, int total) {
            }

            @Override
            public void finished(RefreshReport report) {
            }
        };
    }
}
