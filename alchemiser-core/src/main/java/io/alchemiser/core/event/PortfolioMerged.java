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

/** The strategies were merged into one portfolio, with per-symbol strategy attribution. */
public record PortfolioMerged(String eventId, String correlationId, String causationId, Instant at, MergedPortfolio portfolio) implements DomainEvent {
    public PortfolioMerged {
        EventMeta.check(eventId, correlationId, causationId, at);
    }
}
