/**
 * The {@code rank} and {@code sweep} research jobs on Apache Spark: the very commands of {@code alchemiser.jar}
 * ({@link io.alchemiser.examples.cli.ResearchCli}) with a Spark engine ({@link io.alchemiser.spark.SparkEngine}):
 * one task per unit of work, each run by {@link io.alchemiser.examples.research.UnitRunner} as on one machine; the
 * job shipped to every executor once (a broadcast); the prices loaded by each executor once and kept
 * ({@link io.alchemiser.spark.ExecutorPrices}); results written as Parquet
 * ({@link io.alchemiser.spark.ResultRows}) beside the same leaderboard or sweep files, on any file system Hadoop
 * reaches ({@link io.alchemiser.spark.HadoopSink}). {@link io.alchemiser.spark.SparkResearch} is the
 * {@code spark-submit} main class. Spark is {@code provided}: the cluster's own Spark runs it.
 */
package io.alchemiser.spark;
