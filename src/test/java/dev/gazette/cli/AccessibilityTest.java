package dev.gazette.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gazette.serve.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * axe-core in headless Chromium on every page type of the sample digest, served under a
 * sub-path, in light and in dark (prefers-color-scheme emulated): no serious or critical
 * violation; and no page is wider than a 320 px screen. axe-core comes from npm ({@code npm install --no-save axe-core@4.14.1}, which
 * .ci/run does) into the git-ignored node_modules/.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityTest {
    private static final Path AXE = Path.of("node_modules/axe-core/axe.min.js");
    private static final String SERIOUS = "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations"
            + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
            + ".map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(', ')))";

    private StaticServer server;
    private Chromium chrome;
    private final Map<String, String> pages = new LinkedHashMap<>();

    @BeforeAll
    void buildAndServe(@TempDir Path tmp) throws Exception {
        boolean required = System.getenv("GAZETTE_REQUIRE_BROWSER") != null;
        Optional<Path> binary = Chromium.find();
        if (required) {
            assertThat(binary).as("Chromium, with GAZETTE_REQUIRE_BROWSER set").isPresent();
            assertThat(AXE).as("axe-core from npm (.ci/run installs it), with GAZETTE_REQUIRE_BROWSER set").exists();
        }
        assumeTrue(binary.isPresent() && Files.exists(AXE), "Chromium or axe-core missing: accessibility test skipped");
        server = new StaticServer();
        Path site = tmp.resolve("site");
        String base = "http://127.0.0.1:" + server.port() + "/sub/";
        Cli cli = Cli.run("build", "--content", "content", "--templates", "templates", "--out", site.toString(),
                "--base-url", base);
        assertThat(cli.code()).as(cli.err()).isZero();
        server.serve(site, "/sub/");
        pages.put("home", "");
        pages.put("article with lead image", first(site, "articles", "kestrel"));
        pages.put("article with body image and coverage", first(site, "articles", "valdoria-central"));
        pages.put("story", first(site, "stories", ""));
        pages.put("edition", first(site, "editions", "20"));
        pages.put("editions", "editions/");
        pages.put("topics", "tags/");
        pages.put("topic", first(site, "tags", ""));
        pages.put("archive", "archive/");
        pages.put("month", first(site, "archive", "20") + "03/");
        pages.put("search with results", "search/?q=tram");
        pages.put("not found", "no/such/page/");
        chrome = Chromium.start(binary.get(), Files.createDirectories(tmp.resolve("chrome")));
        chrome.call("Page.enable", Map.of());
        chrome.call("Page.addScriptToEvaluateOnNewDocument", Map.of("source", Files.readString(AXE)));
    }

    /** The first folder under {@code dir} whose name starts with {@code prefix}, as a site path. */
    private static String first(Path site, String dir, String prefix) throws Exception {
        try (Stream<Path> list = Files.list(site.resolve(dir))) {
            return dir + "/" + list.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(prefix) && Files.isDirectory(site.resolve(dir).resolve(n)) && !n.equals("page"))
                    .sorted().findFirst().orElseThrow() + "/";
        }
    }

    @AfterAll
    void stop() {
        if (chrome != null) {
            chrome.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** At the narrowest phone width the theme supports, nothing sticks out sideways. */
    @org.junit.jupiter.api.Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void noPageScrollsSidewaysAt320Pixels() throws Exception {
        chrome.call("Emulation.setDeviceMetricsOverride", Map.of("width", 320, "height", 800,
                "deviceScaleFactor", 1, "mobile", true));
        try {
            List<String> wide = new ArrayList<>();
            for (Map.Entry<String, String> page : pages.entrySet()) {
                chrome.navigate("http://127.0.0.1:" + server.port() + "/sub/" + page.getValue());
                JsonNode width = chrome.await("document.readyState === 'complete' && innerWidth === 320"
                        + " ? document.documentElement.scrollWidth : -1", v -> v.asInt() > 0, Duration.ofSeconds(10));
                if (width.asInt() > 320) {
                    wide.add(page.getKey() + ": " + width.asInt() + " px wide");
                }
            }
            assertThat(wide).as("pages wider than a 320 px screen").isEmpty();
        } finally {
            chrome.call("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void noSeriousOrCriticalViolationOnAnyPageType(String scheme) throws Exception {
        chrome.call("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            chrome.navigate("http://127.0.0.1:" + server.port() + "/sub/" + page.getValue());
            JsonNode ready = chrome.await("document.readyState === 'complete' && typeof axe === 'object'"
                    + (page.getKey().startsWith("search") ? " && document.querySelectorAll('#search-results li').length > 0" : "")
                    + " && matchMedia('(prefers-color-scheme: " + scheme + ")').matches", JsonNode::asBoolean, Duration.ofSeconds(10));
            assertThat(ready.asBoolean()).as(page.getKey() + " loaded in " + scheme).isTrue();
            JsonNode found = chrome.call("Runtime.evaluate", Map.of("expression", SERIOUS, "awaitPromise", true,
                    "returnByValue", true)).path("result").path("value");
            assertThat(found.isArray()).as("axe ran on " + page.getKey() + ": " + found).isTrue();
            found.forEach(v -> problems.add(page.getKey() + " (" + scheme + "): " + v.asText()));
        }
        assertThat(problems).as("axe-core serious or critical violations").isEmpty();
    }
}
