package io.alchemiser.s3;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * AWS STS on loopback: answers {@code AssumeRole} and {@code AssumeRoleWithWebIdentity} with fixed temporary
 * credentials, and records each call's form parameters, so the SDK's role and web-identity credential paths run end
 * to end without the network.
 */
final class StubStsServer implements AutoCloseable {
    private final HttpServer server;
    private final String accessKey;
    private final String secretKey;
    /** The form parameters of each call, e.g. {@code Action}, {@code RoleArn}, {@code WebIdentityToken}. */
    final List<Map<String, String>> calls = new CopyOnWriteArrayList<>();

    /** A server handing out {@code accessKey}/{@code secretKey} (and a session token) to every caller. */
    StubStsServer(String accessKey, String secretKey) throws IOException {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = new HashMap<>();
            for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                String[] kv = pair.split("=", 2);
                form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
            calls.add(form);
            String action = form.getOrDefault("Action", "");
            if (!action.equals("AssumeRole") && !action.equals("AssumeRoleWithWebIdentity")) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            byte[] xml = ("<" + action + "Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><" + action
                    + "Result><Credentials><AccessKeyId>" + accessKey + "</AccessKeyId><SecretAccessKey>" + secretKey
                    + "</SecretAccessKey><SessionToken>stub-session-token</SessionToken>"
                    + "<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser>"
                    + "<Arn>arn:aws:sts::123456789012:assumed-role/lake/session</Arn>"
                    + "<AssumedRoleId>AROASTUB:session</AssumedRoleId></AssumedRoleUser></" + action + "Result>"
                    + "<ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata></" + action + "Response>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, xml.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(xml);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
