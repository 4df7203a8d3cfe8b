package io.alchemiser.examples.notify;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account equity after each completed run, kept in a small tab-separated file so the next summary can say
 * how much was made or lost since. One line per record, appended:
 * {@code runId <TAB> tradingDate <TAB> equity <TAB> recordedAt}; lines starting with {@code #} are comments.
 *
 * <p>Why a file and not the ledger: the ledger's run records carry the equity a run planned against (before
 * it traded), not the equity after it, and the notifier must not write to the trade ledger. The file is a
 * convenience for people: a line that cannot be read is logged with its line number and skipped, never fatal.
 *
 * <p><b>Threading:</b> safe from several threads of one process.
 */
public final class EquityHistory {
    private static final Logger log = LoggerFactory.getLogger(EquityHistory.class);
    private static final String HEADER = "# runId\ttradingDate\tequity\trecordedAt\n";

    /** One line of the history. */
    public record Entry(String runId, LocalDate tradingDate, BigDecimal equity, Instant recordedAt) {
        public Entry {
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(tradingDate, "tradingDate");
            Objects.requireNonNull(equity, "equity");
            Objects.requireNonNull(recordedAt, "recordedAt");
            if (runId.isBlank() || runId.contains("\t") || runId.contains("\n")) {
                throw new IllegalArgumentException("run id must be one word: '" + runId + "'");
            }
        }
    }

    private final Path file;

    public EquityHistory(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /**
     * The history beside a ledger database: for the ledger path {@code ledger/alchemiser} (H2 adds
     * {@code .mv.db}), the file {@code ledger/alchemiser-equity.tsv}.
     */
    public static EquityHistory besideLedger(Path ledgerPath) {
        Path name = ledgerPath.getFileName();
        return new EquityHistory(ledgerPath.resolveSibling((name == null ? "ledger" : name.toString()) + "-equity.tsv"));
    }

    public Path file() {
        return file;
    }

    /** Appends a record, creating the file (and its directory) on first use. */
    public synchronized void record(Entry entry) {
        Objects.requireNonNull(entry, "entry");
        String line = entry.runId() + "\t" + entry.tradingDate() + "\t" + entry.equity().toPlainString() + "\t"
                + entry.recordedAt() + "\n";
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            if (!Files.exists(file)) {
                Files.writeString(file, HEADER, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new NotificationException("equity history " + file + ": cannot record " + entry.runId() + ": " + e, e);
        }
    }

    /**
     * The run to measure {@code runId} against: among the records of other runs with a trading date on or before
     * {@code tradingDate}, the one with the latest date (the last recorded, among several of that date).
     * Empty when there is none, or no file yet.
     */
    public synchronized Optional<Entry> previous(String runId, LocalDate tradingDate) {
        Entry best = null;
        for (Entry e : entries()) {
            if (e.runId().equals(runId) || e.tradingDate().isAfter(tradingDate)) {
                continue;
            }
            if (best == null || !e.tradingDate().isBefore(best.tradingDate())) {
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Every readable record, in file order. */
    public synchronized List<Entry> entries() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new NotificationException("equity history " + file + ": cannot read: " + e, e);
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            try {
                if (f.length != 4) {
                    throw new IllegalArgumentException("expected 4 tab-separated fields, found " + f.length);
                }
                out.add(new Entry(f[0], LocalDate.parse(f[1]), new BigDecimal(f[2]), Instant.parse(f[3])));
            } catch (RuntimeException e) {
                log.warn("{}:{}: skipping unreadable equity record ({})", file, i + 1, e.getMessage());
            }
        }
        return out;
    }
}
