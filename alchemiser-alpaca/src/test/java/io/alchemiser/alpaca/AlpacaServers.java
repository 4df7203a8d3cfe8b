package io.alchemiser.alpaca;

import io.alchemiser.alpaca.config.AlpacaConfig;
import io.alchemiser.alpaca.config.RetryPolicy;
import io.alchemiser.alpaca.emulator.SimulatedClock;
import io.alchemiser.alpaca.emulator.SimulatedSleeper;
import io.alchemiser.core.domain.Secret;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Two real HTTP servers on loopback, standing in for Alpaca's trading host and data host, plus a config pointing at
 * them with millisecond backoffs, a 40 ms order poll cycle, no trade_updates stream (these scripted servers serve
 * none), a request budget high enough never to pace a test, a recording sleeper and a hand-moved clock.
 */
final class AlpacaServers implements AutoCloseable {

    /** Credentials the tests send; assertions check they reach headers and nothing else. */
    static final String KEY_ID = "PKTESTKEYID0123456789";
    static final String SECRET = "s3cretTESTvalue-abcdefghijklmnop";

    final MockWebServer trading = new MockWebServer();
    final MockWebServer data = new MockWebServer();
    /** The tests' key id; every config using it asks for the same (unpacing) budget, which the key shares. */
    static final int REQUESTS_PER_MINUTE = AlpacaConfig.MAX_REQUESTS_PER_MINUTE;

    final SimulatedClock clock = new SimulatedClock(Instant.parse("2024-11-29T15:00:00Z"));
    final SimulatedSleeper sleeper = new SimulatedSleeper(clock);

    AlpacaServers() throws IOException {
        trading.start();
        data.start();
    }

    AlpacaConfig.Builder configBuilder() {
        return AlpacaConfig.builder()
                .keyId(Secret.of(KEY_ID))
                .secretKey(Secret.of(SECRET))
                .tradingUrl(URI.create(trading.url("/").toString()))
                .dataUrl(URI.create(data.url("/").toString()))
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(5))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(5)))
                .orderPollCycle(Duration.ofMillis(40))
                .stream(false)
                .requestsPerMinute(REQUESTS_PER_MINUTE)
                .clock(clock)
                .sleeper(sleeper);
    }

    AlpacaConfig config() {
        return configBuilder().build();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse json(String body) {
        return json(200, body);
    }

    static RecordedRequest take(MockWebServer server) throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("the server received no request");
        }
        return r;
    }

    @Override
    public void close() {
        trading.close();
        data.close();
    }
}
