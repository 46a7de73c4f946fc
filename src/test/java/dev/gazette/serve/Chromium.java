package dev.gazette.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Chromium driven through the DevTools protocol over a WebSocket (java.net.http):
 * no WebDriver and no driver/browser version pairing to keep in step, only the browser. Flags
 * keep it from reaching the network on its own (a closed network refuses those connections).
 */
public final class Chromium implements AutoCloseable {
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");

    private final Process process;
    private final Path log;
    private final WebSocket socket;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    /** The browser to use: {@code $CHROME_BIN}, else the usual Debian and Google paths. */
    public static Optional<Path> find() {
        String env = System.getenv("CHROME_BIN");
        return Stream.concat(env == null ? Stream.empty() : Stream.of(env), CANDIDATES.stream())
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * The browser a test of {@code what} runs in: a failure when it is missing and GAZETTE_REQUIRE_BROWSER is set (as
     * {@code .ci/run} sets it), else the test is skipped.
     */
    public static Path forTest(String what) {
        Optional<Path> binary = find();
        String missing = "Chromium is not installed (apt-get install chromium, or set CHROME_BIN)";
        if (System.getenv("GAZETTE_REQUIRE_BROWSER") != null) {
            assertThat(binary).as(missing + ", and GAZETTE_REQUIRE_BROWSER is set").isPresent();
        }
        assumeTrue(binary.isPresent(), missing + ": " + what + " skipped");
        return binary.get();
    }

    private Chromium(Process process, Path log, WebSocket socket) {
        this.process = process;
        this.log = log;
        this.socket = socket;
    }

    /** Starts the browser with a fresh profile in {@code dir} and attaches to its first tab. */
    public static Chromium start(Path binary, Path dir) throws Exception {
        Path profile = Files.createDirectories(dir.resolve("profile"));
        Path log = dir.resolve("chromium.log");
        ProcessBuilder builder = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--disable-dev-shm-usage", "--remote-allow-origins=*",
                "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Its sockets and scratch files go under dir too, and are deleted with it.
        builder.environment().put("TMPDIR", Files.createDirectories(dir.resolve("tmp")).toString());
        Process process = builder.start();
        try {
            Path portFile = profile.resolve("DevToolsActivePort");
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
                if (!process.isAlive() || System.nanoTime() > end) {
                    throw new IllegalStateException("Chromium did not start:\n" + Files.readString(log));
                }
                Thread.sleep(50);
            }
            int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
            HttpClient http = HttpClient.newHttpClient();
            JsonNode page = null;
            while (page == null) {
                HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                for (JsonNode target : new ObjectMapper().readTree(list.body())) {
                    if (target.path("type").asText().equals("page")) {
                        page = target;
                    }
                }
                if (page == null) {
                    if (System.nanoTime() > end) {
                        throw new IllegalStateException("Chromium has no page to drive:\n" + Files.readString(log));
                    }
                    Thread.sleep(50);
                }
            }
            Chromium[] self = new Chromium[1];
            WebSocket socket = http.newWebSocketBuilder()
                    .buildAsync(URI.create(page.get("webSocketDebuggerUrl").asText()), new WebSocket.Listener() {
                        private final StringBuilder text = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            text.append(data);
                            if (last) {
                                String message = text.toString();
                                text.setLength(0);
                                self[0].receive(message);
                            }
                            webSocket.request(1);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            self[0] = new Chromium(process, log, socket);
            return self[0];
        } catch (Exception e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw e;
        }
    }

    private void receive(String message) {
        try {
            JsonNode node = json.readTree(message);
            if (node.has("id")) {
                CompletableFuture<JsonNode> reply = pending.remove(node.get("id").asInt());
                if (reply != null) {
                    reply.complete(node);
                }
            }
        } catch (IOException e) {
            // Not JSON: ignore.
        }
    }

    /** Sends one DevTools command and waits for its result. */
    public JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode command = json.createObjectNode();
        command.put("id", id);
        command.put("method", method);
        command.set("params", json.valueToTree(params));
        socket.sendText(json.writeValueAsString(command), true).get(10, TimeUnit.SECONDS);
        JsonNode result = reply.get(20, TimeUnit.SECONDS);
        if (result.has("error")) {
            throw new IllegalStateException(method + ": " + result.get("error"));
        }
        return result.get("result");
    }

    public void navigate(String url) throws Exception {
        call("Page.navigate", Map.of("url", url));
    }

    /** Evaluates {@code expression} in the page and returns its value (null when it threw, e.g. mid-reload). */
    public JsonNode evaluate(String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            return null;
        }
        return result.path("result").path("value");
    }

    /**
     * Polls {@code expression} until its value satisfies {@code until} or {@code timeout} passes;
     * returns the last value seen.
     */
    public JsonNode await(String expression, Predicate<JsonNode> until, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        JsonNode value = null;
        while (System.nanoTime() < end) {
            try {
                value = evaluate(expression);
            } catch (IllegalStateException e) {
                value = null; // the context went away during a reload; ask again
            }
            if (value != null && until.test(value)) {
                return value;
            }
            Thread.sleep(100);
        }
        return value;
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        socket.abort();
        // The browser's helper processes (renderers, GPU, crash handler) write into the profile
        // until they exit, so each is waited for, not only the browser: else deleting the folder
        // right after can find new files in it.
        List<ProcessHandle> all = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            for (ProcessHandle p : all) {
                if (!exited(p, deadline - System.nanoTime())) {
                    p.destroyForcibly();
                    exited(p, TimeUnit.SECONDS.toNanos(2));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean exited(ProcessHandle p, long nanos) throws InterruptedException {
        try {
            p.onExit().get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
