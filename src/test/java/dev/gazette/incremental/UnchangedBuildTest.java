package dev.gazette.incremental;

import dev.gazette.pipeline.Diagnostics;
import dev.gazette.pipeline.Pipeline;
import dev.gazette.serve.Trees;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A build through the build cache that finds nothing changed since the last one reports that
 * build's result and warnings again and does nothing else; every change it could miss (a source
 * touched, added or gone, another file of the content folder, the configuration, the theme, the
 * site, the options, the clock passing a held-back article's date or going back) makes it build,
 * byte-identical to a build from nothing.
 */
@Tag("slow")
class UnchangedBuildTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @TempDir
    Path tmp;

    Path content;
    Path templates;
    Path site;
    Path cache;
    Instant now = T0;
    boolean future;
    int builds;

    @BeforeEach
    void copySample() throws IOException {
        content = Trees.copy(Path.of("content"), tmp.resolve("content"));
        templates = Trees.copy(Path.of("templates"), tmp.resolve("templates"));
        site = tmp.resolve("site");
        cache = Pipeline.cacheFolder(content);
        // A warning every build reports, and an article dated a day after T0: held back until then.
        Files.writeString(content.resolve("articles/with-a-warning.md"), "---\ntitle: Ferries on the Wend\n"
                + "date: 2026-02-20\nmood: sunny\n---\nThe ferry ran on time all week.\n");
        Files.writeString(content.resolve("articles/scheduled.md"), "---\ntitle: Trams return to the Kestrel Line\n"
                + "date: 2026-03-03T08:00:00Z\n---\nTrams will run again from Tuesday.\n");
        // A warning the listing of the folder gives: a link to a folder is not followed.
        Files.createSymbolicLink(content.resolve("articles/elsewhere"), Files.createDirectories(tmp.resolve("elsewhere")));
        oldTimes();
    }

    @Test
    void nothingChangedReportsTheLastBuildAgainAndDoesNothingElse() throws Exception {
        Diagnostics firstWarnings = new Diagnostics();
        Pipeline.Result first = cachedBuild(firstWarnings);
        assertThat(first.millis()).doesNotContainKey("unchanged");
        assertThat(first.heldBack()).singleElement().satisfies(f -> assertThat(f).endsWith("scheduled.md"));
        assertThat(firstWarnings.sorted()).anySatisfy(p -> assertThat(p.message()).contains("mood"))
                .anySatisfy(p -> assertThat(p.file()).endsWith("elsewhere"));
        Map<String, String> siteBefore = Trees.hashes(site);
        Map<String, FileTime> cacheSaved = times(cache);

        Diagnostics warnings = new Diagnostics();
        Pipeline.Result again = cachedBuild(warnings);
        assertThat(again.millis()).containsKey("unchanged");
        assertThat(again.articles()).isEqualTo(first.articles());
        assertThat(again.files()).isEqualTo(first.files());
        assertThat(again.heldBack()).isEqualTo(first.heldBack());
        assertThat(again.sourcesRead()).isZero();
        assertThat(again.pagesMade()).isZero();
        assertThat(again.changedFiles()).isEmpty();
        assertThat(warnings.sorted()).isEqualTo(firstWarnings.sorted());
        assertThat(Trees.hashes(site)).isEqualTo(siteBefore);
        assertThat(times(cache)).as("nothing saved: neither the index nor its journal").isEqualTo(cacheSaved);

        now = T0.plus(20, ChronoUnit.HOURS);
        assertThat(cachedBuild().millis()).as("before the held-back article's date").containsKey("unchanged");
    }

    @Test
    void everyChangeItCouldMissMakesTheBuildRun() throws Exception {
        cachedBuild();
        Path article = content.resolve("articles/beavers-breeding-river-wend.md");
        changed(() -> Files.setLastModifiedTime(article, FileTime.fromMillis(Files.getLastModifiedTime(article).toMillis() - 5_000)),
                "a source touched, the same bytes");
        Path added = content.resolve("articles/added.md");
        changed(() -> Files.writeString(added, "---\ntitle: An added piece\ndate: 2026-01-05\n---\nText.\n"), "a source added");
        changed(() -> Files.delete(added), "a source gone");
        changed(() -> Files.writeString(content.resolve("articles/photo.jpg"), "not really a photo"),
                "another file of the content folder");
        Path siteYml = content.resolve("site.yml");
        changed(() -> Files.writeString(siteYml, Files.readString(siteYml).replace("The Slow Wire", "The Quick Wire")),
                "the configuration");
        Path card = templates.resolve("_card.peb");
        changed(() -> Files.writeString(card, Files.readString(card) + "\n<!-- card -->\n"), "the theme");
        changed(() -> {
            try (var files = Files.walk(site)) {
                Files.delete(files.filter(p -> p.toString().endsWith("index.html")).findFirst().orElseThrow());
            }
        }, "a page of the site deleted");
        changed(() -> future = true, "future-dated articles published");
        changed(() -> future = false, "and held back again");
    }

    @Test
    void theClockPublishesWhatTheLastBuildHeldBackAndHoldsItBackWhenItGoesBack() throws Exception {
        cachedBuild();
        changed(() -> now = T0.plus(25, ChronoUnit.HOURS), "the held-back article's date passed");
        assertThat(cachedBuild().heldBack()).isEmpty();
        changed(() -> now = T0, "the clock went back");
        assertThat(cachedBuild().heldBack()).hasSize(1);
    }

    /** Something changed between two builds. */
    private interface Change {
        void make() throws IOException;
    }

    /**
     * Makes {@code change}, then checks the build after it runs (and equals a build from nothing),
     * and the one after that finds nothing changed.
     */
    private void changed(Change change, String what) throws Exception {
        change.make();
        oldTimes();
        Diagnostics warnings = new Diagnostics();
        Pipeline.Result result = cachedBuild(warnings);
        assertThat(result.millis()).as(what).doesNotContainKey("unchanged");
        Path fresh = tmp.resolve("fresh-" + (++builds));
        Diagnostics freshWarnings = new Diagnostics();
        new Pipeline(freshWarnings).withClock(() -> now).build(options(fresh));
        assertThat(Trees.hashes(site)).as(what).isEqualTo(Trees.hashes(fresh));
        assertThat(warnings.sorted()).as(what).isEqualTo(freshWarnings.sorted());
        Trees.delete(fresh);
        Diagnostics again = new Diagnostics();
        assertThat(cachedBuild(again).millis()).as("nothing changed after: " + what).containsKey("unchanged");
        assertThat(again.sorted()).as("warnings after: " + what).isEqualTo(freshWarnings.sorted());
    }

    /**
     * Sets every source's time well in the past: a source saved within the file system's clock
     * tick of its read is read again by every build (see {@code BuildMemory.Stamp}).
     */
    private void oldTimes() throws IOException {
        long old = System.currentTimeMillis() - 60_000;
        try (var files = Files.walk(content)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                if (Files.getLastModifiedTime(p).toMillis() > old) {
                    Files.setLastModifiedTime(p, FileTime.fromMillis(old - builds));
                }
            }
        }
    }

    private Pipeline.Result cachedBuild() {
        return cachedBuild(new Diagnostics());
    }

    private Pipeline.Result cachedBuild(Diagnostics diagnostics) {
        return new Pipeline(diagnostics).withClock(() -> now).build(options(site), cache);
    }

    private Pipeline.Options options(Path out) {
        return new Pipeline.Options(content, templates, out, BuildCacheOracleTest.BASE, false, future);
    }

    /** Each file of {@code folder} with its modification time. */
    private static Map<String, FileTime> times(Path folder) throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                times.put(f.getFileName().toString(), Files.getLastModifiedTime(f));
            }
        }
        return times;
    }
}
