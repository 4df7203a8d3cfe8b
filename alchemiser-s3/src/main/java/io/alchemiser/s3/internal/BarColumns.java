package io.alchemiser.s3.internal;

import static io.alchemiser.s3.internal.BarFileCodec.ADJ_CLOSE;
import static io.alchemiser.s3.internal.BarFileCodec.CLOSE;
import static io.alchemiser.s3.internal.BarFileCodec.DATE;
import static io.alchemiser.s3.internal.BarFileCodec.HIGH;
import static io.alchemiser.s3.internal.BarFileCodec.LOW;
import static io.alchemiser.s3.internal.BarFileCodec.OPEN;
import static io.alchemiser.s3.internal.BarFileCodec.SCHEMA;
import static io.alchemiser.s3.internal.BarFileCodec.VOLUME;
import static io.alchemiser.s3.internal.BarFileCodec.corrupt;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.s3.model.LakeBar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;

/**
 * The columns of one bar file read into arrays, row group by row group, with a presence flag per optional value,
 * then turned into validated {@link LakeBar}s. Values are read column by column straight from the pages, without
 * assembling records.
 */
final class BarColumns {
    final int[] dates;
    final double[][] prices = new double[5][];
    final boolean[][] pricePresent = new boolean[5][];
    final long[] volumes;
    final boolean[] volumePresent;
    int filled;

    BarColumns(int rows) {
        dates = new int[rows];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = new double[rows];
            pricePresent[i] = new boolean[rows];
        }
        volumes = new long[rows];
        volumePresent = new boolean[rows];
    }

    void readRowGroup(PageReadStore pages, String createdBy) {
        long count = pages.getRowCount();
        if (filled + count > dates.length) {
            throw new IllegalStateException("row groups hold more rows than the footer declares");
        }
        int n = (int) count;
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, NO_CONVERTER, SCHEMA, createdBy);
        List<ColumnDescriptor> columns = SCHEMA.getColumns();
        ColumnReader date = reader(store, pages, columns.get(DATE), n);
        for (int i = 0; i < n; i++) {
            dates[filled + i] = date.getInteger();
            date.consume();
        }
        for (int c = OPEN; c <= ADJ_CLOSE; c++) {
            ColumnReader r = reader(store, pages, columns.get(c), n);
            double[] target = prices[c - OPEN];
            boolean[] present = pricePresent[c - OPEN];
            int maxDefinition = r.getDescriptor().getMaxDefinitionLevel();
            for (int i = 0; i < n; i++) {
                if (r.getCurrentDefinitionLevel() == maxDefinition) {
                    target[filled + i] = r.getDouble();
                    present[filled + i] = true;
                }
                r.consume();
            }
        }
        ColumnReader volume = reader(store, pages, columns.get(VOLUME), n);
        for (int i = 0; i < n; i++) {
            if (volume.getCurrentDefinitionLevel() == 1) {
                volumes[filled + i] = volume.getLong();
                volumePresent[filled + i] = true;
            }
            volume.consume();
        }
        filled += n;
    }

    private static ColumnReader reader(ColumnReadStoreImpl store, PageReadStore pages, ColumnDescriptor column,
            int rows) {
        long values = pages.getPageReader(column).getTotalValueCount();
        if (values != rows) {
            throw new IllegalStateException("column " + column.getPath()[0] + " holds " + values + " values for "
                    + rows + " rows");
        }
        return store.getColumnReader(column);
    }

    List<LakeBar> toBars(Symbol symbol, String location) {
        List<LakeBar> bars = new ArrayList<>(filled);
        for (int i = 0; i < filled; i++) {
            LocalDate date = LocalDate.ofEpochDay(dates[i]);
            try {
                bars.add(new LakeBar(date, price(OPEN, i, date), price(HIGH, i, date), price(LOW, i, date),
                        price(CLOSE, i, date), price(ADJ_CLOSE, i, date), volumePresent[i] ? volumes[i] : null));
            } catch (IllegalArgumentException e) {
                throw corrupt(symbol, location, "row " + i + ": " + e.getMessage(), null);
            }
        }
        try {
            BarChecks.requireValidSeries(bars);
        } catch (IllegalArgumentException e) {
            throw corrupt(symbol, location, e.getMessage(), null);
        }
        return bars;
    }

    /** The stored price, or {@code null} when absent; a stored NaN or infinity is an error, never "absent". */
    private BigDecimal price(int column, int row, LocalDate date) {
        if (!pricePresent[column - OPEN][row]) {
            return null;
        }
        double value = prices[column - OPEN][row];
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("bar " + date + ": " + SCHEMA.getFieldName(column)
                    + " is not finite (" + value + ")");
        }
        return Decimals.of(value);
    }

    /** A converter for reading column by column, never assembling records. */
    static final GroupConverter NO_CONVERTER = new GroupConverter() {
        private final PrimitiveConverter ignore = new PrimitiveConverter() {
        };

        @Override
        public Converter getConverter(int fieldIndex) {
            return ignore;
        }

        @Override
        public void start() {
            // Values are read column by column, not assembled into records.
        }

        @Override
        public void end() {
            // See start().
        }
    };
}
