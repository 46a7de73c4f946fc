package dev.gazette.cli;

import dev.gazette.incremental.BuildCache;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** End to end: the real CLI on real content folders, checking the real files it writes. */
class BuildCommandTest {
    static final Path SAMPLE = Path.of("content");
    static final Path SEEDS = Path.of("..", "shared", "seeds");

    @TempDir
    Path tmp;

    @Test
    void sampleDigestBuildsIntoAValidLinkedSite() throws Exception {
        Path out = tmp.resolve("site");
        Cli cli = Cli.run("build", "--content", SAMPLE.toString(), "--out", out.toString());

        assertThat(cli.code()).as(cli.toString()).isZero();
        assertThat(cli.out()).contains("Built ");
        List<Path> articles = pages(out.resolve("articles"));
        assertThat(articles).hasSizeGreaterThanOrEqualTo(11);
        assertThat(out.resolve("index.html")).isRegularFile();
        assertThat(out.resolve("tags/index.html")).isRegularFile();
        assertThat(out.resolve("tags/openai/index.html")).isRegularFile();
        assertThat(out.resolve("404.html")).isRegularFile();
        assertThat(out.resolve("assets/style.css")).isRegularFile();
        assertThat(SiteChecks.pageProblems(out)).isEmpty();
        assertThat(SiteChecks.brokenLinks(out, "/gazette/")).isEmpty();
        // The draft in the sample is not published.
        assertThat(Files.readString(out.resolve("index.html"))).doesNotContain("Port Ellery Athletic");
    }

    @Test
    void feedParsesWithRomeAndCarriesEveryArticle() throws Exception {
        Path out = tmp.resolve("site");
        assertThat(Cli.run("build", "--content", SAMPLE.toString(), "--out", out.toString()).code()).isZero();

        SyndFeed feed = new SyndFeedInput().build(new XmlReader(out.resolve("feed.xml").toFile()));
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getTitle()).isEqualTo("The Slow Wire");
        assertThat(feed.getLink()).isEqualTo("https://example.github.io/gazette/");
        assertThat(feed.getEntries()).hasSize(pages(out.resolve("articles")).size());
        for (SyndEntry entry : feed.getEntries()) {
            assertThat(entry.getTitle()).isNotBlank();
            assertThat(entry.getLink()).startsWith("https://example.github.io/gazette/articles/");
            assertThat(entry.getUri()).isNotBlank();
            assertThat(entry.getContents()).isNotEmpty();
            String slug = entry.getLink().replaceAll(".*/articles/([^/]+)/$", "$1");
            assertThat(out.resolve("articles").resolve(slug).resolve("index.html")).isRegularFile();
        }
        // Newest first, dates in the site's zone whatever the JVM's zone.
        assertThat(feed.getEntries().get(0).getPublishedDate())
                .isAfterOrEqualTo(feed.getEntries().get(1).getPublishedDate());
    }

    @Test
    void theSameInputBuildsByteIdenticalOutput() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertThat(Cli.run("build", "--content", SAMPLE.toString(), "--out", a.toString()).code()).isZero();
        assertThat(Cli.run("build", "--content", SAMPLE.toString(), "--out", b.toString()).code()).isZero();
        assertThat(tree(a)).isEqualTo(tree(b));
    }

    @Test
    void seedsBecomeExactlyTheirArticles() throws Exception {
        assumeTrue(Files.isDirectory(SEEDS), "../shared/seeds is absent: seed check skipped");
        Path out = tmp.resolve("x");
        Cli cli = Cli.run("build", "--content", SEEDS.toString(), "--out", out.toString());
        assertThat(cli.code()).as(cli.toString()).isZero();

        Map<String, Document> byTitle = new TreeMap<>();
        for (Path page : pages(out.resolve("articles"))) {
            Document doc = SiteChecks.parse(page);
            byTitle.put(doc.selectFirst("h1").text(), doc);
        }
        assertThat(byTitle.keySet()).containsExactlyInAnyOrder(
                "Sam Altman signals OpenAI’s desire to partner with China after DeepSeek disrupts the AI market",
                "OpenAI Scrambles to Rethink China Strategy as DeepSeek Disrupts AI Race");
        Document zhang = byTitle.get("OpenAI Scrambles to Rethink China Strategy as DeepSeek Disrupts AI Race");
        assertThat(zhang.selectFirst(".story-head .author").text()).isEqualTo("By Amanda Zhang");
        for (Document doc : byTitle.values()) {
            String body = doc.selectFirst(".story-body").text();
            String page = doc.text();
            assertThat(page).doesNotContain("Advertisement", "Hot this week", "cookies", "Newsletter",
                    "addEventListener", "IntersectionObserver", "dataLayer", "function(");
            assertThat(body).doesNotContain("You May Also Like", "Read also", "Enable Notifications");
            // No script from a source survives; the only script is our own JSON-LD metadata.
            assertThat(doc.select("script:not([type=application/ld+json])")).isEmpty();
            assertThat(doc.select("script[type=application/ld+json]")).hasSize(1);
        }
    }

    @Test
    void everyBadSourceIsReportedWithPathAndLineAndNoStackTrace() throws Exception {
        Path content = tmp.resolve("content");
        Files.createDirectories(content);
        write(content.resolve("good.md"), "---\ntitle: Fine\ndate: 2025-01-02\n---\nAll good here.\n");
        write(content.resolve("bad-yaml.md"), "---\ntitle: Broken\ntags: [one, two\ndate: 2025-01-02\n---\nBody.\n");
        write(content.resolve("no-title.md"), "---\ndate: 2025-01-02\n---\nA body without a headline.\n");
        write(content.resolve("bad-date.md"), "---\ntitle: Dated\ndate: next tuesday\n---\nBody.\n");
        Files.createSymbolicLink(content.resolve("moved.md"), content.resolve("nowhere.md"));

        Cli cli = Cli.run("build", "--content", content.toString(), "--out", tmp.resolve("site").toString());

        assertThat(cli.code()).as(cli.toString()).isEqualTo(1);
        String dir = content.toString();
        assertThat(cli.err()).contains(
                dir + "/bad-yaml.md:4: invalid YAML",
                dir + "/no-title.md:2: missing title",
                dir + "/bad-date.md:3: 'next tuesday' is not a date",
                dir + "/moved.md: cannot read file: no such file");
        assertThat(cli.err()).doesNotContain("Exception", "\tat ");
        assertThat(tmp.resolve("site")).doesNotExist();
    }

    @Test
    void aFailedBuildLeavesThePreviousSiteExactlyAsItWas() throws Exception {
        Path content = tmp.resolve("content");
        Files.createDirectories(content);
        write(content.resolve("one.md"), "---\ntitle: One\ndate: 2025-01-02\n---\nFirst.\n");
        Path out = tmp.resolve("site");
        assertThat(Cli.run("build", "--content", content.toString(), "--out", out.toString()).code()).isZero();
        Map<String, String> before = tree(out);

        write(content.resolve("two.md"), "---\ntitle: [unclosed\n---\nSecond.\n");
        Cli failed = Cli.run("build", "--content", content.toString(), "--out", out.toString());

        assertThat(failed.code()).isEqualTo(1);
        assertThat(tree(out)).isEqualTo(before);
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("content", "site", BuildCache.FOLDER);
        }
    }

    @Test
    void refusesToReplaceAFolderGazetteDidNotCreate() throws Exception {
        Path out = tmp.resolve("precious");
        Files.createDirectories(out);
        write(out.resolve("thesis.txt"), "do not delete");

        Cli cli = Cli.run("build", "--content", SAMPLE.toString(), "--out", out.toString());

        assertThat(cli.code()).isEqualTo(1);
        assertThat(cli.err()).contains("refusing to replace a folder that Gazette did not create");
        assertThat(out.resolve("thesis.txt")).hasContent("do not delete");
    }

    @Test
    void aContentFolderWithoutSiteYmlUsesDefaults() throws Exception {
        Path content = tmp.resolve("content");
        Files.createDirectories(content);
        write(content.resolve("a.md"), "---\ntitle: Only story\ndate: 2025-03-01\ntags: [Local News]\n---\nHello.\n");
        Path out = tmp.resolve("site");

        Cli cli = Cli.run("build", "--content", content.toString(), "--out", out.toString());

        assertThat(cli.code()).as(cli.toString()).isZero();
        assertThat(out.resolve("articles/a/index.html")).isRegularFile();
        assertThat(out.resolve("tags/local-news/index.html")).isRegularFile();
        assertThat(SiteChecks.brokenLinks(out, "/")).isEmpty();
    }

    @Test
    void baseUrlOptionOverridesSiteYml() throws Exception {
        Path out = tmp.resolve("site");
        Cli cli = Cli.run("build", "--content", SAMPLE.toString(), "--out", out.toString(),
                "--base-url", "https://news.example.org/digest");
        assertThat(cli.code()).as(cli.toString()).isZero();
        assertThat(SiteChecks.brokenLinks(out, "/digest/")).isEmpty();
        assertThat(Files.readString(out.resolve("feed.xml"))).contains("<link>https://news.example.org/digest/</link>");
    }

    @Test
    void theEmbeddedThemeIsUsedWhenTheTemplatesFolderIsAbsent() throws Exception {
        Path out = tmp.resolve("site");
        Cli cli = Cli.run("build", "--content", SAMPLE.toString(), "--out", out.toString(),
                "--templates", tmp.resolve("no-such-theme").toString());
        assertThat(cli.code()).as(cli.toString()).isZero();
        assertThat(out.resolve("assets/style.css")).hasSameTextualContentAs(Path.of("templates/static/assets/style.css"));
        assertThat(SiteChecks.pageProblems(out)).isEmpty();
    }

    @Test
    void aTemplateErrorNamesTheTemplateAndLine() throws Exception {
        Path theme = tmp.resolve("theme");
        Files.createDirectories(theme);
        try (Stream<Path> files = Files.list(Path.of("templates"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, theme.resolve(f.getFileName()));
            }
        }
        write(theme.resolve("tags.peb"), "{% extends \"layout.peb\" %}\n{% block content %}\n{{ tags.nosuchfield }}\n{% endblock %}\n");

        Cli cli = Cli.run("build", "--content", SAMPLE.toString(), "--out", tmp.resolve("site").toString(),
                "--templates", theme.toString());

        assertThat(cli.code()).as(cli.toString()).isEqualTo(1);
        assertThat(cli.err()).contains(theme + "/tags.peb:3: template error");
        assertThat(cli.err()).doesNotContain("\tat ");
    }

    static List<Path> pages(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().equals("index.html")).sorted().toList();
        }
    }

    static Map<String, String> tree(Path root) throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                hashes.put(root.relativize(p).toString(), HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))));
            }
        }
        return hashes;
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
