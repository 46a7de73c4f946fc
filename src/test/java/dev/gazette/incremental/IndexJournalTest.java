package dev.gazette.incremental;

import dev.gazette.pipeline.Diagnostics;
import dev.gazette.pipeline.Pipeline;
import dev.gazette.serve.Trees;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build cache's journal: a cache saved by appending what each build changed loads as the
 * same memory as one whose every save wrote the index whole, and a damaged journal is never trusted.
 */
@Tag("slow")
class IndexJournalTest {
    private static final URI BASE = URI.create("https://example.org/");

    @TempDir
    Path tmp;

    @AfterEach
    void defaultShare() {
        IndexJournal.upToPercent = 25;
    }

    /**
     * The same edits built twice in the same folder, once appending every save to the journal,
     * once writing the index whole each time: after each build both load as the same memory
     * (sources, keys and their fingerprints, pages' records, outputs, states) and give the same site.
     */
    @Test
    void aJournaledCacheLoadsAsTheIndexWrittenWhole() throws Exception {
        List<Map<String, String>> journaled = editsBuilt(Integer.MAX_VALUE);
        List<Map<String, String>> whole = editsBuilt(0);
        for (int step = 0; step < whole.size(); step++) {
            assertSameParts(journaled.get(step), whole.get(step), "after build " + step);
        }
    }

    /** The memory loaded after each build of a sequence of edits, and the site's hashes as a part of it. */
    private List<Map<String, String>> editsBuilt(int journalShare) throws IOException {
        Path root = tmp.resolve("sequence");
        if (Files.exists(root)) {
            Trees.delete(root);
        }
        copy("sequence");
        Path cache = Pipeline.cacheFolder(root.resolve("content"));
        List<Map<String, String>> loaded = new ArrayList<>();
        long head = 0;
        long previous = 0;
        Random random = new Random(11);
        for (int step = 0; step < 9; step++) {
            if (step > 0) {
                List<Path> markdown;
                try (var files = Files.list(root.resolve("content/articles"))) {
                    markdown = files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
                }
                Path file = markdown.get(random.nextInt(markdown.size()));
                String text = Files.readString(file);
                switch (step % 4) {
                    case 0 -> Files.delete(file);
                    case 1 -> Files.writeString(file, text + "\nOne more sentence number " + step + ".\n");
                    case 2 -> Files.writeString(file, text.replaceFirst("tags: \\[", "tags: [energy, "));
                    default -> Files.writeString(file, text.replaceFirst("title: [^\\n]+", "title: \"A new headline " + step + "\""));
                }
            }
            dated(root, step);
            build(root, journalShare);
            long size = Files.size(cache.resolve(IndexJournal.FILE));
            if (step == 0) {
                head = size;
            } else if (journalShare == 0) {
                assertThat(size).as("written whole after build " + step + ": the journal's head alone").isEqualTo(head);
            } else {
                assertThat(size).as("a record more after build " + step).isGreaterThan(previous);
            }
            previous = size;
            Map<String, String> parts = summary(root);
            parts.put("site", new TreeMap<>(Trees.hashes(root.resolve("site"))).toString());
            loaded.add(parts);
        }
        // Past its share, the journal is folded into an index written whole.
        IndexJournal.upToPercent = 0;
        Path article = root.resolve("content/articles/beavers-breeding-river-wend.md");
        Files.writeString(article, Files.readString(article) + "\nFolded.\n");
        build(root, 0);
        assertThat(Files.size(cache.resolve(IndexJournal.FILE))).as("its head alone again").isEqualTo(head);
        assertSameAsFromNothing(root);
        return loaded;
    }

    /** Every file dated as in the other run: sources' stamps and the assets' fingerprint hold times. */
    private static void dated(Path root, int step) throws IOException {
        try (var files = Files.walk(root.resolve("content"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(step)));
            }
        }
    }

    /**
     * Two builds on one loaded memory, one updating the site in place and one writing a new site
     * elsewhere, saved once: the journal's record holds what both changed against the records as
     * loaded, and loads as the index written whole.
     */
    @Test
    void buildsOnOneLoadedMemorySaveAsTheIndexWrittenWhole() throws Exception {
        assertSameParts(twoBuildsOnOneLoad(Integer.MAX_VALUE), twoBuildsOnOneLoad(0), "after two builds on one load");
    }

    private Map<String, String> twoBuildsOnOneLoad(int journalShare) throws IOException {
        Path root = tmp.resolve("twice");
        if (Files.exists(root)) {
            Trees.delete(root);
        }
        copy("twice");
        dated(root, 0);
        build(root, journalShare);
        Path cache = Pipeline.cacheFolder(root.resolve("content"));
        long head = Files.size(cache.resolve(IndexJournal.FILE));
        Path article = root.resolve("content/articles/beavers-breeding-river-wend.md");
        String text = Files.readString(article);
        try (BuildCache.Loaded loaded = BuildCache.load(cache)) {
            Pipeline pipeline = new Pipeline(new Diagnostics(), Integer.MAX_VALUE, Integer.MAX_VALUE);
            Files.writeString(article, text + "\nA line more.\n");
            dated(root, 1);
            pipeline.build(options(root, root.resolve("site")), loaded.memory());
            // Another article's headline: pages the first build did not write.
            Path other = root.resolve("content/articles/kestrel-line-tram-extension-opens.md");
            Files.writeString(other, Files.readString(other).replaceFirst("title: [^\\n]+", "title: \"Another headline\""));
            dated(root, 2);
            pipeline.build(options(root, root.resolve("elsewhere")), loaded.memory());
            BuildCache.save(loaded, cache);
        }
        assertThat(Files.size(cache.resolve(IndexJournal.FILE)) > head).as("journaled").isEqualTo(journalShare > 0);
        return summary(root);
    }

    @Test
    void aDamagedOrTruncatedJournalIsNotTrustedAndAStaleOneIsIgnored() throws Exception {
        Path root = copy("damaged");
        Path cache = Pipeline.cacheFolder(root.resolve("content"));
        Path article = root.resolve("content/articles/beavers-breeding-river-wend.md");
        String text = Files.readString(article);
        build(root, Integer.MAX_VALUE);
        Files.writeString(article, text + "\nA first line more.\n");
        build(root, Integer.MAX_VALUE);
        Path journal = cache.resolve(IndexJournal.FILE);
        byte[] bytes = Files.readAllBytes(journal);

        byte[] damaged = bytes.clone();
        damaged[damaged.length - 10] ^= 0x5A;
        Files.write(journal, damaged);
        assertThat(BuildCache.load(cache).ignored()).contains("unreadable");
        assertThat(build(root, Integer.MAX_VALUE).sourcesRead()).as("a damaged journal is not used").isEqualTo(13);
        assertSameAsFromNothing(root);

        Files.writeString(article, text + "\nA second line more.\n");
        build(root, Integer.MAX_VALUE);
        bytes = Files.readAllBytes(journal);
        Files.write(journal, Arrays.copyOf(bytes, bytes.length - 3));
        assertThat(BuildCache.load(cache).ignored()).as("a truncated journal").contains("unreadable");
        assertThat(build(root, Integer.MAX_VALUE).sourcesRead()).isEqualTo(13);
        assertSameAsFromNothing(root);

        // The journal of an index written whole since: ignored, and replaced by the next save.
        Files.writeString(article, text + "\nA third line more.\n");
        build(root, Integer.MAX_VALUE);
        byte[] stale = Files.readAllBytes(journal);
        Files.writeString(article, text);
        build(root, 0);
        Files.write(journal, stale);
        assertThat(BuildCache.load(cache).ignored()).isNull();
        Files.writeString(article, text + "\nA fourth line more.\n");
        assertThat(build(root, Integer.MAX_VALUE).sourcesRead()).isEqualTo(1);
        assertSameAsFromNothing(root);
        assertThat(Files.readAllBytes(journal)).isNotEqualTo(stale);

        // An index without its journal may be older than the site: not trusted. Nor is a damaged head.
        Files.delete(journal);
        assertThat(BuildCache.load(cache).ignored()).contains("journal is missing");
        assertThat(build(root, Integer.MAX_VALUE).sourcesRead()).isEqualTo(13);
        assertSameAsFromNothing(root);
        bytes = Files.readAllBytes(journal);
        bytes[5] ^= 0x5A;
        Files.write(journal, bytes);
        assertThat(BuildCache.load(cache).ignored()).contains("unreadable");
    }

    private Path copy(String name) throws IOException {
        Path root = tmp.resolve(name);
        Trees.copy(Path.of("content"), root.resolve("content"));
        Trees.copy(Path.of("templates"), root.resolve("templates"));
        return root;
    }

    private static Pipeline.Result build(Path root, int journalShare) {
        IndexJournal.upToPercent = journalShare;
        return new Pipeline(new Diagnostics(), Integer.MAX_VALUE, Integer.MAX_VALUE)
                .build(options(root, root.resolve("site")), Pipeline.cacheFolder(root.resolve("content")));
    }

    private static Pipeline.Options options(Path root, Path out) {
        return new Pipeline.Options(root.resolve("content"), root.resolve("templates"), out, BASE, false);
    }

    private void assertSameAsFromNothing(Path root) throws IOException {
        Path fresh = tmp.resolve("fresh");
        new Pipeline(new Diagnostics()).build(options(root, fresh));
        assertThat(Trees.hashes(root.resolve("site"))).isEqualTo(Trees.hashes(fresh));
        Trees.delete(fresh);
    }

    /** Each part equal, and where one is not, its first entries that differ. */
    private static void assertSameParts(Map<String, String> journaled, Map<String, String> whole, String when) {
        assertThat(journaled.keySet()).isEqualTo(whole.keySet());
        for (String part : whole.keySet()) {
            String a = journaled.get(part);
            String b = whole.get(part);
            int at = 0;
            while (at < Math.min(a.length(), b.length()) && a.charAt(at) == b.charAt(at)) {
                at++;
            }
            int from = Math.max(0, at - 80);
            assertThat(a.substring(from, Math.min(a.length(), at + 120))).as(when + ", " + part)
                    .isEqualTo(b.substring(from, Math.min(b.length(), at + 120)));
        }
    }

    /** The loaded memory of {@code root}'s cache, part by part, without what names its place or time. */
    private static Map<String, String> summary(Path root) {
        try (BuildCache.Loaded loaded = BuildCache.load(Pipeline.cacheFolder(root.resolve("content")))) {
            assertThat(loaded.ignored()).isNull();
            BuildMemory memory = loaded.memory();
            Map<String, String> parts = new TreeMap<>();
            Map<String, String> stamps = new TreeMap<>();
            memory.stamps.forEach((name, s) -> stamps.put(name, s.size() + " " + s.modified() + " " + s.context() + " " + s.key()));
            parts.put("stamps", stamps.toString());
            parts.put("keys", new TreeSet<>(Arrays.stream(memory.loadedKeys).filter(Objects::nonNull).toList()).toString());
            parts.put("prints", new TreeMap<>(memory.dataPrints).toString());
            Map<String, String> pages = new TreeMap<>();
            memory.files.forEach((path, f) -> pages.put(path, f.input() + " " + f.bytes() + " " + f.size() + " "
                    + (f.reads() == null ? "-" : String.join(",", f.reads()))));
            parts.put("pages", pages.toString());
            Map<String, String> outputs = new TreeMap<>();
            memory.outputs.forEach((key, o) -> outputs.put(key.toString(), o.step() + " " + o.stored().length()
                    + " " + o.stored().crc()));
            parts.put("outputs", outputs.toString());
            Map<String, String> states = new TreeMap<>();
            memory.states.forEach((step, s) -> states.put(step, Arrays.toString(s.elements)));
            parts.put("states", states.toString());
            parts.put("last build", String.valueOf(memory.lastBuild() == null ? null : memory.lastBuild().articles()));
            return parts;
        }
    }
}
