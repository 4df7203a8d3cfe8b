package io.alchemiser.core.event;

import io.alchemiser.core.domain.*;
import io.alchemiser.core.ledger.*;
import io.alchemiser.core.portfolio.*;
import io.alchemiser.core.strategy.*;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The rebalance was planned against the account. */
public record RebalancePlanned(String eventId, String correlationId, String causationId, Instant at, RebalancePlan plan) implements DomainEvent {
    public RebalancePlanned {
        EventMeta.check(eventId, correlationId, causationId, at);
    }
}
