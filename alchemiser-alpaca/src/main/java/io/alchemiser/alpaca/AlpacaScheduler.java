package io.alchemiser.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import io.alchemiser.alpaca.config.AlpacaConfig;
import io.alchemiser.alpaca.internal.AlpacaCallException;
import io.alchemiser.alpaca.internal.AlpacaHttp;
import io.alchemiser.alpaca.internal.Json;
import io.alchemiser.alpaca.internal.MalformedResponseException;
import io.alchemiser.core.domain.MarketClock;
import io.alchemiser.core.port.Scheduler;
import io.alchemiser.core.port.SchedulerException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@link Scheduler} over Alpaca's market calendar ({@code GET /v2/calendar}) and clock ({@code GET /v2/clock}).
 *
 * <p>The calendar is fetched one calendar year at a time ({@code start=YYYY-01-01&end=YYYY-12-31}) and cached per year
 * for the configured TTL, so a long-running process picks up closures Alpaca adds during the year (an unscheduled
 * national day of mourning, say). Each entry's {@code open} and {@code close} ({@code "09:30"}, {@code "13:00"} on an
 * early close) are New York wall times of that date. A date Alpaca does not list is a weekend or holiday; a year for
 * which Alpaca lists no day at all is an error, never a year of holidays (Alpaca's calendar covers 1970 to 2029).
 *
 * <p>{@link #runTime(LocalDate, Duration)} (from the port) gives "N minutes before that day's actual close", empty
 * on a closed day; {@link #nextRunTime(Duration)} picks the next such time after Alpaca's own "now".
 *
 * <p>Thread-safe.
 */
public final class AlpacaScheduler implements Scheduler {

    /** How many years past the asked date {@link #nextSession} and {@link #previousSession} search. */
    private static final int SEARCH_YEARS = 2;

    private final AlpacaHttp http;
    private final Map<Integer, CachedYear> years = new ConcurrentHashMap<>();

    /** A scheduler with its own HTTP client; see {@link AlpacaAdapters} to share one among the three adapters. */
    public AlpacaScheduler(AlpacaConfig config) {
        this(new AlpacaHttp(config));
    }

    AlpacaScheduler(AlpacaHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public Optional<Session> session(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return Optional.ofNullable(year(date.getYear()).get(date));
    }

    @Override
    public Session nextSession(LocalDate date) {
        Objects.requireNonNull(date, "date");
        for (int y = date.getYear(); y <= date.getYear() + SEARCH_YEARS; y++) {
            Map.Entry<LocalDate, Session> e = year(y).ceilingEntry(date);
            if (e != null) {
                return e.getValue();
            }
        }
        throw new SchedulerException("Alpaca's calendar has no session on or after " + date);
    }

    @Override
    public Session previousSession(LocalDate date) {
        Objects.requireNonNull(date, "date");
        for (int y = date.getYear(); y >= date.getYear() - SEARCH_YEARS; y--) {
            Map.Entry<LocalDate, Session> e = year(y).lowerEntry(date);
            if (e != null) {
                return e.getValue();
            }
        }
        throw new SchedulerException("Alpaca's calendar has no session before " + date);
    }

    /** Alpaca's market clock ({@code GET /v2/clock}), read fresh on every call. */
    @Override
    public MarketClock clock() {
        JsonNode node = call("read the market clock", () -> http.get(AlpacaHttp.Api.TRADING, "/v2/clock", Map.of()));
        return parse("the market clock", () -> new MarketClock(Json.instant(node, "timestamp", "clock"),
                Json.bool(node, "is_open", "clock"), Json.instant(node, "next_open", "clock"),
                Json.instant(node, "next_close", "clock")));
    }

    /**
     * The next time to run: {@code beforeClose} before the actual close (early closes included) of today's session if
     * that is still ahead of Alpaca's clock, else of the next session. Holidays and weekends are skipped.
     */
    public Instant nextRunTime(Duration beforeClose) {
        Objects.requireNonNull(beforeClose, "beforeClose");
        Instant now = clock().timestamp();
        LocalDate today = now.atZone(MARKET_ZONE).toLocalDate();
        Optional<Instant> todays = runTime(today, beforeClose).filter(t -> t.isAfter(now));
        return todays.orElseGet(() -> nextSession(today.plusDays(1)).close().minus(beforeClose));
    }

    private NavigableMap<LocalDate, Session> year(int year) {
        Instant now = http.clock().instant();
        return years.compute(year, (y, cached) -> cached != null && now.isBefore(cached.fetchedAt.plus(
                http.config().calendarCacheTtl())) ? cached : new CachedYear(fetchYear(y), now)).sessions;
    }

    private NavigableMap<LocalDate, Session> fetchYear(int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        JsonNode node = call("read the market calendar for " + year, () -> http.get(AlpacaHttp.Api.TRADING,
                "/v2/calendar", Map.of("start", first.toString(), "end", last.toString())));
        if (!node.isArray()) {
            throw new SchedulerException("Alpaca's calendar answer for " + year + " is not a list of days");
        }
        NavigableMap<LocalDate, Session> sessions = new TreeMap<>();
        for (JsonNode day : node) {
            Session s = parse("a calendar day of " + year, () -> {
                LocalDate date = LocalDate.parse(Json.text(day, "date", "calendar"));
                return new Session(date, wallTime(date, Json.text(day, "open", "calendar " + date)),
                        wallTime(date, Json.text(day, "close", "calendar " + date)));
            });
            if (s.date().getYear() == year) {
                sessions.put(s.date(), s);
            }
        }
        if (sessions.isEmpty()) {
            throw new SchedulerException("Alpaca's calendar lists no trading day in " + year
                    + "; it covers 1970 to 2029, so this date is beyond what it knows");
        }
        return Collections.unmodifiableNavigableMap(sessions);
    }

    /** A New York wall time on {@code date}, written {@code HH:MM} (or {@code HHMM}). */
    private static Instant wallTime(LocalDate date, String text) {
        String t = text.strip();
        if (t.length() == 4 && t.indexOf(':') < 0) {
            t = t.substring(0, 2) + ":" + t.substring(2);
        }
        try {
            return date.atTime(LocalTime.parse(t)).atZone(MARKET_ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedResponseException("calendar " + date + ": '" + text + "' is not a time of day", e);
        }
    }

    private static JsonNode call(String action, Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (AlpacaCallException | MalformedResponseException e) {
            throw new SchedulerException("Alpaca: could not " + action + ": " + e.getMessage(), e);
        }
    }

    private static <T> T parse(String what, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (MalformedResponseException | IllegalArgumentException | DateTimeParseException e) {
            throw new SchedulerException("Alpaca's answer for " + what + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static final class CachedYear {
        final NavigableMap<LocalDate, Session> sessions;
        final Instant fetchedAt;

        CachedYear(NavigableMap<LocalDate, Session> sessions, Instant fetchedAt) {
            this.sessions = sessions;
            this.fetchedAt = fetchedAt;
        }
    }
}
