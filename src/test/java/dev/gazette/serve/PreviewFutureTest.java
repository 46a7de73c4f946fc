package dev.gazette.serve;

import dev.gazette.pipeline.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The preview holds future-dated articles back as 'gazette build' does, and shows them with --future. */
class PreviewFutureTest {
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
}
