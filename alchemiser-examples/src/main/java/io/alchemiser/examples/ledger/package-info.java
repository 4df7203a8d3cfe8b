/**
 * The app's durable ledger and its reports: {@link io.alchemiser.examples.ledger.JdbcLedger}, the core's
 * {@link io.alchemiser.core.port.Ledger} port over an embedded H2 database (append-only, versioned schema,
 * exact decimals), and {@link io.alchemiser.examples.ledger.LedgerReport}, which shows what was traded, when,
 * at what price, by which strategies and why, as a text table or JSON, for a
 * {@link io.alchemiser.examples.ledger.LedgerQuery} (a run, a symbol, a date, or everything).
 */
package io.alchemiser.examples.ledger;
