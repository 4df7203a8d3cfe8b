package io.alchemiser.s3;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.s3.internal.BarChecks;
import io.alchemiser.s3.internal.BarFileCodec;
import io.alchemiser.s3.model.ConcurrentWriteException;
import io.alchemiser.s3.model.DataLakeException;
import io.alchemiser.s3.model.LakeBar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The daily-bar store of the data lake: one Parquet file per symbol on a {@link BlobStorage} backend, a local
 * directory ({@link #local(Path)}) or an S3 bucket ({@link #s3(S3Settings)}).
 *
 * <p><b>Layout:</b> {@code daily/symbol=<SYMBOL>/bars.parquet} under the backend's root (for S3, under the bucket
 * prefix), e.g. {@code s3://my-bucket/lake/daily/symbol=BRK.B/bars.parquet}. The timeframe comes first so other bar
 * sizes can live beside the daily ones, and the Hive-style {@code symbol=} folder lets query engines (DuckDB,
 * Spark, Athena, pyarrow) read the whole lake as one table with a {@code symbol} column. The schema is described in
 * {@link BarFileCodec}; each file records its schema version and symbol in its metadata.
 *
 * <p><b>Validation:</b> {@link #write} refuses an empty series, dates that do not strictly increase (duplicates
 * included) and invalid rows ({@link LakeBar}); every read checks the same and more, so a corrupt, foreign or
 * truncated file is a {@link DataLakeException} naming the symbol and its location, never an empty series.
 * <b>Atomicity:</b> a write replaces the file atomically ({@link BlobStorage#write}); a failed or interrupted write
 * leaves the previous file readable and unchanged. <b>Threading:</b> safe for concurrent use. Plain writes of the
 * same symbol race and the last complete write wins; a read-modify-write ({@link #snapshot} then
 * {@link #write(Symbol, List, BlobStorage.Condition)} with the snapshot's condition) fails with a
 * {@link ConcurrentWriteException} instead of overwriting another writer's update.
 */
public final class ParquetBarStore implements AutoCloseable {
    private static final String DAILY = "daily/";
    private static final String SYMBOL_FOLDER = "symbol=";
    private static final String FILE = "/bars.parquet";

    private final BlobStorage storage;

    public ParquetBarStore(BlobStorage storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    /** A store in the local directory {@code root}. */
    public static ParquetBarStore local(Path root) {
        return new ParquetBarStore(new LocalStorage(root));
    }

    /** A store in the S3 bucket and prefix of {@code settings}; {@link #close()} closes its S3 client. */
    public static ParquetBarStore s3(S3Settings settings) {
        return new ParquetBarStore(S3Storage.create(settings));
    }

    /** The backend. */
    public BlobStorage storage() {
        return storage;
    }

    /** The storage key of a symbol's bar file: {@code daily/symbol=SPY/bars.parquet}. */
    public static String keyOf(Symbol symbol) {
        return DAILY + SYMBOL_FOLDER + symbol.value() + FILE;
    }

    /** Where a symbol's bar file lives, for messages: a path or an {@code s3://} URI. */
    public String locationOf(Symbol symbol) {
        return storage.locate(keyOf(symbol));
    }

    /**
     * The symbol's bars, oldest first, or empty if the lake has no file for it.
     *
     * @throws DataLakeException if the file exists but is unreadable or corrupt
     */
    public Optional<List<LakeBar>> find(Symbol symbol) {
        return snapshot(symbol).bars();
    }

    /**
     * The symbol's bars as stored now, with the condition under which a {@link #write(Symbol, List,
     * BlobStorage.Condition) write} replaces exactly this state: the read-modify-write of a refresh.
     *
     * @throws DataLakeException if the file exists but is unreadable or corrupt
     */
    public Snapshot snapshot(Symbol symbol) {
        return snapshotOf(symbol, readObject(symbol));
    }

    /**
     * The symbol's file as stored, not decoded: its bytes and version, or empty when there is none. Cheap to keep
     * (a compressed file is a few tens of kilobytes); decode it with {@link #snapshotOf}.
     *
     * @throws DataLakeException if the backend fails
     */
    public Optional<BlobStorage.Versioned> readObject(Symbol symbol) {
        try {
            return storage.readVersioned(keyOf(symbol));
        } catch (DataLakeException e) {
            throw new DataLakeException(symbol + ": " + e.getMessage(), e);
        }
    }

    /**
     * The snapshot of an object {@link #readObject read} earlier: its bars, validated, and the condition that holds
     * while the file is still that object.
     *
     * @throws DataLakeException if the object is not a valid bar file of {@code symbol}
     */
    public Snapshot snapshotOf(Symbol symbol, Optional<BlobStorage.Versioned> object) {
        Optional<List<LakeBar>> bars = object.map(o -> BarFileCodec.decode(symbol, locationOf(symbol), o.content()));
        return new Snapshot(symbol, bars, BlobStorage.Condition.unchangedSince(object));
    }

    /**
     * A symbol's file as read at one moment.
     *
     * @param symbol the symbol
     * @param bars its bars, oldest first, or empty when the lake has no file for it
     * @param unchanged the write condition that holds only while the file is still in this state
     */
    public record Snapshot(Symbol symbol, Optional<List<LakeBar>> bars, BlobStorage.Condition unchanged) {
    }

    /**
     * The symbol's bars, oldest first.
     *
     * @throws DataLakeException if the lake has no file for the symbol, or the file is unreadable or corrupt
     */
    public List<LakeBar> read(Symbol symbol) {
        return find(symbol).orElseThrow(() -> new DataLakeException("no bars for " + symbol
                + " in the data lake: " + locationOf(symbol) + " does not exist (refresh or import the symbol)"));
    }

    /**
     * The symbol's bars as the domain sees them: {@code close} is the adjusted close.
     *
     * @throws DataLakeException as {@link #read(Symbol)}
     */
    public BarSeries readSeries(Symbol symbol) {
        List<LakeBar> bars = read(symbol);
        List<DailyBar> daily = new ArrayList<>(bars.size());
        for (LakeBar bar : bars) {
            daily.add(bar.toDailyBar());
        }
        return new BarSeries(symbol, daily);
    }

    /**
     * Replaces the symbol's bar file with {@code bars}, atomically and unconditionally (the last writer wins).
     *
     * @throws IllegalArgumentException if {@code bars} is empty, holds {@code null}, or its dates do not strictly
     *     increase (the message names the symbol and the offending row)
     * @throws DataLakeException if the backend fails; the previous file is then unchanged
     */
    public void write(Symbol symbol, List<LakeBar> bars) {
        write(symbol, bars, BlobStorage.Condition.none());
    }

    /**
     * Replaces the symbol's bar file with {@code bars}, atomically, if {@code condition} holds (typically
     * {@link Snapshot#unchanged()} of the snapshot the bars were computed from).
     *
     * @throws IllegalArgumentException as {@link #write(Symbol, List)}
     * @throws ConcurrentWriteException if another writer changed the file since the snapshot; nothing was written
     * @throws DataLakeException if the backend fails; the previous file is then unchanged
     */
    public void write(Symbol symbol, List<LakeBar> bars, BlobStorage.Condition condition) {
        Objects.requireNonNull(symbol, "symbol");
        List<LakeBar> copy = Collections.unmodifiableList(new ArrayList<>(bars));
        try {
            BarChecks.requireValidSeries(copy);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(symbol + ": refusing to write " + locationOf(symbol) + ": "
                    + e.getMessage(), e);
        }
        try {
            storage.write(keyOf(symbol), out -> BarFileCodec.encode(symbol, copy, out), condition);
        } catch (ConcurrentWriteException e) {
            throw new ConcurrentWriteException(symbol + ": " + e.getMessage(), e);
        } catch (DataLakeException e) {
            throw new DataLakeException(symbol + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the symbol's bar file with a domain series (raw close unknown); see {@link #write(Symbol, List)}. */
    public void writeSeries(BarSeries series) {
        List<LakeBar> bars = new ArrayList<>(series.size());
        for (DailyBar bar : series.bars()) {
            bars.add(LakeBar.of(bar));
        }
        write(series.symbol(), bars);
    }

    /** Every symbol with a bar file, sorted. Keys outside the layout are ignored. */
    public SortedSet<Symbol> symbols() {
        SortedSet<Symbol> symbols = new TreeSet<>();
        for (String key : storage.list(DAILY + SYMBOL_FOLDER)) {
            String rest = key.substring(DAILY.length() + SYMBOL_FOLDER.length());
            if (rest.endsWith(FILE) && rest.indexOf('/') == rest.length() - FILE.length()) {
                String name = rest.substring(0, rest.length() - FILE.length());
                try {
                    symbols.add(new Symbol(name));
                } catch (IllegalArgumentException e) {
                    // Not a symbol folder this store wrote; leave it alone.
                }
            }
        }
        return symbols;
    }

    /** Closes the backend (an S3 client it owns). */
    @Override
    public void close() {
        storage.close();
    }

    @Override
    public String toString() {
        return "ParquetBarStore[" + storage + "]";
    }
}
