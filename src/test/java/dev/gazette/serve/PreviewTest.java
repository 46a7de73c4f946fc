package dev.gazette.serve;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole preview: real content folder, real builds, real server, real file watching. */
class PreviewTest {
    @TempDir
    Path tmp;

    Path content;
    Path templates;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<Path> roots = new ArrayList<>();
    Preview preview;
    Http http;
    String base;

    @BeforeEach
    void content() throws Exception {
        content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("site.yml"), "title: Test Wire\nbase_url: https://example.org/digest/\n");
        Files.writeString(content.resolve("trams.md"), article("Trams reach the docks", "The first tram arrived at noon."));
        Files.writeString(content.resolve("ferry.md"), article("Electric ferry sails", "The ferry crossed in silence."));
        templates = Trees.copy(Path.of("templates"), tmp.resolve("templates"));
    }

    void start() throws Exception {
        Rebuilder.Factory recording = options -> {
            IncrementalRebuilder incremental = new IncrementalRebuilder(options);
            return changed -> {
                Rebuild build = incremental.rebuild(changed);
                roots.add(build.root());
                return build;
            };
        };
        preview = Preview.start(new Preview.Options(content, templates, null, false,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Duration.ofMillis(50)),
                recording, new PrintWriter(out, true), new PrintWriter(err, true));
        URI url = preview.url();
        http = new Http("http://" + url.getAuthority());
        base = url.getPath();
    }

    @AfterEach
    void stop() {
        if (preview != null) {
            preview.close();
        }
    }

    @Test
    void servesTheSiteUnderItsBasePathWithThePreviewsOwnUrls() throws Exception {
        start();
        assertThat(base).isEqualTo("/digest/");
        assertThat(preview.url().toString()).matches("http://127\\.0\\.0\\.1:\\d+/digest/");
        assertThat(out.toString()).contains("Serving " + preview.url()).contains("built 2 articles in ");

        HttpResponse<String> page = http.get(base + "articles/trams/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("The first tram arrived at noon.")
                .contains("href=\"" + preview.url() + "articles/trams/\"")
                .contains("href=\"/digest/assets/style.css\"")
                .doesNotContain("example.org");
        assertThat(http.get(base + "no/such/page/").body()).contains("Page not found");
        // Built in a private temporary folder, never next to the content.
        assertThat(roots.get(0).startsWith(tmp)).isFalse();
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("content", "templates");
        }
    }

    @Test
    void savingAnArticleRebuildsAndReloadsOpenPages() throws Exception {
        start();
        try (Http.Events events = http.events(base + "__gazette/events")) {
            assertThat(events.next(5).name()).isEqualTo("hello");
            Files.writeString(content.resolve("trams.md"), article("Trams reach the docks", "Crowds cheered the tram."));

            Http.Event reload = events.next("reload", 15);
            assertThat(reload).as(out + "\n" + err).isNotNull();
            assertThat(reload.data()).contains("articles/trams/index.html")
                    .doesNotContain("articles/ferry/index.html");
            assertThat(http.get(base + "articles/trams/").body()).contains("Crowds cheered the tram.");
            assertThat(out.toString()).containsPattern("rebuilt in \\d+ ms: \\S*trams\\.md changed; 1 source read, "
                    + "\\d+ pages rendered, \\d+ files written \\[");
        }
    }

    @Test
    void aBrokenSaveShowsItsErrorWhileTheLastGoodBuildStaysServed() throws Exception {
        start();
        try (Http.Events events = http.events(base + "__gazette/events")) {
            assertThat(events.next(5).name()).isEqualTo("hello");
            Files.writeString(content.resolve("trams.md"), "---\ntitle: Trams\ntags: [one, two\ndate: 2025-01-02\n---\nBody.\n");

            Http.Event error = events.next("build-error", 15);
            assertThat(error).as(out + "\n" + err).isNotNull();
            assertThat(error.data()).contains("trams.md:4: invalid YAML");
            assertThat(err.toString()).contains("trams.md:4: invalid YAML").contains("still serving the last good build");
            assertThat(http.get(base + "articles/trams/").body()).contains("The first tram arrived at noon.");

            Files.writeString(content.resolve("trams.md"), article("Trams reach the docks", "Fixed and running."));
            assertThat(events.next("reload", 15)).isNotNull();
            assertThat(http.get(base + "articles/trams/").body()).contains("Fixed and running.");
        }
    }

    @Test
    void templateAndSiteConfigChangesRebuildToo() throws Exception {
        start();
        try (Http.Events events = http.events(base + "__gazette/events")) {
            assertThat(events.next(5).name()).isEqualTo("hello");
            Path layout = templates.resolve("layout.peb");
            Files.writeString(layout, Files.readString(layout).replace("Skip to content", "Jump to the news"));
            assertThat(events.next("reload", 15)).isNotNull();
            assertThat(http.get(base).body()).contains("Jump to the news");

            Files.writeString(content.resolve("site.yml"), "title: Renamed Wire\nbase_url: https://example.org/digest/\n");
            assertThat(events.next("reload", 15)).isNotNull();
            assertThat(http.get(base).body()).contains("Renamed Wire");
        }
    }

    @Test
    void editorTemporaryFilesDoNotTriggerABuild() throws Exception {
        start();
        int builds = preview.goodBuilds();
        Files.writeString(content.resolve("trams.md~"), "backup");
        Files.writeString(content.resolve(".#trams.md"), "lock");
        Files.writeString(content.resolve("4913"), "");
        Files.writeString(content.resolve(".trams.md.swp"), "swap");
        Thread.sleep(1000);
        assertThat(preview.goodBuilds()).isEqualTo(builds);
    }

    @Test
    void aSiteThatDoesNotBuildAtFirstIsServedOnceItDoes() throws Exception {
        Files.writeString(content.resolve("trams.md"), "---\ntitle: [unclosed\n---\nBody.\n");
        start();
        assertThat(err.toString()).contains("trams.md").contains("nothing to serve yet");
        HttpResponse<String> waiting = http.get(base);
        assertThat(waiting.statusCode()).isEqualTo(503);
        try (Http.Events events = http.events(base + "__gazette/events")) {
            assertThat(events.next("build-error", 5)).isNotNull();
            Files.writeString(content.resolve("trams.md"), article("Trams reach the docks", "Now it builds."));
            assertThat(events.next("reload", 15)).isNotNull();
        }
        assertThat(http.get(base + "articles/trams/").body()).contains("Now it builds.");
    }

    @Test
    void stoppingDeletesThePreviewBuilds() throws Exception {
        start();
        Path root = roots.get(0);
        assertThat(root.resolve("index.html")).isRegularFile();
        preview.close();
        preview = null;
        assertThat(root).doesNotExist();
        assertThat(root.getParent()).doesNotExist();
    }

    static String article(String title, String body) {
        return "---\ntitle: " + title + "\ndate: 2025-02-17\n---\n" + body + "\n";
    }
}
