package dev.gazette.cli;

import dev.gazette.source.WebArchiveTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A page saved as one file (Chrome's "Webpage, Single File", .mhtml; Safari's .webarchive) builds as the same page saved as HTML does. */
class WebArchiveBuildTest {
    @TempDir
    Path tmp;

    @Test
    void aSingleFilePageBuildsAsItsHtmlWithTheAddressItWasSavedFrom() throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("site.yml"), "title: Digest\nbase_url: https://example.org/\nlanguage: en\n");
        Path raw = Files.createDirectories(content.resolve("raw"));
        String paragraph = "<p>Le conseil du port a voté mardi la prolongation du bac jusqu'aux îles du nord, une décision que les"
                + " habitants attendaient depuis plus de dix ans et qui ajoute quatre traversées par jour.</p>";
        String html = WebArchiveTest.PAGE.replace("</article>", paragraph + paragraph.replace("une décision", "une <a href=\"/2025/plan\">décision</a>") + "</article>");
        Files.write(raw.resolve("bac.mhtml"), WebArchiveTest.chromeArchive(html, "https://news.example/2025/03/bac"));
        Files.writeString(raw.resolve("same.html"), html);
        Files.write(raw.resolve("safari.webarchive"), WebArchiveTest.safariArchive(html.getBytes(StandardCharsets.UTF_8), "UTF-8",
                "https://news.example/2025/03/bac"));

        Path out = tmp.resolve("site");
        Cli cli = Cli.run("build", "--content", content.toString(), "--out", out.toString());
        assertThat(cli.code()).as(cli.err()).isZero();
        Document archived = Jsoup.parse(out.resolve("articles/bac/index.html").toFile(), "UTF-8");
        Document saved = Jsoup.parse(out.resolve("articles/same/index.html").toFile(), "UTF-8");
        assertThat(archived.selectFirst("h1").text()).isEqualTo("Le bac prolongé jusqu'aux îles du nord");
        assertThat(archived.selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(archived.selectFirst(".story-body").text()).isEqualTo(saved.selectFirst(".story-body").text());
        assertThat(archived.select(".story-body a[href]").eachAttr("href")).as("resolved against the address it was saved from")
                .contains("https://news.example/2025/plan");
        assertThat(archived.select("a[href=https://news.example/2025/03/bac]")).as("the original, credited").isNotEmpty();
        assertThat(cli.err()).doesNotContain("bac.mhtml: warning: no source recorded");
        Document safari = Jsoup.parse(out.resolve("articles/safari/index.html").toFile(), "UTF-8");
        assertThat(safari.selectFirst(".story-body").outerHtml()).as("Safari's archive").isEqualTo(archived.selectFirst(".story-body").outerHtml());
    }
}
