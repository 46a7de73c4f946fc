package dev.gazette.serve;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LowResourceMonitor;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The preview HTTP server, on Jetty's core API. Serves the current build under the site's base
 * path, exactly as the static host would, plus live reload under {@code <base>/__gazette/}:
 * <ul>
 *   <li>{@code GET} and {@code HEAD} only; {@code Content-Type} with {@code charset=utf-8} for
 *       text; strong {@code ETag} (hash of the bytes sent) and {@code Last-Modified}, answered
 *       with 304 on {@code If-None-Match} / {@code If-Modified-Since}; single byte ranges (206,
 *       416 when unsatisfiable, {@code If-Range} honoured);</li>
 *   <li>a folder serves its {@code index.html}; {@code /base/dir} redirects to {@code /base/dir/};
 *       {@code /} redirects to the base path; anything unknown gets the site's {@code 404.html}
 *       with status 404;</li>
 *   <li>paths are decoded and checked segment by segment ({@link RequestPath}), then resolved and
 *       checked again against the real path of the site folder, so neither {@code ..} in any
 *       encoding nor a symbolic link can reach a file outside it; a malformed target gets 400;</li>
 *   <li>only requests addressed to this machine by a name DNS cannot re-point get an answer
 *       ({@link HostAllowList}; 421 otherwise), and no page may be framed by another site.</li>
 * </ul>
 * Nothing a client does can exhaust it: a bounded thread pool (no thread per connection), a
 * connection limit, a header-read deadline ({@link HeaderDeadline}) and an idle timeout, a cap on
 * live-reload streams. The build to serve is swapped in with {@link #publish}; a failed build
 * ({@link #failed}) keeps the last good one served and shows its error over every open page.
 */
public final class SiteServer implements AutoCloseable {
    static final String INTERNAL = "__gazette/";
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final String WAITING = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Gazette preview</title></head>\n<body><p>Gazette is waiting for a good build of the site; "
            + "this page reloads by itself when there is one.</p>\n</body></html>\n";
    private static final String TEXT = ContentTypes.of("x.txt");

    /**
     * What the server allows each client, and how long it waits.
     *
     * @param heartbeat       how often an idle live-reload stream gets a comment line
     * @param headerTimeout   how long a connection may take to send a request head
     * @param idleTimeout     how long a connection may stay silent
     * @param maxConnections  open connections at once; more wait in the kernel's accept queue
     * @param atLimitIdleTimeout the idle timeout while at {@code maxConnections}, so idle
     *                        connections make room for new ones
     * @param maxEventStreams open live-reload streams at once; more get 503
     * @param maxThreads      the request thread pool's size
     */
    public record Limits(Duration heartbeat, Duration headerTimeout, Duration idleTimeout, int maxConnections,
                         Duration atLimitIdleTimeout, int maxEventStreams, int maxThreads) {
        /** Ample for one person's browser tabs, far below what would starve the build of threads or files. */
        public static Limits defaults() {
            return new Limits(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(30),
                    connectionLimit(), Duration.ofSeconds(2), 100, 32);
        }

        Limits withHeartbeat(Duration beat) {
            return new Limits(beat, headerTimeout, idleTimeout, maxConnections, atLimitIdleTimeout, maxEventStreams,
                    maxThreads);
        }

        /** 4,096, or half the process's file-descriptor limit when that is lower: the build needs files too. */
        private static int connectionLimit() {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os) {
                return (int) Math.max(16, Math.min(4096, os.getMaxFileDescriptorCount() / 2));
            }
            return 4096;
        }
    }

    private record Served(Path root, Path realRoot, String build) {
    }

    private final Server jetty;
    private final ServerConnector connector;
    private final HeaderDeadline deadline;
    private final String basePath;
    private final String session = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger builds = new AtomicInteger();
    private final LiveReload live;
    private final ScriptInjector injector;
    private final HostAllowList hosts;
    private volatile Served current;

    private SiteServer(Server jetty, ServerConnector connector, HeaderDeadline deadline, HostAllowList hosts,
                       String basePath, LiveReload live) {
        this.jetty = jetty;
        this.connector = connector;
        this.deadline = deadline;
        this.hosts = hosts;
        this.basePath = basePath;
        this.live = live;
        this.injector = new ScriptInjector(basePath + INTERNAL);
    }

    /**
     * Binds and starts the server; until the first {@link #publish} every page is a placeholder
     * that reloads when the site is ready.
     *
     * @param address  where to listen; port 0 picks a free port
     * @param basePath the site's base path, {@code /} or {@code /repo/}
     * @throws BindException when the address is taken or not this machine's
     */
    public static SiteServer start(InetSocketAddress address, String basePath) throws IOException {
        return start(address, basePath, Limits.defaults());
    }

    static SiteServer start(InetSocketAddress address, String basePath, Limits limits) throws IOException {
        if (!basePath.startsWith("/") || !basePath.endsWith("/")) {
            throw new IllegalArgumentException("base path must start and end with '/': " + basePath);
        }
        // A connection has at most one task waiting for a thread, so the connection limit bounds the queue.
        int maxQueued = limits.maxConnections() + 64;
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), Math.min(4, limits.maxThreads()),
                60_000, new ArrayBlockingQueue<>(maxQueued));
        threads.setName("gazette-http");
        threads.setDaemon(true);
        Server jetty = new Server(threads, new ScheduledExecutorScheduler("gazette-http-timer", true),
                new ArrayByteBufferPool());
        jetty.setStopTimeout(0); // no graceful drain: a preview stops at once

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.addCustomizer((request, headers) -> {
            secure(headers);
            return request;
        });
        // One acceptor and one selector thread: a preview has one user; the rest of the pool serves.
        ServerConnector connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(address.getAddress() == null ? null : address.getAddress().getHostAddress());
        connector.setPort(address.getPort());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.setAcceptedTcpNoDelay(true);
        connector.setAcceptQueueSize(512); // a burst of connections waits instead of being dropped
        HeaderDeadline deadline = new HeaderDeadline(limits.headerTimeout(), jetty.getScheduler());
        connector.addEventListener(deadline);
        jetty.addConnector(connector);
        NetworkConnectionLimit connections = new NetworkConnectionLimit(limits.maxConnections(), connector);
        connections.setEndPointIdleTimeout(limits.atLimitIdleTimeout().toMillis());
        jetty.addBean(connections);
        // The limit shortens idle timeouts only of the connections open when it is reached; this
        // periodic check also catches those accepted in that instant, and a starved thread pool.
        LowResourceMonitor lowResources = new LowResourceMonitor(jetty);
        lowResources.setMonitoredConnectors(List.of(connector));
        lowResources.setPeriod(250);
        lowResources.setLowResourcesIdleTimeout((int) limits.atLimitIdleTimeout().toMillis());
        lowResources.addLowResourceCheck(lowResources.new MaxConnectionsLowResourceCheck(limits.maxConnections() - 1));
        jetty.addBean(lowResources);
        jetty.setErrorHandler(new PlainErrors());

        try {
            // Bound first, so the allow-list knows the port (0 picks one) before any request is read.
            connector.open();
            LiveReload live = new LiveReload(jetty.getScheduler(), limits.heartbeat(), limits.maxEventStreams());
            SiteServer server = new SiteServer(jetty, connector, deadline,
                    HostAllowList.forServer(address, connector.getLocalPort()), basePath, live);
            jetty.setHandler(new Handler.Abstract() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) {
                    server.handle(request, response, callback);
                    return true;
                }
            });
            jetty.start();
            deadline.start();
            live.start();
            return server;
        } catch (Exception e) {
            stopQuietly(jetty);
            BindException bind = bindFailure(e);
            if (bind != null) {
                throw bind;
            }
            throw e instanceof IOException io ? io : new IOException("cannot start the preview server: " + e, e);
        }
    }

    /** The URL of the site's home page, e.g. {@code http://127.0.0.1:4000/repo/}. */
    public URI url(String host) {
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + basePath);
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Serves {@code root} from now on and tells open pages to reload when anything changed. */
    public void publish(Path root, List<String> changedFiles) {
        Served before = current;
        String build = before == null || !changedFiles.isEmpty() ? session + "-" + builds.incrementAndGet() : before.build();
        Path real;
        try {
            real = root.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("site folder unreadable: " + root, e);
        }
        current = new Served(root, real, build);
        live.built(build, changedFiles);
    }

    /** The last build failed: keep serving the previous one and show {@code message} in open pages. */
    public void failed(String message) {
        live.failed(message);
    }

    /** How many pages are listening for live-reload events. */
    public int liveClients() {
        return live.clients();
    }

    /** How many client connections are open now. */
    int openConnections() {
        return connector.getConnectedEndPoints().size();
    }

    @Override
    public void close() {
        live.close();
        deadline.stop();
        stopQuietly(jetty);
    }

    private static void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception e) {
            // Stopping is best effort: the threads are daemons and the sockets close with the process.
        }
    }

    private static BindException bindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException bind) {
                return bind;
            }
        }
        return null;
    }

    /** Headers on every response: no content sniffing, no framing by other sites (clickjacking). */
    private static void secure(HttpFields.Mutable headers) {
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Content-Security-Policy", "frame-ancestors 'none'");
    }

    private void handle(Request request, Response response, Callback callback) {
        try {
            route(request, response, callback);
        } catch (IOException e) {
            text(request, response, callback, 500, "cannot read the file: " + e.getMessage());
        }
    }

    private void route(Request request, Response response, Callback callback) throws IOException {
        HttpFields headers = request.getHeaders();
        String host = headers.get(HttpHeader.HOST);
        if (host == null) {
            text(request, response, callback, 400, "missing Host header");
            return;
        }
        String origin = headers.get(HttpHeader.ORIGIN);
        if (!hosts.allowsHost(host) || !hosts.allowsHost(request.getHttpURI().getAuthority())
                || origin != null && !hosts.allowsOrigin(origin)) {
            // A DNS-rebinding page (evil.example re-pointed at 127.0.0.1) lands here.
            text(request, response, callback, HttpStatus.MISDIRECTED_REQUEST_421,
                    "misdirected request: this preview answers only to localhost and its own address");
            return;
        }
        String method = request.getMethod();
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            text(request, response, callback, 405, "method not allowed");
            return;
        }
        String raw = request.getHttpURI().getPath();
        String query = request.getHttpURI().getQuery();
        if (raw == null || !raw.startsWith(basePath)) {
            outsideBase(request, response, callback, raw == null ? "" : raw, query);
            return;
        }
        String rest = raw.substring(basePath.length());
        if (rest.startsWith(INTERNAL)) {
            internal(request, response, callback, rest.substring(INTERNAL.length()));
            return;
        }
        RequestPath.Decoded path = RequestPath.decode(rest);
        if (!path.ok()) {
            switch (path.refusal()) {
                case MALFORMED -> text(request, response, callback, 400, "bad request path");
                case FORBIDDEN -> text(request, response, callback, 403, "forbidden");
                default -> notFound(request, response, callback);
            }
            return;
        }
        Served served = current;
        if (served == null) {
            send(request, response, callback, 503, ContentTypes.HTML,
                    injector.inject(WAITING.getBytes(StandardCharsets.UTF_8), "waiting"), null);
            return;
        }
        file(request, response, callback, served, path.sitePath(), raw, query);
    }

    private void outsideBase(Request request, Response response, Callback callback, String raw, String query)
            throws IOException {
        if ((raw + "/").equals(basePath) || raw.equals("/") || raw.isEmpty()) {
            redirect(request, response, callback, raw.equals("/") ? 302 : 301, basePath, query);
        } else {
            notFound(request, response, callback);
        }
    }

    private void internal(Request request, Response response, Callback callback, String name) throws IOException {
        switch (name) {
            case "events" -> live.stream(request, response, callback);
            case ScriptInjector.SCRIPT -> send(request, response, callback, 200, ContentTypes.of(name),
                    injector.script(), null);
            default -> notFound(request, response, callback);
        }
    }

    private void file(Request request, Response response, Callback callback, Served served, String sitePath,
                      String raw, String query) throws IOException {
        Path file = served.root().resolve(sitePath).normalize();
        if (!file.startsWith(served.root())) {
            text(request, response, callback, 403, "forbidden");
            return;
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            notFound(request, response, callback);
            return;
        }
        if (!inside(served, file)) {
            text(request, response, callback, 403, "forbidden");
            return;
        }
        if (Files.isDirectory(file)) {
            if (!sitePath.isEmpty() && !sitePath.endsWith("/")) {
                redirect(request, response, callback, 301, raw + "/", query);
                return;
            }
            file = file.resolve("index.html");
            if (!Files.isRegularFile(file) || !inside(served, file)) {
                notFound(request, response, callback);
                return;
            }
        } else if (sitePath.endsWith("/") || !Files.isRegularFile(file)) {
            notFound(request, response, callback);
            return;
        }
        byte[] bytes;
        Instant modified;
        try {
            bytes = Files.readAllBytes(file);
            modified = Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (NoSuchFileException e) {
            notFound(request, response, callback);
            return;
        }
        String type = ContentTypes.of(file.getFileName().toString());
        if (ContentTypes.isHtml(type)) {
            bytes = injector.inject(bytes, served.build());
        }
        send(request, response, callback, 200, type, bytes, modified);
    }

    /** Whether the real path of {@code file} (links resolved) is inside the real site folder. */
    private static boolean inside(Served served, Path file) {
        try {
            return file.toRealPath().startsWith(served.realRoot());
        } catch (IOException e) {
            return false;
        }
    }

    private void notFound(Request request, Response response, Callback callback) throws IOException {
        Served served = current;
        if (served != null) {
            Path page = served.root().resolve("404.html");
            if (Files.isRegularFile(page) && inside(served, page)) {
                try {
                    send(request, response, callback, 404, ContentTypes.HTML,
                            injector.inject(Files.readAllBytes(page), served.build()), null);
                    return;
                } catch (NoSuchFileException e) {
                    // Swapped away by a new build: fall back to plain text.
                }
            }
        }
        text(request, response, callback, 404, "not found");
    }

    private static void redirect(Request request, Response response, Callback callback, int status, String location,
                                 String query) {
        response.getHeaders().put(HttpHeader.LOCATION, query == null ? location : location + "?" + query);
        text(request, response, callback, status, "moved to " + location);
    }

    private static void text(Request request, Response response, Callback callback, int status, String message) {
        send(request, response, callback, status, TEXT, (message + "\n").getBytes(StandardCharsets.UTF_8), null);
    }

    /**
     * Sends a response; with {@code modified} it is a file: strong ETag, Last-Modified, a 304 when
     * the client's copy is current, and byte ranges.
     */
    private static void send(Request request, Response response, Callback callback, int status, String type,
                             byte[] body, Instant modified) {
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, type);
        headers.put(HttpHeader.CACHE_CONTROL, "no-cache");
        int from = 0;
        int length = body.length;
        if (modified != null) {
            String etag = etag(body);
            String lastModified = HTTP_DATE.format(modified);
            headers.put(HttpHeader.ETAG, etag);
            headers.put(HttpHeader.LAST_MODIFIED, lastModified);
            headers.put(HttpHeader.ACCEPT_RANGES, "bytes");
            if (notModified(request.getHeaders(), etag, modified)) {
                response.setStatus(HttpStatus.NOT_MODIFIED_304);
                callback.succeeded();
                return;
            }
            RangeRequest range = RangeRequest.of(request.getHeaders().getValuesList(HttpHeader.RANGE),
                    request.getHeaders().get(HttpHeader.IF_RANGE), etag, lastModified, body.length);
            if (range instanceof RangeRequest.Unsatisfiable) {
                headers.put(HttpHeader.CONTENT_RANGE, "bytes */" + body.length);
                text(request, response, callback, HttpStatus.RANGE_NOT_SATISFIABLE_416, "range not satisfiable");
                return;
            }
            if (range instanceof RangeRequest.Part part) {
                status = HttpStatus.PARTIAL_CONTENT_206;
                headers.put(HttpHeader.CONTENT_RANGE, "bytes " + part.first() + "-" + part.last() + "/" + body.length);
                from = (int) part.first();
                length = (int) part.length();
            }
        }
        response.setStatus(status);
        headers.put(HttpHeader.CONTENT_LENGTH, length);
        if (HttpMethod.HEAD.is(request.getMethod()) || length == 0) {
            callback.succeeded();
            return;
        }
        response.write(true, ByteBuffer.wrap(body, from, length), callback);
    }

    /** RFC 9110 §13.2.2: If-None-Match wins; If-Modified-Since counts only without it. */
    static boolean notModified(HttpFields request, String etag, Instant modified) {
        List<String> match = request.getValuesList(HttpHeader.IF_NONE_MATCH);
        if (!match.isEmpty()) {
            return match.stream()
                    .flatMap(value -> Arrays.stream(value.split(",")))
                    .map(String::strip)
                    .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                    .anyMatch(t -> t.equals("*") || t.equals(etag));
        }
        String since = request.get(HttpHeader.IF_MODIFIED_SINCE);
        if (since != null) {
            try {
                Instant date = ZonedDateTime.parse(since.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !modified.isAfter(date);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    private static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Jetty's own refusals (a malformed request line, headers too large) as short plain text with
     * the same security headers, never an HTML page that echoes the request.
     */
    private static final class PlainErrors extends ErrorHandler {
        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                        Callback callback) {
            secure(response.getHeaders());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, TEXT);
            String text = code + " " + HttpStatus.getMessage(code) + "\n";
            if (HttpMethod.HEAD.is(request.getMethod())) {
                callback.succeeded();
                return;
            }
            response.write(true, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), callback);
        }

        // Jetty marks this hook for removal but still calls it for malformed requests; nothing replaces it yet.
        @SuppressWarnings("removal")
        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            secure(fields);
            fields.put(HttpHeader.CONTENT_TYPE, TEXT);
            return ByteBuffer.wrap((status + " " + HttpStatus.getMessage(status) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
