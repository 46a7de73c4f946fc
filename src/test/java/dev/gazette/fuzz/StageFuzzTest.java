package dev.gazette.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gazette.clean.Cleaner;
import dev.gazette.clean.Extraction;
import dev.gazette.clean.TooDeepException;
import dev.gazette.config.SiteConfig;
import dev.gazette.config.SiteConfigLoader;
import dev.gazette.enrich.ArticleBuilder;
import dev.gazette.link.Linker;
import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import dev.gazette.model.GazetteException;
import dev.gazette.model.Problem;
import dev.gazette.pipeline.Diagnostics;
import dev.gazette.render.SiteRenderer;
import dev.gazette.render.Theme;
import dev.gazette.source.Source;
import dev.gazette.source.SourceFormat;
import dev.gazette.source.SourceReader;
import dev.gazette.source.TextDecoder;
import dev.gazette.source.YamlMap;
import dev.gazette.source.YamlParser;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz targets for the per-source stages (front matter, site.yml, text-dump cleaning,
 * HTML cleaning and Markdown rendering) and for the whole pipeline in memory. Each takes raw bytes and decodes them the way the build
 * reads a file. Under plain JUnit they replay the seeds in
 * {@code src/test/resources/dev/gazette/fuzz/StageFuzzTestInputs/<method>/} (crashes the fuzzer
 * found are kept there); with {@code JAZZER_FUZZ=1} they fuzz (see README, "Fuzzing").
 *
 * <p>What every target checks: the stage never throws anything but a {@link GazetteException}
 * whose problems name the file and a line inside it, and cleaned HTML never carries script.
 * {@code @Timeout} bounds each input (Jazzer passes it on to libFuzzer as {@code -timeout}).
 */
class StageFuzzTest {
    private static final String FILE = "content/fuzz.md";
    private static final SiteConfig SITE = SiteConfigLoader.fromYaml(YamlMap.empty("content/site.yml"));
    /** The built-in theme: a templates folder that does not exist. */
    private static final Theme THEME = Theme.load(Path.of("no-such-theme-folder"));
    private static final Extraction FOUND = new Extraction(null, null, null, null, null, null, null,
            "<p>Body.</p>", "Body.");

    private final Cleaner cleaner = new Cleaner();
    private final ArticleBuilder builder = new ArticleBuilder(SITE);

    // Dictionary entries hold no line breaks or tabs: libFuzzer's dictionary file cannot carry them.

    /** Front matter as the build reads it: split from the body, parsed, every key checked. */
    @DictionaryEntries({": ", "- ", "&a ", "*a", "!!str ", "!!binary ", "|", ">-", "\"", "'", "\\u", "\\U",
            "\\x", "[", "]", "{", "}", "? ", "---", "...", "# ", "\uFEFF", "<<: *a",
            "title", "date", "tags", "source", "source_url", "author", "authors", "summary", "draft", "published", "slug", "story",
            "link_tags", "lang", "image", "2025-02-17", "2025-02-17T09:30:00Z", "+05:30", "true", "null", "~", "0x1F", ".inf"})
    @Timeout(5)
    @FuzzTest(maxDuration = "4m")
    void frontMatter(byte[] bytes) {
        String yaml = TextDecoder.decode(bytes, false).text();
        String file = "---\n" + yaml + "\n---\nBody.\n";
        int lines = file.split("\n", -1).length;
        List<Problem> warnings = new ArrayList<>();
        try {
            Source source = SourceReader.split(FILE, "fuzz.md", SourceFormat.MARKDOWN, file);
            builder.build(source, FOUND, warnings::add);
        } catch (GazetteException e) {
            assertPinned(e.problems(), FILE, lines);
        }
        assertPinned(warnings, FILE, lines);
    }

    /** {@code site.yml}: parsed and every setting checked. */
    @DictionaryEntries({": ", "- ", "  ", "&a ", "*a", "\"", "\\u", "[", "]", "{", "}", "# ", "title", "description",
            "base_url", "baseURL", "url", "language", "timezone", "author", "feed_items", "page_size", "paginate", "edition", "tags",
            "cname", "canonical", "copyright", "feed", "name", "aliases", "https://", "Europe/London", "daily", "weekly", "both", "self"})
    @Timeout(5)
    @FuzzTest(maxDuration = "4m")
    void siteConfig(byte[] bytes) {
        String yaml = TextDecoder.decode(bytes, false).text();
        try {
            SiteConfigLoader.fromYaml(YamlParser.parse("content/site.yml", yaml, 1));
        } catch (GazetteException e) {
            assertPinned(e.problems(), "content/site.yml", yaml.split("\n", -1).length);
        }
    }

    @DictionaryEntries({"---", "By ", "Advertisement", "We use cookies", "Subscribe to our newsletter",
            "Read more", "Share", "Skip to main content", "{", "}", ";", "function(", "var ", "window.", "a{b:c;", "©", "|", "»",
            "Monday 17 February 2025", "17.02.2025", "February 17, 2025", "2025-02-17", "Updated", "Photo:", "Related", "•",
            // Dates of other languages and calendars, whose month names hold spaces and whose figures are not ASCII.
            "12 كانون الثاني 2020", "١٢ نوفمبر ٢٠١٩", "3 tháng 3 năm 2025", "3 d'abril de 2025", "令和7年3月3日", "3 มีนาคม 2568",
            "2019. gada 12. novembrī", "5. 3. 2020.", "\u00a0", "  "})
    @Timeout(5)
    @FuzzTest(maxDuration = "4m")
    void textDump(byte[] bytes) {
        assertClean(cleaner.clean(SourceFormat.TEXT, TextDecoder.decode(bytes, false).text(), null));
    }

    @DictionaryEntries({"<script", "</script>", "<div", "</div>", "<p>", "</p>", "<article", "<main", "<section", "<nav",
            "<meta charset=", "<meta property=\"og:title\" content=", "application/ld+json", "\"articleBody\"", "\"headline\"",
            "javascript:", "onerror=", "onclick=", "<a href=", "<img src=", "srcset=", "<h1>", "<h2>", "<!--", "-->", "&#x", "&#",
            "<svg", "<math", "<iframe", "<noscript", "<template", "<table", "<li>", "<br>", "<base href=", "hidden", "style=",
            "display:none", "<link rel=canonical href=", "windows-1252", "shift_jis", "<![CDATA[", "<time datetime=",
            "<figure>", "<figcaption>", "<cite>", "<dl>", "<dt>", "<dd>", "<ul>", "<tr>", "<td colspan=", " rowspan=", "<h4>",
            " sizes=", " width=", " 2x, ", " 640w,", "&#16;"})
    @Timeout(5)
    @FuzzTest(maxDuration = "4m")
    void htmlPage(byte[] bytes) {
        assertClean(cleaner.clean(SourceFormat.HTML, TextDecoder.decode(bytes, true).text(),
                "https://news.example/section/page.html"));
    }

    @DictionaryEntries({"**", "__", "*", "_", "[", "](", "![", "`", "```", "~~~", "> ", "# ", "## ", "| a |", "|---|", "[^1]",
            "[^1]: ", "<script", "javascript:", "<", "</", "\\", "~~", "- ", "1. ", "<https://", "&#", "    ", "[x]: ",
            "<div>", "<img src=x onerror=", "](#", "{#id}", "---", "***"})
    @Timeout(5)
    @FuzzTest(maxDuration = "4m")
    void markdown(byte[] bytes) {
        String text = TextDecoder.decode(bytes, false).text();
        try {
            assertClean(cleaner.clean(SourceFormat.MARKDOWN, text, null));
        } catch (TooDeepException e) {
            // Refused by design, and reported at its line (pipeline.SourceCleaner): a problem with the input, not a crash.
            assertThat(e.line()).isBetween(1, (int) text.lines().count() + 1);
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    /**
     * The whole pipeline in memory: up to four sources of any format are read, cleaned and
     * enriched, then linked and rendered with the built-in theme. Only a {@link GazetteException}
     * may stop it, and no rendered page may carry script.
     */
    @Timeout(10)
    @FuzzTest(maxDuration = "4m")
    void wholePipeline(FuzzedDataProvider data) {
        Diagnostics diagnostics = new Diagnostics();
        List<Article> articles = new ArrayList<>();
        int count = data.consumeInt(1, 4);
        for (int i = 0; i < count; i++) {
            SourceFormat format = data.pickValue(SourceFormat.values());
            String name = "content/a" + i + switch (format) {
                case MARKDOWN -> ".md";
                case TEXT -> ".txt";
                case HTML -> ".html";
            };
            // Decoded as the reader decodes a file: line ends (CR LF, a lone CR) made LF before the front matter is split.
            String text = TextDecoder.decode(("---\n" + data.consumeString(300) + "\n---\n" + data.consumeString(2000))
                    .getBytes(StandardCharsets.UTF_8), format == SourceFormat.HTML).text();
            try {
                Source source = SourceReader.split(name, name.substring(8), format, text);
                String url = source.frontMatter().string(source.frontMatter().firstKey(ArticleBuilder.SOURCE_URL.toArray(String[]::new)));
                Extraction found = cleaner.clean(format, source.body(), ArticleBuilder.isAbsoluteHttp(url) ? url : null);
                builder.build(source, found, diagnostics).ifPresent(articles::add);
            } catch (GazetteException e) {
                assertPinned(e.problems(), name, text.split("\n", -1).length);
            }
        }
        Map<String, byte[]> site = new HashMap<>();
        try {
            Digest digest = new Linker(SITE).link(articles, diagnostics);
            diagnostics.failOnErrors();
            new SiteRenderer(SITE, THEME).render(digest, site::put);
        } catch (GazetteException e) {
            return;
        }
        site.forEach((path, bytes) -> {
            if (path.endsWith(".html")) {
                assertThat(ScriptFree.problems(Jsoup.parse(new String(bytes, StandardCharsets.UTF_8)), BuildOutcome::theme))
                        .as(path).isEmpty();
            }
        });
    }

    private static void assertClean(Extraction found) {
        assertThat(found.html()).isNotNull();
        assertThat(found.text()).isNotNull();
        assertThat(ScriptFree.problems(Jsoup.parseBodyFragment(found.html()).body())).isEmpty();
    }

    /** Every problem names the file and, when it has a line, a line inside it; none is empty. */
    static void assertPinned(List<Problem> problems, String file, int lines) {
        for (Problem p : problems) {
            assertThat(p.file()).as(p.toString()).isEqualTo(file);
            assertThat(p.line()).as(p.toString()).isBetween(0, lines);
            assertThat(p.message()).as(p.toString()).isNotBlank();
        }
    }
}
