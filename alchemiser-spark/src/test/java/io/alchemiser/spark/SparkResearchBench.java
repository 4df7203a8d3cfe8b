package io.alchemiser.spark;

import io.alchemiser.examples.backtest.BacktestBench;
import io.alchemiser.examples.research.LocalExecutor;
import io.alchemiser.examples.research.ResearchBench;
import io.alchemiser.examples.research.ResearchJob;
import io.alchemiser.examples.research.UnitResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * Spark's overhead on one machine; prints figures, asserts nothing. {@link ResearchBench}'s corpus rank job, run
 * alternately on this process's 2 threads ({@link LocalExecutor}) and on Spark {@code local[2]} ({@link SparkExecutor}:
 * the job broadcast, one task per unit, the price table loaded by the executor), twice each, and checked to give
 * equal results. From the project root:
 *
 * <pre>
 * mvn -q -o -Pspark -pl alchemiser-spark -am install -DskipTests
 * mvn -q -o -Pspark -pl alchemiser-spark dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
 *     -Dmdep.includeScope=test
 * java $(sed -n 's:.*&lt;spark.test.jvm&gt;\(.*\)&lt;/spark.test.jvm&gt;.*:\1:p' alchemiser-spark/pom.xml) \
 *     -cp alchemiser-spark/target/test-classes:alchemiser-spark/target/classes:$(cat alchemiser-spark/target/bench.cp) \
 *     io.alchemiser.spark.SparkResearchBench
 * </pre>
 */
public final class SparkResearchBench {
    private SparkResearchBench() {
    }

    public static void main(String[] args) throws IOException {
        Path shared = BacktestBench.locateShared();
        ResearchJob rank = ResearchBench.corpusRank(shared);
        long t = System.nanoTime();
        SparkSession spark = SparkSession.builder().master("local[2]").appName("alchemiser-spark-bench")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        System.out.printf(Locale.ROOT, "Spark %s local[2] session started in %.1f s (not in the figures below)%n",
                spark.version(), (System.nanoTime() - t) / 1e9);
        try {
            for (int round = 0; round < 2; round++) {
                List<UnitResult> local = ResearchBench.time("rank", rank, new LocalExecutor(2));
                List<UnitResult> onSpark = ResearchBench.time("rank", rank, new SparkExecutor(spark));
                System.out.println(local.equals(onSpark) ? "  equal results" : "  RESULTS DIFFER");
            }
        } finally {
            spark.stop();
        }
    }
}
