package dev.gazette.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks the end-to-end tests rely on do catch what they claim to catch. */
class SiteChecksTest {
    @TempDir
    Path site;

    @Test
    void flagsMalformedPagesAndBrokenLinks() throws Exception {
        Files.createDirectories(site.resolve("ok"));
        Files.writeString(site.resolve("ok/index.html"), "<!DOCTYPE html><html lang=en><head><title>t</title>"
                + "<meta name=description content=d></head><body><a href=\"/r/ok/\">self</a></body></html>");
        Files.writeString(site.resolve("bad.html"), "<html><head></head><body><p><b>x</p></i>"
                + "<a href=\"/r/missing/\">m</a><img src=\"/elsewhere.png\" alt=\"\"></body></html>");

        assertThat(SiteChecks.pageProblems(site)).anyMatch(p -> p.startsWith("bad.html: parse error"))
                .contains("bad.html: no <!DOCTYPE html>", "bad.html: <html> has no lang", "bad.html: empty <title>",
                        "bad.html: no meta description")
                .noneMatch(p -> p.startsWith("ok"));
        assertThat(SiteChecks.brokenLinks(site, "/r/"))
                .containsExactlyInAnyOrder("bad.html: /r/missing/", "bad.html: escapes the base path: /elsewhere.png");
    }
}
