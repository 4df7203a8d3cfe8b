package io.alchemiser.core.domain.event;

import java.time.Instant;

/**
 * Everything that happens in a daily run, as immutable events. Every event has its own {@code eventId}, the
 * run's {@code correlationId} (the run id) and the {@code causationId} of the event that caused it (the run
 * started event causes the evaluations, an order placed causes its fill, ...; the first event of a run is
 * its own cause).
 */
public sealed interface DomainEvent permits RunStarted, StrategyEvaluated, PortfolioMerged, RebalancePlanned,
        OrderPlaced, OrderFilled, OrderFailed, PhaseCompleted, RunCompleted, RunFailed {

    String eventId();

    String correlationId();

    String causationId();

    Instant at();
}
