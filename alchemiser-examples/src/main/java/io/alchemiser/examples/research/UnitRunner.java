package io.alchemiser.examples.research;

import io.alchemiser.core.application.backtest.BacktestProgress;
import io.alchemiser.core.application.backtest.BacktestResult;
import io.alchemiser.core.application.backtest.Backtester;
import io.alchemiser.core.domain.strategy.HistoryStart;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.core.port.WeightedStrategy;
import io.alchemiser.dsl.compile.Symphonies;
import io.alchemiser.dsl.compile.Symphony;
import io.alchemiser.dsl.eval.EvaluationException;
import io.alchemiser.dsl.eval.SymphonyStrategy;
import io.alchemiser.dsl.read.SymphonyException;
import io.alchemiser.examples.format.Text;
import java.time.LocalDate;
import java.util.List;

/**
 * Runs one unit of work — the one piece of code both the local executor and Spark's tasks call, so a unit gives
 * the same result wherever it runs: compile the symphony (with the unit's literals replaced), backtest it by its own
 * rebalance rule in an evaluation session of its own over the shared price table, and split the curve.
 *
 * <p><b>The split.</b> Without {@code --oos-from} the in-sample statistics are the whole window's. With it, the
 * in-sample stretch runs from the window's first close to the last close before the out-of-sample start, and the
 * out-of-sample stretch from that close to the window's last: every daily return belongs to exactly one of them (the
 * first out-of-sample return is that of the first day on or after {@code --oos-from}), and each stretch's drawdowns
 * are measured from its own first close ({@link io.alchemiser.core.application.backtest.BacktestResult#statsBetween}).
 *
 * <p><b>Failures</b> are results, never exceptions: a symphony that does not compile, a symbol without data, a
 * history that starts too late for the window (after its end, or so late that no in-sample return is left, or that
 * the symphony first invests only out of sample), an evaluation that cannot be answered. Anything else is a bug,
 * recorded as {@link UnitResult.Failure#BUG} with the exception so one bad unit does not stop a job of thousands.
 */
public final class UnitRunner {
    private UnitRunner() {
    }

    /** The result of {@code unit} of {@code job} over {@code prices} (the job's price table). */
    public static UnitResult run(ResearchJob job, Unit unit, PriceHistory prices) {
        SymphonySource source = job.sources().get(unit.source());
        List<String> parameters = unit.parameters().stream().map(Unit.Parameter::text).toList();
        Attempt attempt = new Attempt(unit, source.file(), parameters);
        if (source.problem() != null) {
            return attempt.failed("", UnitResult.Failure.COMPILE, source.problem());
        }
        Symphony symphony;
        try {
            String text = parameters.isEmpty() ? source.text() : Literals.substitute(source.text(), unit.parameters());
            symphony = Symphonies.compile(source.file(), text);
        } catch (SymphonyException e) {
            int more = e.diagnostics().size() - 1;
            return attempt.failed("", UnitResult.Failure.COMPILE, e.diagnostics().get(0)
                    + (more > 0 ? " (and " + more + " more)" : ""));
        }
        try {
            return backtest(job.settings(), attempt, symphony, prices);
        } catch (EvaluationException e) {
            return attempt.failed(name(symphony), kind(e.reason()), e.getMessage());
        } catch (MarketDataException e) {
            return attempt.failed(name(symphony), UnitResult.Failure.MISSING_DATA, e.getMessage());
        } catch (RuntimeException e) {
            StackTraceElement[] trace = e.getStackTrace();
            return attempt.failed(name(symphony), UnitResult.Failure.BUG, e
                    + (trace.length > 0 ? " at " + trace[0] : ""));
        }
    }

    /** The symphony's name, or {@code symphony} for an unnamed one (a strategy's name is never blank). */
    private static String name(Symphony symphony) {
        return symphony.name().isBlank() ? "symphony" : symphony.name();
    }

    private static UnitResult backtest(JobSettings settings, Attempt attempt, Symphony symphony, PriceHistory prices) {
        String name = name(symphony);
        SymphonyStrategy strategy = new SymphonyStrategy(symphony, name);
        EvaluationSession session = EvaluationSession.open(prices, settings.to());
        LocalDate start = settings.from();
        if (start == null) {
            HistoryStart h = strategy.historyStart(session).orElse(null);
            if (h == null) {
                return attempt.tooLittle(name, "it cannot tell when its history starts; give --from");
            }
            if (h.date().isAfter(settings.to())) {
                return attempt.tooLittle(name, "its history starts on " + h.date() + " (" + h.setBy()
                        + "), after the window ends on " + settings.to());
            }
            start = h.date();
        }
        BacktestResult r = new Backtester().run(List.of(new WeightedStrategy(strategy, 1.0)), session,
                settings.backtestSettings(start), BacktestProgress.none());
        List<LocalDate> dates = r.dates();
        int last = dates.size() - 1;
        LocalDate invested = r.sleeves().get(0).firstDay();
        if (invested == null) {
            return attempt.tooLittle(name, "its history starts after the window ends on " + dates.get(last)
                    + ": it never invested");
        }
        if (last < 1) {
            return attempt.tooLittle(name, "the window holds one trading day, " + dates.get(0) + ": no daily return");
        }
        LocalDate oos = settings.oosFrom();
        if (oos == null) {
            return attempt.ran(name, invested, SegmentStats.of(dates.get(0), dates.get(last), r.statsBetween(0, last)),
                    null);
        }
        int split = lastBefore(dates, oos);
        if (split < 1) {
            return attempt.tooLittle(name, "the backtest starts on " + dates.get(0) + ", leaving no in-sample return "
                    + "before --oos-from " + oos);
        }
        if (split == last) {
            return attempt.failed(name, UnitResult.Failure.MISSING_DATA, "the benchmark has no trading day from "
                    + "--oos-from " + oos + " to " + settings.to());
        }
        if (!invested.isBefore(oos)) {
            return attempt.tooLittle(name, "it first invests on " + invested + ", on or after --oos-from " + oos
                    + ": its in-sample stretch is all cash");
        }
        return attempt.ran(name, invested, SegmentStats.of(dates.get(0), dates.get(split), r.statsBetween(0, split)),
                SegmentStats.of(dates.get(split), dates.get(last), r.statsBetween(split, last)));
    }

    /** The index of the last date before {@code day} ({@code -1} when none is). */
    private static int lastBefore(List<LocalDate> dates, LocalDate day) {
        int i = -1;
        while (i + 1 < dates.size() && dates.get(i + 1).isBefore(day)) {
            i++;
        }
        return i;
    }

    private static UnitResult.Failure kind(EvaluationException.Reason reason) {
        switch (reason) {
            case INSUFFICIENT_HISTORY:
                return UnitResult.Failure.TOO_LITTLE_HISTORY;
            case MISSING_BAR:
            case DATA_UNAVAILABLE:
                return UnitResult.Failure.MISSING_DATA;
            default:
                return UnitResult.Failure.EVALUATION;
        }
    }

    /** The unit being run, to make its result. */
    private record Attempt(Unit unit, String file, List<String> parameters) {
        UnitResult failed(String symphony, UnitResult.Failure failure, String reason) {
            return UnitResult.failed(unit, file, symphony, parameters, failure, Text.oneLine(reason));
        }

        UnitResult tooLittle(String symphony, String reason) {
            return failed(symphony, UnitResult.Failure.TOO_LITTLE_HISTORY, reason);
        }

        UnitResult ran(String symphony, LocalDate invested, SegmentStats inSample, SegmentStats outOfSample) {
            return new UnitResult(unit.index(), file, symphony, parameters, null, "", invested, inSample, outOfSample);
        }
    }
}
