/**
 * The ports: what the core needs from the outside, as small interfaces a host application implements.
 * {@link io.alchemiser.core.port.PriceHistory} (daily bars) and {@link io.alchemiser.core.port.Quotes} (latest
 * quotes), {@link io.alchemiser.core.port.Broker}, {@link io.alchemiser.core.port.Ledger},
 * {@link io.alchemiser.core.port.Scheduler} (calendar and market clock) and {@link io.alchemiser.core.port.EventBus};
 * the {@link io.alchemiser.core.port.Strategy} the core evaluates in an {@link io.alchemiser.core.port.EvaluationSession};
 * {@link io.alchemiser.core.port.Sleeper} for waiting; {@link io.alchemiser.core.port.Ports} bundles them; and the
 * exceptions they may throw, rooted at {@link io.alchemiser.core.port.AlchemiserException}. Each interface's Javadoc
 * states its threading, idempotency and error contract. Depends only on the domain.
 */
package io.alchemiser.core.port;
