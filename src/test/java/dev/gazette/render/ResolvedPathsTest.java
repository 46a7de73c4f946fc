package dev.gazette.render;

import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.Loader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Includes resolved once per pair of names, with the loader's own answers. */
class ResolvedPathsTest {
    @TempDir
    Path tmp;

    /** Pebble's loader, counting the resolutions asked of it. */
    private static final class Counting extends ClasspathLoader {
        final List<String> asked = new ArrayList<>();

        @Override
        public String resolveRelativePath(String relativePath, String anchorPath) {
            asked.add(relativePath + " from " + anchorPath);
            return super.resolveRelativePath(relativePath, anchorPath);
        }
    }

    @Test
    void answersAsTheLoaderDoesAndAsksItOncePerPair() {
        Counting counting = new Counting();
        Loader<String> paths = new ResolvedPaths<>(counting);
        String[][] cases = {
                {"./_card.peb", "home.peb"}, {"./_card.peb", "partials/list.peb"}, {"../_card.peb", "partials/list.peb"},
                {"_card.peb", "home.peb"}, {"./x/../y.peb", "a/b/c.peb"}, {"../../up.peb", "a.peb"},
        };
        for (int round = 0; round < 3; round++) {
            for (String[] c : cases) {
                assertThat(paths.resolveRelativePath(c[0], c[1]))
                        .as(c[0] + " from " + c[1])
                        .isEqualTo(new ClasspathLoader().resolveRelativePath(c[0], c[1]));
            }
        }
        // The same relative name from two templates gives two answers, each asked once.
        assertThat(paths.resolveRelativePath("./_card.peb", "home.peb")).isEqualTo("_card.peb");
        assertThat(paths.resolveRelativePath("./_card.peb", "partials/list.peb")).isEqualTo("partials/_card.peb");
        assertThat(paths.resolveRelativePath("_card.peb", "home.peb")).isNull();
        assertThat(counting.asked).hasSize(cases.length).doesNotHaveDuplicates();
    }

    @Test
    void aThemesIncludesGoThroughIt() throws Exception {
        Path theme = Files.createDirectories(tmp.resolve("templates"));
        Files.createDirectories(theme.resolve("partials"));
        Files.writeString(theme.resolve("page.peb"), "{% for i in [1, 2, 3] %}{% include \"./partials/card.peb\" %}{% endfor %}");
        Files.writeString(theme.resolve("partials/card.peb"), "[{{ i }}{% include \"./inner.peb\" %}]");
        Files.writeString(theme.resolve("partials/inner.peb"), "!");
        for (Theme loaded : List.of(Theme.load(theme), Theme.load(null))) {
            assertThat(loaded.engine().getLoader()).isInstanceOf(ResolvedPaths.class);
        }
        StringWriter out = new StringWriter();
        Theme.load(theme).engine().getTemplate("page.peb").evaluate(out);
        assertThat(out).hasToString("[1!][2!][3!]");
    }
}
