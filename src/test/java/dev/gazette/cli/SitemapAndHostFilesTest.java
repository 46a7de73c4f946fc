package dev.gazette.cli;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** sitemap.xml, robots.txt, .nojekyll and CNAME: what crawlers and GitHub Pages read. */
class SitemapAndHostFilesTest {
    static final String BASE = SampleSite.BASE;

    final Path site = SampleSite.shared();
    @TempDir
    Path tmp;

    @Test
    void sitemapListsEveryPageButThe404WithTheNewestDateItShows() throws Exception {
        Document sitemap = Jsoup.parse(Files.readString(site.resolve("sitemap.xml")), "", Parser.xmlParser());
        assertThat(sitemap.selectFirst("urlset").attr("xmlns")).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        Map<String, String> lastmods = new TreeMap<>();
        for (Element url : sitemap.select("url")) {
            Element lastmod = url.selectFirst("lastmod");
            lastmods.put(url.selectFirst("loc").text(), lastmod == null ? null : lastmod.text());
        }
        Map<String, Instant> expected = new TreeMap<>();
        for (Path file : SiteChecks.htmlFiles(site)) {
            String name = site.relativize(file).toString();
            if (name.equals("404.html")) {
                continue;
            }
            Document page = SiteChecks.parse(file);
            // An article's own date, or the newest date among the cards a list shows.
            String scope = name.startsWith("articles/") ? ".story-head time[datetime]" : ".card time[datetime], .coverage time[datetime]";
            Instant newest = page.select(scope).stream().map(t -> OffsetDateTime.parse(t.attr("datetime")).toInstant())
                    .max(Instant::compareTo).orElse(null);
            expected.put(BASE + name.replaceFirst("index\\.html$", ""), newest);
        }
        assertThat(lastmods.keySet()).containsExactlyElementsOf(expected.keySet());
        int dated = 0;
        for (Map.Entry<String, Instant> e : expected.entrySet()) {
            String lastmod = lastmods.get(e.getKey());
            if (e.getValue() == null) {
                assertThat(lastmod).as(e.getKey()).isNull();
            } else {
                assertThat(lastmod).as(e.getKey()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})");
                assertThat(OffsetDateTime.parse(lastmod).toInstant()).as(e.getKey()).isEqualTo(e.getValue());
                dated++;
            }
        }
        assertThat(dated).isGreaterThan(30);
        System.out.printf("SitemapAndHostFilesTest: %d sitemap URLs, %d with lastmod%n", lastmods.size(), dated);
    }

    @Test
    void robotsTxtPointsAtTheSitemapAndNojekyllIsThere() throws Exception {
        assertThat(Files.readString(site.resolve("robots.txt"))).contains("User-agent: *\n")
                .contains("\nSitemap: " + BASE + "sitemap.xml\n");
        assertThat(site.resolve(".nojekyll")).isEmptyFile();
        assertThat(site.resolve("CNAME")).doesNotExist();
    }

    @Test
    void cnameIsWrittenWhenSiteYmlSetsACustomDomain() throws Exception {
        Path out = SampleSite.build(SampleSite.copy(tmp.resolve("content"), "cname: news.example.org\n"),
                tmp.resolve("custom-domain"), "--base-url", "https://news.example.org/");
        assertThat(out.resolve("CNAME")).hasContent("news.example.org");
        assertThat(Files.readString(out.resolve("robots.txt"))).contains("Sitemap: https://news.example.org/sitemap.xml");
        assertThat(SiteChecks.brokenLinks(out, "/")).isEmpty();
    }
}
