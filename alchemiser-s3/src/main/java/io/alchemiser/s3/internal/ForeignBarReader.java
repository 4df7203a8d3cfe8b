package io.alchemiser.s3.internal;

import io.alchemiser.core.domain.MarketClock;
import io.alchemiser.s3.model.DataLakeException;
import io.alchemiser.s3.model.LakeBar;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads daily bars from a Parquet file another tool wrote (pandas/pyarrow, the Python Alchemiser's lake): flat
 * columns found by name, case-insensitively, SNAPPY/GZIP/uncompressed pages, dictionary or plain encoding, no Hadoop.
 *
 * <ul>
 *   <li>day: {@code timestamp}, {@code date}, {@code time}, {@code datetime}, {@code t}, or the pandas index
 *       {@code __index_level_0__}; a DATE, a TIMESTAMP (UTC-adjusted instants become their New York date, as
 *       Alpaca stamps a daily bar at midnight New York; local timestamps keep their date), an INT96 timestamp, or an
 *       ISO-8601 string;</li>
 *   <li>prices: {@code open}/{@code o}, {@code high}/{@code h}, {@code low}/{@code l}, {@code close}/{@code c},
 *       and an adjusted close {@code adj_close}, {@code adj close}, {@code adjclose}, {@code adjusted_close}; DOUBLE,
 *       FLOAT, INT32 or INT64;</li>
 *   <li>volume: {@code volume}/{@code v}, integer or floating (pandas stores Alpaca's volume as a double).</li>
 * </ul>
 * Other columns ({@code vwap}, {@code trade_count}, {@code symbol}) are ignored. The adjusted close is the adjusted
 * column when there is one (then {@code close} is the raw close), else {@code close} (then the raw close is unknown).
 * Rows are sorted by day; a missing day or close, a duplicate day, or an invalid row is an error naming the location,
 * the row and the column.
 */
public final class ForeignBarReader {
    private static final Set<String> DATE_NAMES = Set.of("timestamp", "date", "time", "datetime", "t",
            "__index_level_0__");
    private static final Map<String, String> ROLES = new LinkedHashMap<>();

    static {
        for (String n : List.of("open", "o")) {
            ROLES.put(n, "open");
        }
        for (String n : List.of("high", "h")) {
            ROLES.put(n, "high");
        }
        for (String n : List.of("low", "l")) {
            ROLES.put(n, "low");
        }
        for (String n : List.of("close", "c")) {
            ROLES.put(n, "close");
        }
        for (String n : List.of("adj_close", "adj close", "adjclose", "adjusted_close", "adjusted close")) {
            ROLES.put(n, "adj");
        }
        for (String n : List.of("volume", "v")) {
            ROLES.put(n, "volume");
        }
    }

    private ForeignBarReader() {
    }

    /**
     * What a file held.
     *
     * @param bars the bars, oldest first
     * @param columns the file's column for each role read ({@code date}, {@code close}, {@code adj}, ...)
     */
    public record Result(List<LakeBar> bars, Map<String, String> columns) {
        /** Whether the file had an adjusted-close column (else its close was taken as the adjusted close). */
        public boolean hadAdjustedClose() {
            return columns.containsKey("adj");
        }
    }

    /**
     * Reads {@code file}.
     *
     * @param location where the bytes came from, for messages
     * @throws DataLakeException if the file cannot be read or holds no valid daily bars
     */
    public static Result read(String location, byte[] file) {
        try (ParquetFileReader reader = new ParquetFileReader(new InMemoryInputFile(file),
                HadoopFreeReadOptions.create(SnappyCodecFactory.INSTANCE))) {
            FileMetaData meta = reader.getFooter().getFileMetaData();
            MessageType schema = meta.getSchema();
            Map<String, Integer> byRole = roles(location, schema);
            Map<String, String> columns = new LinkedHashMap<>();
            byRole.forEach((role, index) -> columns.put(role, schema.getFieldName(index)));
            long rows = reader.getRecordCount();
            List<Object[]> table = new ArrayList<>();
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                readRowGroup(location, schema, meta.getCreatedBy(), pages, byRole, table);
            }
            if (table.size() != rows || rows == 0) {
                throw new DataLakeException(location + ": the footer declares " + rows + " rows, the row groups hold "
                        + table.size() + (rows == 0 ? " (no bars)" : ""));
            }
            return new Result(toBars(location, table, columns), columns);
        } catch (DataLakeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DataLakeException(location + ": not a readable Parquet file (" + e.getMessage() + ")", e);
        } catch (NoClassDefFoundError e) {
            throw new DataLakeException(location + ": not a readable Parquet file (a column chunk is damaged)", e);
        }
    }

    private static Map<String, Integer> roles(String location, MessageType schema) {
        Map<String, Integer> byRole = new LinkedHashMap<>();
        for (int i = 0; i < schema.getFieldCount(); i++) {
            Type field = schema.getType(i);
            String name = field.getName().trim().toLowerCase(Locale.ROOT);
            String role = DATE_NAMES.contains(name) ? "date" : ROLES.get(name);
            if (role == null || byRole.containsKey(role) && !"date".equals(role)) {
                continue;
            }
            if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
                throw new DataLakeException(location + ": column '" + field.getName() + "' is not a plain value");
            }
            if ("date".equals(role) && byRole.containsKey("date")) {
                continue; // the first day column wins (a written index beside a timestamp column)
            }
            byRole.put(role, i);
        }
        for (String required : List.of("date", "close")) {
            if (!byRole.containsKey(required) && !("close".equals(required) && byRole.containsKey("adj"))) {
                throw new DataLakeException(location + ": no " + ("date".equals(required) ? "day" : "close")
                        + " column among " + schema.getFields().stream().map(Type::getName).toList()
                        + " (expected e.g. timestamp, open, high, low, close, volume)");
            }
        }
        return byRole;
    }

    private static void readRowGroup(String location, MessageType schema, String createdBy, PageReadStore pages,
            Map<String, Integer> byRole, List<Object[]> table) {
        int n = Math.toIntExact(pages.getRowCount());
        int first = table.size();
        for (int i = 0; i < n; i++) {
            table.add(new Object[byRole.size()]);
        }
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, BarColumns.NO_CONVERTER, schema, createdBy);
        int slot = 0;
        for (Map.Entry<String, Integer> role : byRole.entrySet()) {
            ColumnDescriptor column = schema.getColumns().get(role.getValue());
            ColumnReader reader = store.getColumnReader(column);
            PrimitiveType type = column.getPrimitiveType();
            for (int i = 0; i < n; i++) {
                if (reader.getCurrentDefinitionLevel() == column.getMaxDefinitionLevel()) {
                    table.get(first + i)[slot] = "date".equals(role.getKey()) ? day(location, first + i, type, reader)
                            : number(location, first + i, type, reader);
                }
                reader.consume();
            }
            slot++;
        }
    }

    private static LocalDate day(String location, int row, PrimitiveType type, ColumnReader reader) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        switch (type.getPrimitiveTypeName()) {
            case INT32:
                if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                    return LocalDate.ofEpochDay(reader.getInteger());
                }
                break;
            case INT64:
                if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) {
                    LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts =
                            (LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) logical;
                    long v = reader.getLong();
                    Instant instant;
                    switch (ts.getUnit()) {
                        case MILLIS:
                            instant = Instant.ofEpochMilli(v);
                            break;
                        case MICROS:
                            instant = Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000L), Math.floorMod(v, 1_000_000L) * 1000);
                            break;
                        default:
                            instant = Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000_000L),
                                    Math.floorMod(v, 1_000_000_000L));
                    }
                    return ts.isAdjustedToUTC() ? instant.atZone(MarketClock.MARKET_ZONE).toLocalDate()
                            : LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toLocalDate();
                }
                break;
            case INT96: {
                ByteBuffer b = reader.getBinary().toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                long nanosOfDay = b.getLong();
                int julianDay = b.getInt();
                Instant instant = Instant.ofEpochSecond((julianDay - 2_440_588L) * 86_400L).plusNanos(nanosOfDay);
                return instant.atZone(MarketClock.MARKET_ZONE).toLocalDate();
            }
            case BINARY:
                return parseDay(location, row, reader.getBinary().toStringUsingUTF8());
            default:
                break;
        }
        throw new DataLakeException(location + ": row " + row + ": column '" + type.getName() + "' of type " + type
                + " is not a date or timestamp");
    }

    private static LocalDate parseDay(String location, int row, String text) {
        String s = text.trim();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s);
            }
            String iso = s.replace(' ', 'T');
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(iso.matches(".*[+-]\\d\\d\\d\\d$")
                        ? iso.substring(0, iso.length() - 2) + ":" + iso.substring(iso.length() - 2) : iso)
                        .atZoneSameInstant(MarketClock.MARKET_ZONE).toLocalDate();
            }
            return LocalDateTime.parse(iso).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new DataLakeException(location + ": row " + row + ": '" + text + "' is not an ISO date or timestamp");
        }
    }

    private static Object number(String location, int row, PrimitiveType type, ColumnReader reader) {
        switch (type.getPrimitiveTypeName()) {
            case DOUBLE:
                return reader.getDouble();
            case FLOAT:
                return (double) reader.getFloat();
            case INT32:
                return (double) reader.getInteger();
            case INT64:
                return (double) reader.getLong();
            default:
                throw new DataLakeException(location + ": row " + row + ": column '" + type.getName() + "' of type "
                        + type + " is not a number");
        }
    }

    private static List<LakeBar> toBars(String location, List<Object[]> table, Map<String, String> columns) {
        List<String> roles = new ArrayList<>(columns.keySet());
        List<LakeBar> bars = new ArrayList<>(table.size());
        for (int row = 0; row < table.size(); row++) {
            Object[] v = table.get(row);
            LocalDate date = (LocalDate) v[roles.indexOf("date")];
            if (date == null) {
                throw new DataLakeException(location + ": row " + row + ": column '" + columns.get("date")
                        + "' is empty");
            }
            boolean adjusted = columns.containsKey("adj");
            BigDecimal close = price(location, row, v, roles, columns, "close");
            BigDecimal adjClose = adjusted ? price(location, row, v, roles, columns, "adj") : close;
            if (adjClose == null) {
                throw new DataLakeException(location + ": row " + row + " (" + date + "): column '"
                        + columns.get(adjusted ? "adj" : "close") + "' is empty");
            }
            Double volume = roles.contains("volume") ? (Double) v[roles.indexOf("volume")] : null;
            try {
                bars.add(new LakeBar(date, price(location, row, v, roles, columns, "open"),
                        price(location, row, v, roles, columns, "high"), price(location, row, v, roles, columns, "low"),
                        adjusted ? close : null, adjClose, volume(location, row, date, volume, columns)));
            } catch (IllegalArgumentException e) {
                throw new DataLakeException(location + ": row " + row + ": " + e.getMessage(), e);
            }
        }
        bars.sort(Comparator.comparing(LakeBar::date));
        for (int i = 1; i < bars.size(); i++) {
            if (bars.get(i).date().equals(bars.get(i - 1).date())) {
                throw new DataLakeException(location + ": two rows for " + bars.get(i).date() + " in column '"
                        + columns.get("date") + "'");
            }
        }
        return bars;
    }

    private static BigDecimal price(String location, int row, Object[] v, List<String> roles,
            Map<String, String> columns, String role) {
        int i = roles.indexOf(role);
        if (i < 0 || v[i] == null) {
            return null;
        }
        double d = (Double) v[i];
        if (!Double.isFinite(d)) {
            throw new DataLakeException(location + ": row " + row + ": column '" + columns.get(role) + "' is " + d);
        }
        return Decimals.of(d);
    }

    private static Long volume(String location, int row, LocalDate date, Double volume, Map<String, String> columns) {
        if (volume == null) {
            return null;
        }
        if (!Double.isFinite(volume) || volume != Math.rint(volume)) {
            throw new DataLakeException(location + ": row " + row + " (" + date + "): column '" + columns.get("volume")
                    + "' holds " + volume + ", not a whole number of shares");
        }
        return (long) (double) volume;
    }
}
