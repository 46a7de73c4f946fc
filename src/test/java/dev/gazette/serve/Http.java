package dev.gazette.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A real HTTP client (java.net.http) against a server on this machine, for the serve tests. */
final class Http {
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String origin;

    /** @param origin e.g. {@code http://127.0.0.1:4000} */
    Http(String origin) {
        this.origin = origin;
    }

    HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, headers);
    }

    HttpResponse<String> send(String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends {@code GET target} over a plain socket, byte for byte, so nothing on the client side
     * normalises a {@code ..} away; returns the status line.
     */
    String rawStatus(String target) {
        URI uri = URI.create(origin);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code head} (request line and header lines, without the blank line that ends them)
     * over a plain socket, with nothing added or normalised, and returns the whole response as
     * text: for what an HTTP client will not send, like a foreign {@code Host}.
     */
    String raw(String head) {
        URI uri = URI.create(origin);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The authority of this server, e.g. {@code 127.0.0.1:4000}, for a raw request's Host. */
    String authority() {
        return URI.create(origin).getAuthority();
    }

    /** An open Server-Sent Events stream whose events are read in the background. */
    Events events(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin + path)).build();
        try {
            HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
            return new Events(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One SSE event: its name and data. */
    record Event(String name, String data) {
    }

    static final class Events implements AutoCloseable {
        private final HttpResponse<Stream<String>> response;
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final List<String> comments = new ArrayList<>();
        private final Thread reader;

        Events(HttpResponse<Stream<String>> response) {
            this.response = response;
            this.reader = new Thread(this::read, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        HttpResponse<Stream<String>> response() {
            return response;
        }

        private void read() {
            String name = "message";
            StringBuilder data = new StringBuilder();
            try (Stream<String> lines = response.body()) {
                Iterator<String> it = lines.iterator();
                while (it.hasNext()) {
                    String line = it.next();
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            events.add(new Event(name, data.toString()));
                        }
                        name = "message";
                        data.setLength(0);
                    } else if (line.startsWith(":")) {
                        synchronized (comments) {
                            comments.add(line);
                        }
                    } else if (line.startsWith("event: ")) {
                        name = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        data.append(data.length() > 0 ? "\n" : "").append(line.substring(6));
                    }
                }
            } catch (RuntimeException e) {
                // The stream was closed.
            }
        }

        /** The next event, waiting up to {@code seconds}; null when none came. */
        Event next(long seconds) throws InterruptedException {
            return events.poll(seconds, TimeUnit.SECONDS);
        }

        /** The next event called {@code name}, skipping others; null when none came in time. */
        Event next(String name, long seconds) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (true) {
                long left = end - System.nanoTime();
                Event event = events.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
                if (event == null || event.name().equals(name)) {
                    return event;
                }
            }
        }

        List<String> comments() {
            synchronized (comments) {
                return List.copyOf(comments);
            }
        }

        @Override
        public void close() {
            reader.interrupt();
            try {
                response.body().close();
            } catch (RuntimeException e) {
                // Already closed.
            }
        }
    }
}
