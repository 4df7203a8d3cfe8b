package io.alchemiser.s3;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.s3.model.LakeBar;
import io.alchemiser.s3.model.RefreshReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many source requests, and how many seconds, a full refresh of 100 symbols costs. The source behaves like
 * Alpaca's bars endpoints: a one-symbol call is one request per page, a many-symbol call is one request per page
 * of up to 10,000 bars across up to 100 symbols; every request sleeps a fixed latency (default 150 ms, about what
 * a data API answers in from a cloud region). The lake is a local folder. Prints one line per scenario:
 * <ul>
 *   <li>daily: every symbol has ten years of bars through yesterday; the refresh appends one day;</li>
 *   <li>cold: the lake is empty; the refresh creates every symbol from ten years back.</li>
 * </ul>
 * Run: {@code java -cp ... io.alchemiser.s3.RefreshBench [latencyMillis]}.
 */
public final class RefreshBench {
    private static final int SYMBOLS = 100;
    private static final int YEARS = 10;
    private static final int PAGE_POINTS = 10_000;
    private static final int SYMBOLS_PER_REQUEST = 100;

    private RefreshBench() {
    }

    public static void main(String[] args) throws Exception {
        long latency = args.length > 0 ? Long.parseLong(args[0]) : 150;
        LocalDate through = LocalDate.of(2026, 11, 27);
        LocalDate start = through.minusYears(YEARS);
        List<Symbol> symbols = new ArrayList<>();
        Map<Symbol, BarSeries> history = new LinkedHashMap<>();
        for (int i = 0; i < SYMBOLS; i++) {
            Symbol s = new Symbol("S" + i);
            symbols.add(s);
            List<LakeBar> bars = TestBars.full(start, 2600, 50 + i);
            history.put(s, TestBars.series(s, bars).between(start, through));
        }
        LocalDate lastDay = history.get(symbols.get(0)).lastDate();
        System.out.printf(Locale.ROOT, "Refresh benchmark: %d symbols, %d bars each through %s, %d ms per request%n",
                SYMBOLS, history.get(symbols.get(0)).size(), lastDay, latency);

        Path daily = Files.createTempDirectory("refresh-bench-daily");
        try (ParquetBarStore store = ParquetBarStore.local(daily)) {
            for (Symbol s : symbols) {
                BarSeries all = history.get(s);
                store.writeSeries(all.between(all.firstDate(), lastDay.minusDays(1)));
            }
            run("daily (append 1 day)", store, history, symbols, start, lastDay, latency);
        }
        Path cold = Files.createTempDirectory("refresh-bench-cold");
        try (ParquetBarStore store = ParquetBarStore.local(cold)) {
            run("cold (create 10 years)", store, history, symbols, start, lastDay, latency);
        }
    }

    private static void run(String name, ParquetBarStore store, Map<Symbol, BarSeries> history, List<Symbol> symbols,
            LocalDate start, LocalDate through, long latency) {
        CountingSource source = new CountingSource(history, latency);
        long t0 = System.nanoTime();
        RefreshReport report = DataLakeRefresher.builder(store, source).historyStart(start).build()
                .refresh(symbols, through);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%-24s %4d requests (%d calls)  %6.2f s   %s%n", name, source.requests.get(),
                source.calls.get(), seconds, report.summary());
    }

    /** Alpaca-like request accounting with a fixed latency per request. */
    static final class CountingSource implements PriceHistory {
        private final Map<Symbol, BarSeries> history;
        private final long latencyMillis;
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();

        CountingSource(Map<Symbol, BarSeries> history, long latencyMillis) {
            this.history = history;
            this.latencyMillis = latencyMillis;
        }

        @Override
        public BarSeries dailyBars(Symbol symbol, LocalDate from, LocalDate to) {
            calls.incrementAndGet();
            BarSeries s = history.get(symbol).between(from, to);
            pay(pages(s.size()));
            return s;
        }

        @Override
        public Map<Symbol, BarSeries> dailyBars(Collection<Symbol> symbols, LocalDate from, LocalDate to) {
            calls.incrementAndGet();
            Map<Symbol, BarSeries> out = new LinkedHashMap<>();
            List<Symbol> all = new ArrayList<>(symbols);
            for (int i = 0; i < all.size(); i += SYMBOLS_PER_REQUEST) {
                int points = 0;
                for (Symbol s : all.subList(i, Math.min(all.size(), i + SYMBOLS_PER_REQUEST))) {
                    BarSeries series = history.get(s).between(from, to);
                    out.put(s, series);
                    points += series.size();
                }
                pay(pages(points));
            }
            return out;
        }

        private static int pages(int points) {
            return Math.max(1, (points + PAGE_POINTS - 1) / PAGE_POINTS);
        }

        private void pay(int pages) {
            requests.addAndGet(pages);
            try {
                Thread.sleep(latencyMillis * pages);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
