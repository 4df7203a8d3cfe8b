package io.alchemiser.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.alpaca.config.AlpacaConfig;
import io.alchemiser.alpaca.config.RetryPolicy;
import io.alchemiser.alpaca.emulator.AlpacaEmulator;
import io.alchemiser.core.domain.Secret;
import io.alchemiser.core.port.BrokerException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client-side request budget in real time (the only time Guava's limiter knows), against an emulator whose
 * budget window is scaled down from a minute to three seconds so that a test can cross it: ten threads bursting
 * through one key stay under the emulator's budget, while the same burst without pacing draws 429s.
 */
class AlpacaRequestBudgetTest {
    private static final AtomicInteger KEYS = new AtomicInteger();
    private static final int THREADS = 10;
    private static final int CALLS_EACH = 6;

    private AlpacaEmulator emulator;
    private final List<AlpacaAdapters> opened = new ArrayList<>();

    @AfterEach
    void stop() {
        opened.forEach(AlpacaAdapters::close);
        if (emulator != null) {
            emulator.close();
        }
    }

    private AlpacaConfig.Builder config(String keyId) {
        return AlpacaConfig.builder().keyId(Secret.of(keyId)).secretKey(Secret.of(emulator.secretKey()))
                .tradingUrl(emulator.tradingUrl()).dataUrl(emulator.dataUrl()).stream(false);
    }

    private AlpacaAdapters open(AlpacaConfig config) {
        AlpacaAdapters a = AlpacaAdapters.create(config);
        opened.add(a);
        return a;
    }

    /** Real time, 45 requests within any 3 s; the key is fresh so no other test's budget is shared. */
    private String startEmulator() {
        String key = "PKBUDGET" + KEYS.incrementAndGet() + "000000000000";
        emulator = AlpacaEmulator.builder().clock(Clock.systemUTC()).prices(EmulatedAlpaca.PRICES)
                .rateLimit(45, Duration.ofSeconds(3)).keys(key, "budget-secret").start();
        return key;
    }

    private static int burst(AlpacaBroker broker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                tasks.add(() -> {
                    int refused = 0;
                    for (int i = 0; i < CALLS_EACH; i++) {
                        try {
                            broker.account();
                        } catch (BrokerException e) {
                            assertThat(e.kind()).isEqualTo(BrokerException.Kind.RATE_LIMITED);
                            refused++;
                        }
                    }
                    return refused;
                });
            }
            int refused = 0;
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                refused += f.get(60, TimeUnit.SECONDS);
            }
            return refused;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBurstFromTenThreadsIsPacedUnderTheBudgetWithNo429() throws Exception {
        String key = startEmulator();
        // 600 a minute is 10 a second: at most 1 + 10 x (3 + 1) = 41 requests within any 3 s, under the 45 allowed.
        AlpacaAdapters adapters = open(config(key).requestsPerMinute(600).build());

        int refused = burst(adapters.broker());

        RequestStats stats = adapters.requestStats();
        System.out.printf("burst of %d reads from %d threads at 600/min: emulator peak %d per 3 s (budget 45), %d "
                        + "answered 429; client %s%n", THREADS * CALLS_EACH, THREADS, emulator.peakRequestsPerMinute(),
                emulator.rateLimited(), stats);
        assertThat(refused).isZero();
        assertThat(emulator.rateLimited()).isZero();
        assertThat(emulator.peakRequestsPerMinute()).isLessThan(45);
        assertThat(stats.requests()).isEqualTo(THREADS * CALLS_EACH);
        assertThat(stats.budgetPerMinute()).isEqualTo(600);
        assertThat(stats.throttled()).isPositive();
    }

    @Test
    void theSameBurstWithoutPacingDraws429s() throws Exception {
        String key = startEmulator();
        AlpacaAdapters adapters = open(config(key).requestsPerMinute(AlpacaConfig.MAX_REQUESTS_PER_MINUTE)
                .retryPolicy(RetryPolicy.none()).build());

        int refused = burst(adapters.broker());

        assertThat(refused).isPositive();
        assertThat(emulator.rateLimited()).isEqualTo(refused);
    }

    @Test
    void twoAdapterSetsWithTheSameKeyShareOneBudgetAndItsFigures() {
        String key = startEmulator();
        AlpacaAdapters first = open(config(key).requestsPerMinute(AlpacaConfig.MAX_REQUESTS_PER_MINUTE).build());
        AlpacaAdapters second = open(config(key).requestsPerMinute(AlpacaConfig.MAX_REQUESTS_PER_MINUTE).build());

        first.broker().account();
        first.scheduler().clock();
        second.marketData().latestQuote(io.alchemiser.core.domain.Symbol.of("SPY"));

        assertThat(first.requestStats().requests()).isEqualTo(3);
        assertThat(second.requestStats()).isEqualTo(first.requestStats());
        assertThat(emulator.requests()).hasSize(3);
    }
}
