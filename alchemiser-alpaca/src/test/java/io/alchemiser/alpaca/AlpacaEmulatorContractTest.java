package io.alchemiser.alpaca;

import io.alchemiser.alpaca.emulator.AlpacaEmulator;
import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.Broker;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.core.port.Quotes;
import io.alchemiser.core.port.contract.BrokerContract;
import io.alchemiser.core.port.contract.PriceHistoryContract;
import io.alchemiser.core.port.contract.QuotesContract;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/**
 * The three port contracts, kept by the real adapters against the emulator: evidence that the emulator speaks
 * Alpaca as the adapters understand it, stream included.
 */
class AlpacaEmulatorContractTest {

    private final List<AutoCloseable> opened = new ArrayList<>();

    /** An emulator and the adapters on it. */
    private record Wired(EmulatedAlpaca alpaca, AlpacaAdapters adapters) {
    }

    private Wired wire(Instant at, UnaryOperator<AlpacaEmulator.Builder> setup, boolean stream) {
        // Sleeps take their real length too, so the contracts' real-time expectations hold on simulated time.
        EmulatedAlpaca alpaca = new EmulatedAlpaca(at, setup, 1);
        AlpacaAdapters a = AlpacaAdapters.create(alpaca.config().stream(stream)
                .orderPollCycle(Duration.ofMillis(40)).build());
        opened.add(a);
        opened.add(alpaca);
        return new Wired(alpaca, a);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    /** A price history holding exactly the given series. */
    private static PriceHistory holding(List<BarSeries> series) {
        Map<Symbol, BarSeries> bySymbol = series.stream().collect(Collectors.toMap(BarSeries::symbol, s -> s));
        return (symbol, from, to) -> {
            BarSeries s = bySymbol.get(symbol);
            if (s == null) {
                throw new MarketDataException(symbol + ": unknown");
            }
            return s.between(from, to);
        };
    }

    @Nested
    class AsBroker extends BrokerContract {
        @Override
        protected Broker brokerWithCash(BigDecimal cash, Symbol tradable, BigDecimal price) {
            Wired w = wire(EmulatedAlpaca.TUESDAY_10AM, b -> b.cash(cash).prices(holding(List.of()))
                    .asset(tradable, true, true), true);
            w.alpaca().emulator.setPrice(tradable, price);
            return w.adapters().broker();
        }

        @Override
        protected Duration awaitTimeout() {
            return Duration.ofMillis(500);
        }
    }

    @Nested
    class AsPriceHistory extends PriceHistoryContract {
        @Override
        protected PriceHistory history(List<BarSeries> series) {
            return wire(Instant.parse("2024-11-26T15:00:00Z"), b -> b.prices(holding(series)).barsPageSize(7),
                    false).adapters().marketData();
        }
    }

    @Nested
    class AsQuotes extends QuotesContract {
        @Override
        protected Quotes quotes(List<Quote> quotes) {
            Wired w = wire(AT, b -> b.prices(holding(List.of())), false);
            for (Quote q : quotes) {
                w.alpaca().emulator.setBook(q.symbol(), q.bid(), q.ask(), q.last());
            }
            return w.adapters().marketData();
        }
    }
}
