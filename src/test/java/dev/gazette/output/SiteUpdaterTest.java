package dev.gazette.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SiteUpdaterTest {
    @TempDir
    Path site;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRemovedPageTakesTheFoldersItLeavesEmptyButNoOther() throws Exception {
        SiteUpdater first = new SiteUpdater(site);
        first.write("index.html", bytes("home"));
        first.write("articles/gone/index.html", bytes("gone"));
        first.write("tags/x/page/2/index.html", bytes("page 2"));
        first.write("tags/x/index.html", bytes("page 1"));
        first.write("shared/a.html", bytes("a"));
        first.write("shared/b.html", bytes("b"));
        first.commit(List.of());

        SiteUpdater next = new SiteUpdater(site);
        next.write("index.html", bytes("home again"));
        List<String> changed = next.commit(List.of("articles/gone/index.html", "tags/x/page/2/index.html", "shared/a.html"));

        assertThat(changed).containsExactly("articles/gone/index.html", "index.html", "shared/a.html",
                "tags/x/page/2/index.html");
        assertThat(site.resolve("articles")).as("emptied up to the site's root").doesNotExist();
        assertThat(site.resolve("tags/x/page")).doesNotExist();
        assertThat(site.resolve("tags/x/index.html")).hasContent("page 1");
        assertThat(site.resolve("shared/b.html")).hasContent("b");
        assertThat(site.resolve("shared/a.html")).doesNotExist();
        assertThat(Files.readString(site.resolve("index.html"))).isEqualTo("home again");
        assertThat(site).isDirectory();
    }
}
