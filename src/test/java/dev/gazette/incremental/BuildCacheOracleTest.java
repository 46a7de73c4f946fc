package dev.gazette.incremental;

import dev.gazette.model.GazetteException;
import dev.gazette.pipeline.Diagnostics;
import dev.gazette.pipeline.Pipeline;
import dev.gazette.serve.Trees;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The oracle for the build cache: after every kind of edit, a build through the cache (loaded
 * from disk and saved again, as {@code gazette build} does) writes a site byte-identical to a
 * build from nothing. Run twice: with every build updating the site in place, and with every
 * build writing a new site (the threshold between the two set to its extremes), so both paths
 * are held to the same bytes. The edit sequences run once more with every save appending its
 * record to the index's journal: the sample's saves otherwise pass the journal's share and write
 * the index whole, so the records' path would go unchecked.
 */
@Tag("slow")
class BuildCacheOracleTest {
    static final URI BASE = URI.create("https://example.org/digest/");
    /** The journal's share as shipped. */
    private static final int SHARE = IndexJournal.upToPercent;

    @TempDir
    Path tmp;

    Path content;
    Path templates;
    Path site;
    Path cache;
    int builds;
    int inPlaceUpTo;
    int updateUpTo = Integer.MAX_VALUE;

    @BeforeEach
    void copySample() throws IOException {
        IndexJournal.upToPercent = SHARE;
        content = Trees.copy(Path.of("content"), tmp.resolve("content"));
        templates = Trees.copy(Path.of("templates"), tmp.resolve("templates"));
        site = tmp.resolve("site");
        cache = Pipeline.cacheFolder(content);
    }

    @AfterEach
    void shippedShare() {
        IndexJournal.upToPercent = SHARE;
    }

    /** Every save appends a record to the journal (the index is written whole by the first save alone), or as shipped. */
    private static void journaled(boolean always) {
        IndexJournal.upToPercent = always ? Integer.MAX_VALUE : SHARE;
    }

    @ParameterizedTest(name = "updated in place up to {0} changed sources, saved states updated up to {1} articles, "
            + "every save journaled: {2}")
    @CsvSource({"-1, 2147483647, false", "2147483647, 0, false", "2147483647, 2147483647, false",
            "2147483647, 2147483647, true"})
    void contentEditsGiveTheSameSiteAsABuildFromNothing(int limit, int updates, boolean journaled) throws Exception {
        inPlaceUpTo = limit;
        updateUpTo = updates;
        journaled(journaled);
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
        long journal = Files.size(cache.resolve(IndexJournal.FILE));
        Pipeline.Result oneEdit = cachedBuild();
        if (journaled) {
            assertThat(Files.size(cache.resolve(IndexJournal.FILE))).as("a record appended").isGreaterThan(journal);
        }
        assertSameAsBuildFromNothing();
        assertThat(oneEdit.sourcesRead()).isEqualTo(1);
        if (limit > 0) {
            assertThat(oneEdit.pagesMade()).isPositive().isLessThan(first.pagesMade() / 2);
        }
        edit(article, text.replace("beaver", "beavor"));        // the same size
        edit(article, text.replaceFirst("title: [^\\n]+", "title: \"Beavers are back on the Wend\""));
        edit(article, text.replaceFirst("tags: \\[", "tags: [oceans, "));
        edit(article, text.replaceFirst("tags: \\[[^\\]]*\\]", "tags: []"));    // every tag removed
        // A tag new to the site, then gone again, the article keeping its rank: its first (and only) article changed.
        edit(article, text.replaceFirst("tags: \\[", "tags: [Harbour Works, "));
        edit(article, text);
        edit(article, text.replaceFirst("date: [^\\n]+", "date: 2020-01-01"));
        // Undated: out of its month and edition, last among the articles, in the archive's undated list; then dated again.
        edit(article, text.replaceFirst("date: [^\\n]+\\n", ""));
        edit(article, text);
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

    /**
     * On a site that lists no tags of its own, edits of the newest article that leave its rank as it
     * was: its body, a tag the others are given by suggestion written by it (its first article now,
     * as written: no aliases), a tag new to the site, each taken back. The link stage keeps the last
     * build's tags when no tag's first article or name changed (Linker.sameTags): these edits are the
     * ones that may, or may not, change them.
     */
    @ParameterizedTest(name = "saved states updated up to {0} articles")
    @ValueSource(ints = {1, Integer.MAX_VALUE})
    void withoutTheSitesOwnTagsTagEditsInPlaceGiveTheSameSite(int updates) throws Exception {
        inPlaceUpTo = Integer.MAX_VALUE;
        updateUpTo = updates;
        Trees.withoutVocabulary(content);
        cachedBuild();
        assertThat(site.resolve("tags/kestrel-line")).as("suggested from the articles' names").isDirectory();
        Path article = content.resolve("articles/beavers-breeding-river-wend.md");
        String text = Files.readString(article);
        edit(article, text + "\nA closing line about the beavers.\n");
        edit(article, text.replaceFirst("tags: \\[", "tags: [Kestrel Line, "));
        edit(article, text);
        edit(article, text.replaceFirst("tags: \\[", "tags: [Harbour Works, "));
        edit(article, text);
    }

    /**
     * Random sequences of the edits a curator makes to the Markdown articles (sentences naming
     * another article's tags, an original another article cites, retagging, taking every tag
     * away, redating across months and editions, a story key given or taken away, deleting,
     * adding), each followed by a cached build compared with a build from nothing: the saved
     * link and search states are read back and updated one edit after another.
     */
    @ParameterizedTest(name = "saved states updated up to {0} articles, seed {1}, every save journaled: {2}, "
            + "the site's own tags: {3}")
    @CsvSource({"1, 3, false, true", "2147483647, 4, false, true", "2147483647, 5, true, true",
            "2147483647, 6, false, false", "1, 7, false, false"})
    void randomEditSequencesGiveTheSameSiteAsABuildFromNothing(int updates, long seed, boolean journaled,
                                                                boolean vocabulary) throws Exception {
        inPlaceUpTo = Integer.MAX_VALUE;
        updateUpTo = updates;
        journaled(journaled);
        if (!vocabulary) {
            Trees.withoutVocabulary(content);
        }
        cachedBuild();
        Random random = new Random(seed);
        Path articles = content.resolve("articles");
        for (int step = 0; step < 7; step++) {
            List<Path> markdown;
            try (var files = Files.list(articles)) {
                markdown = files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
            }
            Path file = markdown.get(random.nextInt(markdown.size()));
            Path other = markdown.get(random.nextInt(markdown.size()));
            String text = Files.readString(file);
            String otherText = Files.readString(other);
            Matcher cited = Pattern.compile("(?m)^source_url: *\"?([^\"\\n]+)").matcher(otherText);
            String otherSource = cited.find() ? cited.group(1) : "https://outlet.example/news/" + step;
            switch (random.nextInt(10)) {
                case 0 -> Files.writeString(file, text + "\nAs reported <a href=\"" + otherSource + "\">elsewhere</a>, "
                        + "the Valdoria central bank and the Kestrel Line were named again.\n");
                // The body alone, and a tag new to the site: edits that leave every tag's first article as it was, or
                // give a tag its first; neither warns, so the link stage may keep the last build's tags (Linker.sameTags).
                case 8 -> Files.writeString(file, text + "\nThe harbour board met again on Tuesday, step " + step + ".\n");
                // (Valdoria: a name the articles' own tags may be suggested from, written by one of them.)
                case 9 -> Files.writeString(file, text.replaceFirst("tags: \\[",
                        "tags: [" + (random.nextBoolean() ? "Harbour Works" : "Valdoria") + ", "));
                case 1 -> Files.writeString(file, text.replaceFirst("tags: \\[", "tags: [energy, "));
                case 2 -> Files.writeString(file, text.replaceFirst("date: [^\\n]+",
                        "date: 2025-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10)));
                case 3 -> Files.delete(file);
                // Every tag taken away: a tag's last article may leave it, and its page goes.
                case 6 -> Files.writeString(file, text.replaceFirst("tags: \\[[^\\]]*\\]", "tags: []"));
                // A story key given or taken away: a story is made, joined or split.
                case 7 -> Files.writeString(file, text.contains("\nstory: ") ? text.replaceFirst("\nstory: [^\n]+", "")
                        : text.replaceFirst("(?m)^date: ", "story: kestrel-line\ndate: "));
                case 4 -> Files.writeString(articles.resolve("added-" + step + ".md"), otherText
                        .replaceFirst("title: [^\\n]+", "title: \"Another report number " + step + "\""));
                default -> Files.writeString(file, text.replaceFirst("(?m)^source_url: [^\\n]+", "source_url: " + otherSource));
            }
            assertSameAsBuildFromNothing();
        }
    }

    /**
     * Edits whose effect reaches pages only through what those pages read of other articles:
     * a headline or summary seen on cards (tag pages, months, editions, related articles), an
     * article moved to another page of its tags' lists and another month, one held back, one
     * deleted (a configuration or template change starts from nothing: see below). Lists are two articles a
     * page, so every tag has several pages. A page that missed one of its reads would keep
     * its old bytes and differ from the build from nothing.
     */
    @ParameterizedTest(name = "saved states updated up to {0} articles")
    @ValueSource(ints = {1, Integer.MAX_VALUE})
    void pagesThatShowAnotherArticleFollowItsEdits(int updates) throws Exception {
        inPlaceUpTo = Integer.MAX_VALUE;
        updateUpTo = updates;
        Path siteYml = content.resolve("site.yml");
        Files.writeString(siteYml, Files.readString(siteYml).replace("page_size: 10", "page_size: 2"));
        Pipeline.Result first = cachedBuild();
        Path article = content.resolve("articles/kestrel-line-tram-extension-opens.md");
        String text = Files.readString(article);

        Files.writeString(article, text + "\nOne more sentence about the trams.\n");
        assertThat(cachedBuild().pagesMade()).as("a body edit: its page").isPositive();
        assertSameAsBuildFromNothing();
        assertThat(cachedBuild().pagesMade()).as("nothing changed").isZero();
        Files.writeString(article, text.replaceFirst("title: [^\\n]+", "title: \"Trams reach the harbour at last\""));
        assertThat(cachedBuild().pagesMade()).as("a headline is on the cards of other pages: they are made again")
                .isGreaterThan(1).isLessThan(first.pagesMade());
        assertSameAsBuildFromNothing();

        edit(article, text.replaceFirst("(?m)^summary: [^\\n]+", "summary: \"A summary written for its card.\""));
        edit(article, text.replaceFirst("date: [^\\n]+", "date: 2021-06-01"));
        edit(article, text.replaceFirst("date: [^\\n]+", "date: 2030-01-01"));     // held back: gone from every list
        edit(article, text);
        Files.delete(article);
        assertSameAsBuildFromNothing();
        edit(article, text);
    }

    /**
     * Edits of one article that change another, unchanged article's in-body links: the second
     * cites the first's original, which is then given another address, taken back, and the
     * first deleted and added again. The unchanged article keeps its tags (the link stage takes
     * its calls by position only while its own tags and citations are the same as then), so a
     * body kept by position when its citations changed would keep a stale link.
     */
    @ParameterizedTest(name = "saved states updated up to {0} articles")
    @ValueSource(ints = {1, Integer.MAX_VALUE})
    void anUnchangedArticlesLinksFollowTheArticlesItCites(int updates) throws Exception {
        inPlaceUpTo = Integer.MAX_VALUE;
        updateUpTo = updates;
        Path cited = content.resolve("articles/tessera-3-0-release.md");
        Path citing = content.resolve("articles/meridian-shoals-reef-survey.md");
        String citedText = Files.readString(cited);
        Files.writeString(citing, Files.readString(citing)
                + "\nThe survey's software came from <a href=\"https://patchnotes.example/2025/02/26/tessera-3-0-released\">"
                + "the Tessera release</a>.\n");
        assertSameAsBuildFromNothing();
        assertThat(Files.readString(site.resolve("articles/meridian-shoals-reef-survey/index.html")))
                .as("the original cited is linked to its article").contains("/digest/articles/tessera-3-0-release/");

        edit(cited, citedText.replaceFirst("(?m)^source_url: [^\\n]+", "source_url: https://elsewhere.example/tessera"));
        edit(cited, citedText);
        Files.delete(cited);
        assertSameAsBuildFromNothing();
        edit(cited, citedText);
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
        Path index = cache.resolve(BuildCache.INDEX);
        byte[] bytes = Files.readAllBytes(index);

        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(index, bytes);
        assertThat(BuildCache.load(cache).ignored()).contains("checksum");
        Diagnostics warned = new Diagnostics();
        assertThat(cachedBuild(warned).sourcesRead()).as("a corrupt index is not used").isEqualTo(13);
        assertThat(warned.sorted()).anySatisfy(p -> assertThat(p.message()).contains("build cache is unreadable"));
        assertSameAsBuildFromNothing();

        bytes = Files.readAllBytes(index);
        Files.write(index, Arrays.copyOf(bytes, bytes.length / 3));
        assertThat(cachedBuild().sourcesRead()).as("a truncated index is not used").isEqualTo(13);

        Files.write(index, "gazette build cache from another version".getBytes());
        assertThat(cachedBuild().sourcesRead()).isEqualTo(13);
        assertSameAsBuildFromNothing();

        Map<String, String> before = Trees.hashes(site);
        Path broken = content.resolve("articles/broken.md");
        Files.writeString(broken, "---\ntitle: [unclosed\n---\nBody.\n");
        assertThatThrownBy(this::cachedBuild).isInstanceOf(GazetteException.class);
        assertThat(Trees.hashes(site)).isEqualTo(before);
        Files.delete(broken);
        assertThat(cachedBuild().changedFiles()).as(limit > 0 ? "the site is as it was" : "a new site")
                .hasSize(limit > 0 ? 0 : (int) before.keySet().stream().filter(p -> !p.endsWith("/")).count());
        assertSameAsBuildFromNothing();
    }

    @Test
    void aCacheOfAnotherFormatVersionIsIgnoredAndReplaced() throws Exception {
        cachedBuild();
        Path index = cache.resolve(BuildCache.INDEX);
        byte[] bytes = Files.readAllBytes(index);
        // The format follows the magic string (a length and its bytes); the checksum is made again,
        // so only the version tells this index apart.
        ByteBuffer.wrap(bytes).putInt(2 + ((bytes[0] & 0xFF) << 8 | bytes[1] & 0xFF), BuildCache.FORMAT + 1);
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
        Files.write(index, bytes);
        assertThat(BuildCache.load(cache).ignored()).isEqualTo("the build cache is of another format");
        assertThat(cachedBuild().sourcesRead()).isEqualTo(13);
        assertThat(BuildCache.load(cache).ignored()).as("replaced by one of this format").isNull();

        // The single file of the formats before segments: left for this format's save to remove.
        Trees.delete(cache);
        Files.createDirectories(cache);
        Files.writeString(cache.resolve("build.bin"), "gazette build cache, format 2");
        assertThat(BuildCache.load(cache).ignored()).isEqualTo("the build cache is of another format");
        assertThat(cachedBuild().sourcesRead()).isEqualTo(13);
        try (var files = Files.list(cache)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .contains(BuildCache.INDEX).doesNotContain("build.bin");
        }
        assertSameAsBuildFromNothing();
    }

    @Test
    void damagedOrMissingSegmentsAreNeverTrusted() throws Exception {
        cachedBuild();
        Path segment = onlySegment();
        byte[] bytes = Files.readAllBytes(segment);

        // A flipped byte inside a stored output: that output fails its checksum and is made again.
        for (int at : new int[] {bytes.length / 5, bytes.length / 2, bytes.length - 3}) {
            byte[] damaged = bytes.clone();
            damaged[at] ^= 0x5A;
            Files.write(segment, damaged);
            // A source touched: else nothing changed and the build reports the last one without reading the cache's outputs.
            Path article = content.resolve("articles/beavers-breeding-river-wend.md");
            Files.setLastModifiedTime(article, FileTime.fromMillis(Files.getLastModifiedTime(article).toMillis() - 10_000));
            Diagnostics warned = new Diagnostics();
            cachedBuild(warned);
            assertThat(warned.sorted()).as("damage at byte " + at)
                    .anySatisfy(p -> assertThat(p.message()).contains("damaged entries: made again"));
            Path fresh = tmp.resolve("fresh-damaged-" + at);
            new Pipeline(new Diagnostics()).build(options(fresh));
            assertThat(Trees.hashes(site)).isEqualTo(Trees.hashes(fresh));
            Trees.delete(fresh);
            // The next build starts from that build's cache: put the damaged segment back for the next case.
            Trees.delete(cache);
            cachedBuild();
            segment = onlySegment();
            bytes = Files.readAllBytes(segment);
        }

        Files.write(segment, Arrays.copyOf(bytes, bytes.length - 1));
        assertThat(BuildCache.load(cache).ignored()).as("a truncated segment").contains("bytes, not");
        assertThat(cachedBuild().sourcesRead()).isEqualTo(13);
        assertSameAsBuildFromNothing();

        Files.delete(onlySegment());
        assertThat(BuildCache.load(cache).ignored()).as("a missing segment").contains("unreadable");
        assertThat(cachedBuild().sourcesRead()).isEqualTo(13);
        assertSameAsBuildFromNothing();
    }

    @Test
    void aSaveThatStoppedHalfWayLeavesAValidCacheAndItsLeftoversAreRemoved() throws Exception {
        cachedBuild();
        // What a save killed before its index replaced the old one leaves: a new segment and a temporary index.
        Files.write(cache.resolve("segment-123.bin"), new byte[] {1, 2, 3});
        Files.write(cache.resolve(BuildCache.INDEX + "42.tmp"), new byte[] {4, 5});
        assertThat(BuildCache.load(cache).ignored()).isNull();
        Path article = content.resolve("articles/beavers-breeding-river-wend.md");
        edit(article, Files.readString(article) + "\nOne more line.\n");
        try (var files = Files.list(cache)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("segment-123.bin", BuildCache.INDEX + "42.tmp");
        }
    }

    @Test
    void aSaveWritesOnlyNewOutputsAndCompactsWhatIsNoLongerUsed() throws Exception {
        cachedBuild();
        Path first = onlySegment();
        long size = Files.size(first);
        Path article = content.resolve("articles/beavers-breeding-river-wend.md");
        String text = Files.readString(article);

        edit(article, text + "\nA line about otters.\n");
        try (var files = Files.list(cache)) {
            List<Path> segments = files.filter(p -> p.getFileName().toString().startsWith("segment-")).toList();
            assertThat(segments).as("the first segment is kept, one small one added").hasSize(2).contains(first);
            assertThat(Files.size(first)).isEqualTo(size);
            assertThat(segments.stream().filter(p -> !p.equals(first)).findFirst().orElseThrow())
                    .satisfies(p -> assertThat(Files.size(p)).isLessThan(size / 2));
        }
        // Every source edited: most of the first segment is no longer used, and it is compacted away.
        try (var files = Files.walk(content.resolve("articles"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                Files.writeString(p, Files.readString(p) + "\nAn added closing line.\n");
            }
        }
        assertSameAsBuildFromNothing();
        try (var files = Files.list(cache)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain(first.getFileName().toString());
        }
        assertThat(cachedBuild().sourcesRead()).as("nothing changed since").isZero();
    }

    /**
     * The index's key table starts from the loaded one (so unchanged pages' reads are written as
     * read): each key once, and a key that no page reads and the site data no longer has is dropped.
     */
    @Test
    void theIndexKeepsEachKeyOnceAndOnlyWhileUsed() throws Exception {
        cachedBuild();
        Set<String> before = usedKeys();
        Files.delete(content.resolve("articles/beavers-breeding-river-wend.md"));
        assertSameAsBuildFromNothing();
        Set<String> after = usedKeys();
        assertThat(before).as("the deleted article's keys").isNotEmpty().containsAll(after).hasSizeGreaterThan(after.size());
        assertThat(cachedBuild().sourcesRead()).isZero();
        assertThat(usedKeys()).as("saved again from the loaded table").isEqualTo(after);
    }

    /** The keys of the saved index, checked to be there once each and read or fingerprinted. */
    /**
     * Records of pages an edit left alone are saved as the bytes they were read from (the key
     * ids keep their numbers): the index then says what an index made from nothing says.
     */
    @Test
    void recordsKeptAreSavedAsTheyWereRead() throws Exception {
        inPlaceUpTo = Integer.MAX_VALUE;
        cachedBuild();
        // An article gone takes keys with it: the ids are numbered again, and no record is copied.
        Files.delete(content.resolve("articles/tessera-3-0-release.md"));
        assertSameAsBuildFromNothing();
        assertRecordsAsFromNothing();
        Path article = content.resolve("articles/beavers-breeding-river-wend.md");
        edit(article, Files.readString(article) + "\nA closing line about the beavers.\n");
        assertRecordsAsFromNothing();
        edit(article, Files.readString(article).replaceFirst("tags: \\[", "tags: [oceans, "));
        assertRecordsAsFromNothing();
    }

    private void assertRecordsAsFromNothing() throws IOException {
        Path elsewhere = tmp.resolve("elsewhere-" + (++builds));
        Path otherContent = Trees.copy(content, elsewhere.resolve("content"));
        new Pipeline(new Diagnostics(), inPlaceUpTo, updateUpTo).build(
                new Pipeline.Options(otherContent, templates, elsewhere.resolve("site"), BASE, false),
                Pipeline.cacheFolder(otherContent));
        assertThat(records(cache)).isEqualTo(records(Pipeline.cacheFolder(otherContent)));
        Trees.delete(elsewhere);
    }

    /** Each recorded file's bytes' fingerprint, size and reads, by path, as the index in {@code folder} gives them. */
    private static Map<String, String> records(Path folder) {
        try (BuildCache.Loaded loaded = BuildCache.load(folder)) {
            assertThat(loaded.ignored()).isNull();
            Map<String, String> records = new TreeMap<>();
            loaded.memory().files.forEach((path, f) -> records.put(path, f.bytes() + " " + f.size() + " "
                    + (f.reads() == null ? "-" : String.join(",", f.reads()))));
            return records;
        }
    }

    private Set<String> usedKeys() {
        try (BuildCache.Loaded loaded = BuildCache.load(cache)) {
            BuildMemory memory = loaded.memory();
            assertThat(loaded.ignored()).isNull();
            Set<String> read = new HashSet<>();
            memory.files.values().forEach(f -> {
                if (f.reads() != null) {
                    read.addAll(List.of(f.reads()));
                }
            });
            // A key dropped by a save that appended to the journal leaves its id empty.
            List<String> keys = Arrays.stream(memory.loadedKeys).filter(Objects::nonNull).toList();
            assertThat(keys).doesNotHaveDuplicates()
                    .allSatisfy(k -> assertThat(read.contains(k) || memory.dataPrints.containsKey(k)).as(k).isTrue());
            return Set.copyOf(keys);
        }
    }

    private Path onlySegment() throws IOException {
        try (var files = Files.list(cache)) {
            List<Path> segments = files.filter(p -> p.getFileName().toString().startsWith("segment-")).toList();
            assertThat(segments).hasSize(1);
            return segments.get(0);
        }
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
        return cachedBuild(new Diagnostics());
    }

    private Pipeline.Result cachedBuild(Diagnostics diagnostics) {
        return new Pipeline(diagnostics, inPlaceUpTo, updateUpTo).build(options(site), cache);
    }

    private Pipeline.Options options(Path out) {
        return new Pipeline.Options(content, templates, out, BASE, false);
    }
}
