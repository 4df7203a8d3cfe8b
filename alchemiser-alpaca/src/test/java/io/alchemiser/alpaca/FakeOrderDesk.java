package io.alchemiser.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * A stateful stand-in for Alpaca's order endpoints: {@code POST /v2/orders} creates an order keyed by its client order
 * id (refusing a taken id with Alpaca's 422), and {@code GET /v2/orders:by_client_order_id} finds it or answers 404.
 * Each POST can be told to misbehave the way real networks do: create the order but never answer, or never even
 * receive it.
 */
final class FakeOrderDesk extends Dispatcher {

    /** What the desk does with the next POST. */
    enum Post {
        /** Create the order and answer 200 with it. */
        CREATE,
        /** Create the order, then never answer: the client times out though the order exists. */
        CREATE_THEN_STALL,
        /** Create the order, then answer 500. */
        CREATE_THEN_500,
        /** Lose the request before it reaches the book: no order, no answer. */
        LOSE,
        /** Never answer, and book the order only after the next lookup has answered "missing": a slow landing. */
        BOOK_LATE
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, String> ordersByClientId = new ConcurrentHashMap<>();
    private final Deque<Post> script = new ArrayDeque<>();
    private final AtomicInteger created = new AtomicInteger();
    private final List<String> log = new ArrayList<>();
    private final Map<String, String> landingLate = new ConcurrentHashMap<>();

    FakeOrderDesk(Post... posts) {
        script.addAll(List.of(posts));
    }

    /** Orders actually created on the book. */
    int created() {
        return created.get();
    }

    /** "POST" and "LOOKUP found|missing" in the order the desk saw them. */
    synchronized List<String> log() {
        return List.copyOf(log);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (request.getMethod().equals("POST") && path.equals("/v2/orders")) {
            return post(request);
        }
        if (request.getMethod().equals("GET") && path.equals("/v2/orders:by_client_order_id")) {
            String clientId = request.getUrl().queryParameter("client_order_id");
            String order = ordersByClientId.get(clientId);
            record("LOOKUP " + (order == null ? "missing" : "found"));
            String late = landingLate.remove(clientId);
            if (late != null && ordersByClientId.putIfAbsent(clientId, late) == null) {
                created.incrementAndGet();
            }
            return order == null
                    ? AlpacaServers.json(404, Fixtures.error(40410000, "order not found for " + clientId))
                    : AlpacaServers.json(order);
        }
        return AlpacaServers.json(404, Fixtures.error(40410000, "no route for " + path));
    }

    private MockResponse post(RecordedRequest request) {
        record("POST");
        JsonNode body;
        try {
            body = MAPPER.readTree(request.getBody().utf8());
        } catch (IOException e) {
            return AlpacaServers.json(400, Fixtures.error(40010000, "request body format is invalid"));
        }
        Post behaviour;
        synchronized (this) {
            behaviour = script.isEmpty() ? Post.CREATE : script.removeFirst();
        }
        if (behaviour == Post.LOSE) {
            return stall();
        }
        String clientId = body.get("client_order_id").asText();
        String order = Fixtures.order("61e69015-8549-4bfd-b9c3-01e75843f4" + String.format("%02d", created.get()),
                clientId, body.get("symbol").asText(), body.get("side").asText(), body.get("type").asText(),
                body.get("qty").asText(), body.has("limit_price") ? body.get("limit_price").asText() : null,
                "accepted", "0", null);
        if (behaviour == Post.BOOK_LATE) {
            landingLate.put(clientId, order);
            return stall();
        }
        if (ordersByClientId.putIfAbsent(clientId, order) != null) {
            return AlpacaServers.json(422, Fixtures.error(40010001, "client_order_id must be unique"));
        }
        created.incrementAndGet();
        switch (behaviour) {
            case CREATE_THEN_STALL:
                return stall();
            case CREATE_THEN_500:
                return AlpacaServers.json(500, "{\"message\":\"internal server error\"}");
            default:
                return AlpacaServers.json(order);
        }
    }

    private synchronized void record(String event) {
        log.add(event);
    }

    private static MockResponse stall() {
        return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
    }
}
