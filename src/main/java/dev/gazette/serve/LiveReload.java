package dev.gazette.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The live-reload channel: Server-Sent Events to every open page. Events:
 * <ul>
 *   <li>{@code hello} on connect, with the id of the build being served, so a page rendered by
 *       an older build (one that finished before the page connected) reloads at once;</li>
 *   <li>{@code reload} after a good build that changed files;</li>
 *   <li>{@code build-error} with the error text after a failed build (and on connect while the
 *       last build failed); the name avoids EventSource's own {@code error} event;</li>
 *   <li>{@code build-ok} after a good build that changed nothing, to clear the error overlay.</li>
 * </ul>
 * Each connection is held by its own request thread, which writes a comment line every
 * {@code heartbeat} so proxies and browsers do not close an idle stream.
 */
final class LiveReload implements AutoCloseable {
    private static final String CLOSE = "close";
    private static final int LISTED_CHANGES = 50;

    private final Set<BlockingQueue<String>> clients = ConcurrentHashMap.newKeySet();
    private final ObjectMapper json = new ObjectMapper();
    private final long heartbeatMillis;
    private String buildId = "";
    private String error;
    private boolean closed;

    LiveReload(long heartbeatMillis) {
        this.heartbeatMillis = heartbeatMillis;
    }

    /** A good build is being served; tells pages to reload when it changed anything. */
    synchronized void built(String id, List<String> changed) {
        boolean hadError = error != null;
        buildId = id;
        error = null;
        if (!changed.isEmpty()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("build", id);
            data.put("changed", changed.subList(0, Math.min(LISTED_CHANGES, changed.size())));
            data.put("more", Math.max(0, changed.size() - LISTED_CHANGES));
            broadcast(event("reload", data));
        } else if (hadError) {
            broadcast(event("build-ok", Map.of("build", id)));
        }
    }

    /** The last build failed; pages show {@code message} over the last good build. */
    synchronized void failed(String message) {
        error = message;
        broadcast(event("build-error", Map.of("message", message)));
    }

    int clients() {
        return clients.size();
    }

    /** Serves one event stream until the client goes away or the server stops. */
    void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache, no-transform");
        exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        synchronized (this) {
            if (closed) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            queue.add("retry: 1000\n\n");
            queue.add(event("hello", Map.of("build", buildId)));
            if (error != null) {
                queue.add(event("build-error", Map.of("message", error)));
            }
            clients.add(queue);
        }
        try {
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            while (true) {
                String message = queue.poll(heartbeatMillis, TimeUnit.MILLISECONDS);
                if (CLOSE.equals(message)) {
                    break;
                }
                body.write((message == null ? ": keep-alive\n\n" : message).getBytes(StandardCharsets.UTF_8));
                body.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.remove(queue);
        }
    }

    private void broadcast(String message) {
        for (BlockingQueue<String> client : clients) {
            client.add(message);
        }
    }

    private String event(String name, Map<String, ?> data) {
        try {
            // JSON on one line: no newline can end the data field early.
            return "event: " + name + "\ndata: " + json.writeValueAsString(data) + "\n\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ends every open stream so the server can stop. */
    @Override
    public synchronized void close() {
        closed = true;
        for (BlockingQueue<String> client : clients) {
            client.add(CLOSE);
        }
    }
}
