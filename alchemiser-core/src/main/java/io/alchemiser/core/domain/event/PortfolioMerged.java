package io.alchemiser.core.domain.event;

import io.alchemiser.core.domain.portfolio.MergedPortfolio;
import java.time.Instant;

/** The strategies were merged into one portfolio, with per-symbol strategy attribution. */
public record PortfolioMerged(String eventId, String correlationId, String causationId, Instant at,
        MergedPortfolio portfolio) implements DomainEvent {
    public PortfolioMerged {
        EventMeta.check(eventId, correlationId, causationId, at);
    }
}
