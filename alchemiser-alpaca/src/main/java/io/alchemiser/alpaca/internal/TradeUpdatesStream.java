package io.alchemiser.alpaca.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alchemiser.core.domain.Order;
import io.alchemiser.core.domain.Secret;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alpaca's {@code trade_updates} stream over the JDK's {@link WebSocket}: connect to {@code wss://…/stream}, send
 * {@code {"action":"auth","key":…,"secret":…}}, wait for {@code {"stream":"authorization","data":{"status":
 * "authorized"}}}, send {@code {"action":"listen","data":{"streams":["trade_updates"]}}}, wait for the
 * {@code listening} acknowledgement naming {@code trade_updates}, then pass on the {@code order} object of every
 * {@code {"stream":"trade_updates","data":{"event":…,"order":{…}}}} message. Alpaca's paper host sends binary
 * frames and the live host text frames; both are read as UTF-8 JSON.
 *
 * <p>Any close, error or refused authentication makes the stream {@link State#DOWN}; reconnecting is the owner's
 * decision ({@link OrderTracker} retries with a growing delay and polls meanwhile). Credentials go only into the
 * authentication message; nothing received or sent is logged with them. Thread-safe.
 */
public final class TradeUpdatesStream {

    /** Where the connection stands. Only {@link #LISTENING} delivers order updates. */
    public enum State {
        DOWN, CONNECTING, AUTHENTICATING, LISTENING
    }

    /** What the stream reports to its owner. Called on the WebSocket's threads; must not block. */
    public interface Events {
        /** The stream listens to {@code trade_updates}: updates flow from now on. */
        void listening();

        /** The stream stopped (closed, failed, or refused): updates may be missed until it listens again. */
        void down(String why);

        /** An order's new state. */
        void order(Order order);
    }

    private static final Logger LOG = LoggerFactory.getLogger(TradeUpdatesStream.class);

    private final AlpacaHttp http;
    private final URI uri;
    private volatile Events events = new Events() {
        @Override
        public void listening() {
        }

        @Override
        public void down(String why) {
        }

        @Override
        public void order(Order order) {
        }
    };
    private State state = State.DOWN;
    private Connection current;
    private boolean closed;

    public TradeUpdatesStream(AlpacaHttp http, URI uri) {
        this.http = Objects.requireNonNull(http, "http");
        this.uri = Objects.requireNonNull(uri, "uri");
    }

    /** Sets who hears about the stream; replaces any earlier listener. */
    void listen(Events listener) {
        this.events = Objects.requireNonNull(listener, "listener");
    }

    public synchronized State state() {
        return state;
    }

    /** Starts connecting unless already connected or connecting; returns at once and never throws. */
    public void connect() {
        Connection connection;
        synchronized (this) {
            if (closed || state != State.DOWN) {
                return;
            }
            state = State.CONNECTING;
            connection = new Connection();
            current = connection;
        }
        try {
            http.openWebSocket(uri, connection).whenComplete((ws, failure) -> {
                if (failure != null) {
                    connection.down("could not connect: " + failure.getClass().getSimpleName()
                            + (failure.getMessage() == null ? "" : " " + redact(failure.getMessage())));
                }
            });
        } catch (RuntimeException e) {
            // Never fails the caller (an order was just placed, or a poller is working): the stream is just down.
            connection.down("could not connect: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + redact(e.getMessage())));
        }
    }

    /** Closes the connection for good. */
    public void close() {
        Connection connection;
        synchronized (this) {
            closed = true;
            connection = current;
            current = null;
            state = State.DOWN;
        }
        if (connection != null) {
            connection.abort();
        }
    }

    private synchronized boolean isCurrent(Connection c) {
        return c == current;
    }

    private synchronized void moveTo(Connection c, State next) {
        if (c == current) {
            state = next;
        }
    }

    private String redact(String text) {
        Secret key = http.config().keyId();
        Secret secret = http.config().secretKey();
        return key.redact(secret.redact(text));
    }

    /** One WebSocket connection; a replaced connection's late callbacks are ignored. */
    private final class Connection implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
        private volatile WebSocket socket;
        private boolean reportedDown;

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            moveTo(this, State.AUTHENTICATING);
            ObjectNode auth = Json.MAPPER.createObjectNode();
            auth.put("action", "auth");
            auth.put("key", http.config().keyId().reveal());
            auth.put("secret", http.config().secretKey().reveal());
            webSocket.sendText(Json.write(auth), true);
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                handle(webSocket, message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            binary.write(chunk, 0, chunk.length);
            if (last) {
                String message = binary.toString(StandardCharsets.UTF_8);
                binary.reset();
                handle(webSocket, message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            down("closed by Alpaca (" + statusCode + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            down(error.getClass().getSimpleName() + (error.getMessage() == null ? ""
                    : ": " + redact(error.getMessage())));
        }

        private void handle(WebSocket webSocket, String message) {
            if (!isCurrent(this)) {
                return;
            }
            JsonNode node;
            try {
                node = Json.parse(message, "trade_updates stream");
            } catch (MalformedResponseException e) {
                LOG.warn("ignoring an unreadable trade_updates message: {}", e.getMessage());
                return;
            }
            JsonNode data = node.path("data");
            switch (node.path("stream").asText("")) {
                case "authorization":
                    if ("authorized".equals(data.path("status").asText())) {
                        webSocket.sendText("{\"action\":\"listen\",\"data\":{\"streams\":[\"trade_updates\"]}}", true);
                    } else {
                        down("authentication refused: " + redact(data.path("message").asText("no reason given"))
                                + "; check the API key pair and paper/live mode");
                        abort();
                    }
                    break;
                case "listening":
                    boolean tradeUpdates = false;
                    for (JsonNode s : data.path("streams")) {
                        tradeUpdates |= "trade_updates".equals(s.asText());
                    }
                    if (tradeUpdates) {
                        moveTo(this, State.LISTENING);
                        LOG.debug("trade_updates stream listening");
                        events.listening();
                    } else {
                        down("Alpaca did not grant the trade_updates stream");
                        abort();
                    }
                    break;
                case "trade_updates":
                    try {
                        events.order(OrderJson.toOrder(data.path("order")));
                    } catch (MalformedResponseException | IllegalArgumentException e) {
                        LOG.warn("ignoring a trade update ({}) whose order cannot be read: {}",
                                data.path("event").asText("?"), e.getMessage());
                    }
                    break;
                default:
                    LOG.debug("ignoring a message on stream '{}'", node.path("stream").asText(""));
            }
        }

        void down(String why) {
            synchronized (TradeUpdatesStream.this) {
                if (reportedDown) {
                    return;
                }
                reportedDown = true;
                if (current != this) {
                    return;
                }
                current = null;
                state = State.DOWN;
            }
            LOG.info("trade_updates stream down: {}; order states come from polling until it is back", why);
            events.down(why);
        }

        void abort() {
            WebSocket ws = socket;
            if (ws != null) {
                ws.abort();
            }
        }
    }
}
