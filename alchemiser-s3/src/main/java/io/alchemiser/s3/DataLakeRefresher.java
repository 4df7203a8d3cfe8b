package io.alchemiser.s3;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.core.port.Scheduler;
import io.alchemiser.core.port.Strategy;
import io.alchemiser.s3.internal.SymbolJob;
import io.alchemiser.s3.model.LakeBar;
import io.alchemiser.s3.model.ProgressListener;
import io.alchemiser.s3.model.RefreshReport;
import io.alchemiser.s3.model.SymbolOutcome;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Brings the data lake up to date from a source {@link PriceHistory} (Alpaca, a CSV folder, ...), fetching only what
 * is missing.
 *
 * <p>Per symbol:
 * <ul>
 *   <li>no file yet: fetch {@code historyStart..through} and write it (fetched, "created");</li>
 *   <li>file ends on or after {@code through}: nothing to do (skipped, "up to date"), no request is made;</li>
 *   <li>otherwise fetch {@code lastStoredDate..through}: the stored last day is fetched again as an overlap, the
 *       newer bars are appended, and the file is rewritten atomically (fetched, "appended"). If the source's
 *       adjusted close on the overlap day differs from the stored one by more than one part in a million, a split
 *       or dividend has re-adjusted history since the last refresh: every stored adjusted price (open, high, low,
 *       adjusted close; not the raw close) is multiplied by the ratio, as multiplicative back-adjustment does, so old
 *       and new bars stay on one scale without refetching years of history. The outcome says so;</li>
 *   <li>no newer bars at the source (a holiday, a weekend): skipped;</li>
 *   <li>any error (source, corrupt stored file, storage): failed with the reason, and the stored file is untouched.
 *       A corrupt file is never overwritten silently: delete or re-import it.</li>
 * </ul>
 * Symbols are processed in parallel (default {@value #DEFAULT_PARALLELISM}). {@code through} must be a session that
 * has closed: a bar stored mid-session would later look like a re-adjustment.
 */
public final class DataLakeRefresher {
    public static final int DEFAULT_PARALLELISM = 4;
    /** Default first day fetched for a symbol new to the lake. */
    public static final LocalDate DEFAULT_HISTORY_START = LocalDate.of(2000, 1, 1);
    /** Relative difference on the overlap day above which history is rescaled. */
    static final double ADJUSTMENT_TOLERANCE = 1e-6;

    private final ParquetBarStore store;
    private final PriceHistory source;
    private final Clock clock;
    private final LocalDate historyStart;
    private final int parallelism;
    private final ProgressListener progress;

    private DataLakeRefresher(Builder b) {
        this.store = b.store;
        this.source = b.source;
        this.clock = b.clock;
        this.historyStart = b.historyStart;
        this.parallelism = b.parallelism;
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

    /** Refreshes every symbol the strategies mention, through yesterday in {@code America/New_York}. */
    public RefreshReport refreshStrategies(Collection<? extends Strategy> strategies) {
        return refresh(symbolsOf(strategies));
    }

    /** Refreshes {@code symbols} through yesterday in {@code America/New_York} (per the clock). */
    public RefreshReport refresh(Collection<Symbol> symbols) {
        return refresh(symbols, LocalDate.now(clock.withZone(Scheduler.MARKET_ZONE)).minusDays(1));
    }

    /** Refreshes {@code symbols} so their files reach {@code through} where the source has bars. */
    public RefreshReport refresh(Collection<Symbol> symbols, LocalDate through) {
        Objects.requireNonNull(through, "through");
        if (through.isBefore(historyStart)) {
            throw new IllegalArgumentException("through " + through + " is before the history start " + historyStart);
        }
        List<Symbol> distinct = new ArrayList<>(new LinkedHashSet<>(symbols));
        return SymbolJob.run("refresh", distinct, s -> refreshOne(s, through), parallelism, progress);
    }

    private SymbolOutcome refreshOne(Symbol symbol, LocalDate through) {
        Optional<List<LakeBar>> stored = store.find(symbol);
        if (stored.isEmpty()) {
            return create(symbol, through);
        }
        List<LakeBar> existing = stored.get();
        LakeBar last = existing.get(existing.size() - 1);
        if (!last.date().isBefore(through)) {
            return SymbolOutcome.skipped(symbol, "up to date through " + last.date());
        }
        BarSeries fetched = source.dailyBars(symbol, last.date(), through);
        List<LakeBar> newer = new ArrayList<>();
        DailyBar overlap = null;
        for (DailyBar bar : fetched.bars()) {
            if (bar.date().isAfter(last.date())) {
                newer.add(LakeBar.of(bar));
            } else if (bar.date().equals(last.date())) {
                overlap = bar;
            }
        }
        if (newer.isEmpty()) {
            return SymbolOutcome.skipped(symbol, "the source has no bars after " + last.date() + " through " + through);
        }
        Adjusted adjusted = adjustToSource(existing, last, overlap);
        List<LakeBar> all = new ArrayList<>(adjusted.bars().size() + newer.size());
        all.addAll(adjusted.bars());
        all.addAll(newer);
        store.write(symbol, all);
        return SymbolOutcome.fetched(symbol, newer.size(), "appended " + newer.size() + " bars "
                + newer.get(0).date() + ".." + newer.get(newer.size() - 1).date() + adjusted.note());
    }

    private SymbolOutcome create(Symbol symbol, LocalDate through) {
        BarSeries fetched = source.dailyBars(symbol, historyStart, through);
        if (fetched.isEmpty()) {
            return SymbolOutcome.failed(symbol, "the source has no bars between " + historyStart + " and " + through);
        }
        List<LakeBar> bars = new ArrayList<>(fetched.size());
        for (DailyBar bar : fetched.bars()) {
            bars.add(LakeBar.of(bar));
        }
        store.write(symbol, bars);
        return SymbolOutcome.fetched(symbol, bars.size(), "created with " + bars.size() + " bars "
                + fetched.firstDate() + ".." + fetched.lastDate());
    }

    /** The stored bars on the source's current adjustment scale, and a note for the outcome when that changed them. */
    private record Adjusted(List<LakeBar> bars, String note) {
    }

    private static Adjusted adjustToSource(List<LakeBar> existing, LakeBar last, DailyBar overlap) {
        if (overlap == null) {
            return new Adjusted(existing, "; adjustments not checked: the source has no bar on " + last.date());
        }
        double ratio = overlap.close().doubleValue() / last.adjClose().doubleValue();
        if (Math.abs(ratio - 1) <= ADJUSTMENT_TOLERANCE) {
            return new Adjusted(existing, "");
        }
        return new Adjusted(rescale(existing, ratio), String.format(Locale.ROOT, "; history rescaled x%.6f: the "
                + "source's adjusted close on %s is %s, the lake had %s (split or dividend since the last refresh)",
                ratio, last.date(), overlap.close().toPlainString(), last.adjClose().toPlainString()));
    }

    private static List<LakeBar> rescale(List<LakeBar> bars, double ratio) {
        List<LakeBar> out = new ArrayList<>(bars.size());
        for (LakeBar bar : bars) {
            out.add(bar.rescaled(ratio));
        }
        return out;
    }

    /** Builds a {@link DataLakeRefresher}. */
    public static final class Builder {
        private final ParquetBarStore store;
        private final PriceHistory source;
        private Clock clock = Clock.systemUTC();
        private LocalDate historyStart = DEFAULT_HISTORY_START;
        private int parallelism = DEFAULT_PARALLELISM;
        private ProgressListener progress = ProgressListener.silent();

        private Builder(ParquetBarStore store, PriceHistory source) {
            this.store = Objects.requireNonNull(store, "store");
            this.source = Objects.requireNonNull(source, "source");
        }

        /** The clock that decides "yesterday" for {@link #refresh(Collection)}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The first day fetched for a symbol new to the lake. */
        public Builder historyStart(LocalDate historyStart) {
            this.historyStart = Objects.requireNonNull(historyStart, "historyStart");
            return this;
        }

        /** How many symbols are refreshed at once. */
        public Builder parallelism(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
            }
            this.parallelism = parallelism;
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
