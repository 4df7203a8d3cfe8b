package io.alchemiser.alpaca.emulator;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.PriceHistory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the emulator's prices come from: the daily bars of a core {@link PriceHistory}. At any moment a symbol's mid
 * is the close of its latest bar dated on or before the market's date (so during a session it is that day's close,
 * which makes an emulated day replay a backtest's prices), and its book is {@code spreadBps} wide around that mid. A
 * test can override a symbol's mid or its whole book. Thread-safe.
 */
final class Prices {
    private static final LocalDate FIRST = LocalDate.of(1970, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2100, 12, 31);

    private final PriceHistory history;
    private final int spreadBps;
    private final Map<Symbol, Optional<BarSeries>> series = new ConcurrentHashMap<>();
    private final Map<Symbol, BigDecimal> mids = new ConcurrentHashMap<>();
    private final Map<Symbol, Book> books = new ConcurrentHashMap<>();

    Prices(PriceHistory history, int spreadBps) {
        this.history = history;
        this.spreadBps = spreadBps;
    }

    /** Every bar the history holds for the symbol, or empty if it does not know the symbol. */
    Optional<BarSeries> series(Symbol symbol) {
        return series.computeIfAbsent(symbol, s -> {
            if (history == null) {
                return Optional.empty();
            }
            try {
                BarSeries all = history.dailyBars(s, FIRST, LAST);
                return all.isEmpty() ? Optional.empty() : Optional.of(all);
            } catch (MarketDataException unknown) {
                return Optional.empty();
            }
        });
    }

    boolean knows(Symbol symbol) {
        return books.containsKey(symbol) || mids.containsKey(symbol) || series(symbol).isPresent();
    }

    /** The book at {@code now}, or empty when the symbol has no price at all by then. */
    Optional<Book> book(Symbol symbol, Instant now) {
        Book fixed = books.get(symbol);
        if (fixed != null) {
            return Optional.of(fixed);
        }
        BigDecimal mid = mids.get(symbol);
        if (mid == null) {
            mid = latestBar(symbol, MarketCalendar.dateOf(now)).map(DailyBar::close).orElse(null);
        }
        return mid == null ? Optional.empty() : Optional.of(Book.around(mid, spreadBps));
    }

    /** The last bar dated on or before {@code date}. */
    Optional<DailyBar> latestBar(Symbol symbol, LocalDate date) {
        return series(symbol).flatMap(s -> {
            int i = s.indexAtOrBefore(date);
            return i < 0 ? Optional.empty() : Optional.of(s.bars().get(i));
        });
    }

    /** Bars dated {@code from} to {@code to}. */
    List<DailyBar> bars(Symbol symbol, LocalDate from, LocalDate to) {
        return series(symbol).map(s -> s.between(from, to).bars()).orElse(List.of());
    }

    void setMid(Symbol symbol, BigDecimal mid) {
        books.remove(symbol);
        mids.put(symbol, mid);
    }

    void setBook(Symbol symbol, Book book) {
        books.put(symbol, book);
    }

    void clearOverride(Symbol symbol) {
        books.remove(symbol);
        mids.remove(symbol);
    }
}
