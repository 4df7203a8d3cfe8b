package io.alchemiser.alpaca;

import static io.alchemiser.alpaca.AlpacaServers.json;
import static io.alchemiser.alpaca.AlpacaServers.take;
import static io.alchemiser.alpaca.Fixtures.bar;
import static io.alchemiser.alpaca.Fixtures.bars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.alpaca.config.AlpacaConfig;
import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketDataException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlpacaMarketDataTest {

    private static final Symbol SPY = Symbol.of("SPY");
    private AlpacaServers servers;

    @BeforeEach
    void start() throws Exception {
        servers = new AlpacaServers();
    }

    @AfterEach
    void stop() {
        servers.close();
    }

    @Test
    void dailyBarsFollowNextPageTokenWithTheDocumentedQuery() throws Exception {
        servers.data.enqueue(json(bars("SPY", "QUFQTHwyMDI0LTAxLTAzVDA1OjAwOjAwWg==",
                bar("2024-01-02T05:00:00Z", "472.16", "473.67", "470.49", "472.65", 123623700),
                bar("2024-01-03T05:00:00Z", "470.43", "471.19", "468.17", "468.79", 103585900))));
        servers.data.enqueue(json(bars("SPY", null,
                bar("2024-01-04T05:00:00Z", "468.3", "470.96", "467.05", "467.28", 84232200))));
        AlpacaMarketData data = new AlpacaMarketData(servers.config());

        BarSeries series = data.dailyBars(SPY, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 4));

        assertThat(series.bars()).extracting(DailyBar::date).containsExactly(LocalDate.of(2024, 1, 2),
                LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 4));
        assertThat(series.bars().get(0).close()).isEqualByComparingTo("472.65");
        assertThat(series.bars().get(0).close().scale()).isEqualTo(2);
        assertThat(series.bars().get(2).volume()).isEqualTo(84232200L);

        RecordedRequest first = take(servers.data);
        assertThat(first.getMethod()).isEqualTo("GET");
        assertThat(first.getUrl().encodedPath()).isEqualTo("/v2/stocks/SPY/bars");
        assertThat(first.getUrl().queryParameter("timeframe")).isEqualTo("1Day");
        assertThat(first.getUrl().queryParameter("adjustment")).isEqualTo("all");
        assertThat(first.getUrl().queryParameter("feed")).isEqualTo("sip");
        assertThat(first.getUrl().queryParameter("limit")).isEqualTo("10000");
        assertThat(first.getUrl().queryParameter("start")).isEqualTo("2024-01-02T05:00:00Z");
        assertThat(first.getUrl().queryParameter("end")).isEqualTo("2024-01-05T04:59:59Z");
        assertThat(first.getUrl().queryParameter("page_token")).isNull();
        assertThat(first.getHeaders().get("APCA-API-KEY-ID")).isEqualTo(AlpacaServers.KEY_ID);
        assertThat(first.getHeaders().get("APCA-API-SECRET-KEY")).isEqualTo(AlpacaServers.SECRET);

        RecordedRequest second = take(servers.data);
        assertThat(second.getUrl().queryParameter("page_token")).isEqualTo("QUFQTHwyMDI0LTAxLTAzVDA1OjAwOjAwWg==");
        assertThat(second.getUrl().queryParameter("start")).isEqualTo("2024-01-02T05:00:00Z");
        assertThat(servers.data.getRequestCount()).isEqualTo(2);
        assertThat(servers.trading.getRequestCount()).isZero();
    }

    @Test
    void barTimestampsBecomeNewYorkTradingDatesInWinterAndSummer() {
        servers.data.enqueue(json(bars("BRK.B", null,
                bar("2024-03-08T05:00:00Z", "409.1", "411.2", "405.0", "410.5", 3000000),
                bar("2024-03-11T04:00:00Z", "410.0", "412.0", "408.8", "411.3", 2900000))));
        AlpacaMarketData data = new AlpacaMarketData(servers.config());

        BarSeries series = data.dailyBars(Symbol.of("BRK/B"), LocalDate.of(2024, 3, 8), LocalDate.of(2024, 3, 11));

        assertThat(series.symbol()).isEqualTo(Symbol.of("BRK.B"));
        assertThat(series.bars()).extracting(DailyBar::date)
                .containsExactly(LocalDate.of(2024, 3, 8), LocalDate.of(2024, 3, 11));
    }

    @Test
    void barsAreRequestedFromTheConfiguredIexHistoryFeed() throws Exception {
        servers.data.enqueue(json(bars("SPY", null, bar("2024-01-02T05:00:00Z", "1", "1", "1", "1", 1))));
        AlpacaMarketData data = new AlpacaMarketData(servers.configBuilder().historyFeed(AlpacaConfig.Feed.IEX)
                .build());

        data.dailyBars(SPY, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 2));

        assertThat(take(servers.data).getUrl().queryParameter("feed")).isEqualTo("iex");
    }

    @Test
    void sipBarsEndFifteenMinutesBeforeNowAndTodaysUnfinishedBarIsLeftOut() throws Exception {
        // 10:00 New York on 2024-11-29: the free plan serves SIP only up to 09:45, and today's bar is not a close.
        servers.data.enqueue(json(bars("SPY", null,
                bar("2024-11-27T05:00:00Z", "599.66", "603.35", "599.38", "602.55", 30177444),
                bar("2024-11-29T05:00:00Z", "602.97", "603.35", "601.50", "602.10", 3000000))));
        AlpacaMarketData data = new AlpacaMarketData(servers.config());

        BarSeries series = data.dailyBars(SPY, LocalDate.of(2024, 11, 27), LocalDate.of(2024, 12, 31));

        assertThat(series.bars()).extracting(DailyBar::date).containsExactly(LocalDate.of(2024, 11, 27));
        RecordedRequest r = take(servers.data);
        assertThat(r.getUrl().queryParameter("feed")).isEqualTo("sip");
        assertThat(r.getUrl().queryParameter("start")).isEqualTo("2024-11-27T05:00:00Z");
        assertThat(r.getUrl().queryParameter("end")).isEqualTo("2024-11-29T14:45:00Z");
    }

    @Test
    void withoutAHistoryDelayBarsEndNowNeverInTheFuture() throws Exception {
        servers.clock.set(Instant.parse("2024-11-29T21:30:00.250Z")); // 16:30 New York: the day has closed
        servers.data.enqueue(json(bars("SPY", null,
                bar("2024-11-29T05:00:00Z", "602.97", "603.35", "601.50", "602.55", 3000000))));
        AlpacaMarketData data = new AlpacaMarketData(servers.configBuilder().historyDelay(Duration.ZERO).build());

        BarSeries series = data.dailyBars(SPY, LocalDate.of(2024, 11, 29), LocalDate.of(2025, 1, 31));

        assertThat(series.bars()).extracting(DailyBar::date).containsExactly(LocalDate.of(2024, 11, 29));
        assertThat(take(servers.data).getUrl().queryParameter("end")).isEqualTo("2024-11-29T21:30:00Z");
    }

    @Test
    void aRangeStartingAfterTheSipHistoryEndsIsAnErrorAndNoRequest() {
        servers.clock.set(Instant.parse("2024-11-30T05:05:00Z")); // 00:05 New York: SIP ends at 23:50 yesterday
        AlpacaMarketData data = new AlpacaMarketData(servers.config());

        assertThatThrownBy(() -> data.dailyBars(List.of(SPY), LocalDate.of(2024, 11, 30), LocalDate.of(2024, 11, 30)))
                .isInstanceOf(MarketDataException.class)
                .hasMessageContaining("2024-11-30")
                .hasMessageContaining("sip history ends at 2024-11-30T04:50:00Z")
                .hasMessageContaining("history delay of PT15M");
        assertThat(servers.data.getRequestCount()).isZero();
    }

    @Test
    void anEmptyBarsAnswerIsMissingDataNamingTheSymbolNotAnEmptySeries() {
        servers.data.enqueue(json("{\"bars\":null,\"symbol\":\"ZZZQ\",\"next_page_token\":null}"));
        AlpacaMarketData data = new AlpacaMarketData(servers.config());

        assertThatThrownBy(() -> data.dailyBars(Symbol.of("ZZZQ"), LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 31)))
                .isInstanceOf(MarketDataException.class)
                .hasMessageContaining("ZZZQ")
                .hasMessageContaining("no daily bars")
                .hasMessageContaining("2024-01-02");
    }

    @Test
    void multiSymbolBarsFollowPagesAcrossSymbols() throws Exception {
        servers.data.enqueue(json("{\"bars\":{\"SPY\":[" + bar("2024-01-02T05:00:00Z", "472.16", "473.67", "470.49",
                "472.65", 123623700) + "]},\"next_page_token\":\"U1BZfDIwMjQ=\"}"));
        servers.data.enqueue(json("{\"bars\":{\"SPY\":[" + bar("2024-01-03T05:00:00Z", "470.43", "471.19", "468.17",
                "468.79", 103585900) + "],\"BRK.B\":[" + bar("2024-01-02T05:00:00Z", "356.6", "360.0", "355.1", "359.3",
                3800000) + "]},\"next_page_token\":null}"));
        AlpacaMarketData data = new AlpacaMarketData(servers.config());

        Map<Symbol, BarSeries> result = data.dailyBars(List.of(SPY, Symbol.of("BRK.B")), LocalDate.of(2024, 1, 2),
                LocalDate.of(2024, 1, 3));

        assertThat(result.keySet()).containsExactly(SPY, Symbol.of("BRK.B"));
        assertThat(result.get(SPY).size()).isEqualTo(2);
        assertThat(result.get(Symbol.of("BRK.B")).bars().get(0).close()).isEqualByComparingTo("359.3");
        RecordedRequest first = take(servers.data);
        assertThat(first.getUrl().encodedPath()).isEqualTo("/v2/stocks/bars");
        assertThat(first.getUrl().queryParameter("symbols")).isEqualTo("SPY,BRK.B");
        assertThat(first.getUrl().queryParameter("adjustment")).isEqualTo("all");
        assertThat(take(servers.data).getUrl().queryParameter("page_token")).isEqualTo("U1BZfDIwMjQ=");
    }

    @Test
    void aSymbolMissingFromAMultiSymbolAnswerFailsNamingIt() {
        servers.data.enqueue(json("{\"bars\":{\"SPY\":[" + bar("2024-01-02T05:00:00Z", "1", "1", "1", "1", 1)
                + "]},\"next_page_token\":null}"));
        AlpacaMarketData data = new AlpacaMarketData(servers.config());

        assertThatThrownBy(() -> data.dailyBars(List.of(SPY, Symbol.of("DELISTED")), LocalDate.of(2024, 1, 2),
                LocalDate.of(2024, 1, 2)))
                .isInstanceOf(MarketDataException.class)
                .hasMessageContaining("DELISTED")
                .hasMessageNotContaining("SPY");
    }

    @Test
    void manySymbolsAreSplitIntoBatchesOfOneHundred() throws Exception {
        servers.data.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = Arrays.stream(request.getUrl().queryParameter("symbols").split(","))
                        .map(s -> "\"" + s + "\":[" + bar("2024-01-02T05:00:00Z", "10", "11", "9", "10.5", 100) + "]")
                        .collect(Collectors.joining(",", "{\"bars\":{", "},\"next_page_token\":null}"));
                return json(body);
            }
        });
        List<Symbol> symbols = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            symbols.add(Symbol.of("S" + i));
        }
        AlpacaMarketData data = new AlpacaMarketData(servers.config());

        Map<Symbol, BarSeries> result = data.dailyBars(symbols, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 2));

        assertThat(result).hasSize(150);
        assertThat(take(servers.data).getUrl().queryParameter("symbols").split(",")).hasSize(100);
        assertThat(take(servers.data).getUrl().queryParameter("symbols").split(",")).hasSize(50);
        assertThat(servers.data.getRequestCount()).isEqualTo(2);
    }

    private static final String AAPL_QUOTE = "{\"t\":\"2022-08-17T10:09:34.055031265Z\",\"ax\":\"Q\",\"ap\":172.7,"
            + "\"as\":1,\"bx\":\"Q\",\"bp\":172.6,\"bs\":2,\"c\":[\"R\"],\"z\":\"C\"}";
    private static final String AAPL_TRADE = "{\"t\":\"2022-08-17T09:53:16.845580544Z\",\"x\":\"P\",\"p\":172.65,"
            + "\"s\":100,\"c\":[\"@\",\"T\"],\"i\":689,\"z\":\"C\"}";
    private static final String EMPTY_QUOTE = "{\"t\":\"0001-01-01T00:00:00Z\",\"ax\":\"\",\"ap\":0,\"as\":0,"
            + "\"bx\":\"\",\"bp\":0,\"bs\":0,\"c\":null,\"z\":\"\"}";
    private static final String EMPTY_TRADE = "{\"t\":\"0001-01-01T00:00:00Z\",\"p\":0,\"s\":0}";

    /** One symbol's entry in a {@code /v2/stocks/snapshots} answer. */
    private static String snapshot(String symbol, String quote, String trade) {
        return "\"" + symbol + "\":{\"latestTrade\":" + trade + ",\"latestQuote\":" + quote + ",\"minuteBar\":"
                + bar("2022-08-17T10:09:00Z", "172.6", "172.7", "172.5", "172.65", 1200) + ",\"dailyBar\":"
                + bar("2022-08-17T04:00:00Z", "171", "173", "170.5", "172.65", 50000) + ",\"prevDailyBar\":"
                + bar("2022-08-16T04:00:00Z", "170", "171.2", "169", "170.9", 60000) + "}";
    }

    @Test
    void latestQuoteTakesBidAndAskFromTheQuoteAndLastFromTheTradeInOneSnapshotRequest() throws Exception {
        servers.data.enqueue(json("{" + snapshot("AAPL", AAPL_QUOTE, AAPL_TRADE) + "}"));
        AlpacaMarketData data = new AlpacaMarketData(servers.config());

        Quote quote = data.latestQuote(Symbol.of("AAPL"));

        assertThat(quote.bid()).isEqualByComparingTo("172.6");
        assertThat(quote.ask()).isEqualByComparingTo("172.7");
        assertThat(quote.last()).isEqualByComparingTo("172.65");
        assertThat(quote.timestamp()).isEqualTo(Instant.parse("2022-08-17T10:09:34.055031265Z"));
        RecordedRequest q = take(servers.data);
        assertThat(q.getUrl().encodedPath()).isEqualTo("/v2/stocks/snapshots");
        assertThat(q.getUrl().queryParameter("symbols")).isEqualTo("AAPL");
        assertThat(q.getUrl().queryParameter("feed")).isEqualTo("iex");
        assertThat(servers.data.getRequestCount()).isEqualTo(1);
    }

    @Test
    void quotesOfManySymbolsTakeOneRequestKeyedInTheOrderAsked() throws Exception {
        servers.data.enqueue(json("{" + snapshot("SPY", "{\"t\":\"2024-11-29T17:59:59Z\",\"ap\":602.6,\"bp\":0}",
                "{\"t\":\"2024-11-29T17:59:58Z\",\"p\":602.55,\"s\":5}") + ","
                + snapshot("AAPL", AAPL_QUOTE, AAPL_TRADE) + "}"));
        AlpacaMarketData data = new AlpacaMarketData(servers.configBuilder().quoteFeed(AlpacaConfig.Feed.SIP).build());

        Map<Symbol, Quote> quotes = data.latestQuotes(List.of(Symbol.of("AAPL"), SPY, Symbol.of("AAPL")));

        assertThat(quotes.keySet()).containsExactly(Symbol.of("AAPL"), SPY);
        assertThat(quotes.get(SPY).bid()).isNull();
        assertThat(quotes.get(SPY).ask()).isEqualByComparingTo("602.6");
        assertThat(quotes.get(SPY).last()).isEqualByComparingTo("602.55");
        assertThat(quotes.get(SPY).timestamp()).isEqualTo(Instant.parse("2024-11-29T17:59:59Z"));
        assertThat(quotes.get(Symbol.of("AAPL")).bid()).isEqualByComparingTo("172.6");
        RecordedRequest r = take(servers.data);
        assertThat(r.getUrl().queryParameter("symbols")).isEqualTo("AAPL,SPY");
        assertThat(r.getUrl().queryParameter("feed")).isEqualTo("sip");
        assertThat(servers.data.getRequestCount()).isEqualTo(1);
    }

    @Test
    void quotesOfManySymbolsAreAskedInBatchesOfOneHundred() throws Exception {
        servers.data.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return json(Arrays.stream(request.getUrl().queryParameter("symbols").split(","))
                        .map(s -> snapshot(s, AAPL_QUOTE, AAPL_TRADE)).collect(Collectors.joining(",", "{", "}")));
            }
        });
        List<Symbol> symbols = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            symbols.add(Symbol.of("Q" + i));
        }
        AlpacaMarketData data = new AlpacaMarketData(servers.config());

        Map<Symbol, Quote> quotes = data.latestQuotes(symbols);

        assertThat(quotes.keySet()).containsExactlyElementsOf(symbols);
        assertThat(take(servers.data).getUrl().queryParameter("symbols").split(",")).hasSize(100);
        assertThat(take(servers.data).getUrl().queryParameter("symbols").split(",")).hasSize(50);
        assertThat(servers.data.getRequestCount()).isEqualTo(2);
    }

    @Test
    void symbolsWithoutAnyQuoteAreNamedTogetherAndNoneIsZero() {
        servers.data.enqueue(json("{" + snapshot("SPY", AAPL_QUOTE, AAPL_TRADE) + ","
                + snapshot("NODATA", EMPTY_QUOTE, EMPTY_TRADE) + ",\"NULLED\":null}"));
        AlpacaMarketData data = new AlpacaMarketData(servers.config());

        assertThatThrownBy(() -> data.latestQuotes(List.of(SPY, Symbol.of("NODATA"), Symbol.of("MISSING"),
                Symbol.of("NULLED"))))
                .isInstanceOf(MarketDataException.class)
                .hasMessageContaining("[NODATA, MISSING, NULLED]")
                .hasMessageNotContaining("SPY")
                .hasMessageContaining("feed iex");
    }

    @Test
    void zeroPricesInAnEmptyQuoteAreMissingSidesNeverZero() {
        servers.data.enqueue(json("{" + snapshot("UVXY", EMPTY_QUOTE, "{\"t\":\"2024-11-29T17:59:59.1Z\",\"x\":\"V\","
                + "\"p\":27.31,\"s\":50,\"c\":[\"@\"],\"i\":52983525029461,\"z\":\"B\"}") + "}"));
        AlpacaMarketData data = new AlpacaMarketData(servers.config());

        Quote quote = data.latestQuote(Symbol.of("UVXY"));

        assertThat(quote.bid()).isNull();
        assertThat(quote.ask()).isNull();
        assertThat(quote.last()).isEqualByComparingTo("27.31");
        assertThat(quote.referencePrice()).isEqualByComparingTo("27.31");
        assertThat(quote.timestamp()).isEqualTo(Instant.parse("2024-11-29T17:59:59.1Z"));
    }

    @Test
    void noQuoteAndNoTradeIsAnErrorNamingTheSymbol() {
        servers.data.enqueue(json("{" + snapshot("NODATA", EMPTY_QUOTE, EMPTY_TRADE) + "}"));
        AlpacaMarketData data = new AlpacaMarketData(servers.config());

        assertThatThrownBy(() -> data.latestQuote(Symbol.of("NODATA")))
                .isInstanceOf(MarketDataException.class)
                .hasMessageContaining("NODATA")
                .hasMessageContaining("empty data");
    }

    @Test
    void latestTradeReadsPriceSizeAndTime() throws Exception {
        servers.data.enqueue(json("{\"symbol\":\"SPY\",\"trade\":{\"t\":\"2024-11-29T17:59:58.5Z\",\"x\":\"V\","
                + "\"p\":602.55,\"s\":12.5,\"c\":[\"@\"],\"i\":1,\"z\":\"B\"}}"));
        AlpacaMarketData data = new AlpacaMarketData(servers.config());

        LatestTrade trade = data.latestTrade(SPY);

        assertThat(trade.price()).isEqualByComparingTo("602.55");
        assertThat(trade.size()).isEqualByComparingTo("12.5");
        assertThat(trade.timestamp()).isEqualTo(Instant.parse("2024-11-29T17:59:58.5Z"));
        assertThat(take(servers.data).getUrl().encodedPath()).isEqualTo("/v2/stocks/SPY/trades/latest");
    }

    @Test
    void aServerErrorIsRetriedAfterAJitteredBackoffThenSucceeds() throws Exception {
        servers.data.enqueue(json(500, "{\"message\":\"internal server error\"}"));
        servers.data.enqueue(json(bars("SPY", null, bar("2024-01-02T05:00:00Z", "472.16", "473.67", "470.49",
                "472.65", 1))));
        AlpacaMarketData data = new AlpacaMarketData(servers.config());

        BarSeries series = data.dailyBars(SPY, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 2));

        assertThat(series.size()).isEqualTo(1);
        assertThat(servers.data.getRequestCount()).isEqualTo(2);
        assertThat(servers.sleeper.waits()).singleElement()
                .satisfies(d -> assertThat(d).isBetween(Duration.ofMillis(5), Duration.ofMillis(10)));
        RecordedRequest first = take(servers.data);
        RecordedRequest retry = take(servers.data);
        assertThat(retry.getTarget()).isEqualTo(first.getTarget());
    }

    @Test
    void aRateLimitHonoursRetryAfterSeconds() throws Exception {
        servers.data.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2")
                .addHeader("X-RateLimit-Limit", "200").addHeader("X-RateLimit-Remaining", "0")
                .body("{\"message\":\"too many requests.\"}").build());
        servers.data.enqueue(json(bars("SPY", null, bar("2024-01-02T05:00:00Z", "1", "1", "1", "1", 1))));
        AlpacaMarketData data = new AlpacaMarketData(servers.config());

        data.dailyBars(SPY, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 2));

        assertThat(servers.sleeper.waits()).containsExactly(Duration.ofSeconds(2));
        assertThat(servers.data.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aRateLimitWithoutRetryAfterWaitsUntilTheRateLimitReset() {
        long reset = servers.clock.instant().getEpochSecond() + 3;
        servers.data.enqueue(new MockResponse.Builder().code(429).addHeader("X-RateLimit-Limit", "200")
                .addHeader("X-RateLimit-Remaining", "0").addHeader("X-RateLimit-Reset", String.valueOf(reset))
                .body("{\"message\":\"too many requests.\"}").build());
        servers.data.enqueue(json(bars("SPY", null, bar("2024-01-02T05:00:00Z", "1", "1", "1", "1", 1))));
        AlpacaMarketData data = new AlpacaMarketData(servers.config());

        data.dailyBars(SPY, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 2));

        assertThat(servers.sleeper.waits()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void aRateLimitAskingForMoreThanTheAllowedWaitFailsAtOnce() {
        servers.data.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "120")
                .body("{\"message\":\"too many requests.\"}").build());
        AlpacaMarketData data = new AlpacaMarketData(servers.config());

        assertThatThrownBy(() -> data.dailyBars(SPY, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 2)))
                .isInstanceOf(MarketDataException.class)
                .hasMessageContaining("SPY")
                .hasMessageContaining("429");
        assertThat(servers.sleeper.waits()).isEmpty();
        assertThat(servers.data.getRequestCount()).isEqualTo(1);
    }

    @Test
    void persistentServerErrorsStopAfterTheConfiguredAttempts() {
        for (int i = 0; i < 3; i++) {
            servers.data.enqueue(json(503, "{\"message\":\"service unavailable\"}"));
        }
        AlpacaMarketData data = new AlpacaMarketData(servers.config());

        assertThatThrownBy(() -> data.latestTrade(SPY))
                .isInstanceOf(MarketDataException.class)
                .hasMessageContaining("503")
                .hasMessageContaining("service unavailable");
        assertThat(servers.data.getRequestCount()).isEqualTo(3);
        assertThat(servers.sleeper.waits()).hasSize(2);
        assertThat(servers.sleeper.waits().get(1)).isBetween(Duration.ofMillis(10), Duration.ofMillis(20));
    }

    @Test
    void aForbiddenFeedSaysWhatToCheckWithoutShowingTheKeys() {
        servers.data.enqueue(json(403, "{\"message\":\"subscription does not permit querying recent SIP data\"}"));
        AlpacaMarketData data = new AlpacaMarketData(servers.configBuilder().historyFeed(AlpacaConfig.Feed.SIP).build());

        assertThatThrownBy(() -> data.dailyBars(SPY, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 2)))
                .isInstanceOf(MarketDataException.class)
                .hasMessageContaining("subscription does not permit")
                .hasMessageContaining("feed sip")
                .hasMessageNotContaining(AlpacaServers.KEY_ID)
                .hasMessageNotContaining(AlpacaServers.SECRET);
        assertThat(servers.data.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aZeroCloseIsRefusedNotPassedOnAsAPrice() {
        servers.data.enqueue(json(bars("SPY", null, bar("2024-01-02T05:00:00Z", "1", "1", "1", "0", 1))));
        AlpacaMarketData data = new AlpacaMarketData(servers.config());

        assertThatThrownBy(() -> data.dailyBars(SPY, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 2)))
                .isInstanceOf(MarketDataException.class)
                .hasMessageContaining("SPY")
                .hasMessageContaining("close must be positive");
    }

    @Test
    void aRepeatedPageTokenStopsInsteadOfLooping() {
        for (int i = 0; i < 2; i++) {
            servers.data.enqueue(json(bars("SPY", "same", bar("2024-01-0" + (2 + i) + "T05:00:00Z", "1", "1", "1",
                    "1", 1))));
        }
        AlpacaMarketData data = new AlpacaMarketData(servers.config());

        assertThatThrownBy(() -> data.dailyBars(SPY, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 5)))
                .isInstanceOf(MarketDataException.class)
                .hasMessageContaining("repeated page token");
        assertThat(servers.data.getRequestCount()).isEqualTo(2);
        assertThat(BigDecimal.ONE).isNotNull();
    }
}
