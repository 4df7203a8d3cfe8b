/** What the ledger records: one {@link io.alchemiser.core.domain.ledger.TradeRecord} per planned trade and the
 * state changes of each run ({@link io.alchemiser.core.domain.ledger.RunRecord}). */
package io.alchemiser.core.domain.ledger;


