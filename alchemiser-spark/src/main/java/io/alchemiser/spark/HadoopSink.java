package io.alchemiser.spark;

import io.alchemiser.examples.research.OutputSink;
import io.alchemiser.examples.research.ResearchJob;
import io.alchemiser.examples.research.UnitResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Report files on any file system the cluster's Hadoop configuration reaches: a local or shared folder
 * ({@code file:/...}, a plain path), HDFS ({@code hdfs://}), S3 ({@code s3a://} on a cluster with the S3A connector,
 * {@code s3://} on EMR). The results themselves go beside them as {@code results.parquet}.
 */
final class HadoopSink implements OutputSink {
    /** The Parquet folder of the results under the output location. */
    static final String RESULTS = "results.parquet";

    private final SparkSession spark;
    private final String location;

    HadoopSink(SparkSession spark, String location) {
        this.spark = spark;
        this.location = location;
    }

    @Override
    public void write(String name, String content) {
        Path file = new Path(location, name);
        try {
            FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (OutputStream out = fs.create(file, true)) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code results} as the Parquet folder {@value #RESULTS} (replaced if present), one file. */
    @Override
    public void results(ResearchJob job, List<UnitResult> results) {
        List<Row> rows = new ArrayList<>(results.size());
        results.forEach(r -> rows.add(ResultRows.toRow(r)));
        spark.createDataFrame(rows, ResultRows.schema()).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(new Path(location, RESULTS).toString());
    }

    @Override
    public String locate(String name) {
        return new Path(location, name).toString();
    }
}
