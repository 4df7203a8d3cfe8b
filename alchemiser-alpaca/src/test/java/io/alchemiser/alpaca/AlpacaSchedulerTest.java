package io.alchemiser.alpaca;

import static io.alchemiser.alpaca.AlpacaServers.json;
import static io.alchemiser.alpaca.AlpacaServers.take;
import static io.alchemiser.alpaca.Fixtures.calendarDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.domain.MarketClock;
import io.alchemiser.core.port.Scheduler.Session;
import io.alchemiser.core.port.Scheduler;
import io.alchemiser.core.port.SchedulerException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlpacaSchedulerTest {

    /** Thanksgiving week 2024 as Alpaca lists it: the 28th is missing (holiday), the 29th closes at 13:00. */
    private static final String THANKSGIVING_2024 = "[" + String.join(",",
            calendarDay("2024-11-25", "09:30", "16:00"),
            calendarDay("2024-11-26", "09:30", "16:00"),
            calendarDay("2024-11-27", "09:30", "16:00"),
            calendarDay("2024-11-29", "09:30", "13:00"),
            calendarDay("2024-12-02", "09:30", "16:00"),
            calendarDay("2024-12-31", "09:30", "16:00")) + "]";
    private static final String JANUARY_2025 = "[" + String.join(",",
            calendarDay("2025-01-02", "09:30", "16:00"),
            calendarDay("2025-01-03", "09:30", "16:00")) + "]";

    private AlpacaServers servers;
    private final Map<String, Integer> calendarRequests = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        servers = new AlpacaServers();
        servers.trading.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.equals("/v2/calendar")) {
                    String start = request.getUrl().queryParameter("start");
                    calendarRequests.merge(start, 1, Integer::sum);
                    switch (start) {
                        case "2024-01-01":
                            return json(THANKSGIVING_2024);
                        case "2025-01-01":
                            return json(JANUARY_2025);
                        default:
                            return json("[]");
                    }
                }
                if (path.equals("/v2/clock")) {
                    return json(clockBody);
                }
                return json(404, Fixtures.error(40410000, "not found"));
            }
        });
    }

    private volatile String clockBody = "{}";

    @AfterEach
    void stop() {
        servers.close();
    }

    private AlpacaScheduler scheduler() {
        return new AlpacaScheduler(servers.config());
    }

    private static Instant newYork(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Scheduler.MARKET_ZONE).toInstant();
    }

    @Test
    void anEarlyCloseMovesTheRunTimeAndAHolidayHasNone() throws Exception {
        AlpacaScheduler scheduler = scheduler();
        Duration fifteen = Duration.ofMinutes(15);

        assertThat(scheduler.runTime(LocalDate.of(2024, 11, 27), fifteen)).contains(newYork("2024-11-27T15:45"));
        assertThat(scheduler.runTime(LocalDate.of(2024, 11, 29), fifteen)).contains(newYork("2024-11-29T12:45"));
        assertThat(scheduler.runTime(LocalDate.of(2024, 11, 28), fifteen)).isEmpty();
        assertThat(scheduler.runTime(LocalDate.of(2024, 11, 30), fifteen)).isEmpty();
        Session friday = scheduler.session(LocalDate.of(2024, 11, 29)).orElseThrow();
        assertThat(friday.isEarlyClose()).isTrue();
        assertThat(friday.open()).isEqualTo(newYork("2024-11-29T09:30"));
        assertThat(scheduler.session(LocalDate.of(2024, 11, 27)).orElseThrow().isEarlyClose()).isFalse();

        RecordedRequest r = take(servers.trading);
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v2/calendar");
        assertThat(r.getUrl().queryParameter("start")).isEqualTo("2024-01-01");
        assertThat(r.getUrl().queryParameter("end")).isEqualTo("2024-12-31");
        assertThat(r.getHeaders().get("APCA-API-KEY-ID")).isEqualTo(AlpacaServers.KEY_ID);
        assertThat(servers.trading.getRequestCount()).isEqualTo(1);
    }

    @Test
    void nextAndPreviousSessionSkipHolidaysAndCrossYears() {
        AlpacaScheduler scheduler = scheduler();

        assertThat(scheduler.nextSession(LocalDate.of(2024, 11, 28)).date()).isEqualTo(LocalDate.of(2024, 11, 29));
        assertThat(scheduler.nextSession(LocalDate.of(2024, 11, 29)).date()).isEqualTo(LocalDate.of(2024, 11, 29));
        assertThat(scheduler.previousSession(LocalDate.of(2024, 11, 29)).date()).isEqualTo(LocalDate.of(2024, 11, 27));
        assertThat(scheduler.nextSession(LocalDate.of(2025, 1, 1)).date()).isEqualTo(LocalDate.of(2025, 1, 2));
        assertThat(scheduler.previousSession(LocalDate.of(2025, 1, 2)).date()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(calendarRequests).containsOnlyKeys("2024-01-01", "2025-01-01");
        assertThat(calendarRequests.values()).containsOnly(1);
    }

    @Test
    void theCalendarIsCachedPerYearUntilItsTtlPasses() {
        AlpacaScheduler scheduler = new AlpacaScheduler(servers.configBuilder().calendarCacheTtl(Duration.ofHours(1))
                .build());

        scheduler.session(LocalDate.of(2024, 11, 25));
        scheduler.session(LocalDate.of(2024, 12, 2));
        servers.clock.advance(Duration.ofMinutes(59));
        scheduler.session(LocalDate.of(2024, 11, 26));
        assertThat(calendarRequests.get("2024-01-01")).isEqualTo(1);

        servers.clock.advance(Duration.ofMinutes(2));
        scheduler.session(LocalDate.of(2024, 11, 26));
        assertThat(calendarRequests.get("2024-01-01")).isEqualTo(2);
    }

    @Test
    void aYearAlpacaListsNoDayForIsAnErrorNotAYearOfHolidays() {
        AlpacaScheduler scheduler = scheduler();

        assertThatThrownBy(() -> scheduler.session(LocalDate.of(2031, 3, 3)))
                .isInstanceOf(SchedulerException.class)
                .hasMessageContaining("2031");
    }

    @Test
    void theClockReadsAlpacasOffsetTimestamps() throws Exception {
        clockBody = "{\"timestamp\":\"2024-11-29T12:50:27.528041708-05:00\",\"is_open\":true,"
                + "\"next_open\":\"2024-12-02T09:30:00-05:00\",\"next_close\":\"2024-11-29T13:00:00-05:00\"}";

        MarketClock clock = scheduler().clock();

        assertThat(clock.open()).isTrue();
        assertThat(clock.timestamp()).isEqualTo(Instant.parse("2024-11-29T17:50:27.528041708Z"));
        assertThat(clock.nextClose()).isEqualTo(newYork("2024-11-29T13:00"));
        assertThat(clock.nextOpen()).isEqualTo(newYork("2024-12-02T09:30"));
        assertThat(take(servers.trading).getUrl().encodedPath()).isEqualTo("/v2/clock");
    }

    @Test
    void theNextRunIsTodayBeforeAnEarlyCloseOrTheNextSessionOnceItHasPassed() {
        AlpacaScheduler scheduler = scheduler();
        Duration fifteen = Duration.ofMinutes(15);

        clockBody = "{\"timestamp\":\"2024-11-29T12:00:00-05:00\",\"is_open\":true,"
                + "\"next_open\":\"2024-12-02T09:30:00-05:00\",\"next_close\":\"2024-11-29T13:00:00-05:00\"}";
        assertThat(scheduler.nextRunTime(fifteen)).isEqualTo(newYork("2024-11-29T12:45"));

        clockBody = "{\"timestamp\":\"2024-11-29T12:50:00-05:00\",\"is_open\":true,"
                + "\"next_open\":\"2024-12-02T09:30:00-05:00\",\"next_close\":\"2024-11-29T13:00:00-05:00\"}";
        assertThat(scheduler.nextRunTime(fifteen)).isEqualTo(newYork("2024-12-02T15:45"));

        clockBody = "{\"timestamp\":\"2024-11-28T10:00:00-05:00\",\"is_open\":false,"
                + "\"next_open\":\"2024-11-29T09:30:00-05:00\",\"next_close\":\"2024-11-29T13:00:00-05:00\"}";
        assertThat(scheduler.nextRunTime(fifteen)).isEqualTo(newYork("2024-11-29T12:45"));
    }

    @Test
    void anUnreachableCalendarIsASchedulerErrorNeverAGuess() {
        servers.trading.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return json(503, "{\"message\":\"service unavailable\"}");
            }
        });

        assertThatThrownBy(() -> scheduler().session(LocalDate.of(2024, 11, 29)))
                .isInstanceOf(SchedulerException.class)
                .hasMessageContaining("503");
        assertThat(servers.trading.getRequestCount()).isEqualTo(3);
    }
}
