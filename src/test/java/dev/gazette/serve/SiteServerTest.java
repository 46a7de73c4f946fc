package dev.gazette.serve;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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

        server = SiteServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/repo/", SiteServer.Limits.defaults().withHeartbeat(java.time.Duration.ofMillis(300)));
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
                .hasValue(Integer.toString(get.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
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
        try (SiteServer fresh = SiteServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/", SiteServer.Limits.defaults().withHeartbeat(java.time.Duration.ofMillis(300)))) {
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

    private void write(String path, String text) throws Exception {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
