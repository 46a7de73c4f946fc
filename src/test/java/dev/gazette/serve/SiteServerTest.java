package dev.gazette.serve;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real preview server on a free port, driven by a real HTTP client. */
class SiteServerTest {
    @TempDir
    Path tmp;

    Path site;
    Path secret;
    SiteServer server;
    Http http;

    @BeforeEach
    void serveAHandMadeSite() throws Exception {
        site = Files.createDirectories(tmp.resolve("site"));
        write("index.html", "<!DOCTYPE html><html><body><h1>Home</h1></BODY></html>");
        write("articles/kestrel/index.html", "<!DOCTYPE html><html><body><p>Trams reach the docks.</p></body></html>");
        write("404.html", "<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>");
        write("assets/style.css", "body { color: #222 }\n");
        write("feed.xml", "<?xml version=\"1.0\"?><rss/>");
        write("assets/logo.png", "\u0089PNG");
        write(".gazette", "marker");
        secret = Files.writeString(tmp.resolve("secret.txt"), "outside the site folder");
        Files.createSymbolicLink(site.resolve("leak.txt"), secret);
        Files.createSymbolicLink(site.resolve("leakdir"), tmp);
        Files.createSymbolicLink(site.resolve("inside.css"), site.resolve("assets/style.css"));

        server = SiteServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/repo/", SiteServer.Limits.defaults().withHeartbeat(Duration.ofMillis(300)));
        server.publish(site, List.of("index.html"));
        http = new Http("http://127.0.0.1:" + server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesPagesWithContentTypeCharsetAndTheLiveScript() {
        HttpResponse<String> home = http.get("/repo/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(home.body()).contains("<h1>Home</h1>")
                .contains("<script src=\"/repo/__gazette/live.js\" data-events=\"/repo/__gazette/events\"");
        // Injected just before the (upper-case) closing body tag, once.
        assertThat(home.body().indexOf("__gazette/live.js")).isLessThan(home.body().indexOf("</BODY>"));
        assertThat(home.body().split("live\\.js", -1)).hasSize(2);

        assertThat(http.get("/repo/assets/style.css").headers().firstValue("Content-Type"))
                .hasValue("text/css; charset=utf-8");
        assertThat(http.get("/repo/feed.xml").headers().firstValue("Content-Type"))
                .hasValue("application/xml; charset=utf-8");
        assertThat(http.get("/repo/assets/logo.png").headers().firstValue("Content-Type")).hasValue("image/png");
        HttpResponse<String> css = http.get("/repo/assets/style.css");
        assertThat(css.body()).isEqualTo("body { color: #222 }\n").doesNotContain("__gazette");
        HttpResponse<String> script = http.get("/repo/__gazette/live.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(script.body()).contains("EventSource");
    }

    @Test
    void strongEtagAndLastModifiedGive304s() throws Exception {
        Instant mtime = Instant.parse("2025-02-17T09:30:00Z");
        Files.setLastModifiedTime(site.resolve("assets/style.css"), FileTime.from(mtime));
        HttpResponse<String> first = http.get("/repo/assets/style.css");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(first.headers().firstValue("Last-Modified")).hasValue("Mon, 17 Feb 2025 09:30:00 GMT");

        HttpResponse<String> same = http.get("/repo/assets/style.css", "If-None-Match", etag);
        assertThat(same.statusCode()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(same.headers().firstValue("ETag")).hasValue(etag);
        assertThat(http.get("/repo/assets/style.css", "If-None-Match", "\"other\", " + etag).statusCode()).isEqualTo(304);
        assertThat(http.get("/repo/assets/style.css", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        assertThat(http.get("/repo/assets/style.css", "If-Modified-Since", "Mon, 17 Feb 2025 09:30:00 GMT").statusCode())
                .isEqualTo(304);
        assertThat(http.get("/repo/assets/style.css", "If-Modified-Since", "Mon, 17 Feb 2025 09:29:59 GMT").statusCode())
                .isEqualTo(200);
        // If-None-Match wins over If-Modified-Since.
        assertThat(http.get("/repo/assets/style.css", "If-None-Match", "\"other\"",
                "If-Modified-Since", "Mon, 17 Feb 2025 09:30:00 GMT").statusCode()).isEqualTo(200);

        write("assets/style.css", "body { color: #000 }\n");
        Files.setLastModifiedTime(site.resolve("assets/style.css"), FileTime.from(mtime));
        HttpResponse<String> changed = http.get("/repo/assets/style.css", "If-None-Match", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("#000");
    }

    @Test
    void headSendsHeadersWithoutABody() {
        HttpResponse<String> get = http.get("/repo/articles/kestrel/");
        HttpResponse<String> head = http.send("HEAD", "/repo/articles/kestrel/");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length"))
                .hasValue(Integer.toString(get.body().getBytes(StandardCharsets.UTF_8).length));
        assertThat(head.headers().firstValue("ETag")).isEqualTo(get.headers().firstValue("ETag"));
        assertThat(http.send("HEAD", "/repo/nope").statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send("POST", "/repo/");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void foldersServeTheirIndexAndRedirectWithoutTheSlash() {
        HttpResponse<String> page = http.get("/repo/articles/kestrel/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Trams reach the docks.");

        HttpResponse<String> noSlash = http.get("/repo/articles/kestrel?utm=x");
        assertThat(noSlash.statusCode()).isEqualTo(301);
        assertThat(noSlash.headers().firstValue("Location")).hasValue("/repo/articles/kestrel/?utm=x");
        assertThat(http.get("/repo").headers().firstValue("Location")).hasValue("/repo/");
        HttpResponse<String> root = http.get("/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValue("/repo/");
        // A folder without an index and a file asked for as a folder are not found.
        assertThat(http.get("/repo/articles/").statusCode()).isEqualTo(404);
        assertThat(http.get("/repo/feed.xml/").statusCode()).isEqualTo(404);
    }

    @Test
    void unknownPathsGetTheSites404PageAtAnyDepth() {
        for (String path : List.of("/repo/nope", "/repo/articles/gone/", "/repo/a/b/c/d.html", "/elsewhere/x",
                "/repo/__gazette/nope")) {
            HttpResponse<String> missing = http.get(path);
            assertThat(missing.statusCode()).as(path).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(missing.body()).as(path).contains("Page not found").contains("/repo/__gazette/live.js");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/repo/../secret.txt", "/repo/articles/../../secret.txt", "/repo/%2e%2e/secret.txt",
            "/repo/%2E%2E/secret.txt", "/repo/.%2e/secret.txt", "/repo/..%2fsecret.txt", "/repo/..%2Fsecret.txt",
            "/repo/articles/..%2f..%2fsecret.txt", "/repo/..%5csecret.txt", "/repo/..\\secret.txt",
            "/repo/index.html%00", "/repo/%2fetc/passwd", "/repo//etc/passwd"})
    void traversalIsRefused(String target) {
        String status = http.rawStatus(target);
        assertThat(status).as(target).matches("HTTP/1\\.1 (400|403|404) .*");
    }

    @Test
    void traversalIsRefusedThroughTheHttpClientToo() {
        for (String path : List.of("/repo/%2e%2e/secret.txt", "/repo/..%2fsecret.txt", "/repo/%2e%2e%2fsecret.txt",
                "/repo/articles/%2e%2e/%2e%2e/secret.txt")) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isIn(400, 403, 404);
            assertThat(response.body()).as(path).doesNotContain("outside the site folder");
        }
    }

    @Test
    void symbolicLinksLeadingOutOfTheSiteAreRefused() {
        assertThat(http.get("/repo/leak.txt").statusCode()).isEqualTo(403);
        assertThat(http.get("/repo/leakdir/secret.txt").statusCode()).isEqualTo(403);
        assertThat(http.get("/repo/leakdir/").statusCode()).isEqualTo(403);
        assertThat(http.get("/repo/leak.txt").body()).doesNotContain("outside the site folder");
        // A link that stays inside is fine.
        assertThat(http.get("/repo/inside.css").statusCode()).isEqualTo(200);
    }

    @Test
    void hiddenFilesAreNotServed() {
        assertThat(http.get("/repo/.gazette").statusCode()).isEqualTo(404);
        assertThat(http.get("/repo/%2egazette").statusCode()).isEqualTo(404);
    }

    @Test
    void liveReloadStreamsHelloReloadErrorsAndKeepAlives() throws Exception {
        try (Http.Events events = http.events("/repo/__gazette/events")) {
            assertThat(events.response().statusCode()).isEqualTo(200);
            assertThat(events.response().headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
            Http.Event hello = events.next(5);
            assertThat(hello.name()).isEqualTo("hello");
            assertThat(hello.data()).matches("\\{\"build\":\"[0-9a-f]{8}-1\"}");

            server.failed("content/a.md:3: invalid YAML <script>alert(1)</script>\nsecond line");
            Http.Event error = events.next(5);
            assertThat(error.name()).isEqualTo("build-error");
            assertThat(error.data()).contains("invalid YAML").contains("\\nsecond line").doesNotContain("\n");

            // A page that connects while the build is broken sees the error at once.
            try (Http.Events late = http.events("/repo/__gazette/events")) {
                assertThat(late.next("build-error", 5)).isNotNull();
            }
            // The last good build is still served.
            assertThat(http.get("/repo/articles/kestrel/").body()).contains("Trams reach the docks.");

            // A good build that changed nothing clears the overlay without reloading.
            server.publish(site, List.of());
            assertThat(events.next(5).name()).isEqualTo("build-ok");

            write("articles/kestrel/index.html", "<html><body><p>Trams run late.</p></body></html>");
            server.publish(site, List.of("articles/kestrel/index.html"));
            Http.Event reload = events.next(5);
            assertThat(reload.name()).isEqualTo("reload");
            assertThat(reload.data()).contains("\"changed\":[\"articles/kestrel/index.html\"]").contains("-2\"");
            assertThat(http.get("/repo/articles/kestrel/").body()).contains("Trams run late.").contains("data-build=\"");

            Thread.sleep(800);
            assertThat(events.comments()).contains(": keep-alive");
            assertThat(server.liveClients()).isEqualTo(1);
        }
    }

    @Test
    void beforeTheFirstBuildEveryPageWaitsAndReloads() throws Exception {
        try (SiteServer fresh = SiteServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/", SiteServer.Limits.defaults().withHeartbeat(Duration.ofMillis(300)))) {
            Http client = new Http("http://127.0.0.1:" + fresh.port());
            HttpResponse<String> waiting = client.get("/articles/x/");
            assertThat(waiting.statusCode()).isEqualTo(503);
            assertThat(waiting.body()).contains("waiting for a good build").contains("/__gazette/live.js");
            try (Http.Events events = client.events("/__gazette/events")) {
                assertThat(events.next(5).name()).isEqualTo("hello");
                fresh.publish(site, List.of("index.html"));
                assertThat(events.next(5).name()).isEqualTo("reload");
            }
            assertThat(client.get("/").body()).contains("<h1>Home</h1>");
        }
    }

    @Test
    void onlyNamesThatDnsCannotRepointGetAnAnswer() {
        String port = ":" + server.port();
        for (String host : List.of("127.0.0.1" + port, "localhost" + port, "LOCALHOST." + port, "[::1]" + port,
                "127.0.0.2" + port)) {
            assertThat(status(http.raw("GET /repo/ HTTP/1.1\r\nHost: " + host))).as(host).isEqualTo(200);
        }
        // DNS rebinding: a page on evil.example whose name now points at 127.0.0.1.
        for (String host : List.of("evil.example" + port, "127.0.0.1.nip.io" + port, "localhost.evil.example" + port,
                "127.0.0.1:1", "127.0.0.1", "10.0.0.1" + port, "256.0.0.1" + port, "[::2]" + port, "")) {
            String response = http.raw("GET /repo/ HTTP/1.1\r\nHost: " + host);
            assertThat(status(response)).as(host).isIn(400, 421);
            assertThat(response).as(host).doesNotContain("<h1>Home</h1>");
        }
        assertThat(status(http.raw("GET /repo/ HTTP/1.1\r\nHost: evil.example" + port))).isEqualTo(421);
        // The event stream too, and a request target naming another host.
        assertThat(status(http.raw("GET /repo/__gazette/events HTTP/1.1\r\nHost: evil.example" + port))).isEqualTo(421);
        assertThat(status(http.raw("GET http://evil.example" + port + "/repo/ HTTP/1.1\r\nHost: " + http.authority())))
                .isIn(400, 421);
        // A foreign Origin (a cross-site fetch or EventSource), and the opaque "null" origin of sandboxes.
        for (String origin : List.of("http://evil.example" + port, "null", "https://127.0.0.1" + port,
                "http://127.0.0.1:1", "http://user@127.0.0.1" + port)) {
            assertThat(status(http.raw("GET /repo/__gazette/events HTTP/1.1\r\nHost: " + http.authority()
                    + "\r\nOrigin: " + origin))).as(origin).isEqualTo(421);
        }
        assertThat(status(http.raw("GET /repo/ HTTP/1.1\r\nHost: " + http.authority()
                + "\r\nOrigin: http://localhost" + port))).isEqualTo(200);
        assertThat(status(http.raw("GET /repo/ HTTP/1.0"))).isEqualTo(400);
    }

    @Test
    void noResponseCanBeFramedByAnotherSite() {
        for (String head : List.of("GET /repo/ HTTP/1.1\r\nHost: " + http.authority(),
                "GET /repo/nope HTTP/1.1\r\nHost: " + http.authority(),
                "GET /repo/ HTTP/1.1\r\nHost: evil.example:" + server.port(),
                "GET /repo/%zz HTTP/1.1\r\nHost: " + http.authority(),
                "GET /repo/ HTTP/1.1\r\nHost: " + http.authority() + "\r\nBroken header line")) {
            String response = http.raw(head);
            assertThat(response).as(head).containsIgnoringCase("X-Frame-Options: DENY")
                    .containsIgnoringCase("Content-Security-Policy: frame-ancestors 'none'")
                    .containsIgnoringCase("X-Content-Type-Options: nosniff");
        }
    }

    @Test
    void malformedRequestTargetsGet400() {
        for (String target : List.of("/repo/%zz", "/repo/%", "/repo/%C3%28", "/repo/a%2", "nothing", "/repo/a b")) {
            String response = http.raw("GET " + target + " HTTP/1.1\r\nHost: " + http.authority());
            assertThat(status(response)).as(target).isEqualTo(400);
            assertThat(response).as(target).doesNotContain("<h1>Home</h1>").doesNotContainIgnoringCase("jetty");
        }
    }

    @Test
    void byteRangesGet206Or416() throws Exception {
        String css = "body { color: #222 }\n";
        HttpResponse<String> whole = http.get("/repo/assets/style.css");
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        String etag = whole.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> first = http.get("/repo/assets/style.css", "Range", "bytes=0-3");
        assertThat(first.statusCode()).isEqualTo(206);
        assertThat(first.body()).isEqualTo("body");
        assertThat(first.headers().firstValue("Content-Range")).hasValue("bytes 0-3/" + css.length());
        assertThat(first.headers().firstValue("Content-Length")).hasValue("4");
        assertThat(http.get("/repo/assets/style.css", "Range", "bytes=-5").body()).isEqualTo("222 }\n".substring(1));
        assertThat(http.get("/repo/assets/style.css", "Range", "bytes=5-").body()).isEqualTo(css.substring(5));
        // Overlapping ranges merge into one.
        assertThat(http.get("/repo/assets/style.css", "Range", "bytes=0-2,1-3").body()).isEqualTo("body");

        HttpResponse<String> beyond = http.get("/repo/assets/style.css", "Range", "bytes=500-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + css.length());

        // Not valid byte-range syntax, another unit, separate ranges: the whole body.
        for (String range : List.of("bytes=abc", "bytes=4-2", "items=0-1", "bytes=0-1,5-6", "bytes=")) {
            HttpResponse<String> ignored = http.get("/repo/assets/style.css", "Range", range);
            assertThat(ignored.statusCode()).as(range).isEqualTo(200);
            assertThat(ignored.body()).as(range).isEqualTo(css);
        }
        // If-Range: a part of this version only.
        assertThat(http.get("/repo/assets/style.css", "Range", "bytes=0-3", "If-Range", etag).statusCode()).isEqualTo(206);
        assertThat(http.get("/repo/assets/style.css", "Range", "bytes=0-3", "If-Range", "\"old\"").statusCode())
                .isEqualTo(200);
        // HTML is ranged over the bytes sent, script included, and HEAD says the part's length.
        HttpResponse<String> page = http.get("/repo/");
        HttpResponse<String> tail = http.get("/repo/", "Range", "bytes=-20");
        assertThat(page.body()).endsWith(tail.body());
        HttpResponse<String> head = http.send("HEAD", "/repo/assets/style.css", "Range", "bytes=0-3");
        assertThat(head.statusCode()).isEqualTo(206);
        assertThat(head.headers().firstValue("Content-Length")).hasValue("4");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void eventStreamsAreCapped() throws Exception {
        SiteServer.Limits limits = SiteServer.Limits.defaults();
        limits = new SiteServer.Limits(Duration.ofMillis(200), limits.headerTimeout(), limits.idleTimeout(),
                limits.maxConnections(), limits.atLimitIdleTimeout(), 2, limits.maxThreads());
        try (SiteServer capped = SiteServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/", limits)) {
            capped.publish(site, List.of("index.html"));
            Http client = new Http("http://127.0.0.1:" + capped.port());
            try (Http.Events one = client.events("/__gazette/events"); Http.Events two = client.events("/__gazette/events")) {
                assertThat(one.next(5).name()).isEqualTo("hello");
                assertThat(two.next(5).name()).isEqualTo("hello");
                HttpResponse<String> third = client.get("/__gazette/events");
                assertThat(third.statusCode()).isEqualTo(503);
                assertThat(third.headers().firstValue("Retry-After")).isPresent();
                assertThat(capped.liveClients()).isEqualTo(2);
            }
            // Closed streams free their places, found by the heartbeat's writes.
            long end = System.nanoTime() + 5_000_000_000L;
            while (capped.liveClients() > 0 && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            try (Http.Events again = client.events("/__gazette/events")) {
                assertThat(again.response().statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void aPageThatStopsReadingItsStreamIsDroppedNotBuffered() throws Exception {
        try (Socket stuck = new Socket()) {
            stuck.setReceiveBufferSize(4096);
            stuck.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
            stuck.getOutputStream().write(("GET /repo/__gazette/events HTTP/1.1\r\nHost: " + http.authority()
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            long end = System.nanoTime() + 5_000_000_000L;
            while (server.liveClients() == 0 && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertThat(server.liveClients()).isEqualTo(1);
            // The client reads nothing: once the socket buffers are full, messages queue for it,
            // and past LiveReload.MAX_PENDING it is dropped instead of holding them all.
            String big = "x".repeat(100_000);
            for (int i = 0; i < 400 && server.liveClients() > 0; i++) {
                server.failed(big);
            }
            end = System.nanoTime() + 5_000_000_000L;
            while (server.liveClients() > 0 && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertThat(server.liveClients()).isZero();
        }
        // Everyone else is still served.
        assertThat(http.get("/repo/").statusCode()).isEqualTo(200);
    }

    /** The status code of a raw response's status line. */
    static int status(String response) {
        assertThat(response).startsWith("HTTP/1.1 ");
        return Integer.parseInt(response.substring(9, 12));
    }

    private void write(String path, String text) throws Exception {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
