package dev.gazette.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Canonical URLs, Open Graph, Twitter cards, JSON-LD, feed discovery and provenance on the sample's pages. */
class PageMetadataEndToEndTest {
    static final String BASE = SampleSite.BASE;
    static final ObjectMapper JSON = new ObjectMapper();

    final Path site = SampleSite.shared();
    @TempDir
    Path tmp;

    @Test
    void everyPageHasCanonicalOpenGraphTwitterAndFeedLinks() {
        List<Path> pages = SiteChecks.htmlFiles(site);
        assertThat(pages).hasSizeGreaterThan(30);
        for (Path file : pages) {
            String name = site.relativize(file).toString();
            Document doc = SiteChecks.parse(file);
            assertThat(doc.select("link[rel=alternate]").eachAttr("href")).as(name)
                    .contains(BASE + "feed.xml", BASE + "atom.xml", BASE + "feed.json");
            assertThat(meta(doc, "name", "description")).as(name).isNotBlank();
            assertThat(meta(doc, "name", "twitter:card")).as(name).isIn("summary", "summary_large_image");
            assertThat(meta(doc, "property", "og:title")).as(name).isNotBlank();
            assertThat(meta(doc, "property", "og:description")).as(name).isNotBlank();
            assertThat(meta(doc, "property", "og:site_name")).as(name).isEqualTo("The Slow Wire");
            if (name.equals("404.html")) {
                assertThat(meta(doc, "name", "robots")).isEqualTo("noindex");
                assertThat(doc.select("link[rel=canonical]")).isEmpty();
                continue;
            }
            String url = BASE + (name.endsWith("index.html") ? name.substring(0, name.length() - "index.html".length()) : name);
            assertThat(doc.selectFirst("link[rel=canonical]").attr("href")).as(name).isEqualTo(url);
            assertThat(meta(doc, "property", "og:url")).as(name).isEqualTo(url);
            assertThat(meta(doc, "property", "og:type")).as(name)
                    .isEqualTo(name.startsWith("articles/") ? "article" : "website");
        }
    }

    @Test
    void articlePagesDescribeThemselvesAsNewsArticlesAndCreditTheirSource() throws Exception {
        List<Path> articles = BuildCommandTest.pages(site.resolve("articles"));
        assertThat(articles).hasSizeGreaterThanOrEqualTo(11);
        int withImage = 0;
        int credited = 0;
        for (Path file : articles) {
            Document doc = SiteChecks.parse(file);
            String name = site.relativize(file).toString();
            Element script = doc.selectFirst("script[type=application/ld+json]");
            assertThat(script).as(name).isNotNull();
            JsonNode ld = JSON.readTree(script.data());
            assertThat(ld.path("@context").asText()).isEqualTo("https://schema.org");
            assertThat(ld.path("@type").asText()).isEqualTo("NewsArticle");
            assertThat(ld.path("headline").asText()).isEqualTo(doc.selectFirst("h1").text());
            assertThat(ld.path("publisher").path("name").asText()).isEqualTo("The Slow Wire");
            assertThat(ld.path("description").asText()).isEqualTo(meta(doc, "name", "description"));

            Element time = doc.selectFirst(".story-head time[datetime]");
            if (time != null) {
                OffsetDateTime shown = OffsetDateTime.parse(time.attr("datetime"));
                assertThat(OffsetDateTime.parse(ld.path("datePublished").asText()).toInstant()).isEqualTo(shown.toInstant());
                assertThat(OffsetDateTime.parse(meta(doc, "property", "article:published_time")).toInstant())
                        .isEqualTo(shown.toInstant());
            }
            Element author = doc.selectFirst(".story-head .author");
            if (author != null) {
                assertThat(ld.path("author").path("@type").asText()).isEqualTo("Person");
                assertThat("By " + ld.path("author").path("name").asText()).isEqualTo(author.text());
            } else if (ld.has("author")) {
                assertThat(ld.path("author").path("@type").asText()).isEqualTo("Organization");
                assertThat(ld.path("author").path("name").asText())
                        .isEqualTo(ld.path("sourceOrganization").path("name").asText());
            }
            String image = meta(doc, "property", "og:image");
            if (image != null) {
                withImage++;
                assertThat(ld.path("image").get(0).asText()).isEqualTo(image);
                assertThat(meta(doc, "name", "twitter:card")).isEqualTo("summary_large_image");
            }
            // Provenance: the page credits the original and links to it; JSON-LD says the same.
            Element provenance = doc.selectFirst(".provenance");
            assertThat(provenance).as(name).isNotNull();
            Element original = provenance.selectFirst("a.read-original");
            if (original != null) {
                credited++;
                assertThat(ld.path("isBasedOn").asText()).isEqualTo(original.attr("href"));
            }
            if (ld.has("sourceOrganization")) {
                assertThat(provenance.text()).containsPattern("Originally published (by|at) \\Q"
                        + ld.path("sourceOrganization").path("name").asText() + "\\E");
            }
        }
        assertThat(withImage).isPositive();
        assertThat(credited).isGreaterThanOrEqualTo(articles.size() - 1);
    }

    @Test
    void theHomePageIsAWebSiteAndTagPagesAnnounceTheirFeed() throws Exception {
        Document home = SiteChecks.parse(site.resolve("index.html"));
        JsonNode ld = JSON.readTree(home.selectFirst("script[type=application/ld+json]").data());
        assertThat(ld.path("@type").asText()).isEqualTo("WebSite");
        assertThat(ld.path("url").asText()).isEqualTo(BASE);

        Document tag = SiteChecks.parse(site.resolve("tags/openai/index.html"));
        assertThat(tag.select("link[rel=alternate][type=application/rss+xml]").eachAttr("href"))
                .containsExactly(BASE + "feed.xml", BASE + "tags/openai/feed.xml");
    }

    @Test
    void canonicalSourcePointsRepublishedArticlesAtTheOriginal() throws Exception {
        Path out = SampleSite.build(SampleSite.copy(tmp.resolve("content"), "canonical: source\n"),
                tmp.resolve("source-canonical"));

        int toSource = 0;
        for (Path file : BuildCommandTest.pages(out.resolve("articles"))) {
            Document doc = SiteChecks.parse(file);
            String canonical = doc.selectFirst("link[rel=canonical]").attr("href");
            Element original = doc.selectFirst(".provenance a.read-original");
            if (original != null) {
                assertThat(canonical).isEqualTo(original.attr("href")).doesNotStartWith(BASE);
                toSource++;
            } else {
                assertThat(canonical).startsWith(BASE + "articles/");
            }
            // og:url always names this page: it is where the card links to.
            assertThat(meta(doc, "property", "og:url")).startsWith(BASE + "articles/");
        }
        assertThat(toSource).isGreaterThanOrEqualTo(10);
        assertThat(SiteChecks.parse(out.resolve("index.html")).selectFirst("link[rel=canonical]").attr("href"))
                .isEqualTo(BASE);
    }

    /** A page in a language written right to left says so to the browser, and so does its card on the site's lists. */
    @Test
    void anArticleInARightToLeftLanguageIsSetRightToLeft() throws Exception {
        Path content = SampleSite.copy(tmp.resolve("content"), "");
        Files.writeString(content.resolve("articles/harbour-ferry-arabic.md"), """
                ---
                title: "العبارة الجديدة تعمل في الشتاء"
                date: 2025-03-12
                lang: ar
                source: self
                ---
                ستعمل العبارة الجديدة بين الميناء والجزيرة طوال فصل الشتاء لأول مرة، وقال مجلس الميناء إن الجدول الجديد يبدأ الأسبوع المقبل.
                """);
        Path out = SampleSite.build(content, tmp.resolve("rtl"));
        Document arabic = SiteChecks.parse(out.resolve("articles/harbour-ferry-arabic/index.html"));
        assertThat(arabic.selectFirst("html").attr("lang")).isEqualTo("ar");
        assertThat(arabic.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(SiteChecks.parse(out.resolve("index.html")).selectFirst("html").hasAttr("dir")).isFalse();
        // On a list page in the site's language its card says its own.
        Document month = SiteChecks.parse(out.resolve("archive/2025/03/index.html"));
        assertThat(month.select("article.card[lang=ar][dir=rtl]")).hasSize(1);
        assertThat(month.select("article.card[lang=en]")).isEmpty(); // the site's own language goes without saying
    }

    /**
     * A piece whose front matter names no language is marked in the one its text is written in, the site's own tag where
     * they agree; what the front matter says stands.
     */
    @Test
    void aMarkdownArticleIsMarkedInTheLanguageItsTextIsWrittenIn() throws Exception {
        Path content = SampleSite.copy(tmp.resolve("content"), "");
        Files.writeString(content.resolve("site.yml"), Files.readString(content.resolve("site.yml"))
                .replaceAll("(?m)^language:.*$", "language: en-GB"));
        Files.writeString(content.resolve("articles/harbour-ferry-swedish.md"), """
                ---
                title: "Den nya färjan går även på vintern"
                date: 2025-03-12
                source: self
                ---
                Den nya färjan mellan hamnen och ön kommer att gå hela vintern för första gången, och hamnstyrelsen säger att
                den nya tidtabellen börjar nästa vecka. Det är inte alla som har väntat på det, men de flesta är nöjda.
                """);
        Files.writeString(content.resolve("articles/harbour-ferry-declared.md"), """
                ---
                title: "Den nya färjan, på engelska"
                date: 2025-03-12
                lang: en
                source: self
                ---
                Den nya färjan mellan hamnen och ön kommer att gå hela vintern för första gången, och det är inte alla som har väntat.
                """);
        Path out = SampleSite.build(content, tmp.resolve("written"));
        assertThat(SiteChecks.parse(out.resolve("articles/harbour-ferry-swedish/index.html")).selectFirst("html").attr("lang"))
                .isEqualTo("sv");
        assertThat(SiteChecks.parse(out.resolve("articles/harbour-ferry-declared/index.html")).selectFirst("html").attr("lang"))
                .isEqualTo("en");
        // The sample's English pieces keep the site's own tag.
        try (var pages = Files.list(out.resolve("articles"))) {
            List<String> langs = pages.filter(p -> !p.getFileName().toString().startsWith("harbour-ferry-"))
                    .map(p -> SiteChecks.parse(p.resolve("index.html")).selectFirst("html").attr("lang")).distinct().toList();
            assertThat(langs).containsExactly("en-GB");
        }
        Document month = SiteChecks.parse(out.resolve("archive/2025/03/index.html"));
        assertThat(month.select("article.card[lang=sv]")).hasSize(1);
    }

    static String meta(Document doc, String attribute, String key) {
        Element el = doc.selectFirst("meta[" + attribute + "=" + key + "]");
        return el == null ? null : el.attr("content");
    }
}
