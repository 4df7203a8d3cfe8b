package io.alchemiser.s3.csv;

import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.s3.model.LakeBar;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one symbol's CSV file of daily bars.
 *
 * <p>Format: a header row naming the columns, in any order, case-insensitive: {@code date} (ISO
 * {@code yyyy-MM-dd}, required), {@code open}, {@code high}, {@code low}, {@code close}, {@code adj_close} (also
 * {@code adj close}, {@code adjclose}) and {@code volume}; at least one of {@code adj_close} and {@code close} is
 * required. Then one row per trading day in strictly increasing date order. Any value may be empty; numbers are
 * plain or scientific decimals ({@code 91.132774}, {@code 5.145e+11}); a volume must be a whole number. Blank lines,
 * a UTF-8 byte-order mark and CRLF line ends are accepted.
 *
 * <p>Mapping: the adjusted close is {@code adj_close} when the row has one, else {@code close}; the raw close is
 * {@code close} when present. A row with neither is an error.
 *
 * <p>Errors are {@link MarketDataException}s written like a compiler's, naming file, line and column:
 * {@code /data/SPY.csv:12: column adj_close: 'abc' is not a number}. Bad input never yields a partial series.
 */
public final class CsvBarReader {
    private static final List<String> COLUMNS = List.of("date", "open", "high", "low", "close", "adj_close", "volume");

    private CsvBarReader() {
    }

    /**
     * The bars of {@code file}, oldest first.
     *
     * @throws MarketDataException if the file is missing, unreadable, malformed or holds no bars
     */
    public static List<LakeBar> read(Path file) {
        return read(file, null);
    }

    /**
     * The bars of {@code file} dated {@code through} or earlier, oldest first: reading stops at the first row dated
     * after it, so later rows are neither parsed nor checked. {@code null} reads every row.
     *
     * @throws MarketDataException if the file is missing, unreadable, malformed (up to the rows read) or holds no
     *                             bars at all
     */
    public static List<LakeBar> read(Path file, LocalDate through) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file, in, through);
        } catch (NoSuchFileException e) {
            throw new MarketDataException(file + ": no such file");
        } catch (IOException e) {
            throw new MarketDataException(file + ": cannot read: " + e, e);
        }
    }

    private static List<LakeBar> parse(Path file, BufferedReader in, LocalDate through) throws IOException {
        String header = in.readLine();
        if (header == null) {
            throw new MarketDataException(file + ":1: the file is empty; expected a header such as "
                    + String.join(",", COLUMNS));
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        Layout layout = Layout.of(file, header);
        List<LakeBar> bars = new ArrayList<>();
        LocalDate previous = null;
        String line;
        int lineNumber = 1;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = layout.fields(file, lineNumber, line);
            LocalDate date = layout.date(file, lineNumber, fields);
            if (previous != null && !date.isAfter(previous)) {
                throw new MarketDataException(file + ":" + lineNumber + ": column date: " + date
                        + (date.equals(previous) ? " repeats the previous row's date"
                                : " is not after the previous row's " + previous)
                        + "; dates must strictly increase");
            }
            previous = date;
            if (through != null && date.isAfter(through)) {
                return bars; // the rest of this row and every later row are never parsed
            }
            bars.add(layout.row(file, lineNumber, date, fields));
        }
        if (bars.isEmpty()) {
            throw new MarketDataException(file + ": the file has a header but no bars");
        }
        return bars;
    }

    /** Which field of a row holds which column. */
    private static final class Layout {
        final String[] names;
        final int fields;
        final int date;
        final int open;
        final int high;
        final int low;
        final int close;
        final int adjClose;
        final int volume;

        private Layout(String[] names, Map<String, Integer> index) {
            this.names = names;
            this.fields = names.length;
            this.date = index.getOrDefault("date", -1);
            this.open = index.getOrDefault("open", -1);
            this.high = index.getOrDefault("high", -1);
            this.low = index.getOrDefault("low", -1);
            this.close = index.getOrDefault("close", -1);
            this.adjClose = index.getOrDefault("adj_close", -1);
            this.volume = index.getOrDefault("volume", -1);
        }

        static Layout of(Path file, String header) {
            String[] names = header.split(",", -1);
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                String name = canonical(names[i]);
                names[i] = name;
                if (index.put(name, i) != null) {
                    throw new MarketDataException(file + ":1: column " + name + " appears twice in the header");
                }
            }
            if (!index.containsKey("date")) {
                throw new MarketDataException(file + ":1: the header has no date column; expected "
                        + String.join(",", COLUMNS));
            }
            if (!index.containsKey("adj_close") && !index.containsKey("close")) {
                throw new MarketDataException(file + ":1: the header has neither an adj_close nor a close column");
            }
            return new Layout(names, index);
        }

        private static String canonical(String name) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            if (n.equals("adj close") || n.equals("adjclose")) {
                return "adj_close";
            }
            return n;
        }

        /** The row's fields. @throws MarketDataException unless there are as many as the header has */
        String[] fields(Path file, int line, String text) {
            String[] f = text.split(",", -1);
            if (f.length != fields) {
                throw new MarketDataException(file + ":" + line + ": expected " + fields + " fields as in the header, "
                        + "found " + f.length);
            }
            return f;
        }

        /** The row's date. @throws MarketDataException if it is not yyyy-MM-dd */
        LocalDate date(Path file, int line, String[] f) {
            return date(file, line, f[date].trim());
        }

        /** The bar of a row whose fields and date were read. */
        LakeBar row(Path file, int line, LocalDate day, String[] f) {
            BigDecimal rawClose = price(file, line, f, close);
            BigDecimal adjusted = price(file, line, f, adjClose);
            if (adjusted == null) {
                adjusted = rawClose;
            }
            if (adjusted == null) {
                throw new MarketDataException(file + ":" + line + ": neither adj_close nor close has a value");
            }
            Long vol = volume(file, line, f);
            try {
                return new LakeBar(day, price(file, line, f, open), price(file, line, f, high),
                        price(file, line, f, low), rawClose, adjusted, vol);
            } catch (IllegalArgumentException e) {
                throw new MarketDataException(file + ":" + line + ": " + e.getMessage());
            }
        }

        private BigDecimal price(Path file, int line, String[] f, int column) {
            if (column < 0) {
                return null;
            }
            String value = f[column].trim();
            if (value.isEmpty()) {
                return null;
            }
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw new MarketDataException(file + ":" + line + ": column " + names[column] + ": '" + value
                        + "' is not a number");
            }
        }

        private Long volume(Path file, int line, String[] f) {
            BigDecimal v = price(file, line, f, volume);
            if (v == null) {
                return null;
            }
            try {
                return v.longValueExact();
            } catch (ArithmeticException e) {
                throw new MarketDataException(file + ":" + line + ": column volume: '" + f[volume].trim()
                        + "' is not a whole number");
            }
        }

        private static LocalDate date(Path file, int line, String value) {
            try {
                if (value.length() == 10 && value.charAt(4) == '-' && value.charAt(7) == '-') {
                    return LocalDate.of(digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10));
                }
            } catch (DateTimeException | NumberFormatException e) {
                // Reported below.
            }
            throw new MarketDataException(file + ":" + line + ": column date: '" + value
                    + "' is not a date (expected yyyy-MM-dd)");
        }

        private static int digits(String s, int from, int to) {
            int n = 0;
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    throw new NumberFormatException(s);
                }
                n = n * 10 + (c - '0');
            }
            return n;
        }
    }
}
