package dev.gazette.cli;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, lead images: a local one gets its width, height and a srcset of smaller copies the
 * build writes; a remote one gets the width and height front matter gives (else a reserved 16:9
 * box), and no srcset, since the build never fetches it.
 */
class LeadImagesTest {
    @TempDir
    Path tmp;

    private Path content() throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("site.yml"), "title: Pictures\nbase_url: https://example.org/sub/\n");
        Files.createDirectories(content.resolve("images"));
        BufferedImage wide = new BufferedImage(1600, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = wide.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(100, 100, 800, 400);
        g.dispose();
        ImageIO.write(wide, "png", content.resolve("images/wide.png").toFile());
        write(content, "local", "image: images/wide.png\ndate: 2025-03-02"); // the newest: the home page's first card
        write(content, "remote-sized", "image: https://cdn.example/p.jpg\nimage_width: 1200\nimage_height: 800");
        write(content, "remote", "image: https://cdn.example/q.jpg");
        write(content, "half", "image: https://cdn.example/r.jpg\nimage_width: 640");
        return content;
    }

    private static void write(Path content, String name, String frontMatter) throws Exception {
        String date = frontMatter.contains("date:") ? "" : "date: 2025-03-01\n";
        Files.writeString(content.resolve(name + ".md"), "---\ntitle: A story called " + name + "\n" + date
                + "source: self\n" + frontMatter + "\n---\nThe first paragraph says what the picture shows.\n");
    }

    private Element lead(Path site, String name) throws Exception {
        Document page = SiteChecks.parse(site.resolve("articles/" + name + "/index.html"));
        return page.selectFirst(".lead-image img");
    }

    /** Builds the folder of {@link #content()} into site/ and returns what the build printed. */
    private Cli build(Path content) {
        Cli cli = Cli.run("build", "--content", content.toString(), "--out", tmp.resolve("site").toString());
        assertThat(cli.code()).as(cli.toString()).isZero();
        return cli;
    }

    @Test
    void aLocalLeadImageHasItsSizeAndASrcsetOfSmallerCopies() throws Exception {
        Path content = content();
        build(content);
        Path site = tmp.resolve("site");

        Element img = lead(site, "local");
        assertThat(img.attr("width")).isEqualTo("1600");
        assertThat(img.attr("height")).isEqualTo("900");
        assertThat(img.attr("srcset")).isEqualTo("/sub/sized/480/images/wide.png 480w, /sub/sized/960/images/wide.png 960w, "
                + "/sub/media/images/wide.png 1600w");
        assertThat(img.attr("sizes")).isNotBlank();
        assertThat(img.parent().hasClass("sized")).isTrue();
        BufferedImage small = ImageIO.read(site.resolve("sized/480/images/wide.png").toFile());
        assertThat(small.getWidth()).isEqualTo(480);
        assertThat(small.getHeight()).isEqualTo(270);
        assertThat(new Color(small.getRGB(200, 100))).isEqualTo(Color.ORANGE);
        assertThat(ImageIO.read(site.resolve("sized/960/images/wide.png").toFile()).getWidth()).isEqualTo(960);
        Element card = SiteChecks.parse(site.resolve("index.html")).selectFirst("img.card-image[src$=wide.png]");
        assertThat(card.attr("srcset")).contains("/sub/sized/480/images/wide.png 480w");
        assertThat(card.attr("width")).isEqualTo("1600");

        // The same image gives the same copies.
        Path again = tmp.resolve("again");
        assertThat(Cli.run("build", "--content", content.toString(), "--out", again.toString()).code()).isZero();
        assertThat(Files.readAllBytes(again.resolve("sized/480/images/wide.png")))
                .isEqualTo(Files.readAllBytes(site.resolve("sized/480/images/wide.png")));
        Cli check = Cli.run("check", site.toString());
        assertThat(check.code()).as(check.toString()).isZero();
    }

    /** A theme written when the lead image was a plain address ({@code src="{{ article.image }}"}) still works. */
    @Test
    void anOlderThemePrintingTheImageAsItIsStillGetsItsAddress() throws Exception {
        Path content = content();
        Path theme = tmp.resolve("theme");
        dev.gazette.serve.Trees.copy(Path.of("templates"), theme);
        Path article = theme.resolve("article.peb");
        String lead = Files.readString(article).replaceAll("(?s)\\{% if article.image is not null %}.*?\\{% endif %}\\n  \\{% if article.alsoCoveredBy",
                "{% if article.image is not empty %}<figure class=\"lead-image\"><img src=\"{{ article.image }}\" alt=\"\"></figure>{% endif %}\n"
                        + "  {% if article.alsoCoveredBy");
        assertThat(lead).contains("src=\"{{ article.image }}\"");
        Files.writeString(article, lead);
        Path site = tmp.resolve("old-theme");

        Cli cli = Cli.run("build", "--content", content.toString(), "--templates", theme.toString(), "--out", site.toString());

        assertThat(cli.code()).as(cli.toString()).isZero();
        assertThat(SiteChecks.parse(site.resolve("articles/local/index.html")).selectFirst(".lead-image img").attr("src"))
                .isEqualTo("/sub/media/images/wide.png");
        assertThat(SiteChecks.parse(site.resolve("articles/remote/index.html")).selectFirst(".lead-image img").attr("src"))
                .isEqualTo("https://cdn.example/q.jpg");
    }

    @Test
    void aRemoteLeadImageTakesItsSizeFromTheFrontMatterOrKeepsAReservedBox() throws Exception {
        Path content = content();
        Cli cli = build(content);
        Path site = tmp.resolve("site");

        Element sized = lead(site, "remote-sized");
        assertThat(sized.attr("src")).isEqualTo("https://cdn.example/p.jpg");
        assertThat(sized.attr("width") + "x" + sized.attr("height")).isEqualTo("1200x800");
        assertThat(sized.hasAttr("srcset")).isFalse();
        assertThat(sized.parent().hasClass("sized")).isTrue();
        Element unsized = lead(site, "remote");
        assertThat(unsized.attr("width") + "x" + unsized.attr("height")).isEqualTo("1200x675");
        assertThat(unsized.hasAttr("srcset")).isFalse();
        assertThat(unsized.parent().hasClass("sized")).isFalse();
        assertThat(lead(site, "half").attr("width")).isEqualTo("1200");
        assertThat(cli.err()).contains(content.resolve("half.md") + ":6: warning: 'image_width' is ignored without "
                + "'image_height': a lead image's size needs both");
    }
}
