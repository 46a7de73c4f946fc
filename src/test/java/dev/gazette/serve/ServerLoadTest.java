package dev.gazette.serve;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preview under attack from this machine (loopback only, bounded in count and time): 2,000
 * slow connections that send a request line and part of a header, then half of them nothing and
 * half of them a close; 500 live-reload clients; DNS-rebinding requests. Through it all a normal
 * request is answered, the server's threads stay within its pool and its sockets within one per
 * connection, and once the clients give up everything is released. The latency of the normal
 * requests is printed, not asserted (it depends on the machine).
 */
@Tag("slow")
class ServerLoadTest {
    static final int SLOW = 2_000;
    static final int EVENT_CLIENTS = 500;
    static final Path FDS = Path.of("/proc/self/fd");

    @TempDir
    Path tmp;

    SiteServer server;
    final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void slowClientsEventStreamsAndRebindingLeaveTheServerAnsweringWithBoundedThreadsAndSockets() throws Exception {
        assertThat(FDS).as("this test counts file descriptors in /proc (Linux)").isDirectory();
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os) {
            assertThat(os.getMaxFileDescriptorCount()).as("file descriptor limit (ulimit -n)").isGreaterThan(6_000);
        }
        Path site = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><html><body><h1>Home</h1></body></html>");
        SiteServer.Limits defaults = SiteServer.Limits.defaults();
        // A short heartbeat, so the streams the clients abandon at the end are found at once.
        SiteServer.Limits limits = defaults.withHeartbeat(Duration.ofMillis(500));
        server = SiteServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/repo/", limits);
        server.publish(site, List.of("index.html"));
        String host = "127.0.0.1:" + server.port();
        assertThat(normalRequest(host)).isLessThan(5_000);
        int threads0 = threads();
        int fds0 = fds();

        // 2,000 slow clients: a request line and part of a header; then every other one closes.
        List<Socket> held = new ArrayList<>();
        for (int i = 0; i < SLOW; i++) {
            Socket socket = connect();
            socket.getOutputStream().write(("GET /repo/ HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: slo")
                    .getBytes(StandardCharsets.US_ASCII));
            if (i % 2 == 0) {
                held.add(socket);
            } else {
                socket.close();
                sockets.remove(socket);
            }
        }

        // 500 live-reload clients: as many as the cap get a stream, the rest a 503 at once.
        List<Socket> streams = new ArrayList<>();
        List<Socket> eventClients = new ArrayList<>();
        for (int i = 0; i < EVENT_CLIENTS; i++) {
            Socket socket = connect();
            socket.getOutputStream().write(("GET /repo/__gazette/events HTTP/1.1\r\nHost: " + host + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            eventClients.add(socket);
        }
        int refused = 0;
        for (Socket socket : eventClients) {
            String status = statusLine(socket);
            if (status.startsWith("HTTP/1.1 200 ")) {
                streams.add(socket);
            } else {
                assertThat(status).startsWith("HTTP/1.1 503 ");
                refused++;
                socket.close();
            }
        }
        assertThat(streams).hasSize(limits.maxEventStreams());
        assertThat(refused).isEqualTo(EVENT_CLIENTS - limits.maxEventStreams());

        // DNS rebinding: pages and the event stream refused for a foreign name or origin.
        Http http = new Http("http://" + host);
        assertThat(SiteServerTest.status(http.raw("GET /repo/ HTTP/1.1\r\nHost: evil.example:" + server.port())))
                .isEqualTo(421);
        assertThat(SiteServerTest.status(http.raw("GET /repo/__gazette/events HTTP/1.1\r\nHost: evil.example:"
                + server.port()))).isEqualTo(421);
        assertThat(SiteServerTest.status(http.raw("GET /repo/__gazette/events HTTP/1.1\r\nHost: " + host
                + "\r\nOrigin: http://evil.example"))).isEqualTo(421);

        // Under all that: normal requests answered, threads and sockets bounded.
        long[] millis = new long[20];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = normalRequest(host);
        }
        int peakThreads = threads();
        int peakFds = fds();
        int peakConnections = server.openConnections();
        int clientSockets = held.size() + streams.size();
        // Open streams still work: a new build reaches them.
        server.publish(site, List.of("index.html"));
        assertThat(readUntil(streams.get(0), "event: reload")).isTrue();

        // The clients give up: every connection and descriptor is released (the JDK server leaked
        // the sockets of clients that closed halfway through a header).
        for (Socket socket : sockets) {
            socket.close();
        }
        IntSupplier open = server::openConnections;
        assertThat(awaitAtMost(open, 0, 5_000)).as("open connections once the clients are gone").isZero();
        int fdsAfter = awaitAtMost(ServerLoadTest::fds, fds0 + 40, 5_000);

        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "serve load: %d slow (%d held), %d event clients (%d streamed), %d server "
                        + "connections open; normal request median %d ms, max %d ms (of %d); threads %d before, %d under "
                        + "load (pool max %d); file descriptors %d before, %d under load (%d client sockets in this "
                        + "JVM), %d after%n",
                SLOW, held.size(), EVENT_CLIENTS, streams.size(), peakConnections, millis[millis.length / 2],
                millis[millis.length - 1], millis.length, threads0, peakThreads, limits.maxThreads(), fds0, peakFds,
                clientSockets, fdsAfter);
        assertThat(peakThreads - threads0).as("threads added under load").isLessThanOrEqualTo(limits.maxThreads());
        // One descriptor per connection on each side, no leak from the clients that closed.
        assertThat(peakFds - fds0).as("descriptors under load").isLessThanOrEqualTo(2 * clientSockets + 100);
        assertThat(fdsAfter).as("descriptors once the clients are gone").isLessThanOrEqualTo(fds0 + 40);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(5_000);
        sockets.add(socket);
        return socket;
    }

    /** A fresh connection, GET the home page, the whole response read: milliseconds taken. */
    private long normalRequest(String host) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET /repo/ HTTP/1.1\r\nHost: " + host + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = ConnectionGuardTest.readResponse(socket.getInputStream());
            assertThat(response).startsWith("HTTP/1.1 200 ").contains("<h1>Home</h1>");
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String statusLine(Socket socket) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = socket.getInputStream().read()) >= 0 && b != '\n') {
            line.append((char) b);
        }
        return line.toString().strip();
    }

    private static boolean readUntil(Socket socket, String text) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.equals(text)) {
                return true;
            }
        }
        return false;
    }

    /** Polls {@code value} until it is at most {@code bound} or {@code millis} pass; its last value. */
    private static int awaitAtMost(IntSupplier value, int bound, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        int now = value.getAsInt();
        while (now > bound && System.nanoTime() < end) {
            Thread.sleep(50);
            now = value.getAsInt();
        }
        return now;
    }

    private static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static int fds() {
        try (Stream<Path> open = Files.list(FDS)) {
            return (int) open.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
