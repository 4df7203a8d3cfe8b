package io.alchemiser.s3;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.core.port.Scheduler;
import io.alchemiser.core.port.Strategy;
import io.alchemiser.s3.internal.BatchFetcher;
import io.alchemiser.s3.internal.LakeMerge;
import io.alchemiser.s3.internal.RefreshJob;
import io.alchemiser.s3.model.Adjustment;
import io.alchemiser.s3.model.LakeBar;
import io.alchemiser.s3.model.ProgressListener;
import io.alchemiser.s3.model.RefreshReport;
import io.alchemiser.s3.model.SymbolOutcome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Brings the data lake up to date from a source {@link PriceHistory} (Alpaca, a CSV folder, ...), fetching only what
 * is missing plus a few days to re-check, with few requests.
 *
 * <p>Per symbol:
 * <ul>
 *   <li>no file yet: fetch {@code historyStart..through} and write it (fetched, "created");</li>
 *   <li>otherwise fetch from the first of the last {@link Builder#recheckDays(int) N} stored days (default
 *       {@value #DEFAULT_RECHECK_DAYS}) to {@code through}: the newer bars are appended, and the re-checked days are
 *       compared with the source. A source that reports them on another scale has re-adjusted history for a split or
 *       a dividend (also one applied the same day, after the file was last refreshed): the stored history is
 *       rescaled onto the source's scale, volumes inversely for splits, and each {@link Adjustment} is reported
 *       (see {@link LakeMerge}). The file is rewritten atomically (fetched, "appended" and/or "rescaled");</li>
 *   <li>nothing new and nothing re-adjusted: skipped, nothing written. With {@code recheckDays(0)} a file that
 *       already reaches {@code through} is skipped without asking the source;</li>
 *   <li>any error (source, corrupt stored file, storage, another writer changing the file meanwhile): failed with the
 *       reason, and the stored file is untouched. A corrupt file is never overwritten silently.</li>
 * </ul>
 *
 * <p><b>Requests.</b> Symbols that need the same range are fetched together with the source's batched call, in
 * batches of at most {@link Builder#batchSize(int) batchSize} symbols (default {@value #DEFAULT_BATCH_SIZE}) and about
 * {@value BatchFetcher#MAX_POINTS_PER_BATCH} bars; a daily refresh of 100 symbols is one batched call. A failing
 * batch is split to isolate the failing symbols ({@link BatchFetcher}). Up to {@code parallelism} batches are fetched
 * at once, and as many files are read and written at once.
 *
 * <p><b>Which day.</b> {@code through} must be a session that has closed, or a stored bar would later look like a
 * re-adjustment. {@link #refresh(Collection)} takes it from the market calendar the caller gives
 * ({@link Builder#calendar(Scheduler)}: the broker's): the last session before the market clock's today, never the
 * machine's date; with a calendar, an explicit {@code through} on or after that today is refused.
 */
public final class DataLakeRefresher {
    public static final int DEFAULT_PARALLELISM = 4;
    /** Default first day fetched for a symbol new to the lake. */
    public static final LocalDate DEFAULT_HISTORY_START = LocalDate.of(2000, 1, 1);
    /** Default number of stored days fetched again on every refresh to catch re-adjustments. */
    public static final int DEFAULT_RECHECK_DAYS = 5;
    /** Default largest number of symbols in one batched source call. */
    public static final int DEFAULT_BATCH_SIZE = 100;

    private final ParquetBarStore store;
    private final BatchFetcher fetcher;
    private final Scheduler calendar;
    private final LocalDate historyStart;
    private final int parallelism;
    private final int recheckDays;
    private final int batchSize;
    private final ProgressListener progress;

    private DataLakeRefresher(Builder b) {
        this.store = b.store;
        this.fetcher = new BatchFetcher(b.source);
        this.calendar = b.calendar;
        this.historyStart = b.historyStart;
        this.parallelism = b.parallelism;
        this.recheckDays = b.recheckDays;
        this.batchSize = b.batchSize;
        this.progress = b.progress;
    }

    /** A refresher writing to {@code store} from {@code source}, with the defaults of {@link Builder}. */
    public static Builder builder(ParquetBarStore store, PriceHistory source) {
        return new Builder(store, source);
    }

    /** Every symbol the strategies read or allocate to ({@link Strategy#symbols()}), sorted and distinct. */
    public static SortedSet<Symbol> symbolsOf(Collection<? extends Strategy> strategies) {
        SortedSet<Symbol> symbols = new TreeSet<>();
        for (Strategy s : strategies) {
            symbols.addAll(s.symbols());
        }
        return symbols;
    }

    /** Refreshes every symbol the strategies mention, through {@link #lastClosedSession()}. */
    public RefreshReport refreshStrategies(Collection<? extends Strategy> strategies) {
        return refresh(symbolsOf(strategies));
    }

    /** Refreshes {@code symbols} through {@link #lastClosedSession()}. */
    public RefreshReport refresh(Collection<Symbol> symbols) {
        return refresh(symbols, lastClosedSession());
    }

    /**
     * The last session before the market clock's today, per the calendar given to the builder.
     *
     * @throws IllegalStateException if the builder was given no calendar
     */
    public LocalDate lastClosedSession() {
        return calendar().previousSession(calendar().clock().today()).date();
    }

    /**
     * Refreshes {@code symbols} so their files reach {@code through} where the source has bars.
     *
     * @throws IllegalArgumentException if {@code through} is before the history start, or (with a calendar) not
     *     before the market's today
     */
    public RefreshReport refresh(Collection<Symbol> symbols, LocalDate through) {
        Objects.requireNonNull(through, "through");
        if (through.isBefore(historyStart)) {
            throw new IllegalArgumentException("through " + through + " is before the history start " + historyStart);
        }
        if (calendar != null) {
            LocalDate today = calendar.clock().today();
            if (!through.isBefore(today)) {
                throw new IllegalArgumentException("through " + through + " is not before the market's today " + today
                        + ": only sessions that have closed are stored");
            }
        }
        List<Symbol> distinct = new ArrayList<>(new LinkedHashSet<>(symbols));
        try (RefreshJob job = new RefreshJob("refresh", distinct, parallelism, progress)) {
            Map<LocalDate, List<Plan>> byStart = new LinkedHashMap<>();
            for (Optional<Plan> plan : job.eachSymbol(distinct, s -> plan(s, through))) {
                plan.ifPresent(p -> byStart.computeIfAbsent(p.from(), k -> new ArrayList<>()).add(p));
            }
            List<Runnable> batches = new ArrayList<>();
            byStart.forEach((from, plans) -> {
                Map<Symbol, Plan> bySymbol = new LinkedHashMap<>();
                plans.forEach(p -> bySymbol.put(p.symbol(), p));
                for (List<Symbol> batch : BatchFetcher.batches(new ArrayList<>(bySymbol.keySet()), from, through,
                        batchSize)) {
                    batches.add(() -> {
                        Map<Symbol, Object> fetched = fetcher.fetch(batch, from, through);
                        job.finishEach(batch, s -> apply(bySymbol.get(s), fetched.get(s), through));
                    });
                }
            });
            job.eachBatch(batches);
            return job.report();
        }
    }

    /**
     * What to fetch for one symbol: from {@code from} to the refresh's {@code through}; {@code stored} is the file
     * as read when planning (its bytes and version: merged into and conditionally replaced, so a file another
     * writer changes meanwhile is detected, not overwritten), empty for a symbol new to the lake.
     */
    private record Plan(Symbol symbol, LocalDate from, Optional<BlobStorage.Versioned> stored) {
    }

    /** The fetch a symbol needs, or empty when its outcome is already known (reported to the job). */
    private RefreshJob.Step<Plan> plan(Symbol symbol, LocalDate through) {
        Optional<BlobStorage.Versioned> object = store.readObject(symbol);
        Optional<List<LakeBar>> stored = store.snapshotOf(symbol, object).bars();
        if (stored.isEmpty()) {
            return RefreshJob.Step.next(new Plan(symbol, historyStart, object));
        }
        List<LakeBar> bars = stored.get();
        LocalDate last = bars.get(bars.size() - 1).date();
        LocalDate from = recheckDays == 0 ? last : bars.get(Math.max(0, bars.size() - recheckDays)).date();
        if (from.isAfter(through) || (recheckDays == 0 && !last.isBefore(through))) {
            return RefreshJob.Step.done(SymbolOutcome.skipped(symbol, "up to date through " + last));
        }
        return RefreshJob.Step.next(new Plan(symbol, from, object));
    }

    private SymbolOutcome apply(Plan plan, Object fetched, LocalDate through) {
        if (fetched instanceof RuntimeException) {
            throw (RuntimeException) fetched;
        }
        BarSeries series = (BarSeries) fetched;
        Symbol symbol = plan.symbol();
        if (plan.stored().isEmpty()) {
            if (series.isEmpty()) {
                return SymbolOutcome.failed(symbol, "the source has no bars between " + historyStart + " and "
                        + through);
            }
            List<LakeBar> bars = series.bars().stream().map(LakeBar::of).collect(Collectors.toList());
            store.write(symbol, bars, BlobStorage.Condition.absent());
            return SymbolOutcome.fetched(symbol, bars.size(), "created with " + bars.size() + " bars "
                    + series.firstDate() + ".." + series.lastDate());
        }
        ParquetBarStore.Snapshot snapshot = store.snapshotOf(symbol, plan.stored());
        List<LakeBar> stored = snapshot.bars().orElseThrow();
        LakeMerge.Result merge = LakeMerge.merge(symbol, stored, series);
        String detail = detail(stored, merge, plan.from(), through);
        if (!merge.changed()) {
            return SymbolOutcome.skipped(symbol, detail);
        }
        store.write(symbol, merge.bars(), snapshot.unchanged());
        return SymbolOutcome.fetched(symbol, merge.added().size(), detail, merge.adjustments());
    }

    private String detail(List<LakeBar> stored, LakeMerge.Result merge, LocalDate from, LocalDate through) {
        LocalDate last = stored.get(stored.size() - 1).date();
        List<LakeBar> added = merge.added();
        StringBuilder out = new StringBuilder();
        if (!added.isEmpty()) {
            out.append("appended ").append(added.size()).append(" bars ").append(added.get(0).date()).append("..")
                    .append(added.get(added.size() - 1).date());
        } else if (!merge.adjustments().isEmpty()) {
            out.append("no new bars");
        } else if (!last.isBefore(through)) {
            out.append("up to date through ").append(last).append("; ").append(merge.rechecked())
                    .append(merge.rechecked() == 1 ? " day" : " days").append(" re-checked, no adjustment");
        } else {
            out.append("the source has no bars after ").append(last).append(" through ").append(through);
        }
        if (!merge.adjustments().isEmpty()) {
            out.append("; history rescaled: ").append(merge.adjustments().stream().map(Adjustment::describe)
                    .collect(Collectors.joining("; ")));
        }
        if (merge.rechecked() == 0) {
            out.append("; adjustments not checked: the source has no bar between ").append(from).append(" and ")
                    .append(last);
        }
        return out.toString();
    }

    private Scheduler calendar() {
        if (calendar == null) {
            throw new IllegalStateException("no market calendar: build the refresher with calendar(scheduler) (the "
                    + "broker's) or pass the last day to refresh");
        }
        return calendar;
    }

    /** Builds a {@link DataLakeRefresher}. */
    public static final class Builder {
        private final ParquetBarStore store;
        private final PriceHistory source;
        private Scheduler calendar;
        private LocalDate historyStart = DEFAULT_HISTORY_START;
        private int parallelism = DEFAULT_PARALLELISM;
        private int recheckDays = DEFAULT_RECHECK_DAYS;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private ProgressListener progress = ProgressListener.silent();

        private Builder(ParquetBarStore store, PriceHistory source) {
            this.store = Objects.requireNonNull(store, "store");
            this.source = Objects.requireNonNull(source, "source");
        }

        /** The market calendar and clock (the broker's) that decide the last closed session. */
        public Builder calendar(Scheduler calendar) {
            this.calendar = Objects.requireNonNull(calendar, "calendar");
            return this;
        }

        /** The first day fetched for a symbol new to the lake. */
        public Builder historyStart(LocalDate historyStart) {
            this.historyStart = Objects.requireNonNull(historyStart, "historyStart");
            return this;
        }

        /** How many files are read and written, and how many batches fetched, at once. */
        public Builder parallelism(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
            }
            this.parallelism = parallelism;
            return this;
        }

        /**
         * How many of the last stored days are fetched again and compared on every refresh (default
         * {@value #DEFAULT_RECHECK_DAYS}); 0 fetches only from the last stored day, and skips a file that already
         * reaches {@code through} without asking the source.
         */
        public Builder recheckDays(int recheckDays) {
            if (recheckDays < 0) {
                throw new IllegalArgumentException("recheckDays must not be negative, got " + recheckDays);
            }
            this.recheckDays = recheckDays;
            return this;
        }

        /** The largest number of symbols in one batched source call (default {@value #DEFAULT_BATCH_SIZE}). */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Who hears about each symbol ({@link TerminalProgress#onStandardError()} for a terminal). */
        public Builder progress(ProgressListener progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        public DataLakeRefresher build() {
            return new DataLakeRefresher(this);
        }
    }
}
