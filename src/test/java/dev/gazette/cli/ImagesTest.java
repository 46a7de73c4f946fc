package dev.gazette.cli;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Images end to end: a Markdown entry's own images are copied into the site with their size,
 * a missing one and an iframe are reported with their line, remote images and lazy-loaded ones
 * of saved pages are kept, and lead images appear on the article and in lists.
 */
class ImagesTest {
    @TempDir
    Path tmp;

    @Test
    void aTextNamingALocalFileCopiesNothing() throws Exception {
        Files.writeString(tmp.resolve("secret.txt"), "not for the site");
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("site.yml"), "title: Pictures\nbase_url: https://example.org/\n");
        Path articles = Files.createDirectories(content.resolve("articles"));
        Files.writeString(articles.resolve("named.md"), """
                ---
                title: A file named in the text
                date: 2025-03-01
                source: self
                ---
                The text names src="gazette:file/../secret.txt" and href="gazette:file/../secret.txt", both only words.
                """);
        Files.writeString(content.resolve("saved.html"), """
                <html><head><title>Words on a page</title></head>
                <body><article><h1>Words on a page</h1>
                <p>A long enough paragraph of the saved article, naming src="gazette:file/../../secret.txt" in its words.</p>
                <p>Another paragraph of the saved article, long enough to be kept as part of the article text.</p>
                </article></body></html>
                """);
        Path out = tmp.resolve("site");
        Cli cli = Cli.run("build", "--content", content.toString(), "--out", out.toString());
        assertThat(cli.code()).as(cli.err()).isZero();
        try (var files = Files.walk(tmp)) {
            assertThat(files.filter(f -> f.getFileName().toString().equals("secret.txt"))).containsExactly(tmp.resolve("secret.txt"));
        }
        assertThat(out.resolve("articles/named/index.html")).content().contains("both only words.");
    }

    @Test
    void localImagesAreCopiedAndMissingOnesAndEmbedsReported() throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("site.yml"), "title: Pictures\nbase_url: https://example.org/sub/\n");
        Path articles = Files.createDirectories(content.resolve("articles"));
        Files.createDirectories(content.resolve("images"));
        Files.createDirectories(articles.resolve("figs"));
        ImageIO.write(new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB), "png", content.resolve("images/chart.png").toFile());
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", articles.resolve("figs/small.png").toFile());
        Files.writeString(articles.resolve("charts.md"), """
                ---
                title: Charts of the week
                date: 2025-03-01
                source: self
                image: images/chart.png
                ---
                The first paragraph says what the charts show.

                ![Rates since 2023](images/chart.png)

                ![A small one](figs/small.png)

                ![Gone](images/missing.png)

                <iframe src="https://video.example/embed/1"></iframe>

                ![Remote](https://cdn.example/photo.jpg)

                ```html
                <iframe src="https://shown.example/as-code"></iframe>
                ```
                """);
        Files.writeString(content.resolve("saved.html"), """
                <html><head><title>Lazy pictures</title>
                <meta property="og:image" content="https://outlet.example/lead.jpg">
                <link rel="canonical" href="https://outlet.example/pictures/lazy"></head>
                <body><article><h1>Lazy pictures</h1>
                <p>A long enough paragraph of the saved article, so the extractor keeps it as the body of the page.</p>
                <figure><img src="data:image/gif;base64,R0lGOD" data-src="/img/a.jpg"
                  data-srcset="/img/a-400.jpg 400w, /img/a-800.jpg 800w" alt="A picture"></figure>
                <picture><source srcset="https://outlet.example/b.webp 1x"><img alt="B"></picture>
                <p>Another paragraph of the saved article, long enough to be kept as part of the article text.</p>
                </article></body></html>
                """);

        Path out = tmp.resolve("site");
        Cli cli = Cli.run("build", "--content", content.toString(), "--out", out.toString());
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.err()).contains("charts.md:13: warning: image 'images/missing.png' not found")
                .contains("charts.md:15: warning: an embedded frame (iframe) from https://video.example/embed/1 is shown as a link to it")
                .doesNotContain("shown.example");

        assertThat(out.resolve("media/images/chart.png")).exists();
        assertThat(out.resolve("media/articles/figs/small.png")).exists();
        Document page = Jsoup.parse(out.resolve("articles/charts/index.html").toFile(), "UTF-8");
        Element chart = page.selectFirst(".story-body img[alt=Rates since 2023]");
        assertThat(chart.attr("src")).isEqualTo("/sub/media/images/chart.png");
        assertThat(chart.attr("width")).isEqualTo("320");
        assertThat(chart.attr("height")).isEqualTo("200");
        assertThat(chart.attr("loading")).isEqualTo("lazy");
        assertThat(page.selectFirst(".story-body img[alt=A small one]").attr("src")).isEqualTo("/sub/media/articles/figs/small.png");
        assertThat(page.select(".story-body img[alt=Gone], .story-body iframe")).isEmpty();
        assertThat(page.selectFirst(".story-body img[alt=Remote]").attr("src")).isEqualTo("https://cdn.example/photo.jpg");
        assertThat(page.selectFirst(".lead-image img").attr("src")).isEqualTo("/sub/media/images/chart.png");
        assertThat(page.selectFirst("meta[property=og:image]").attr("content")).isEqualTo("https://example.org/sub/media/images/chart.png");

        Document saved = Jsoup.parse(out.resolve("articles/saved/index.html").toFile(), "UTF-8");
        Element lazy = saved.selectFirst(".story-body img[alt=A picture]");
        assertThat(lazy).as(saved.select(".story-body").html()).isNotNull();
        assertThat(lazy.attr("src")).isEqualTo("https://outlet.example/img/a.jpg");
        assertThat(lazy.attr("srcset")).isEqualTo("https://outlet.example/img/a-400.jpg 400w, https://outlet.example/img/a-800.jpg 800w");
        assertThat(saved.selectFirst(".story-body img[alt=B]").attr("src")).isEqualTo("https://outlet.example/b.webp");

        Document home = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        assertThat(home.select(".card-image").eachAttr("src")).containsExactly("/sub/media/images/chart.png");
        assertThat(home.select(".card-image").eachAttr("alt")).containsOnly("");
        // The saved page is undated: its card, with the page's og:image, is in the archive.
        Document archive = Jsoup.parse(out.resolve("archive/index.html").toFile(), "UTF-8");
        assertThat(archive.select(".card-image").eachAttr("src")).containsExactly("https://outlet.example/lead.jpg");
    }

    /**
     * A page saved as a browser's "Save Page As…, Webpage, Complete" saves it: its pictures in {@code name_files/} beside it,
     * pointed at as {@code ./name_files/…} (copied into the site, however the page names its own address), and the frames
     * saved there as HTML pages of their own, which are no articles. A folder ending in {@code _files} beside no page of
     * that name is read as any other.
     */
    @Test
    void aPageSavedCompleteShowsItsOwnPicturesAndItsFramesAreNoArticles() throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("site.yml"), "title: Pictures\nbase_url: https://example.org/sub/\n");
        Path raw = Files.createDirectories(content.resolve("raw"));
        Path files = Files.createDirectories(raw.resolve("Ferry vote_files"));
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", files.resolve("quay.png").toFile());
        Files.writeString(files.resolve("saved_resource.html"), """
                <html><head><title>Advertisement</title></head><body><div>Great deals on boats and ferries this week only,
                click here to see every offer our partners have for you today and tomorrow.</div></body></html>
                """);
        String paragraph = "<p>The harbour board voted on Tuesday to extend the ferry service to the northern islands, a decision"
                + " residents have sought for more than a decade.</p>";
        Files.writeString(raw.resolve("Ferry vote.html"), """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Ferry service extended</title>
                <link rel="canonical" href="https://news.example/2025/03/ferry-vote"></head>
                <body><article><h1>Ferry service extended</h1>%s
                <figure><img src="./Ferry%%20vote_files/quay.png" srcset="./Ferry%%20vote_files/quay.png 1x" alt="The quay">
                <figcaption>The quay at dawn</figcaption></figure>
                <figure><img src="/photos/bridge.jpg" alt="The bridge"></figure>
                <img src="gazette:file/site.yml" alt="Not ours">%s%s</article>
                <iframe src="./Ferry%%20vote_files/saved_resource.html"></iframe></body></html>
                """.formatted(paragraph, paragraph, paragraph));
        Path other = Files.createDirectories(content.resolve("notes_files"));
        Files.writeString(other.resolve("kept.md"), "---\ntitle: A note in a folder of that name\ndate: 2025-03-02\nsource: self\n---\nText.\n");

        Path out = tmp.resolve("site");
        Cli cli = Cli.run("build", "--content", content.toString(), "--out", out.toString());
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.err()).doesNotContain("saved_resource").doesNotContain("not found");
        try (var pages = Files.list(out.resolve("articles"))) {
            assertThat(pages.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("ferry-vote", "kept");
        }
        assertThat(out.resolve("media/raw/Ferry vote_files/quay.png")).exists();
        Document page = Jsoup.parse(out.resolve("articles/ferry-vote/index.html").toFile(), "UTF-8");
        Element quay = page.selectFirst(".story-body img[alt=The quay]");
        assertThat(quay.attr("src")).isEqualTo("/sub/media/raw/Ferry%20vote_files/quay.png");
        assertThat(quay.attr("width")).isEqualTo("64");
        assertThat(quay.hasAttr("srcset")).isFalse();
        assertThat(page.selectFirst(".story-body img[alt=The bridge]").attr("src"))
                .as("the site's own relative address, resolved against the page's").isEqualTo("https://news.example/photos/bridge.jpg");
        assertThat(page.select(".story-body img[alt=Not ours]")).as("a page's own gazette: address").isEmpty();
        assertThat(out.resolve("media/site.yml")).doesNotExist();

        // Imported to Markdown, the page names its pictures by their path, and its folder's frames are still no articles.
        Cli imported = Cli.run("import", "--content", content.toString(), raw.resolve("Ferry vote.html").toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(raw.resolve("Ferry vote.md")).content().contains("](Ferry%20vote_files/quay.png)");
        Cli again = Cli.run("build", "--content", content.toString(), "--out", out.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.err()).doesNotContain("saved_resource").doesNotContain("not found");
        try (var pages = Files.list(out.resolve("articles"))) {
            assertThat(pages.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("ferry-vote", "kept");
        }
        assertThat(Jsoup.parse(out.resolve("articles/ferry-vote/index.html").toFile(), "UTF-8")
                .selectFirst(".story-body img[alt=The quay]").attr("src")).isEqualTo("/sub/media/raw/Ferry%20vote_files/quay.png");
    }
}
