package dev.gazette.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser on a real preview: the page reloads by itself after its source is saved, and
 * shows (escaped) build errors over the last good build. Needs Chromium; {@code .ci/run}
 * installs it on CI, elsewhere the test is skipped when it is missing.
 */
class LiveReloadBrowserTest {
    static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir
    Path tmp;

    Path content;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Preview preview;
    Chromium browser;
    /** Where a case's time went, printed after it: a slow run on CI says which step waited. */
    StringBuilder laps = new StringBuilder();
    long lapStart = System.nanoTime();

    @BeforeEach
    void start() throws Exception {
        Path binary = Chromium.forTest("browser live-reload test");
        content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("site.yml"), "title: Test Wire\nbase_url: https://example.org/digest/\n");
        Files.writeString(content.resolve("trams.md"), PreviewTest.article("Trams reach the docks", "The first tram arrived at noon."));
        preview = Preview.start(new Preview.Options(content, tmp.resolve("no-theme"), null, false,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Duration.ofMillis(100)),
                new PrintWriter(out, true), new PrintWriter(err, true));
        lap("preview and first build");
        browser = Chromium.start(binary, tmp.resolve("chromium"));
        lap("chromium start");
    }

    @AfterEach
    void stop(TestInfo test) {
        System.out.println("live reload, " + test.getDisplayName() + ":" + laps);
        if (browser != null) {
            browser.close();
        }
        if (preview != null) {
            preview.close();
        }
    }

    @Test
    void anArticlePageReloadsWithTheNewTextAfterItsSourceIsSaved() throws Exception {
        open(preview.url() + "articles/trams/", "The first tram arrived at noon.");
        browser.evaluate("window.gazetteMarker = 'still the old page'");

        Files.writeString(content.resolve("trams.md"), PreviewTest.article("Trams reach the docks", "Crowds cheered the first tram."));

        assertThat(text(browser.await("document.body.innerText", v -> v.asText().contains("Crowds cheered"), PATIENCE)))
                .as(diagnostics()).contains("Crowds cheered the first tram.").doesNotContain("arrived at noon");
        lap("save to new text");
        // A real reload, not a refresh we did: the page's JavaScript state is gone.
        assertThat(browser.evaluate("typeof window.gazetteMarker").asText()).isEqualTo("undefined");
        assertThat(browser.evaluate("location.pathname").asText()).isEqualTo("/digest/articles/trams/");
    }

    @Test
    void aBrokenSaveShowsAnEscapedOverlayAndTheLastGoodPageStays() throws Exception {
        open(preview.url() + "articles/trams/", "The first tram arrived at noon.");
        Path broken = content.resolve("<img src=x onerror=window.pwned=1>.md");
        Files.writeString(broken, "---\ntitle: Broken\ntags: [one, two\ndate: 2025-01-02\n---\nBody.\n");

        String overlay = "(document.getElementById('gazette-build-error') || {}).innerText || ''";
        assertThat(text(browser.await(overlay, v -> v.asText().contains("invalid YAML"), PATIENCE)))
                .as(diagnostics()).contains("could not build your last change", "<img src=x onerror=window.pwned=1>.md:4: invalid YAML");
        lap("broken save to overlay");
        assertThat(browser.evaluate("document.querySelectorAll('#gazette-build-error img').length").asInt()).isZero();
        assertThat(browser.evaluate("typeof window.pwned").asText()).isEqualTo("undefined");
        assertThat(browser.evaluate("document.body.innerText").asText()).contains("The first tram arrived at noon.");

        // Opening the page afresh while the build is broken: last good page, with the overlay.
        open(preview.url() + "articles/trams/", "The first tram arrived at noon.");
        assertThat(text(browser.await(overlay, v -> v.asText().contains("invalid YAML"), PATIENCE))).contains("invalid YAML");

        // Fixing it (here: removing the bad file) clears the overlay.
        Files.delete(broken);
        assertThat(text(browser.await("document.getElementById('gazette-build-error') === null", JsonNode::asBoolean, PATIENCE)))
                .as(diagnostics()).isEqualTo("true");
        lap("fix to overlay gone");
        assertThat(browser.evaluate("document.body.innerText").asText()).contains("The first tram arrived at noon.");
    }

    private void open(String url, String expected) throws Exception {
        browser.navigate(url);
        assertThat(text(browser.await("document.body.innerText", v -> v.asText().contains(expected), PATIENCE)))
                .as(diagnostics()).contains(expected);
        lap("page shown");
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (preview.liveClients() == 0 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(preview.liveClients()).as("the page subscribed to live reload; " + diagnostics()).isGreaterThan(0);
        lap("subscribed");
    }

    private void lap(String step) {
        long now = System.nanoTime();
        laps.append(String.format(Locale.ROOT, " %s %d ms;", step, (now - lapStart) / 1_000_000));
        lapStart = now;
    }

    private static String text(JsonNode value) {
        return value == null ? null : value.asText();
    }

    private String diagnostics() {
        return "\n--- steps so far:" + laps + "\n--- serve stdout\n" + out + "--- serve stderr\n" + err + "--- chromium\n" + browser.log();
    }
}
