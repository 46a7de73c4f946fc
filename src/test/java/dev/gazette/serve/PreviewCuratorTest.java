package dev.gazette.serve;

import dev.gazette.pipeline.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a curator meets in the preview: pages stay put when a headline changes; scheduled pieces wait. */
class PreviewCuratorTest {
    @TempDir
    Path tmp;

    @Test
    void futureDatedArticlesAreHeldBackUnlessAskedFor() throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("today.md"), "---\ntitle: Published piece\ndate: 2025-03-01\nsource: self\n---\nNow.\n");
        Files.writeString(content.resolve("friday.md"), "---\ntitle: Scheduled piece\ndate: 2999-01-01\nsource: self\n---\nLater.\n");
        URI base = URI.create("http://127.0.0.1:4000/");

        for (boolean future : new boolean[] {false, true}) {
            Pipeline.Options options = new Pipeline.Options(content, tmp.resolve("no-theme"), tmp.resolve("work-" + future),
                    base, false, future);
            try (IncrementalRebuilder rebuilder = new IncrementalRebuilder(options)) {
                Rebuild build = rebuilder.rebuild(Set.of());
                assertThat(build.articles()).isEqualTo(future ? 2 : 1);
                assertThat(build.root().resolve("articles/friday/index.html").toFile().exists()).isEqualTo(future);
            }
        }
    }

    @Test
    void editingAHeadlineRebuildsThePageWhereItWas() throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Path source = content.resolve("kestrel-line.md");
        Files.writeString(source, "---\ntitle: Trams reach the docks\ndate: 2025-03-01\nsource: self\n---\nNow.\n");
        Pipeline.Options options = new Pipeline.Options(content, tmp.resolve("no-theme"), tmp.resolve("work"),
                URI.create("http://127.0.0.1:4000/"), false);
        try (IncrementalRebuilder rebuilder = new IncrementalRebuilder(options)) {
            rebuilder.rebuild(Set.of());
            Files.writeString(source, "---\ntitle: Crowds pack the first trams\ndate: 2025-03-01\nsource: self\n---\nNow.\n");
            Rebuild edited = rebuilder.rebuild(Set.of(source));
            assertThat(edited.changedFiles()).contains("articles/kestrel-line/index.html")
                    .noneMatch(f -> f.startsWith("articles/") && !f.startsWith("articles/kestrel-line/"));
            assertThat(Files.readString(edited.root().resolve("articles/kestrel-line/index.html"))).contains("Crowds pack the first trams");
        }
    }
}
