package io.alchemiser.spark;

import io.alchemiser.examples.cli.ResearchCli;
import java.io.PrintWriter;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code spark-submit} main class: {@code rank ...} or {@code sweep ...} with the options of
 * {@code alchemiser.jar}'s commands, run on the cluster {@code spark-submit} names. Exits with the command's exit
 * code (0 ok, 1 bad input, 2 usage, 70 internal error). See {@code docs/research.md}.
 */
public final class SparkResearch {
    private SparkResearch() {
    }

    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder()
                .appName("alchemiser " + (args.length > 0 ? args[0] : "research")).getOrCreate();
        int code;
        try {
            code = ResearchCli.execute(new SparkEngine(spark), new PrintWriter(System.out, true),
                    new PrintWriter(System.err, true), args);
        } finally {
            spark.stop();
        }
        System.exit(code);
    }
}
