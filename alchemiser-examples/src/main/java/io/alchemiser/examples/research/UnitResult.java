package io.alchemiser.examples.research;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What one unit of work came to: the in-sample and out-of-sample statistics of its backtest, or why it failed.
 * Equal results are equal records (doubles compared bit for bit, as {@link Double#compare} does), which is how the
 * Spark tests compare a cluster's results with this machine's.
 *
 * @param index        the unit's index in the job
 * @param file         the symphony file as the user named it
 * @param symphony     the symphony's name ({@code ""} when it did not compile)
 * @param parameters   the varied literals' values as written into the source, in the job's order (empty for rank)
 * @param failure      {@code null} when the backtest ran, else what kind of failure
 * @param reason       {@code ""} when it ran, else the reason for people, on one line
 * @param investedFrom the first day the symphony held its target (it holds cash before its history starts), or
 *                     {@code null} when it failed
 * @param inSample     statistics before the out-of-sample start (the whole window without one), or {@code null}
 * @param outOfSample  statistics from the out-of-sample start on, or {@code null} without a split or on failure
 */
public record UnitResult(int index, String file, String symphony, List<String> parameters, Failure failure,
        String reason, LocalDate investedFrom, SegmentStats inSample, SegmentStats outOfSample)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Why a unit failed; each is listed with its reason, never left out. */
    public enum Failure {
        /** The symphony (or the variant with the replaced literals) does not read or compile. */
        COMPILE("does not compile"),
        /** A symbol it needs has no bars in the data, or no bar on a day it reads. */
        MISSING_DATA("missing data"),
        /** Its history starts too late for the window (or for an indicator's window). */
        TOO_LITTLE_HISTORY("too little history"),
        /** It asks for something no data can answer. */
        EVALUATION("does not evaluate"),
        /** An internal error: a bug in Alchemiser, not the symphony's fault. */
        BUG("internal error");

        private final String label;

        Failure(String label) {
            this.label = label;
        }

        /** For people: {@code missing data}. */
        public String label() {
            return label;
        }
    }

    public UnitResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(symphony, "symphony");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(reason, "reason");
        if ((failure == null) != (inSample != null)) {
            throw new IllegalArgumentException("a unit either ran (in-sample statistics, no failure) or failed");
        }
    }

    /** A failed unit. */
    static UnitResult failed(Unit unit, String file, String symphony, List<String> parameters, Failure failure,
            String reason) {
        return new UnitResult(unit.index(), file, symphony, parameters, Objects.requireNonNull(failure, "failure"),
                reason, null, null, null);
    }

    /** Whether the backtest ran. */
    public boolean ok() {
        return failure == null;
    }

    /** The statistics a ranking reads: out-of-sample when there are some, else in-sample. */
    public SegmentStats ranked() {
        return outOfSample != null ? outOfSample : inSample;
    }

    /** The failure and its reason for people: {@code missing data: no bars for UNH ...}; {@code ""} when it ran. */
    public String failureText() {
        return failure == null ? "" : failure.label() + ": " + reason;
    }
}
