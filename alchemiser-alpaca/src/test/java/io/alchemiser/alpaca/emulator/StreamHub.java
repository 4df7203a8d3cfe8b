package io.alchemiser.alpaca.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * The emulator's {@code /stream} endpoint: Alpaca's trading WebSocket. A client authenticates with
 * {@code {"action":"auth","key":…,"secret":…}} (or the older {@code {"action":"authenticate","data":{"key_id":…,
 * "secret_key":…}}}) and gets {@code {"stream":"authorization","data":{"status":"authorized"|"unauthorized",
 * "action":"authenticate"}}}; then {@code {"action":"listen","data":{"streams":["trade_updates"]}}}, acknowledged with
 * {@code {"stream":"listening",…}}; from then on every order change arrives as {@code {"stream":"trade_updates",
 * "data":{"event":…,"order":{…},…}}}. Frames are binary, as on Alpaca's paper host, unless the emulator is told to
 * send text, as the live host does. Thread-safe.
 */
final class StreamHub {
    private final String keyId;
    private final String secret;
    private final boolean binaryFrames;
    private final Map<WebSocket, Boolean> listening = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean refuseAuthentication;

    StreamHub(String keyId, String secret, boolean binaryFrames) {
        this.keyId = keyId;
        this.secret = secret;
        this.binaryFrames = binaryFrames;
    }

    /** A listener for one new connection. */
    WebSocketListener newSession() {
        connections.incrementAndGet();
        return new WebSocketListener() {
            @Override
            public void onMessage(WebSocket ws, String text) {
                handle(ws, text);
            }

            @Override
            public void onMessage(WebSocket ws, ByteString bytes) {
                handle(ws, bytes.string(StandardCharsets.UTF_8));
            }

            @Override
            public void onClosing(WebSocket ws, int code, String reason) {
                listening.remove(ws);
                ws.close(1000, null);
            }

            @Override
            public void onClosed(WebSocket ws, int code, String reason) {
                listening.remove(ws);
            }

            @Override
            public void onFailure(WebSocket ws, Throwable t, Response response) {
                listening.remove(ws);
            }
        };
    }

    private void handle(WebSocket ws, String text) {
        JsonNode msg;
        try {
            msg = EmulatorJson.read(text);
        } catch (Exception e) {
            send(ws, error("invalid syntax"));
            return;
        }
        String action = msg.path("action").asText("");
        switch (action) {
            case "auth", "authenticate" -> {
                String key = action.equals("auth") ? msg.path("key").asText("") : msg.path("data").path("key_id")
                        .asText("");
                String sec = action.equals("auth") ? msg.path("secret").asText("") : msg.path("data")
                        .path("secret_key").asText("");
                boolean ok = !refuseAuthentication && keyId.equals(key) && secret.equals(sec);
                ObjectNode reply = EmulatorJson.object();
                reply.put("stream", "authorization");
                ObjectNode data = reply.putObject("data");
                data.put("action", "authenticate");
                data.put("status", ok ? "authorized" : "unauthorized");
                if (ok) {
                    listening.put(ws, false);
                } else {
                    data.put("message", "access key verification failed");
                }
                send(ws, reply);
                if (!ok) {
                    ws.close(1008, "unauthorized");
                }
            }
            case "listen" -> {
                if (!listening.containsKey(ws)) {
                    send(ws, error("unauthorized"));
                    return;
                }
                boolean trade = false;
                for (JsonNode s : msg.path("data").path("streams")) {
                    trade |= "trade_updates".equals(s.asText());
                }
                listening.put(ws, trade);
                ObjectNode reply = EmulatorJson.object();
                reply.put("stream", "listening");
                ObjectNode data = reply.putObject("data");
                if (trade) {
                    data.putArray("streams").add("trade_updates");
                } else {
                    data.putArray("streams");
                }
                send(ws, reply);
            }
            default -> send(ws, error("unrecognized action '" + action + "'"));
        }
    }

    /** Sends one trade update to every listening connection. */
    void publish(Exchange.Event e) {
        ObjectNode msg = EmulatorJson.object();
        msg.put("stream", "trade_updates");
        ObjectNode data = msg.putObject("data");
        data.put("event", e.event());
        if (e.price() != null) {
            data.put("execution_id", UUID.randomUUID().toString());
            data.put("price", e.price().toPlainString());
            data.put("qty", e.qty().toPlainString());
            data.put("position_qty", e.positionQty().toPlainString());
        }
        data.put("timestamp", EmulatorJson.time(e.at()));
        data.set("order", e.order());
        listening.forEach((ws, listens) -> {
            if (listens) {
                send(ws, msg);
            }
        });
    }

    /**
     * Ends every connection from the server's side (close code 1011, "dropped"), as Alpaca does when it restarts a
     * stream; the client must reconnect and authenticate again.
     */
    void dropAll() {
        for (WebSocket ws : listening.keySet()) {
            ws.close(1011, "dropped");
        }
        listening.clear();
    }

    /** Whether authentication is refused whatever the keys (as for a key without stream access). */
    void refuseAuthentication(boolean refuse) {
        refuseAuthentication = refuse;
    }

    /** Connections listening to {@code trade_updates} now. */
    int listeners() {
        return (int) listening.values().stream().filter(b -> b).count();
    }

    /** Connections opened so far. */
    int connectionsOpened() {
        return connections.get();
    }

    private void send(WebSocket ws, JsonNode msg) {
        String text = EmulatorJson.write(msg);
        if (binaryFrames) {
            ws.send(ByteString.encodeUtf8(text));
        } else {
            ws.send(text);
        }
    }

    private static ObjectNode error(String message) {
        ObjectNode reply = EmulatorJson.object();
        reply.put("stream", "error");
        reply.putObject("data").put("error_message", message);
        return reply;
    }
}
