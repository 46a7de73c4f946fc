package dev.gazette.serve;

import dev.gazette.pipeline.Diagnostics;
import dev.gazette.pipeline.Pipeline;
import dev.gazette.model.GazetteException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * After any sequence of changes the incremental preview build is byte-identical to a full
 * build of the same input, while it reads and renders only what the change reaches.
 */
class IncrementalRebuilderTest {
    static final URI BASE = URI.create("http://127.0.0.1:4000/gazette/");

    @TempDir
    Path tmp;

    Path content;
    Path templates;
    IncrementalRebuilder rebuilder;
    int fullBuilds;

    @BeforeEach
    void copySample() throws Exception {
        content = Trees.copy(Path.of("content"), tmp.resolve("content"));
        templates = Trees.copy(Path.of("templates"), tmp.resolve("templates"));
        rebuilder = new IncrementalRebuilder(options(tmp.resolve("work"), false));
    }

    @AfterEach
    void close() {
        rebuilder.close();
    }

    @Test
    void theFirstBuildIsAFullBuild() throws Exception {
        Rebuild first = rebuilder.rebuild(Set.of());
        assertThat(first.sourcesRead()).isEqualTo(13);
        assertThat(first.articles()).isEqualTo(12);
        assertThat(first.changedFiles()).contains("index.html", "404.html", "feed.xml", "assets/style.css");
        assertThat(first.pagesRendered()).isEqualTo(first.changedFiles().stream().filter(f -> f.endsWith(".html")).count());
        assertSameAsFullBuild(first);
    }

    @Test
    void editingOneArticleReadsOneSourceAndRendersOnlyThePagesItReaches() throws Exception {
        Rebuild first = rebuilder.rebuild(Set.of());
        Path article = content.resolve("articles/beavers-breeding-river-wend.md");
        Files.writeString(article, Files.readString(article).replace("\n---\n", "\n---\nA new opening line.\n\n"));

        Rebuild second = rebuilder.rebuild(Set.of(article));

        assertThat(second.sourcesRead()).isEqualTo(1);
        assertThat(second.changedFiles()).anyMatch(p -> p.startsWith("articles/") && p.endsWith("/index.html"));
        assertThat(second.pagesRendered()).isGreaterThan(0).isLessThan(first.pagesRendered() / 2);
        assertThat(second.filesWritten()).isEqualTo(second.changedFiles().size());
        assertSameAsFullBuild(second);

        Rebuild nothing = rebuilder.rebuild(Set.of(article));
        assertThat(nothing.changedFiles()).isEmpty();
        assertThat(nothing.pagesRendered()).isZero();
    }

    @Test
    void aChangeTheWatcherNamesDifferentlyIsStillFound() throws Exception {
        rebuilder.rebuild(Set.of());
        Path article = content.resolve("articles/beavers-breeding-river-wend.md");
        Files.writeString(article, Files.readString(article) + "\nA closing line.\n");
        Rebuild again = rebuilder.rebuild(Set.of(tmp.resolve("elsewhere/linked-content/a.md")));
        assertThat(again.sourcesRead()).isEqualTo(1);
        assertSameAsFullBuild(again);
    }

    @Test
    void tagsDatesNewAndDeletedSourcesDraftsConfigAndThemeStayIdenticalToAFullBuild() throws Exception {
        rebuilder.rebuild(Set.of());
        Path article = content.resolve("articles/tessera-3-0-release.md");
        String text = Files.readString(article);

        Files.writeString(article, text.replaceFirst("tags: \\[", "tags: [climate, "));
        assertSameAsFullBuild(rebuilder.rebuild(Set.of(article)));

        Files.writeString(article, text.replaceFirst("date: [^\\n]+", "date: 2020-01-01"));
        assertSameAsFullBuild(rebuilder.rebuild(Set.of(article)));

        Path added = Files.createDirectories(content.resolve("articles/2025")).resolve("new-story.md");
        Files.writeString(added, "---\ntitle: A brand new story\ndate: 2025-03-01\ntags: [oceans]\n---\nFresh.\n");
        Rebuild withNew = rebuilder.rebuild(Set.of(added.getParent()));
        assertThat(withNew.changedFiles()).contains("articles/new-story/index.html");
        assertSameAsFullBuild(withNew);

        Files.delete(added);
        Rebuild withoutNew = rebuilder.rebuild(Set.of(added));
        assertThat(withoutNew.changedFiles()).contains("articles/new-story/index.html");
        assertThat(withoutNew.root().resolve("articles/new-story/index.html")).doesNotExist();
        assertSameAsFullBuild(withoutNew);

        Files.writeString(article, text.replaceFirst("---\\n", "---\ndraft: true\n"));
        assertSameAsFullBuild(rebuilder.rebuild(Set.of(article)));

        Path siteYml = content.resolve("site.yml");
        Files.writeString(siteYml, Files.readString(siteYml).replace("The Slow Wire", "The Quick Wire"));
        Rebuild config = rebuilder.rebuild(Set.of(siteYml));
        assertThat(config.sourcesRead()).isEqualTo(13);
        assertSameAsFullBuild(config);

        Path card = templates.resolve("_card.peb");
        Files.writeString(card, Files.readString(card) + "\n<!-- card -->\n");
        assertSameAsFullBuild(rebuilder.rebuild(Set.of(card)));
        Path css = templates.resolve("static/assets/style.css");
        Files.writeString(css, Files.readString(css) + "\n/* more */\n");
        Rebuild style = rebuilder.rebuild(Set.of(css));
        assertThat(style.changedFiles()).containsExactly("assets/style.css");
        assertSameAsFullBuild(style);
    }

    @Test
    void aFailedRebuildLeavesTheServedFolderAsItWasAndRecovers() throws Exception {
        Rebuild good = rebuilder.rebuild(Set.of());
        Map<String, String> before = Trees.hashes(good.root());
        Path article = content.resolve("articles/tessera-3-0-release.md");
        String text = Files.readString(article);
        Files.writeString(article, "---\ntitle: [unclosed\n---\nBody.\n");

        assertThatThrownBy(() -> rebuilder.rebuild(Set.of(article)))
                .isInstanceOf(GazetteException.class)
                .hasMessageContaining("tessera-3-0-release.md");
        assertThat(Trees.hashes(good.root())).isEqualTo(before);

        Path twin = content.resolve("articles/twin.md");
        Files.writeString(article, text);
        Files.writeString(twin, text.replaceFirst("date: [^\\n]+", "date: next Tuesday"));
        assertThatThrownBy(() -> rebuilder.rebuild(Set.of(article, twin)))
                .isInstanceOf(GazetteException.class)
                .hasMessageContaining("'next Tuesday' is not a date");
        assertThat(Trees.hashes(good.root())).isEqualTo(before);

        Files.delete(twin);
        Rebuild fixed = rebuilder.rebuild(Set.of(twin));
        assertThat(Trees.hashes(fixed.root())).isEqualTo(before);
    }

    @Test
    void theFullRebuilderBuildsTheSameSite() throws Exception {
        try (FullRebuilder full = new FullRebuilder(options(tmp.resolve("full-work"), false))) {
            Rebuild one = full.rebuild(Set.of());
            assertThat(one.changedFiles()).hasSize(one.filesWritten());
            assertSameAsFullBuild(one);
            Path article = content.resolve("articles/tessera-3-0-release.md");
            Files.writeString(article, Files.readString(article) + "\nOne more line.\n");
            Rebuild two = full.rebuild(Set.of(article));
            assertThat(two.changedFiles()).isNotEmpty().hasSizeLessThan(one.changedFiles().size());
            assertSameAsFullBuild(two);
            assertThat(one.root()).as("the build before the previous one is deleted").exists();
            full.rebuild(Set.of(article));
            assertThat(one.root()).doesNotExist();
        }
    }

    private Pipeline.Options options(Path out, boolean drafts) {
        return new Pipeline.Options(content, templates, out, BASE, drafts);
    }

    private void assertSameAsFullBuild(Rebuild build) throws Exception {
        Path out = tmp.resolve("full-" + (++fullBuilds));
        new Pipeline(new Diagnostics()).build(options(out, false));
        assertThat(Trees.hashes(build.root())).isEqualTo(Trees.hashes(out));
    }
}
