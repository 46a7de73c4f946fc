package dev.gazette.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SourceWatcherTest {
    @TempDir
    Path tmp;

    @Test
    void editorDroppingsAndHiddenFilesAreIgnored() {
        for (String name : List.of("a.md~", ".#a.md", "#a.md#", ".a.md.swp", "a.md.swp", "4913", ".DS_Store",
                ".git/index", "a.md___jb_tmp___", "articles/.hidden/b.md")) {
            assertThat(SourceWatcher.relevant(Path.of(name))).as(name).isFalse();
        }
        for (String name : List.of("a.md", "site.yml", "articles/2025/a.txt", "static/assets/style.css", "4913.md")) {
            assertThat(SourceWatcher.relevant(Path.of(name))).as(name).isTrue();
        }
    }

    /** Waits until no event has come for half a second, so late events of one step do not leak into the next. */
    private static void quiet(BlockingQueue<Path> changed) throws InterruptedException {
        while (changed.poll(500, TimeUnit.MILLISECONDS) != null) {
            changed.clear();
        }
    }

    @Test
    void reportsChangesInNewAndExistingFolders() throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Path article = Files.writeString(content.resolve("a.md"), "one");
        BlockingQueue<Path> changed = new LinkedBlockingQueue<>();
        try (SourceWatcher watcher = SourceWatcher.start(List.of(content, tmp.resolve("no-such-theme")), changed::add)) {
            Files.writeString(content.resolve("a.md~"), "backup");
            Files.writeString(article, "two");
            assertThat(changed.poll(10, TimeUnit.SECONDS)).isEqualTo(article.toAbsolutePath());

            Path nested = Files.createDirectories(content.resolve("2025/02"));
            assertThat(changed.poll(10, TimeUnit.SECONDS)).isNotNull();
            quiet(changed);
            Path deep = Files.writeString(nested.resolve("b.md"), "new");
            assertThat(changed.poll(10, TimeUnit.SECONDS)).isEqualTo(deep.toAbsolutePath());

        }
    }
}
