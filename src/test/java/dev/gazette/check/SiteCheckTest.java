package dev.gazette.check;

import dev.gazette.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SiteCheckTest {
    @TempDir
    Path site;

    private void page(String path, String body) throws IOException {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "<!DOCTYPE html><html lang=en><head><title>t</title></head><body>\n" + body + "\n</body></html>");
    }

    @Test
    void resolvesRelativeRootRelativeAndAbsoluteLinksUnderASubPath() throws IOException {
        page("index.html", "<a href=\"a/\">rel</a> <a href=\"/repo/a/#top\">root</a> <a href=\"https://h.example/repo/a/#old\">abs</a>"
                + " <a href=\"/repo\">base without slash</a> <a href=\"a\">folder without slash</a> <a href=\"mailto:x@h.example\">m</a>");
        page("a/index.html", "<a name=\"old\"></a><h1 id=\"top\">A</h1> <a href=\"../\">up</a> <a href=\"../../\">too far</a>"
                + " <a href=\"b.html#top\">missing</a> <img alt=\"\" src=\"//h.example/repo/a/\">");

        SiteCheck.Result result = SiteCheck.run(site, URI.create("https://h.example/repo/"));

        assertThat(result.problems()).extracting(Problem::toString).containsExactly(
                site + "/a/index.html:2: broken href ../../: outside the site's base path /repo/",
                site + "/a/index.html:2: broken href b.html#top: no file a/b.html");
        assertThat(result.pages()).isEqualTo(2);
    }

    @Test
    void withoutABaseUrlRootRelativeLinksAreInternal() throws IOException {
        page("index.html", "<a href=\"/x/\">x</a> <a href=\"/y/\">y</a>");
        page("x/index.html", "<p>x</p>");

        SiteCheck.Result result = SiteCheck.run(site, null);

        assertThat(result.baseUrlKnown()).isFalse();
        assertThat(result.problems()).extracting(Problem::message).containsExactly("broken href /y/: no file y/index.html");
    }
}
