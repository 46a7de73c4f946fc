package dev.gazette.incremental;

import dev.gazette.model.GazetteException;
import dev.gazette.pipeline.Diagnostics;
import dev.gazette.pipeline.Pipeline;
import dev.gazette.serve.Trees;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The oracle for the build cache: after every kind of edit, a build through the cache (loaded
 * from disk and saved again, as {@code gazette build} does) writes a site byte-identical to a
 * build from nothing. Run twice: with every build updating the site in place, and with every
 * build writing a new site (the threshold between the two set to its extremes), so both paths
 * are held to the same bytes.
 */
@Tag("slow")
class BuildCacheOracleTest {
    static final URI BASE = URI.create("https://example.org/digest/");

    @TempDir
    Path tmp;

    Path content;
    Path templates;
    Path site;
    Path cache;
    int builds;
    int inPlaceUpTo;

    @BeforeEach
    void copySample() throws IOException {
        content = Trees.copy(Path.of("content"), tmp.resolve("content"));
        templates = Trees.copy(Path.of("templates"), tmp.resolve("templates"));
        site = tmp.resolve("site");
        cache = Pipeline.cacheFolder(content);
    }

    @ParameterizedTest(name = "updated in place up to {0} changed sources")
    @ValueSource(ints = {-1, Integer.MAX_VALUE})
    void contentEditsGiveTheSameSiteAsABuildFromNothing(int limit) throws Exception {
        inPlaceUpTo = limit;
        Pipeline.Result first = cachedBuild();
        assertThat(first.sourcesRead()).isEqualTo(13);

        Pipeline.Result unchanged = cachedBuild();
        assertThat(unchanged.sourcesRead()).isZero();
        assertThat(unchanged.pagesMade()).as("nothing changed: nothing rendered").isEqualTo(limit < 0 ? first.pagesMade() : 0);
        if (limit > 0) {
            assertThat(unchanged.changedFiles()).isEmpty();
        }

        Path article = content.resolve("articles/beavers-breeding-river-wend.md");
        String text = Files.readString(article);
        Files.setLastModifiedTime(article, FileTime.fromMillis(System.currentTimeMillis()));
        assertThat(cachedBuild().sourcesRead()).as("touched, same bytes: read, not cleaned").isZero();

        Files.writeString(article, text + "\nA closing line about the beavers.\n");
        Pipeline.Result oneEdit = cachedBuild();
        assertSameAsBuildFromNothing();
        assertThat(oneEdit.sourcesRead()).isEqualTo(1);
        if (limit > 0) {
            assertThat(oneEdit.pagesMade()).isPositive().isLessThan(first.pagesMade() / 2);
        }
        edit(article, text.replace("beaver", "beavor"));        // the same size
        edit(article, text.replaceFirst("title: [^\\n]+", "title: \"Beavers are back on the Wend\""));
        edit(article, text.replaceFirst("tags: \\[", "tags: [oceans, "));
        edit(article, text.replaceFirst("date: [^\\n]+", "date: 2020-01-01"));
        edit(article, text.replaceFirst("---\\n", "---\ndraft: true\n"));
        edit(article, text);

        Path added = Files.createDirectories(content.resolve("articles/2025")).resolve("new-story.md");
        edit(added, "---\ntitle: A brand new story about the Kestrel Line\ndate: 2025-03-01\ntags: [transport]\n---\n"
                + "Trams on the Kestrel Line ran late again.\n");
        Path moved = added.resolveSibling("renamed-story.md");
        Files.move(added, moved);
        assertSameAsBuildFromNothing();
        Files.delete(moved);
        assertSameAsBuildFromNothing();

        Path dump = content.resolve("raw/aldwick-chronicle-astronomical-clock.txt");
        edit(dump, Files.readString(dump).replace("clock", "timepiece"));
        Path page = content.resolve("raw/sound-and-shore-electric-ferry.html");
        edit(page, Files.readString(page).replace("ferry", "boat"));
    }

    @ParameterizedTest(name = "updated in place up to {0} changed sources")
    @ValueSource(ints = {-1, Integer.MAX_VALUE})
    void configurationThemeAndOutputChangesGiveTheSameSite(int limit) throws Exception {
        inPlaceUpTo = limit;
        cachedBuild();
        Path siteYml = content.resolve("site.yml");
        edit(siteYml, Files.readString(siteYml).replace("The Slow Wire", "The Quick Wire"));
        Path card = templates.resolve("_card.peb");
        edit(card, Files.readString(card) + "\n<!-- card -->\n");
        Path css = templates.resolve("static/assets/style.css");
        edit(css, Files.readString(css) + "\n/* more */\n");
        if (limit > 0) {
            assertThat(cachedBuild().changedFiles()).as("only the bytes that changed are written").isEmpty();
        }

        // Someone deletes a page, or the whole site: the cache's record of the site is not trusted.
        Path anyPage = Files.walk(site).filter(p -> p.toString().endsWith("index.html")).findFirst().orElseThrow();
        Files.delete(anyPage);
        assertSameAsBuildFromNothing();
        Trees.delete(site);
        assertSameAsBuildFromNothing();
    }

    @ParameterizedTest(name = "updated in place up to {0} changed sources")
    @ValueSource(ints = {-1, Integer.MAX_VALUE})
    void aDamagedCacheIsIgnoredAndAFailedBuildChangesNothing(int limit) throws Exception {
        inPlaceUpTo = limit;
        cachedBuild();
        Path file = Files.list(cache).findFirst().orElseThrow();
        byte[] bytes = Files.readAllBytes(file);

        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(file, bytes);
        assertThat(BuildCache.load(cache).ignored()).contains("checksum");
        assertThat(cachedBuild().sourcesRead()).as("a corrupt cache is not used").isEqualTo(13);
        assertSameAsBuildFromNothing();

        bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        assertThat(cachedBuild().sourcesRead()).as("a truncated cache is not used").isEqualTo(13);

        Files.write(file, "gazette build cache from another version".getBytes());
        assertThat(cachedBuild().sourcesRead()).isEqualTo(13);
        assertSameAsBuildFromNothing();

        Map<String, String> before = Trees.hashes(site);
        Path broken = content.resolve("articles/broken.md");
        Files.writeString(broken, "---\ntitle: [unclosed\n---\nBody.\n");
        assertThatThrownBy(this::cachedBuild).isInstanceOf(GazetteException.class);
        assertThat(Trees.hashes(site)).isEqualTo(before);
        Files.delete(broken);
        assertThat(cachedBuild().changedFiles()).as(limit > 0 ? "the site is as it was" : "a new site")
                .hasSize(limit > 0 ? 0 : before.size());
        assertSameAsBuildFromNothing();
    }

    /** Writes {@code text} to {@code file}, builds through the cache and compares with a build from nothing. */
    private void edit(Path file, String text) throws Exception {
        Files.writeString(file, text);
        assertSameAsBuildFromNothing();
    }

    private void assertSameAsBuildFromNothing() throws Exception {
        cachedBuild();
        Path fresh = tmp.resolve("fresh-" + (++builds));
        new Pipeline(new Diagnostics()).build(options(fresh));
        assertThat(Trees.hashes(site)).as("the cached build after change " + builds).isEqualTo(Trees.hashes(fresh));
        Trees.delete(fresh);
    }

    private Pipeline.Result cachedBuild() {
        return new Pipeline(new Diagnostics(), inPlaceUpTo).build(options(site), cache);
    }

    private Pipeline.Options options(Path out) {
        return new Pipeline.Options(content, templates, out, BASE, false);
    }
}
