package dev.gazette.serve;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's timeouts and connection limit, seen from raw sockets on loopback. */
class ConnectionGuardTest {
    @TempDir
    Path tmp;

    SiteServer server;
    Path site;

    @BeforeEach
    void site() throws IOException {
        site = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><html><body><h1>Home</h1></body></html>");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    void start(Duration headerTimeout, Duration idleTimeout, int maxConnections, Duration atLimitIdle) throws IOException {
        server = SiteServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/",
                new SiteServer.Limits(Duration.ofSeconds(15), headerTimeout, idleTimeout, maxConnections, atLimitIdle,
                        10, 16));
        server.publish(site, List.of("index.html"));
    }

    @Test
    void aHeaderSentAByteAtATimeIsCutOffAtTheHeaderDeadline() throws Exception {
        start(Duration.ofSeconds(1), Duration.ofSeconds(30), 100, Duration.ofSeconds(2));
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nX-Slow: ").getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            boolean closed = false;
            socket.setSoTimeout(100);
            // Each byte comes well within the idle timeout: only the header deadline can end this.
            while (!closed && System.nanoTime() - start < 10_000_000_000L) {
                try {
                    out.write('a');
                    out.flush();
                    closed = socket.getInputStream().read() < 0;
                } catch (SocketTimeoutException e) {
                    // Still open.
                } catch (IOException e) {
                    closed = true;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(closed).as("closed by the server").isTrue();
            assertThat(seconds).isBetween(0.9, 5.0);
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAtTheHeaderDeadline() throws Exception {
        start(Duration.ofSeconds(1), Duration.ofSeconds(30), 100, Duration.ofSeconds(2));
        try (Socket socket = connect()) {
            long start = System.nanoTime();
            socket.setSoTimeout(10_000);
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
            assertThat((System.nanoTime() - start) / 1e9).isBetween(0.9, 5.0);
        }
    }

    @Test
    void aKeptAliveConnectionMayIdleBetweenRequestsUntilTheIdleTimeout() throws Exception {
        // A header deadline generous enough for a loaded machine to read a head sent at once.
        start(Duration.ofSeconds(1), Duration.ofSeconds(3), 100, Duration.ofSeconds(2));
        try (Socket socket = connect()) {
            socket.setSoTimeout(10_000);
            assertThat(exchange(socket)).startsWith("HTTP/1.1 200 ");
            // Two header deadlines of quiet: a kept-alive connection waits for its idle timeout.
            Thread.sleep(2_000);
            assertThat(exchange(socket)).startsWith("HTTP/1.1 200 ");
            long start = System.nanoTime();
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
            // Jetty checks idleness once per timeout: closed between one and two timeouts later.
            assertThat((System.nanoTime() - start) / 1e9).isBetween(1.0, 7.0);
        }
    }

    @Test
    void atTheConnectionLimitIdleConnectionsMakeRoomForNewOnes() throws Exception {
        start(Duration.ofSeconds(30), Duration.ofSeconds(30), 8, Duration.ofMillis(300));
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                idle.add(connect());
            }
            long end = System.nanoTime() + 5_000_000_000L;
            while (server.openConnections() < 8 && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertThat(server.openConnections()).isEqualTo(8);
            try (Socket ninth = connect()) {
                ninth.setSoTimeout(10_000);
                // Over the limit the kernel holds the connection until the idle ones are closed.
                assertThat(exchange(ninth)).startsWith("HTTP/1.1 200 ");
            }
            assertThat(server.openConnections()).isLessThanOrEqualTo(8);
            int closedByServer = 0;
            for (Socket socket : idle) {
                socket.setSoTimeout(2_000);
                try {
                    closedByServer += socket.getInputStream().read() < 0 ? 1 : 0;
                } catch (IOException e) {
                    closedByServer++;
                }
            }
            assertThat(closedByServer).isPositive();
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }

    private Socket connect() throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), server.port());
    }

    /** One keep-alive GET / on {@code socket}: the status line, headers and body as text. */
    private String exchange(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return readResponse(socket.getInputStream());
    }

    /** Reads one response whose body has a Content-Length. */
    static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after: " + head);
            }
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
