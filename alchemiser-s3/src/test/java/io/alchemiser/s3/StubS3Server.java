package io.alchemiser.s3;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal S3 on loopback that answers as AWS S3 does where s3proxy cannot: conditional PUTs checked and applied
 * in one atomic step (412 PreconditionFailed otherwise), a bucket that lives in another region (301
 * PermanentRedirect with {@code x-amz-bucket-region} to a request signed for the wrong region), and a record of
 * every request's headers. Path-style GET and PUT of objects only; signatures are not verified (s3proxy tests that).
 */
final class StubS3Server implements AutoCloseable {
    private static final Pattern SCOPE_REGION = Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/s3/");

    /** One request as received. */
    record Request(String method, String path, Map<String, List<String>> headers) {
        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        /** The region in the SigV4 credential scope of the Authorization header. */
        String signingRegion() {
            String auth = header("Authorization");
            Matcher m = auth == null ? null : SCOPE_REGION.matcher(auth);
            return m != null && m.find() ? m.group(1) : null;
        }
    }

    private final HttpServer server;
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final Map<String, String> bucketRegions = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** How many of the next requests are dropped: the connection is closed without an answer. */
    final java.util.concurrent.atomic.AtomicInteger dropNext = new java.util.concurrent.atomic.AtomicInteger();
    /** When set, each PUT waits here after reading its body and before the atomic check (to line up racers). */
    volatile CountDownLatch putGate;

    StubS3Server() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Settings for a bucket on this stub: endpoint override, path style, static keys, region us-east-1. */
    S3Settings.Builder settings(String bucket) {
        return S3Settings.builder(bucket).endpoint(endpoint()).pathStyleAccess(true).region("us-east-1")
                .credentials("stub-key", "stub-secret");
    }

    /** Requests to {@code bucket} signed for another region than {@code region} get S3's 301 redirect. */
    void bucketLivesIn(String bucket, String region) {
        bucketRegions.put(bucket, region);
    }

    List<Request> requests(String method) {
        return requests.stream().filter(r -> r.method().equals(method)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Request request = new Request(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()));
            requests.add(request);
            if (dropNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseBody().close(); // closes the connection with no status line
                return;
            }
            String bucket = path.substring(1).split("/", 2)[0];
            String home = bucketRegions.get(bucket);
            if (home != null && !home.equals(request.signingRegion())) {
                exchange.getResponseHeaders().add("x-amz-bucket-region", home);
                error(exchange, 301, "PermanentRedirect", "The bucket you are attempting to access must be addressed "
                        + "using the specified endpoint.");
                return;
            }
            switch (request.method()) {
                case "GET" -> get(exchange, path);
                case "PUT" -> put(exchange, request, path);
                default -> error(exchange, 501, "NotImplemented", request.method() + " is not stubbed");
            }
        }
    }

    private void get(HttpExchange exchange, String path) throws IOException {
        byte[] content = objects.get(path);
        if (content == null) {
            error(exchange, 404, "NoSuchKey", "The specified key does not exist.");
            return;
        }
        exchange.getResponseHeaders().add("ETag", etag(content));
        exchange.sendResponseHeaders(200, content.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(content);
        }
    }

    private void put(HttpExchange exchange, Request request, String path) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String encoding = request.header("Content-Encoding");
        String sha = request.header("x-amz-content-sha256");
        if ((encoding != null && encoding.contains("aws-chunked")) || (sha != null && sha.startsWith("STREAMING"))) {
            body = dechunk(body);
        }
        CountDownLatch gate = putGate;
        if (gate != null) {
            gate.countDown();
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String ifMatch = request.header("If-Match");
        String ifNoneMatch = request.header("If-None-Match");
        synchronized (objects) {
            byte[] current = objects.get(path);
            boolean failed = ("*".equals(ifNoneMatch) && current != null)
                    || (ifMatch != null && (current == null || !etag(current).equals(ifMatch)));
            if (failed) {
                error(exchange, 412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
                return;
            }
            objects.put(path, body);
        }
        exchange.getResponseHeaders().add("ETag", etag(body));
        exchange.sendResponseHeaders(200, -1);
    }

    /** Decodes an {@code aws-chunked} body: hex size (with optional extensions), CRLF, data, CRLF; trailers last. */
    private static byte[] dechunk(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOfCrlf(body, at);
            String header = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";", 2)[0].trim(), 16);
            at = lineEnd + 2;
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(body, at, size);
            at += size + 2;
        }
    }

    private static int indexOfCrlf(byte[] b, int from) throws IOException {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        throw new IOException("malformed aws-chunked body");
    }

    private static String etag(byte[] content) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)) + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>stub</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, xml.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(xml);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
