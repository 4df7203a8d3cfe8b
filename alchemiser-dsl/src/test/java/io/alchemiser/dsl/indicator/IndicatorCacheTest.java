package io.alchemiser.dsl.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class IndicatorCacheTest {

    private static final double[] SPY_LIKE = {100, 101, 99, 102, 104, 103, 105, 107, 106, 108, 110, 109};
    private static final IndicatorSpec RSI_3 = IndicatorSpec.of(IndicatorKind.RSI, 3);

    @Test
    void computesASeriesOnceAndSharesIt() {
        IndicatorCache cache = new IndicatorCache();
        double[] first = cache.series("SPY", RSI_3, SPY_LIKE);
        double[] again = cache.series("SPY", RSI_3, SPY_LIKE.clone());
        assertThat(again).isSameAs(first);
        assertThat(first).containsExactly(Indicators.series(RSI_3, SPY_LIKE));
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void keysBySeriesAndSpec() {
        IndicatorCache cache = new IndicatorCache();
        double[] spy = cache.series("SPY", RSI_3, SPY_LIKE);
        double[] otherWindow = cache.series("SPY", IndicatorSpec.of(IndicatorKind.RSI, 4), SPY_LIKE);
        double[] otherSymbol = cache.series("QQQ", RSI_3, SPY_LIKE);
        assertThat(otherWindow).isNotSameAs(spy);
        assertThat(otherSymbol).isNotSameAs(spy);
        assertThat(cache.size()).isEqualTo(3);
        assertThat(new IndicatorCache().size()).isZero();
    }

    @Test
    void readsOneValue() {
        IndicatorCache cache = new IndicatorCache();
        IndicatorSpec sma = IndicatorSpec.of(IndicatorKind.MOVING_AVERAGE_PRICE, 2);
        assertThat(cache.valueAt("SPY", sma, SPY_LIKE, 11)).isEqualTo(109.5); // (110 + 109) / 2
        assertThat(cache.valueAt("SPY", sma, SPY_LIKE, 0)).isNaN();
        assertThatThrownBy(() -> cache.valueAt("SPY", sma, SPY_LIKE, 12)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void refusesAHistoryThatIsNotTheOneItComputedFrom() {
        IndicatorCache cache = new IndicatorCache();
        cache.series("SPY", RSI_3, SPY_LIKE);
        double[] withLivePrice = java.util.Arrays.copyOf(SPY_LIKE, SPY_LIKE.length + 1);
        withLivePrice[SPY_LIKE.length] = 111;
        assertThatThrownBy(() -> cache.series("SPY", RSI_3, withLivePrice))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SPY rsi(window 3) was computed from 12 bars ending at 109.0")
                .hasMessageContaining("13 bars ending at 111.0");
        double[] revisedClose = SPY_LIKE.clone();
        revisedClose[11] = 109.5;
        assertThatThrownBy(() -> cache.series("SPY", RSI_3, revisedClose)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void concurrentRequestsForOneKeyGetOneSeries() throws Exception {
        IndicatorCache cache = new IndicatorCache();
        double[] closes = new double[50_000];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = 100 + 10 * Math.sin(i / 17.0) + i * 0.001;
        }
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<double[]> ask = () -> {
                    start.await();
                    return cache.series("SYN", IndicatorSpec.of(IndicatorKind.STDEV_RETURN, 21), closes);
                };
                results.add(pool.submit(ask));
            }
            start.countDown();
            double[] first = results.get(0).get();
            for (Future<double[]> result : results) {
                assertThat(result.get()).isSameAs(first);
            }
            assertThat(cache.size()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
