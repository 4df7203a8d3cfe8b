package io.alchemiser.examples.research;

import java.util.List;

/** What a research job's report gives: a {@link Leaderboard} for {@code rank}, a {@link SweepReport} for sweep. */
public interface ResearchReport {
    /** The report as a text table. */
    String text();

    /** The report as one JSON document. */
    String json();

    /** The names of the files {@link #writeTo} writes, the text table's first. */
    List<String> files();

    /** Writes every file of the report (text, CSV, JSON, HTML) to {@code sink}. */
    void writeTo(OutputSink sink);
}
