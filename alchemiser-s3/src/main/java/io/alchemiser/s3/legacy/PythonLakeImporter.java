package io.alchemiser.s3.legacy;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.s3.BlobStorage;
import io.alchemiser.s3.ParquetBarStore;
import io.alchemiser.s3.internal.ForeignBarReader;
import io.alchemiser.s3.internal.SymbolJob;
import io.alchemiser.s3.model.Adjustment;
import io.alchemiser.s3.model.DataLakeException;
import io.alchemiser.s3.model.LakeBar;
import io.alchemiser.s3.model.ProgressListener;
import io.alchemiser.s3.model.RefreshReport;
import io.alchemiser.s3.model.SymbolOutcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Converts the Python Alchemiser's data lake into this one. The Python lake keeps one file per symbol at
 * {@code {SYMBOL}/daily.parquet} under a bucket (or folder) root, share classes with an underscore ({@code BRK_B}
 * for {@code BRK.B}), written by pandas ({@code to_parquet(index=False, compression="snappy")}) with the columns
 * {@code timestamp, open, high, low, close, volume} and no metadata of this lake, which therefore refuses to read
 * such files directly. Each file is read with {@link ForeignBarReader} (which also accepts the usual variants: a
 * {@code date} column or a pandas index, an {@code adj close} column, string or INT96 timestamps) and written to the
 * target store in this lake's layout and schema, replacing the symbol's file atomically. The source is any
 * {@link BlobStorage}: a {@code LocalStorage} on a folder or an {@code S3Storage} on a bucket and prefix; it is only
 * read.
 *
 * <p>The Python lake's {@code close} was Alpaca's bar close as fetched, with no adjustment requested (Alpaca's
 * default is raw). Without an adjusted-close column, that close becomes this lake's adjusted close (what indicators
 * read, as they did in Python) and the raw close is left unknown; a day-over-day move that looks exactly like a
 * split (a 2:1 drop to within 3%) is reported in the outcome as a possible unadjusted split, because indicators
 * across it are wrong until the symbol is re-created from an adjusted source (delete its file and run
 * {@code data refresh}).
 *
 * <p>Per symbol the outcome is fetched ("imported N bars") or failed with the file's location and row; a failed
 * symbol leaves the target untouched and the others go on.
 */
public final class PythonLakeImporter {
    /** The file name of a symbol's bars in the Python lake. */
    public static final String FILE = "daily.parquet";
    private static final double SPLIT_MOVE = 0.45;

    private final ParquetBarStore target;
    private final int parallelism;
    private final ProgressListener progress;

    public PythonLakeImporter(ParquetBarStore target, int parallelism, ProgressListener progress) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        this.target = Objects.requireNonNull(target, "target");
        this.parallelism = parallelism;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** The key of a symbol's file in the Python lake: {@code BRK_B/daily.parquet} for {@code BRK.B}. */
    public static String keyOf(Symbol symbol) {
        return symbol.value().replace('.', '_') + "/" + FILE;
    }

    /**
     * The symbols with a {@code {SYMBOL}/daily.parquet} in {@code source}, sorted; other keys (metadata.json, reports,
     * folders that are not symbols) are ignored.
     */
    public static List<Symbol> symbolsIn(BlobStorage source) {
        TreeSet<Symbol> symbols = new TreeSet<>();
        for (String key : source.list("")) {
            int slash = key.indexOf('/');
            if (slash > 0 && key.substring(slash + 1).equals(FILE)) {
                try {
                    symbols.add(Symbol.of(key.substring(0, slash).replace('_', '.')));
                } catch (IllegalArgumentException e) {
                    // Not a symbol folder.
                }
            }
        }
        return new ArrayList<>(symbols);
    }

    /** Imports every symbol of the Python lake in {@code source}. */
    public RefreshReport importAll(BlobStorage source) {
        return importSymbols(source, symbolsIn(source));
    }

    /** Imports {@code symbols} from the Python lake in {@code source}. */
    public RefreshReport importSymbols(BlobStorage source, Collection<Symbol> symbols) {
        return SymbolJob.run("import", new ArrayList<>(symbols), s -> importOne(source, s), parallelism, progress);
    }

    private SymbolOutcome importOne(BlobStorage source, Symbol symbol) {
        String key = keyOf(symbol);
        String location = source.locate(key);
        byte[] file = source.read(key).orElseThrow(() -> new DataLakeException(location + " does not exist"));
        ForeignBarReader.Result read = ForeignBarReader.read(location, file);
        List<LakeBar> bars = read.bars();
        target.write(symbol, bars);
        StringBuilder detail = new StringBuilder("imported ").append(bars.size()).append(" bars ")
                .append(bars.get(0).date()).append("..").append(bars.get(bars.size() - 1).date()).append(" from ")
                .append(location).append(read.hadAdjustedClose() ? " (adjusted close from column '"
                        + read.columns().get("adj") + "')" : " (its close taken as the adjusted close)");
        if (!read.hadAdjustedClose()) {
            for (String warning : possibleUnadjustedSplits(symbol, bars)) {
                detail.append("; ").append(warning);
            }
        }
        return SymbolOutcome.fetched(symbol, bars.size(), detail.toString());
    }

    /** Day-over-day moves of 45% or more that match a split ratio: the signature of prices never split-adjusted. */
    private static List<String> possibleUnadjustedSplits(Symbol symbol, List<LakeBar> bars) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i < bars.size(); i++) {
            double ratio = bars.get(i).adjClose().doubleValue() / bars.get(i - 1).adjClose().doubleValue();
            if (Math.abs(ratio - 1) < SPLIT_MOVE) {
                continue;
            }
            Adjustment a = Adjustment.classify(symbol, bars.get(i - 1).date(), ratio);
            if (a.kind() == Adjustment.Kind.SPLIT) {
                out.add(String.format(Locale.ROOT, "possible unadjusted %s on %s (close x%.4f overnight): re-create "
                        + "the symbol from an adjusted source", a.label(), bars.get(i).date(), ratio));
            }
        }
        return out;
    }
}
