package dev.gazette.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The preview HTTP server (the JDK's own {@code HttpServer}: no dependency, and plenty for one
 * person's browser). Serves the current build under the site's base path, exactly as the static
 * host would, plus live reload under {@code <base>/__gazette/}:
 * <ul>
 *   <li>{@code GET} and {@code HEAD} only; {@code Content-Type} with {@code charset=utf-8} for
 *       text; strong {@code ETag} (hash of the bytes sent) and {@code Last-Modified}, answered
 *       with 304 on {@code If-None-Match} / {@code If-Modified-Since};</li>
 *   <li>a folder serves its {@code index.html}; {@code /base/dir} redirects to {@code /base/dir/};
 *       {@code /} redirects to the base path; anything unknown gets the site's {@code 404.html}
 *       with status 404;</li>
 *   <li>paths are decoded and checked segment by segment ({@link RequestPath}), then resolved and
 *       checked again against the real path of the site folder, so neither {@code ..} in any
 *       encoding nor a symbolic link can reach a file outside it.</li>
 * </ul>
 * The build to serve is swapped in with {@link #publish}; a failed build ({@link #failed}) keeps
 * the last good one served and shows its error over every open page.
 */
public final class SiteServer implements AutoCloseable {
    static final String INTERNAL = "__gazette/";
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final String WAITING = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Gazette preview</title></head>\n<body><p>Gazette is waiting for a good build of the site; "
            + "this page reloads by itself when there is one.</p>\n</body></html>\n";

    private record Served(Path root, Path realRoot, String build) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String basePath;
    private final String session = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger builds = new AtomicInteger();
    private final LiveReload live;
    private final ScriptInjector injector;
    private volatile Served current;

    private SiteServer(HttpServer server, ExecutorService executor, String basePath, LiveReload live) {
        this.server = server;
        this.executor = executor;
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
     */
    public static SiteServer start(InetSocketAddress address, String basePath) throws IOException {
        return start(address, basePath, 15_000);
    }

    static SiteServer start(InetSocketAddress address, String basePath, long heartbeatMillis) throws IOException {
        if (!basePath.startsWith("/") || !basePath.endsWith("/")) {
            throw new IllegalArgumentException("base path must start and end with '/': " + basePath);
        }
        HttpServer http = HttpServer.create(address, 64);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "gazette-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        SiteServer server = new SiteServer(http, executor, basePath, new LiveReload(heartbeatMillis));
        http.createContext("/", server::handle);
        http.start();
        return server;
    }

    /** The URL of the site's home page, e.g. {@code http://127.0.0.1:4000/repo/}. */
    public URI url(String host) {
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + basePath);
    }

    public int port() {
        return server.getAddress().getPort();
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

    @Override
    public void close() {
        live.close();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                text(exchange, 405, "method not allowed");
                return;
            }
            String raw = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            if (raw == null || !raw.startsWith(basePath)) {
                outsideBase(exchange, raw == null ? "" : raw, query);
                return;
            }
            String rest = raw.substring(basePath.length());
            if (rest.startsWith(INTERNAL)) {
                internal(exchange, rest.substring(INTERNAL.length()));
                return;
            }
            RequestPath.Decoded path = RequestPath.decode(rest);
            if (!path.ok()) {
                switch (path.refusal()) {
                    case MALFORMED -> text(exchange, 400, "bad request path");
                    case FORBIDDEN -> text(exchange, 403, "forbidden");
                    default -> notFound(exchange);
                }
                return;
            }
            Served served = current;
            if (served == null) {
                send(exchange, 503, ContentTypes.HTML, injector.inject(WAITING.getBytes(StandardCharsets.UTF_8), "waiting"), null);
                return;
            }
            file(exchange, served, path.sitePath(), raw, query);
        } catch (IOException e) {
            // The browser went away mid-response: nothing to tell anyone.
        }
    }

    private void outsideBase(HttpExchange exchange, String raw, String query) throws IOException {
        if ((raw + "/").equals(basePath) || raw.equals("/") || raw.isEmpty()) {
            redirect(exchange, raw.equals("/") ? 302 : 301, basePath, query);
        } else {
            notFound(exchange);
        }
    }

    private void internal(HttpExchange exchange, String name) throws IOException {
        switch (name) {
            case "events" -> live.stream(exchange);
            case ScriptInjector.SCRIPT -> send(exchange, 200, ContentTypes.of(name), injector.script(), null);
            default -> notFound(exchange);
        }
    }

    private void file(HttpExchange exchange, Served served, String sitePath, String raw, String query) throws IOException {
        Path file = served.root().resolve(sitePath).normalize();
        if (!file.startsWith(served.root())) {
            text(exchange, 403, "forbidden");
            return;
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            notFound(exchange);
            return;
        }
        if (!inside(served, file)) {
            text(exchange, 403, "forbidden");
            return;
        }
        if (Files.isDirectory(file)) {
            if (!sitePath.isEmpty() && !sitePath.endsWith("/")) {
                redirect(exchange, 301, raw + "/", query);
                return;
            }
            file = file.resolve("index.html");
            if (!Files.isRegularFile(file) || !inside(served, file)) {
                notFound(exchange);
                return;
            }
        } else if (sitePath.endsWith("/") || !Files.isRegularFile(file)) {
            notFound(exchange);
            return;
        }
        byte[] bytes;
        Instant modified;
        try {
            bytes = Files.readAllBytes(file);
            modified = Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (NoSuchFileException e) {
            notFound(exchange);
            return;
        }
        String type = ContentTypes.of(file.getFileName().toString());
        if (ContentTypes.isHtml(type)) {
            bytes = injector.inject(bytes, served.build());
        }
        send(exchange, 200, type, bytes, modified);
    }

    /** Whether the real path of {@code file} (links resolved) is inside the real site folder. */
    private static boolean inside(Served served, Path file) {
        try {
            return file.toRealPath().startsWith(served.realRoot());
        } catch (IOException e) {
            return false;
        }
    }

    private void notFound(HttpExchange exchange) throws IOException {
        Served served = current;
        if (served != null) {
            Path page = served.root().resolve("404.html");
            if (Files.isRegularFile(page) && inside(served, page)) {
                try {
                    send(exchange, 404, ContentTypes.HTML, injector.inject(Files.readAllBytes(page), served.build()), null);
                    return;
                } catch (NoSuchFileException e) {
                    // Swapped away by a new build: fall back to plain text.
                }
            }
        }
        text(exchange, 404, "not found");
    }

    private static void redirect(HttpExchange exchange, int status, String location, String query) throws IOException {
        exchange.getResponseHeaders().set("Location", query == null ? location : location + "?" + query);
        text(exchange, status, "moved to " + location);
    }

    private static void text(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, ContentTypes.of("x.txt"), (message + "\n").getBytes(StandardCharsets.UTF_8), null);
    }

    /**
     * Sends a response; with {@code modified} it is cacheable: strong ETag, Last-Modified, and a
     * 304 when the client's copy is current.
     */
    private static void send(HttpExchange exchange, int status, String type, byte[] body, Instant modified)
            throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Cache-Control", "no-cache");
        if (modified != null) {
            String etag = etag(body);
            headers.set("ETag", etag);
            headers.set("Last-Modified", HTTP_DATE.format(modified));
            if (notModified(exchange.getRequestHeaders(), etag, modified)) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
        }
        if (exchange.getRequestMethod().equals("HEAD")) {
            headers.set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** RFC 9110 §13.2.2: If-None-Match wins; If-Modified-Since counts only without it. */
    static boolean notModified(Headers request, String etag, Instant modified) {
        String match = request.getFirst("If-None-Match");
        if (match != null) {
            return match.strip().equals("*") || Arrays.stream(match.split(","))
                    .map(String::strip)
                    .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                    .anyMatch(etag::equals);
        }
        String since = request.getFirst("If-Modified-Since");
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
}
