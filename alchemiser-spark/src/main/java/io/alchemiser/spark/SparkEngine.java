package io.alchemiser.spark;

import io.alchemiser.examples.research.OutputSink;
import io.alchemiser.examples.research.ResearchEngine;
import io.alchemiser.examples.research.UnitExecutor;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;

/**
 * The research commands on Spark: units run as Spark tasks ({@link SparkExecutor}; {@code --jobs} does not apply,
 * the cluster's task slots do), files go wherever Hadoop reaches ({@link HadoopSink}) with the results as Parquet.
 */
public final class SparkEngine implements ResearchEngine {
    private final SparkSession spark;

    public SparkEngine(SparkSession spark) {
        this.spark = Objects.requireNonNull(spark, "spark");
    }

    @Override
    public UnitExecutor executor(int jobs) {
        return new SparkExecutor(spark);
    }

    @Override
    public OutputSink output(String location) {
        return new HadoopSink(spark, location);
    }
}
