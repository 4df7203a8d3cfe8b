package io.alchemiser.examples.research;

import java.nio.file.Path;

/**
 * Where the {@code rank} and {@code sweep} commands run their units and put their files: this machine
 * ({@link #local()}), or a cluster (the {@code alchemiser-spark} module's engine). The commands are the same code
 * either way; only these two answers differ.
 */
public interface ResearchEngine {
    /** The executor of a job; {@code jobs} is {@code --jobs} (threads on this machine; a cluster sizes itself). */
    UnitExecutor executor(int jobs);

    /** Where the report files go for {@code --out LOCATION}. */
    OutputSink output(String location);

    /** This machine: {@code jobs} threads, files in a local folder. */
    static ResearchEngine local() {
        return new ResearchEngine() {
            @Override
            public UnitExecutor executor(int jobs) {
                return new LocalExecutor(jobs);
            }

            @Override
            public OutputSink output(String location) {
                return OutputSink.directory(Path.of(location));
            }
        };
    }
}
