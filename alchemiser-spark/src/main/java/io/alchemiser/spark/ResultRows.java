package io.alchemiser.spark;

import io.alchemiser.examples.research.SegmentStats;
import io.alchemiser.examples.research.UnitResult;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Parquet form of unit results: one row per unit with the columns of the leaderboard's CSV, in-sample statistics
 * prefixed {@code is_}, out-of-sample {@code oos_} (null when absent). Converts both ways without loss.
 */
final class ResultRows {
    private static final String[] STATS = {"total_return", "cagr", "volatility", "sharpe", "max_drawdown", "calmar",
            "turnover"};

    private ResultRows() {
    }

    /**
     * {@code unit int, file string, symphony string, parameters array<string>, status string, failure string,
     * reason string, invested_from date}, then for {@code is} and {@code oos}: {@code _from date, _to date,
     * _days int}, and the doubles {@code _total_return, _cagr, _volatility, _sharpe, _max_drawdown, _calmar,
     * _turnover}.
     */
    static StructType schema() {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("unit", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("file", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("symphony", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("parameters", DataTypes.createArrayType(DataTypes.StringType, false), false));
        f.add(DataTypes.createStructField("status", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("failure", DataTypes.StringType, true));
        f.add(DataTypes.createStructField("reason", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("invested_from", DataTypes.DateType, true));
        for (String stretch : new String[] {"is", "oos"}) {
            f.add(DataTypes.createStructField(stretch + "_from", DataTypes.DateType, true));
            f.add(DataTypes.createStructField(stretch + "_to", DataTypes.DateType, true));
            f.add(DataTypes.createStructField(stretch + "_days", DataTypes.IntegerType, true));
            for (String s : STATS) {
                f.add(DataTypes.createStructField(stretch + "_" + s, (DataType) DataTypes.DoubleType, true));
            }
        }
        return DataTypes.createStructType(f);
    }

    static Row toRow(UnitResult r) {
        List<Object> v = new ArrayList<>();
        v.add(r.index());
        v.add(r.file());
        v.add(r.symphony());
        v.add(r.parameters());
        v.add(r.ok() ? "ok" : "failed");
        v.add(r.ok() ? null : r.failure().name().toLowerCase(Locale.ROOT));
        v.add(r.reason());
        v.add(date(r.investedFrom()));
        stats(v, r.inSample());
        stats(v, r.outOfSample());
        return RowFactory.create(v.toArray());
    }

    private static void stats(List<Object> v, SegmentStats s) {
        if (s == null) {
            for (int i = 0; i < 3 + STATS.length; i++) {
                v.add(null);
            }
            return;
        }
        v.add(date(s.from()));
        v.add(date(s.to()));
        v.add(s.days());
        v.add(s.totalReturn());
        v.add(s.cagr());
        v.add(s.volatility());
        v.add(s.sharpe());
        v.add(s.maxDrawdown());
        v.add(s.calmar());
        v.add(s.turnover());
    }

    static UnitResult fromRow(Row row) {
        List<String> parameters = row.getList(3);
        String failure = row.getString(5);
        return new UnitResult(row.getInt(0), row.getString(1), row.getString(2), parameters,
                failure == null ? null : UnitResult.Failure.valueOf(failure.toUpperCase(Locale.ROOT)), row.getString(6),
                localDate(row.getDate(7)), stats(row, 8), stats(row, 8 + 3 + STATS.length));
    }

    private static SegmentStats stats(Row row, int at) {
        if (row.isNullAt(at)) {
            return null;
        }
        return new SegmentStats(localDate(row.getDate(at)), localDate(row.getDate(at + 1)), row.getInt(at + 2),
                row.getDouble(at + 3), row.getDouble(at + 4), row.getDouble(at + 5), row.getDouble(at + 6),
                row.getDouble(at + 7), row.getDouble(at + 8), row.getDouble(at + 9));
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
