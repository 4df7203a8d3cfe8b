/**
 * Contract tests for the five ports, shipped in core's test-jar. Each is an abstract JUnit 5 class whose tests state
 * the promises of a port's Javadoc; an adapter's test extends it and supplies the implementation through the
 * class's factory hooks, so every adapter (in-memory, Alpaca on a local server, Parquet, JDBC, ...) keeps the same
 * promises. The classes end in {@code Contract}, so surefire runs them only through their subclasses.
 */
package io.alchemiser.core.port.contract;
