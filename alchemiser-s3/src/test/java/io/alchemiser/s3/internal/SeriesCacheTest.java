package io.alchemiser.s3.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketDataException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SeriesCacheTest {
    private static final Symbol A = new Symbol("A");
    private static final Symbol B = new Symbol("B");
    private static final Symbol C = new Symbol("C");

    @Test
    void concurrentCallersShareOneLoad() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        SeriesCache cache = new SeriesCache(s -> {
            loads.incrementAndGet();
            await(release);
            return BarSeries.empty(s);
        }, 4, "test");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<BarSeries>> calls = List.of(pool.submit(() -> cache.get(A)), pool.submit(() -> cache.get(A)),
                    pool.submit(() -> cache.getAll(List.of(A)).get(A)));
            Thread.sleep(100);
            release.countDown();
            for (Future<BarSeries> call : calls) {
                assertThat(call.get(10, TimeUnit.SECONDS).symbol()).isEqualTo(A);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(loads.get()).isEqualTo(1);
    }

    @Test
    void aFailedLoadIsNotCached() {
        AtomicInteger attempts = new AtomicInteger();
        SeriesCache cache = new SeriesCache(s -> {
            if (attempts.incrementAndGet() == 1) {
                throw new MarketDataException("first try fails for " + s);
            }
            return BarSeries.empty(s);
        }, 2, "test");
        assertThatThrownBy(() -> cache.get(A)).isInstanceOf(MarketDataException.class).hasMessage("first try fails for A");
        assertThat(cache.get(A).symbol()).isEqualTo(A);
        assertThat(attempts.get()).isEqualTo(2);
    }

    @Test
    void anUnexpectedExceptionBecomesAMarketDataExceptionNamingTheSymbol() {
        SeriesCache cache = new SeriesCache(s -> {
            throw new IllegalStateException("boom");
        }, 2, "test");
        assertThatThrownBy(() -> cache.get(B)).isInstanceOf(MarketDataException.class)
                .hasMessageContaining("B").hasMessageContaining("boom");
    }

    @Test
    void getAllUsesAtMostTheGivenNumberOfThreadsAndKeepsTheOrder() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        SeriesCache cache = new SeriesCache(s -> {
            threads.add(Thread.currentThread().getName());
            return BarSeries.empty(s);
        }, 2, "loader");
        List<Symbol> symbols = List.of(C, A, B, new Symbol("D"), new Symbol("E"), new Symbol("F"));
        Map<Symbol, BarSeries> got = cache.getAll(symbols);
        assertThat(got.keySet()).containsExactlyElementsOf(symbols);
        assertThat(threads.stream().filter(t -> t.startsWith("loader-")).count()).isLessThanOrEqualTo(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
