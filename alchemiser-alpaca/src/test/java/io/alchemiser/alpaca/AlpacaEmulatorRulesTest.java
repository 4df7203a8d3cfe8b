package io.alchemiser.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.alchemiser.alpaca.config.AlpacaConfig;
import io.alchemiser.alpaca.emulator.AlpacaEmulator;
import io.alchemiser.alpaca.emulator.FillModel;
import io.alchemiser.alpaca.emulator.MarketCalendar;
import io.alchemiser.core.domain.Account;
import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.ClientOrderId;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.MarketClock;
import io.alchemiser.core.domain.Order;
import io.alchemiser.core.domain.OrderRequest;
import io.alchemiser.core.domain.OrderStatus;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.BrokerException.Kind;
import io.alchemiser.core.port.BrokerException;
import io.alchemiser.core.port.MarketDataException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The emulator's Alpaca rules, seen through the real adapters: what each refusal becomes, and what a day does. */
class AlpacaEmulatorRulesTest {
    private static final Symbol SPY = Symbol.of("SPY");
    private static final Symbol TLT = Symbol.of("TLT");

    @AutoClose
    private AlpacaAdapters adapters;
    @AutoClose
    private EmulatedAlpaca alpaca;

    private AlpacaAdapters start(UnaryOperator<AlpacaEmulator.Builder> setup) {
        alpaca = new EmulatedAlpaca(setup);
        adapters = AlpacaAdapters.create(alpaca.config().stream(false).build());
        return adapters;
    }


    private static OrderRequest limit(String id, Symbol symbol, Side side, String qty, String price) {
        return OrderRequest.limit(new ClientOrderId(id), symbol, side, new BigDecimal(qty), new BigDecimal(price));
    }

    @Test
    void aSecondOrderWithTheSameClientOrderIdIsADuplicate() {
        AlpacaBroker broker = start(b -> b).broker();
        broker.submit(limit("day-SPY-B0", SPY, Side.BUY, "1", "500.00"));

        BrokerException e = catchThrowableOfType(BrokerException.class,
                () -> broker.submit(limit("day-SPY-B0", SPY, Side.BUY, "2", "501.00")));

        assertThat(e.kind()).isEqualTo(Kind.DUPLICATE);
        assertThat(alpaca.emulator.orders()).hasSize(1);
    }

    @Test
    void aSubPennyLimitIsRejectedAndNotRetryable() {
        AlpacaBroker broker = start(b -> b).broker();

        BrokerException e = catchThrowableOfType(BrokerException.class,
                () -> broker.submit(limit("day-SPY-B0", SPY, Side.BUY, "1", "599.505")));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("sub-penny").contains("HTTP 422").contains("42210000");
        assertThat(alpaca.emulator.orders()).isEmpty();
        assertThat(broker.submit(limit("day-TLT-B0", TLT, Side.BUY, "1", "0.5001")).status())
                .isEqualTo(OrderStatus.NEW);
    }

    @Test
    void aMarketBuyIsCheckedAtTheAskPlusTwoPercentAndALimitBuyAtItsLimit() {
        // SPY asks 600.30 (10 bps around 600): 16 shares cost 9,604.80 at the ask, 9,796.90 with the collar.
        AlpacaBroker broker = start(b -> b.cash(new BigDecimal("9700.00"))).broker();

        BrokerException e = catchThrowableOfType(BrokerException.class, () -> broker.submit(OrderRequest.market(
                new ClientOrderId("day-SPY-B0"), SPY, Side.BUY, new BigDecimal("16"))));
        Order atTheAsk = broker.submit(limit("day-SPY-B1", SPY, Side.BUY, "16", "600.30"));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.getMessage()).contains("insufficient buying power").contains("HTTP 403");
        assertThat(broker.awaitTerminal(atTheAsk.id(), Duration.ofSeconds(10)).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(alpaca.emulator.cash()).isEqualByComparingTo("95.20");
        assertThat(alpaca.emulator.positions()).containsEntry(SPY, new BigDecimal("16"));
    }

    @Test
    void sellingMoreThanIsHeldIsRejected() {
        AlpacaBroker broker = start(b -> b.position(SPY, new BigDecimal("3"), new BigDecimal("550"))).broker();

        BrokerException e = catchThrowableOfType(BrokerException.class,
                () -> broker.submit(limit("day-SPY-S0", SPY, Side.SELL, "4", "599.00")));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.getMessage()).contains("insufficient qty available for order (requested: 4, available: 3)");
    }

    @Test
    void fillsKeepCashAndPositionsConsistentAndSaleProceedsSettleLater() {
        AlpacaAdapters a = start(b -> b.cash(new BigDecimal("1000.00"))
                .position(TLT, new BigDecimal("10"), new BigDecimal("80"))
                .settlementDelay(Duration.ofSeconds(30)));
        AlpacaBroker broker = a.broker();

        Order sold = broker.awaitTerminal(broker.submit(OrderRequest.market(new ClientOrderId("day-TLT-S0"), TLT,
                Side.SELL, new BigDecimal("10"))).id(), Duration.ofSeconds(10));
        Account afterSale = broker.account();
        alpaca.clock.advance(Duration.ofSeconds(30));
        Account settled = broker.account();

        // TLT bids 89.95 (10 bps around 90.00): 10 shares bring 899.50.
        assertThat(sold.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(sold.averageFillPrice()).isEqualByComparingTo("89.95");
        assertThat(afterSale.cash()).isEqualByComparingTo("1899.50");
        assertThat(afterSale.buyingPower()).isEqualByComparingTo("1000.00");
        assertThat(settled.buyingPower()).isEqualByComparingTo("1899.50");
        assertThat(broker.positions()).isEmpty();
        assertThat(settled.equity()).isEqualByComparingTo("1899.50");
    }

    @Test
    void aWorkingBuyHoldsBuyingPowerUntilItEnds() {
        AlpacaBroker broker = start(b -> b.cash(new BigDecimal("1000.00"))).broker();

        Order resting = broker.submit(limit("day-TLT-B0", TLT, Side.BUY, "10", "80.00"));
        BigDecimal held = broker.account().buyingPower();
        broker.cancel(resting.id());

        assertThat(held).isEqualByComparingTo("200.00");
        assertThat(broker.account().buyingPower()).isEqualByComparingTo("1000.00");
        assertThat(broker.order(resting.id()).status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void aFractionalOrderUnderOneDollarIsRejectedAsDust() {
        AlpacaBroker broker = start(b -> b).broker();

        BrokerException e = catchThrowableOfType(BrokerException.class, () -> broker.submit(OrderRequest.market(
                new ClientOrderId("day-SPY-B0"), SPY, Side.BUY, new BigDecimal("0.000000005"))));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.getMessage()).contains("cost basis must be >= 1");
    }

    @Test
    void partialFillsArriveInSlicesAndTheWaitEndsFilled() {
        AlpacaBroker broker = start(b -> b.fillModel(FillModel.marketable().inSlices(4, Duration.ofSeconds(3))))
                .broker();

        Order done = broker.awaitTerminal(broker.submit(limit("day-SPY-B0", SPY, Side.BUY, "8", "601.00")).id(),
                Duration.ofSeconds(60));

        assertThat(done.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(done.filledQuantity()).isEqualByComparingTo("8");
        assertThat(done.averageFillPrice()).isEqualByComparingTo("600.30");
        assertThat(alpaca.emulator.positions()).containsEntry(SPY, new BigDecimal("8"));
    }

    @Test
    void anOrderPlacedWhileClosedWaitsForTheOpenAndADayOrderExpiresAtTheClose() {
        alpaca = new EmulatedAlpaca(Instant.parse("2024-11-26T13:00:00Z"), b -> b, 0); // 08:00 New York
        adapters = AlpacaAdapters.create(alpaca.config().stream(false).build());
        AlpacaBroker broker = adapters.broker();

        Order queued = broker.submit(OrderRequest.market(new ClientOrderId("day-SPY-B0"), SPY, Side.BUY,
                BigDecimal.ONE));
        Order resting = broker.submit(limit("day-SPY-B1", SPY, Side.BUY, "1", "500.00"));
        MarketClock before = adapters.scheduler().clock();
        alpaca.clock.set(Instant.parse("2024-11-26T14:30:00Z"));

        assertThat(queued.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(before.open()).isFalse();
        assertThat(before.nextOpen()).isEqualTo(Instant.parse("2024-11-26T14:30:00Z"));
        assertThat(broker.order(queued.id()).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(broker.order(resting.id()).status()).isEqualTo(OrderStatus.NEW);
        alpaca.clock.set(Instant.parse("2024-11-26T21:00:00Z"));
        assertThat(broker.order(resting.id()).status()).isEqualTo(OrderStatus.EXPIRED);
    }

    @Test
    void theClockAndCalendarKnowHolidaysAndEarlyCloses() {
        AlpacaAdapters a = start(b -> b.calendar(MarketCalendar.weekdays().holidays(LocalDate.of(2024, 11, 28))
                .earlyCloses(LocalDate.of(2024, 11, 29))));

        MarketClock now = a.scheduler().clock();

        assertThat(now.open()).isTrue();
        assertThat(now.today()).isEqualTo(LocalDate.of(2024, 11, 26));
        assertThat(now.nextClose()).isEqualTo(Instant.parse("2024-11-26T21:00:00Z"));
        assertThat(a.scheduler().session(LocalDate.of(2024, 11, 28))).isEmpty();
        assertThat(a.scheduler().runTime(LocalDate.of(2024, 11, 29), Duration.ofMinutes(15)))
                .contains(Instant.parse("2024-11-29T17:45:00Z"));
    }

    @Test
    void aBlockedAccountSaysSoAndCannotTrade() {
        AlpacaAdapters a = start(b -> b);
        alpaca.emulator.setStanding("ACTIVE", true, false, true);

        Account account = a.broker().account();
        BrokerException e = catchThrowableOfType(BrokerException.class,
                () -> a.broker().submit(limit("day-SPY-B0", SPY, Side.BUY, "1", "500.00")));

        assertThat(account.standing().tradingBlocked()).isTrue();
        assertThat(account.standing().patternDayTrader()).isTrue();
        assertThat(account.standing().problems()).containsExactly("trading is blocked on the account");
        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
    }

    @Test
    void aFreePlanTraderAtQuarterToFourGetsSipHistoryToYesterdayAndLiveIexQuotes() {
        // 15:45 New York on 2024-11-26. Defaults: SIP history ending 15 minutes before now, IEX quotes.
        alpaca = new EmulatedAlpaca(Instant.parse("2024-11-26T20:45:00Z"), b -> b.freePlan(true), 0);
        adapters = AlpacaAdapters.create(alpaca.config().stream(false).build());
        AlpacaMarketData data = adapters.marketData();

        BarSeries bars = data.dailyBars(SPY, LocalDate.of(2024, 11, 18), LocalDate.of(2024, 11, 26));
        Map<Symbol, Quote> quotes = data.latestQuotes(List.of(SPY, TLT));

        assertThat(bars.bars()).extracting(DailyBar::date).last().isEqualTo(LocalDate.of(2024, 11, 25));
        assertThat(quotes.get(SPY).bid()).isEqualByComparingTo("599.70");
        assertThat(quotes.get(SPY).ask()).isEqualByComparingTo("600.30");
        assertThat(quotes.get(SPY).timestamp()).isEqualTo(Instant.parse("2024-11-26T20:45:00Z"));
        assertThat(alpaca.emulator.requests()).extracting(AlpacaEmulator.LoggedRequest::status).containsOnly(200);

        AlpacaAdapters sipQuotes = AlpacaAdapters.create(alpaca.config().stream(false)
                .quoteFeed(AlpacaConfig.Feed.SIP).build());
        MarketDataException refused = catchThrowableOfType(MarketDataException.class,
                () -> sipQuotes.marketData().latestQuote(SPY));
        AlpacaAdapters noDelay = AlpacaAdapters.create(alpaca.config().stream(false).historyDelay(Duration.ZERO)
                .build());
        MarketDataException recent = catchThrowableOfType(MarketDataException.class,
                () -> noDelay.marketData().dailyBars(SPY, LocalDate.of(2024, 11, 18), LocalDate.of(2024, 11, 26)));
        assertThat(refused.getMessage()).contains("subscription does not permit querying recent SIP data")
                .contains("feed sip");
        assertThat(recent.getMessage()).contains("subscription does not permit querying recent SIP data");
    }
}
