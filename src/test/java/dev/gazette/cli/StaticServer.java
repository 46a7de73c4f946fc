package dev.gazette.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A test fixture that serves a built site the way GitHub Pages does, on loopback: files only
 * under {@code prefix} ("/repo/" or "/"), a folder URL serves its index.html, a folder without
 * its trailing slash (and "/repo" itself) redirects to it, and anything else is a 404 with the
 * site's 404.html as body.
 */
public final class StaticServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "css", "text/css", "xml", "application/xml",
            "json", "application/json", "txt", "text/plain; charset=utf-8", "js", "text/javascript",
            "svg", "image/svg+xml", "png", "image/png");

    private final HttpServer server;
    private Path root;
    private String prefix;

    /** Binds a free port on loopback now, so the site can be built for its URL before it is served. */
    public StaticServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Starts serving {@code root} under {@code prefix}, which starts and ends with '/'. */
    public void serve(Path root, String prefix) {
        this.root = root.toAbsolutePath().normalize();
        this.prefix = prefix;
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals(prefix.substring(0, prefix.length() - 1)) && !path.isEmpty()) {
                redirect(exchange, prefix);
                return;
            }
            Path file = path.startsWith(prefix) ? root.resolve(path.substring(prefix.length())).normalize() : null;
            if (file != null && file.startsWith(root) && Files.isDirectory(file)) {
                if (!path.endsWith("/")) {
                    redirect(exchange, path + "/");
                    return;
                }
                file = file.resolve("index.html");
            }
            if (file == null || !file.startsWith(root) || !Files.isRegularFile(file)) {
                send(exchange, 404, root.resolve("404.html"));
            } else {
                send(exchange, 200, file);
            }
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(301, -1);
    }

    private static void send(HttpExchange exchange, int status, Path file) throws IOException {
        byte[] body = Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
        String name = file.getFileName().toString();
        String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
