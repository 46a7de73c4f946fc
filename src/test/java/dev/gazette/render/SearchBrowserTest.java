package dev.gazette.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gazette.cli.StaticServer;
import dev.gazette.config.SiteConfig;
import dev.gazette.config.SiteConfigLoader;
import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import dev.gazette.serve.Chromium;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search page in a real browser on a generated 10,000-article site served under a sub-path:
 * the first query finds the article whose headline has the word, within the download budget
 * (300 KB including the page, its scripts and styles), a typo still finds it, and so does a
 * prefix. Prints the bytes and the time the browser took to answer after its downloads.
 */
@Tag("slow")
class SearchBrowserTest {
    private static final int ARTICLES = 10_000;
    private static final long FIRST_QUERY_BUDGET = 300 * 1024;
    /** The query last answered, then the headlines shown for it. */
    private static final String RESULTS = "[document.querySelector('[data-search-index]').dataset.lastQuery || '']"
            + ".concat(Array.from(document.querySelectorAll('#search-results .result-title')).map(e => e.textContent))";
    private static final String BYTES = "performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
            + ".reduce((sum, e) => sum + e.transferSize, 0)";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void firstQueryOnTenThousandArticlesStaysInBudgetAndToleratesTypos() throws Exception {
        Path binary = Chromium.forTest("browser search test");
        long generating = System.nanoTime();
        GeneratedDigest generator = new GeneratedDigest(30_000, 7);
        Digest digest = generator.digest(ARTICLES);
        System.out.printf("generated %,d articles in %d ms%n", ARTICLES, (System.nanoTime() - generating) / 1_000_000);
        try (StaticServer server = new StaticServer()) {
            SiteConfig site = SiteConfigLoader.load(Files.createDirectories(dir.resolve("content")))
                    .withBaseUrl(URI.create("http://127.0.0.1:" + server.port() + "/sub/"));
            Path out = dir.resolve("site");
            long started = System.nanoTime();
            new SiteRenderer(site, Theme.load(Path.of("templates"))).renderSearch(digest, (path, bytes) -> {
                try {
                    Path file = out.resolve(path);
                    Files.createDirectories(file.getParent());
                    Files.write(file, bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            long indexMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("search index written in %d ms%n", indexMillis);
            server.serve(out, "/sub/");

            // The article in the middle of the site, found by the rarest word of its headline.
            Article target = digest.articles().get(ARTICLES / 2);
            SearchIndex index = new SearchIndex("en");
            String word = index.terms(target.title()).stream()
                    .max(Comparator.comparingInt(generator.words::indexOf)).orElseThrow();
            try (Chromium chrome = Chromium.start(binary, Files.createDirectories(dir.resolve("chrome")))) {
                chrome.call("Network.enable", Map.of());
                chrome.call("Network.setCacheDisabled", Map.of("cacheDisabled", true));
                chrome.navigate("http://127.0.0.1:" + server.port() + "/sub/search/?q=" + word);
                JsonNode titles = chrome.await(RESULTS, v -> v.size() > 1, Duration.ofSeconds(15));
                assertThat(titles).as("results for '%s'", word).isNotNull();
                assertThat(titles.toString()).contains(target.title());
                long bytes = chrome.evaluate(BYTES).asLong();
                System.out.println(chrome.evaluate("performance.getEntriesByType('navigation').concat(performance"
                        + ".getEntriesByType('resource')).map(e => e.name.replace(/^.*\\/sub\\//, '') + ' ' + e.transferSize).join('\\n')").asText());
                String millis = chrome.evaluate("document.querySelector('[data-search-index]').dataset.lastQueryMs").asText();
                System.out.printf("search on %,d articles: index written in %d ms; first query '%s' downloaded %,d bytes"
                        + " and answered %s ms after its downloads%n", ARTICLES, indexMillis, word, bytes, millis);
                assertThat(bytes).as("bytes downloaded for the first query").isLessThanOrEqualTo(FIRST_QUERY_BUDGET);

                // A wrong letter near the end, typed into the box: still found.
                char wrong = word.charAt(word.length() - 2) == 'e' ? 'a' : 'e';
                String typo = word.substring(0, word.length() - 2) + wrong + word.charAt(word.length() - 1);
                type(chrome, typo);
                JsonNode corrected = chrome.await(RESULTS, v -> v.get(0).asText().equals(typo), Duration.ofSeconds(10));
                assertThat(corrected.toString()).as("results for the typo '%s'", typo).contains(target.title());

                // The first letters of a word complete it.
                String prefix = word.substring(0, word.length() - 1);
                type(chrome, prefix);
                JsonNode completed = chrome.await(RESULTS, v -> v.get(0).asText().equals(prefix), Duration.ofSeconds(10));
                assertThat(completed.toString()).as("results for a prefix of '%s'", word).contains(target.title());
                assertThat(chrome.evaluate("document.querySelector('#search-results mark') !== null").asBoolean())
                        .as("matches are highlighted").isTrue();
            }
        }
    }

    private static void type(Chromium chrome, String text) throws Exception {
        chrome.evaluate("(() => { const i = document.getElementById('search-input'); i.value = " + json(text)
                + "; i.dispatchEvent(new Event('input')); })()");
    }

    private static String json(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
