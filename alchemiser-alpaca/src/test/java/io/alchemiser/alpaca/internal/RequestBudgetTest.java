package io.alchemiser.alpaca.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.domain.Secret;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestBudgetTest {

    @Test
    void oneKeyIdHasOneBudgetWhoeverAsksAndTheSmallestAskWins() {
        RequestBudget first = RequestBudget.forKey(Secret.of("PKREGISTRY1"), 190);
        RequestBudget again = RequestBudget.forKey(Secret.of("PKREGISTRY1"), 500);
        RequestBudget stricter = RequestBudget.forKey(Secret.of("PKREGISTRY1"), 120);
        RequestBudget other = RequestBudget.forKey(Secret.of("PKREGISTRY2"), 190);

        assertThat(again).isSameAs(first);
        assertThat(stricter).isSameAs(first);
        assertThat(first.perMinute()).isEqualTo(120);
        assertThat(other).isNotSameAs(first);
        assertThat(other.perMinute()).isEqualTo(190);
    }

    @Test
    void thePeakCountsRequestsStartedWithinAnySixtySeconds() {
        AtomicLong nanos = new AtomicLong();
        RequestBudget budget = new RequestBudget(10_000, nanos::get);

        for (int i = 0; i < 5; i++) {
            budget.acquire(); // t = 0
        }
        nanos.set(Duration.ofSeconds(59).toNanos());
        budget.acquire();
        budget.acquire();
        nanos.set(Duration.ofSeconds(60).toNanos()); // the five at t = 0 leave the window
        budget.acquire();

        assertThat(budget.requests()).isEqualTo(8);
        assertThat(budget.peakPerMinute()).isEqualTo(7);
    }

    @Test
    void aBudgetNeedsAtLeastOneRequestAMinute() {
        assertThatThrownBy(() -> new RequestBudget(0, System::nanoTime))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one request a minute");
    }
}
