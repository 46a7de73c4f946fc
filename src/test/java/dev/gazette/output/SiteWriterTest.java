package dev.gazette.output;

import dev.gazette.model.GazetteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiteWriterTest {
    @TempDir
    Path dir;

    /** Issue 9 #1: "--content pub/content --out pub" deleted pub/content/a.md. */
    @Test
    void refusesAnOutputFolderThatHoldsTheContent() {
        Path out = dir.resolve("pub");
        assertThatThrownBy(() -> SiteWriter.checkApart(out, Map.of("content", out.resolve("content"))))
                .isInstanceOf(GazetteException.class)
                .hasMessage(out + ": the output folder holds the content folder " + out.resolve("content")
                        + ", and every build replaces it; choose another --out");
        assertThatThrownBy(() -> SiteWriter.checkApart(out, Map.of("content", out)))
                .hasMessageContaining("the output folder holds the content folder");
    }

    /** Issue 9 #2: "--out content/site" published its own old pages as articles, more each build. */
    @Test
    void refusesAnOutputFolderInsideTheContent() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.createSymbolicLink(dir.resolve("alias"), content);
        assertThatThrownBy(() -> SiteWriter.checkApart(content.resolve("site"), Map.of("content", content)))
                .hasMessageContaining("the output folder is inside the content folder");
        assertThatThrownBy(() -> SiteWriter.checkApart(dir.resolve("alias/site"), Map.of("content", content)))
                .hasMessageContaining("the output folder is inside the content folder");
        assertThatCode(() -> SiteWriter.checkApart(dir.resolve("site"), Map.of("content", content))).doesNotThrowAnyException();
    }

    /** Issue 9 #24: a build killed during render or write left site.tmp-* and site.old-* behind forever. */
    @Test
    void theNextBuildRemovesWhatAKilledBuildLeft() throws Exception {
        Path out = dir.resolve("site");
        Path staleTmp = Files.createDirectories(dir.resolve("site.tmp-0123abcd"));
        Files.writeString(staleTmp.resolve("index.html"), "half");
        Files.writeString(staleTmp.resolve(".gazette-build"), "");
        Path staleOld = Files.createDirectories(dir.resolve("site.old-89abcdef"));
        Path unrelated = Files.createDirectories(dir.resolve("site.tmp-notmine"));
        Files.createDirectories(out);

        try (SiteWriter running = SiteWriter.open(out)) {
            // A second build while the first is still writing must leave the first one's folder alone.
            try (SiteWriter second = SiteWriter.open(out)) {
                assertThat(tmpFolders()).hasSize(2);
            }
            running.write("index.html", "new".getBytes(StandardCharsets.UTF_8));
            running.commit();
        }

        assertThat(staleTmp).doesNotExist();
        assertThat(staleOld).doesNotExist();
        assertThat(unrelated).exists();
        assertThat(out.resolve("index.html")).hasContent("new");
        assertThat(out.resolve(".gazette-build")).doesNotExist();
        assertThat(tmpFolders()).isEmpty();
    }

    private List<Path> tmpFolders() throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().matches("site\\.(tmp|old)-[0-9a-f]{8}")).toList();
        }
    }
}
