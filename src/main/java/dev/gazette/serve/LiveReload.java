package dev.gazette.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * Streams hold no thread: each is a queue of messages written asynchronously, one at a time. A
 * comment line every {@code heartbeat} keeps idle streams open and finds closed ones. At most
 * {@code maxClients} streams are open at once (more get 503), and a client that stops reading
 * is dropped once {@value #MAX_PENDING} messages wait for it, so no client can make the server
 * hold unbounded memory or sockets.
 */
final class LiveReload implements AutoCloseable {
    static final int MAX_PENDING = 64;
    private static final String KEEP_ALIVE = ": keep-alive\n\n";
    private static final int LISTED_CHANGES = 50;

    private final Set<Stream> clients = ConcurrentHashMap.newKeySet();
    private final ObjectMapper json = new ObjectMapper();
    private final Scheduler scheduler;
    private final long heartbeatMillis;
    private final int maxClients;
    private String buildId = "";
    private String error;
    private boolean closed;

    LiveReload(Scheduler scheduler, Duration heartbeat, int maxClients) {
        this.scheduler = scheduler;
        this.heartbeatMillis = heartbeat.toMillis();
        this.maxClients = maxClients;
    }

    void start() {
        scheduler.schedule(this::heartbeat, heartbeatMillis, TimeUnit.MILLISECONDS);
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

    /** Answers a request for the event stream; the stream stays open until either side ends it. */
    void stream(Request request, Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache, no-transform");
        response.getHeaders().put("X-Accel-Buffering", "no");
        if (HttpMethod.HEAD.is(request.getMethod())) {
            response.setStatus(HttpStatus.OK_200);
            callback.succeeded();
            return;
        }
        Stream stream = new Stream(response, callback);
        synchronized (this) {
            if (closed || clients.size() >= maxClients) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, ContentTypes.of("x.txt"));
                response.getHeaders().put(HttpHeader.RETRY_AFTER, "10");
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE_503);
                response.write(true, utf8(closed ? "the preview is stopping\n"
                        : "too many live-reload connections (" + maxClients + " open)\n"), callback);
                return;
            }
            clients.add(stream);
            response.setStatus(HttpStatus.OK_200);
            stream.send("retry: 1000\n\n");
            stream.send(event("hello", Map.of("build", buildId)));
            if (error != null) {
                stream.send(event("build-error", Map.of("message", error)));
            }
        }
    }

    private void heartbeat() {
        synchronized (this) {
            if (closed) {
                return;
            }
            broadcast(KEEP_ALIVE);
        }
        scheduler.schedule(this::heartbeat, heartbeatMillis, TimeUnit.MILLISECONDS);
    }

    private void broadcast(String message) {
        for (Stream client : clients) {
            client.send(message);
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

    private static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Ends every open stream so the server can stop. */
    @Override
    public synchronized void close() {
        closed = true;
        for (Stream client : clients) {
            client.end();
        }
    }

    /** One open event stream: messages are written in order, the next once the last is sent. */
    private final class Stream {
        private final Response response;
        private final Callback done;
        private final ArrayDeque<String> pending = new ArrayDeque<>();
        private boolean writing;
        private boolean ending;
        private boolean ended;

        Stream(Response response, Callback done) {
            this.response = response;
            this.done = done;
        }

        void send(String message) {
            boolean stuck;
            synchronized (this) {
                if (ended || ending) {
                    return;
                }
                stuck = pending.size() >= MAX_PENDING;
                if (!stuck) {
                    pending.add(message);
                    if (writing) {
                        return;
                    }
                    writing = true;
                }
            }
            if (stuck) {
                fail(new EofException("live-reload client stopped reading"));
            } else {
                writeNext();
            }
        }

        /** Ends the stream cleanly after what is already queued. */
        void end() {
            synchronized (this) {
                if (ended || ending) {
                    return;
                }
                ending = true;
                if (writing) {
                    return;
                }
                writing = true;
            }
            writeNext();
        }

        private void writeNext() {
            String next;
            boolean finish;
            synchronized (this) {
                next = pending.poll();
                finish = next == null && ending && !ended;
                if (next == null && !finish) {
                    writing = false;
                    return;
                }
                if (finish) {
                    ended = true;
                }
            }
            if (finish) {
                clients.remove(this);
                response.write(true, BufferUtil.EMPTY_BUFFER, done);
                return;
            }
            // Success may run in this thread; the recursion is bounded by MAX_PENDING.
            response.write(false, utf8(next), Callback.from(this::writeNext, this::fail));
        }

        private void fail(Throwable cause) {
            synchronized (this) {
                if (ended) {
                    return;
                }
                ended = true;
                pending.clear();
            }
            clients.remove(this);
            done.failed(cause);
        }
    }
}
