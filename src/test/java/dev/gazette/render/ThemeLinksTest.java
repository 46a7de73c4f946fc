package dev.gazette.render;

import dev.gazette.cli.Cli;
import dev.gazette.model.Problem;
import io.pebbletemplates.pebble.error.PebbleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 9, symlinks: a theme's links that lead out of templates/ are refused with a warning and never read. */
class ThemeLinksTest {
    private static final String SECRET = "root:x:0:0:root:/root:/bin/bash";

    @TempDir
    Path tmp;

    private Path secret;
    private Path theme;

    private Theme hostileTheme() throws Exception {
        secret = Files.writeString(tmp.resolve("passwd"), SECRET + "\n");
        theme = Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(theme.resolve("page.peb"), "page {{ x }}");
        Files.createDirectories(theme.resolve("partials"));
        Files.writeString(theme.resolve("partials/real.peb"), "partial");
        Files.createSymbolicLink(theme.resolve("alias.peb"), theme.resolve("page.peb"));
        Files.createSymbolicLink(theme.resolve("leak.peb"), secret);
        Files.createSymbolicLink(theme.resolve("loop.peb"), theme.resolve("loop.peb"));
        Files.createSymbolicLink(theme.resolve("outdir"), tmp);
        Files.writeString(theme.resolve("includes-leak.peb"), "{% include \"leak.peb\" %}");
        Files.writeString(theme.resolve("climbs-out.peb"), "{% include \"../passwd\" %}");
        Files.writeString(theme.resolve("via-folder.peb"), "{% include \"outdir/passwd\" %}");
        Files.writeString(theme.resolve("includes-real.peb"), "{% include \"partials/real.peb\" %}");
        Files.createDirectories(theme.resolve("static/assets"));
        Files.writeString(theme.resolve("static/assets/style.css"), "body{}");
        Files.createSymbolicLink(theme.resolve("static/assets/passwd.css"), secret);
        return Theme.load(theme);
    }

    private static String render(Theme theme, String name) throws Exception {
        StringWriter out = new StringWriter();
        theme.engine().getTemplate(name).evaluate(out, Map.of("x", "1"));
        return out.toString();
    }

    @Test
    void templatesThatLinkOutsideAreWarnedAboutAndNeverRead() throws Exception {
        Theme loaded = hostileTheme();

        assertThat(loaded.warnings()).extracting(Problem::toString).containsExactlyInAnyOrder(
                theme.resolve("leak.peb") + ": warning: links to " + secret.toRealPath()
                        + ", outside the templates folder: skipped, never read",
                theme.resolve("loop.peb") + ": warning: " + ThemeFileLoader.LINK_LOOP,
                theme.resolve("outdir") + ": warning: links to the folder " + tmp.toRealPath()
                        + ", outside the templates folder: skipped, never read",
                theme.resolve("static/assets/passwd.css") + ": warning: links to " + secret.toRealPath()
                        + ", outside the theme's static folder: skipped, never read");
        for (String refused : new String[]{"leak.peb", "includes-leak.peb", "via-folder.peb", "loop.peb"}) {
            assertThatThrownBy(() -> render(loaded, refused)).as(refused)
                    .isInstanceOf(PebbleException.class)
                    .hasMessageNotContaining(SECRET)
                    .message().containsAnyOf("outside the templates folder", "cannot be followed");
        }
        // Pebble resolves "../passwd" inside the folder itself, where there is no such template.
        assertThatThrownBy(() -> render(loaded, "climbs-out.peb")).isInstanceOf(PebbleException.class)
                .hasMessageNotContaining(SECRET).hasMessageContaining("no template \"passwd\"");
        assertThat(loaded.engine().getLoader().resourceExists("leak.peb")).isFalse();
        assertThat(loaded.staticFiles()).containsOnlyKeys("assets/style.css");
    }

    @Test
    void linksThatStayInsideTheThemeStillWork() throws Exception {
        Theme loaded = hostileTheme();

        assertThat(render(loaded, "alias.peb")).isEqualTo("page 1");
        assertThat(render(loaded, "includes-real.peb")).isEqualTo("partial");
    }

    @Test
    void aBuildWithALayoutLinkedOutsideFailsWithThePathAndNeverPublishesTheTarget() throws Exception {
        Path secretFile = Files.writeString(tmp.resolve("secret.txt"), SECRET + "\n");
        Path templates = tmp.resolve("theme");
        dev.gazette.serve.Trees.copy(Path.of("templates"), templates);
        Files.delete(templates.resolve("layout.peb"));
        Files.createSymbolicLink(templates.resolve("layout.peb"), secretFile);
        Path out = tmp.resolve("site");

        Cli cli = Cli.run("build", "--content", "content", "--templates", templates.toString(), "--out", out.toString());

        assertThat(cli.code()).as(cli.toString()).isNotZero().isNotEqualTo(3);
        assertThat(cli.err()).contains(templates.resolve("layout.peb") + ": warning: links to " + secretFile.toRealPath()
                + ", outside the templates folder: skipped, never read");
        assertThat(cli.err()).contains("template error: \"layout.peb\" links to");
        assertThat(out).doesNotExist();
    }
}
