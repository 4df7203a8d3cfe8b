package io.alchemiser.spark;

import io.alchemiser.core.application.backtest.BacktestProgress;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.examples.research.ResearchJob;
import io.alchemiser.examples.research.SharedPrices;
import io.alchemiser.examples.research.Unit;
import io.alchemiser.examples.research.UnitExecutor;
import io.alchemiser.examples.research.UnitResult;
import io.alchemiser.examples.research.UnitRunner;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkException;
import org.apache.spark.Success$;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a job's units on a Spark cluster: the job is broadcast once, the units are distributed one per partition (one
 * task per unit of work), each task runs its unit with {@link UnitRunner} over its executor's price table
 * ({@link ExecutorPrices}: loaded once per executor process), and the results come back to the driver in unit
 * order. Tasks that fail are retried by Spark as usual; a unit's own failure (missing data, ...) is a result.
 */
public final class SparkExecutor implements UnitExecutor {
    private final SparkSession spark;

    public SparkExecutor(SparkSession spark) {
        this.spark = Objects.requireNonNull(spark, "spark");
    }

    /**
     * @throws MarketDataException if the executors cannot read the prices at all (the cause Spark reported)
     */
    @Override
    public List<UnitResult> run(ResearchJob job, BacktestProgress progress) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<ResearchJob> shipped = sc.broadcast(job);
        int units = job.units().size();
        JavaRDD<Unit> work = sc.parallelize(job.units(), Math.max(1, units));
        Progress listener = new Progress(progress, units);
        spark.sparkContext().addSparkListener(listener);
        sc.setJobDescription(job.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + units + " backtests");
        try {
            List<UnitResult> results = work.mapPartitions((Iterator<Unit> part) -> runAll(shipped.value(), part))
                    .collect();
            return inOrder(results, units);
        } catch (RuntimeException e) {
            MarketDataException data = marketData(e);
            if (data != null) {
                throw new MarketDataException("the executors could not read the prices: " + data.getMessage(), e);
            }
            throw e;
        } finally {
            spark.sparkContext().removeSparkListener(listener);
            shipped.destroy();
        }
    }

    private static Iterator<UnitResult> runAll(ResearchJob job, Iterator<Unit> units) {
        List<UnitResult> out = new ArrayList<>();
        if (units.hasNext()) {
            SharedPrices prices = ExecutorPrices.of(job);
            units.forEachRemaining(u -> out.add(UnitRunner.run(job, u, prices)));
        }
        return out.iterator();
    }

    private static List<UnitResult> inOrder(List<UnitResult> results, int units) {
        List<UnitResult> out = new ArrayList<>(results);
        out.sort(java.util.Comparator.comparingInt(UnitResult::index));
        for (int i = 0; i < units; i++) {
            if (i >= out.size() || out.get(i).index() != i) {
                throw new IllegalStateException("Spark returned " + out.size() + " results for " + units + " units");
            }
        }
        return out;
    }

    /** The market-data failure at the root of a Spark job failure, if that is what it was. */
    private static MarketDataException marketData(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarketDataException m) {
                return m;
            }
            if (t instanceof SparkException && t.getMessage() != null
                    && t.getMessage().contains(MarketDataException.class.getName())) {
                String message = t.getMessage();
                int at = message.indexOf(MarketDataException.class.getName() + ": ");
                int end = message.indexOf('\n', at);
                return new MarketDataException(message.substring(at + MarketDataException.class.getName().length() + 2,
                        end < 0 ? message.length() : end));
            }
        }
        return null;
    }

    @Override
    public String describe() {
        return "Spark " + spark.sparkContext().master() + " (" + spark.sparkContext().defaultParallelism()
                + " task slots)";
    }

    /** Tells the progress each successful task's end, one at a time (Spark's listener thread). */
    private static final class Progress extends SparkListener {
        private final BacktestProgress progress;
        private final int total;
        private final AtomicInteger done = new AtomicInteger();

        Progress(BacktestProgress progress, int total) {
            this.progress = progress;
            this.total = total;
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            if (end.reason() == Success$.MODULE$) {
                int n = done.incrementAndGet();
                if (n <= total) {
                    progress.day(n, total);
                }
            }
        }
    }
}
