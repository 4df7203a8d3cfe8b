package io.alchemiser.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw HTTP/1.1 server on loopback that hangs up on the first {@code hangUps} requests as soon as it has read their
 * headers — before answering an {@code Expect: 100-continue} — and answers the others as S3 answers a PUT (200 with
 * an ETag). The JDK {@code URLConnection} client reports that hang-up as an {@code UncheckedIOException}
 * ("Unexpected end of file from server") outside the SDK's retry policy, as s3proxy's Jetty provokes now and then on
 * a loaded machine; JDK's own HttpServer always sends "100 Continue" first, so it cannot reproduce it.
 */
final class HangUpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread acceptor;
    final AtomicInteger hangUps = new AtomicInteger();
    final List<String> requestLines = new CopyOnWriteArrayList<>();

    HangUpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serve, "hang-up-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                handle(s);
            } catch (IOException e) {
                // A closed server socket ends the loop; a client that went away ends its connection.
            }
        }
    }

    private void handle(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        while (true) {
            String head = readHead(in);
            if (head == null) {
                return;
            }
            requestLines.add(head.substring(0, head.indexOf('\r')));
            if (hangUps.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return; // close the socket: no 100 Continue, no status line
            }
            long length = 0;
            boolean expectContinue = false;
            for (String line : head.split("\r\n")) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                } else if (lower.startsWith("expect:") && lower.contains("100-continue")) {
                    expectContinue = true;
                }
            }
            if (expectContinue) {
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            in.readNBytes((int) length);
            out.write(("HTTP/1.1 200 OK\r\nETag: \"0123\"\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
