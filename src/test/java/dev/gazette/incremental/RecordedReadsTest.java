package dev.gazette.incremental;

import dev.gazette.output.OutputSink;
import dev.gazette.output.SiteData;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages that record what they read: a page made through {@link SiteData} is made again only when
 * the value of a key it read changed (a key that appeared or went counts as changed), in a memory
 * that outlives builds (values compared part by part) and in one saved to the build cache and
 * loaded again (values compared by fingerprint); a page whose keys are unchanged is neither made
 * nor passed on.
 */
class RecordedReadsTest {
    private static final Fingerprint ENVIRONMENT = new Fingerprint(3, 4);

    @TempDir
    Path cache;

    /** An article as a page reads it. */
    record Item(String title, List<String> tags) {
    }

    /** The pages made (their input made) in the last build, and the files passed on to the site. */
    private final List<String> made = new ArrayList<>();
    private final Map<String, String> written = new TreeMap<>();

    /**
     * Pages x and the list, and y and z while their keys are there: x reads x and the list; y reads
     * y and a key that may not exist; the list reads the list and each item on it; z reads z. Each page is
     * visited only when the sink names its key among the pages to make, or names none.
     */
    private void pages(OutputSink sink, Map<String, Object> values) {
        SiteData data = new SiteData(values);
        Map<String, Runnable> pages = new LinkedHashMap<>();
        pages.put("a:x", () -> sink.write("x.html", data, "a:x", r -> {
            made.add("x");
            return r.<Item>get("a:x").title() + " in " + r.get("list");
        }, RecordedReadsTest::bytes));
        if (values.containsKey("a:y")) {
            pages.put("a:y", () -> sink.write("y.html", data, "a:y", r -> {
                made.add("y");
                return r.<Item>get("a:y").title() + " / " + r.get("maybe");
            }, RecordedReadsTest::bytes));
        }
        pages.put("list", () -> sink.write("list.html", data, "list", r -> {
            made.add("list");
            StringBuilder page = new StringBuilder();
            for (String slug : r.<List<String>>get("list")) {
                page.append(r.<Item>get("a:" + slug).title()).append(';');
            }
            return page.toString();
        }, RecordedReadsTest::bytes));
        if (values.containsKey("a:z")) {
            pages.put("a:z", () -> sink.write("z.html", data, "a:z", r -> {
                made.add("z");
                return r.<Item>get("a:z").title();
            }, RecordedReadsTest::bytes));
        }
        Set<String> toMake = sink.pagesToMake(data);
        pages.forEach((key, page) -> {
            if (toMake == null || toMake.contains(key)) {
                visited.add(key);
                page.run();
            }
        });
    }

    /** The keys of the pages visited in the last build. */
    private final List<String> visited = new ArrayList<>();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Values made anew for every build, as a build makes them: equal, never the same objects. */
    private static Map<String, Object> values(String xTitle, String yTitle, List<String> list, String maybe) {
        Map<String, Object> values = new HashMap<>();
        values.put("a:x", new Item(new String(xTitle), List.of("t")));
        values.put("a:y", new Item(new String(yTitle), List.of("t", "u")));
        values.put("list", List.copyOf(list));
        if (maybe != null) {
            values.put("maybe", maybe);
        }
        return values;
    }

    private List<String> build(BuildMemory memory, Map<String, Object> values, boolean inPlace) {
        made.clear();
        visited.clear();
        written.clear();
        memory.start(ENVIRONMENT);
        pages(memory.files((path, bytes) -> written.put(path, new String(bytes, StandardCharsets.UTF_8)), inPlace), values);
        memory.finish();
        return List.copyOf(made);
    }

    @Test
    void aMemoryThatOutlivesBuildsMakesOnlyPagesWhoseReadsChanged() {
        BuildMemory memory = new BuildMemory();
        checkEdits(build -> build(memory, build.values(), build.inPlace()));
    }

    /**
     * The preview's memory, its files in place, names the pages to make: the render visits only
     * those (a page whose key came is made, one whose key went is deleted), and the others keep
     * their records; a new site, or the build cache, visits every page.
     */
    @Test
    void aMemoryThatOutlivesBuildsHasOnlyThePagesToMakeVisited() {
        BuildMemory memory = new BuildMemory();
        build(memory, values("X", "Y", List.of("x"), null), false);
        assertThat(visited).containsExactly("a:x", "a:y", "list");

        build(memory, values("X2", "Y", List.of("x"), null), true);
        assertThat(visited).containsExactlyInAnyOrder("a:x", "list");
        assertThat(made).containsExactlyInAnyOrder("x", "list");
        assertThat(memory.fileCount()).isEqualTo(3);

        Map<String, Object> withZ = values("X2", "Y", List.of("x"), null);
        withZ.put("a:z", new Item("Z", List.of()));
        build(memory, withZ, true);
        assertThat(visited).as("a page whose key came").containsExactly("a:z");
        assertThat(written).containsOnlyKeys("z.html");
        assertThat(memory.fileCount()).isEqualTo(4);

        build(memory, values("X2", "Y2", List.of("x"), null), true);
        assertThat(visited).as("z's key went: its page is not made again, and is deleted").containsExactly("a:y");
        assertThat(memory.fileCount()).isEqualTo(3);

        visited.clear();
        memory.start(ENVIRONMENT);
        Map<String, Object> again = values("X2", "Y2", List.of("x"), null);
        again.put("a:z", new Item("Z2", List.of()));
        pages(memory.files((path, bytes) -> { }, true), again);
        assertThat(visited).containsExactly("a:z");
        memory.abandon();   // a failed build: nothing of it is recorded
        visited.clear();
        written.clear();

        Map<String, Object> gone = values("X3", "Y2", List.of("x"), null);
        gone.remove("a:y");
        memory.start(ENVIRONMENT);
        pages(memory.files((path, bytes) -> written.put(path, new String(bytes, StandardCharsets.UTF_8)), true), gone);
        assertThat(visited).as("y's key went, x changed; the list shows x").containsExactlyInAnyOrder("a:x", "list");
        assertThat(memory.removedFiles()).containsExactly("y.html");
        memory.finish();
        assertThat(memory.fileCount()).isEqualTo(2);

        build(memory, values("X3", "Y2", List.of("x"), null), true);
        assertThat(visited).as("y's page again, with the key").containsExactly("a:y");
        assertThat(memory.fileCount()).isEqualTo(3);

        build(memory, values("X3", "Y2", List.of("x"), null), false);
        assertThat(visited).as("a new site: every page").containsExactly("a:x", "a:y", "list");
    }

    @Test
    void theBuildCacheKeepsWhatEachPageReadAndTheFingerprintsOfTheValues() {
        checkEdits(build -> {
            try (BuildCache.Loaded loaded = BuildCache.load(cache)) {
                List<String> pages = build(loaded.memory(), build.values(), build.inPlace());
                BuildCache.save(loaded, cache);
                return pages;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private record Build(Map<String, Object> values, boolean inPlace) {
    }

    private void checkEdits(Function<Build, List<String>> build) {
        assertThat(build.apply(new Build(values("X", "Y", List.of("x"), null), false))).containsExactly("x", "y", "list");
        assertThat(written).containsOnlyKeys("x.html", "y.html", "list.html");

        assertThat(build.apply(new Build(values("X", "Y", List.of("x"), null), true))).as("equal values").isEmpty();
        assertThat(written).isEmpty();

        assertThat(build.apply(new Build(values("X2", "Y", List.of("x"), null), true)))
                .as("x's title: its page and the list showing it").containsExactly("x", "list");
        assertThat(written).containsEntry("x.html", "X2 in [x]").containsEntry("list.html", "X2;").hasSize(2);

        assertThat(build.apply(new Build(values("X2", "Y2", List.of("x"), null), true)))
                .as("y is on no list: only its page").containsExactly("y");

        assertThat(build.apply(new Build(values("X2", "Y2", List.of("x", "y"), null), true)))
                .as("the list changed: the pages that read it").containsExactly("x", "list");
        assertThat(written).containsEntry("list.html", "X2;Y2;");

        assertThat(build.apply(new Build(values("X2", "Y3", List.of("x", "y"), null), true)))
                .as("y is now on the list, read there since the last change").containsExactly("y", "list");

        assertThat(build.apply(new Build(values("X2", "Y3", List.of("x", "y"), "here"), true)))
                .as("a key read while it had no value appeared").containsExactly("y");
        assertThat(written).containsEntry("y.html", "Y3 / here").hasSize(1);

        assertThat(build.apply(new Build(values("X2", "Y3", List.of("x", "y"), null), true)))
                .as("and went again").containsExactly("y");

        assertThat(build.apply(new Build(values("X2", "Y3", List.of("x"), null), true)))
                .as("y taken off the list").containsExactly("x", "list");
        assertThat(build.apply(new Build(values("X2", "Y4", List.of("x"), null), true)))
                .as("the list no longer reads y").containsExactly("y");
        assertThat(build.apply(new Build(values("X3", "Y4", List.of("x"), null), true)))
                .as("but still reads x").containsExactly("x", "list");

        assertThat(build.apply(new Build(values("X3", "Y4", List.of("x", "y"), null), false)))
                .as("a new site: every page, whatever it read").containsExactly("x", "y", "list");
        assertThat(written).hasSize(3);
    }
}
