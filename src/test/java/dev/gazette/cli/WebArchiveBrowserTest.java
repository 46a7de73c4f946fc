package dev.gazette.cli;

import com.sun.net.httpserver.HttpServer;
import dev.gazette.serve.Chromium;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page saved by a real browser as one file: Chromium's own MHTML of a page it loaded (DevTools'
 * {@code Page.captureSnapshot}, what "Save as…, Webpage, Single File" writes) builds the same article as the page's HTML,
 * under the address it was saved from. Needs Chromium; {@code .ci/run} installs it on CI, elsewhere the test is skipped
 * when it is missing.
 */
class WebArchiveBrowserTest {
    @TempDir
    Path tmp;

    @Test
    void chromiumsSingleFilePageBuildsAsThePageDoes() throws Exception {
        Path binary = Chromium.forTest("browser web-archive test");
        String paragraph = "<p>The harbour board voted on Tuesday to extend the ferry service to the northern islands, a"
                + " decision that residents — «enfin» — have sought for more than a decade, with four sailings a day.</p>";
        String page = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Ferry service extended | Harbour News</title>
                <style>nav { color: gray }</style></head>
                <body><nav><a href="/">Home</a> <a href="/sport/">Sport</a></nav>
                <article><h1>Ferry service extended to the northern islands</h1><p>By Jane Roe</p>%s
                <figure><img src="quay.png" alt="The quay at dawn"><figcaption>The quay at dawn</figcaption></figure>%s
                <p>The board will publish <a href="../plans/ferry.html">its plans</a> in the spring, after a consultation that
                will run for six weeks across the islands.</p></article>
                <footer>© Harbour News</footer></body></html>
                """.formatted(paragraph, paragraph);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(80, 60, BufferedImage.TYPE_INT_RGB), "png", png);
        Map<String, byte[]> served = Map.of("/news/ferry.html", page.getBytes(StandardCharsets.UTF_8), "/news/quay.png", png.toByteArray());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = served.get(exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().set("Content-Type", exchange.getRequestURI().getPath().endsWith(".png")
                    ? "image/png" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        String address = "http://127.0.0.1:" + server.getAddress().getPort() + "/news/ferry.html";
        String archive;
        try (Chromium browser = Chromium.start(binary, tmp.resolve("chromium"))) {
            browser.navigate(address);
            browser.await("document.readyState === 'complete' && document.images[0].complete", v -> v.asBoolean(), Duration.ofSeconds(15));
            archive = browser.call("Page.captureSnapshot", Map.of("format", "mhtml")).path("data").asText();
        } finally {
            server.stop(0);
        }
        assertThat(archive).contains("Snapshot-Content-Location: " + address);

        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("site.yml"), "title: Digest\nbase_url: https://example.org/\n");
        Files.writeString(content.resolve("ferry.mhtml"), archive, StandardCharsets.ISO_8859_1);
        Files.writeString(content.resolve("as-html.html"), page.replace("<title>", "<link rel=\"canonical\" href=\"" + address
                + "\"><title>"));
        Path out = tmp.resolve("site");
        Cli cli = Cli.run("build", "--content", content.toString(), "--out", out.toString());
        assertThat(cli.code()).as(cli.err()).isZero();
        Document archived = Jsoup.parse(out.resolve("articles/ferry/index.html").toFile(), "UTF-8");
        Document saved = Jsoup.parse(out.resolve("articles/as-html/index.html").toFile(), "UTF-8");
        assertThat(archived.selectFirst("h1").text()).isEqualTo("Ferry service extended to the northern islands");
        assertThat(archived.selectFirst(".story-body").outerHtml()).isEqualTo(saved.selectFirst(".story-body").outerHtml());
        assertThat(archived.select(".story-body a").eachAttr("href")).containsExactly(
                "http://127.0.0.1:" + address.split(":")[2].split("/")[0] + "/plans/ferry.html");
        assertThat(archived.select(".story-body img").eachAttr("src")).containsExactly(address.replace("ferry.html", "quay.png"));
    }
}
