package dev.gazette.source;

import dev.gazette.model.GazetteException;
import dev.gazette.model.Problem;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceReaderTest {
    @TempDir
    Path dir;

    @Test
    void aListingFollowsSourcesEditedAddedAndDeletedAndGivesUpOnAnythingElse() throws Exception {
        Files.createDirectories(dir.resolve("2025"));
        Files.writeString(dir.resolve("a.md"), "A");
        Files.writeString(dir.resolve("2025/b.txt"), "B");
        SourceReader reader = new SourceReader(dir);
        List<Path> before = reader.discover();

        Files.writeString(dir.resolve("a.md"), "A, edited");
        Files.writeString(dir.resolve("2025/b.txt"), "B, edited");
        assertThat(reader.relisted(before, List.of(dir.resolve("a.md"), dir.resolve("2025/b.txt"))))
                .as("listed sources edited: the very listing").isSameAs(before);
        assertThat(reader.relistedNotOnlyEdited(before, List.of(dir.resolve("a.md"))))
                .as("told it is more than edits, it lists again").isEqualTo(before).isNotSameAs(before);

        Files.writeString(dir.resolve("2025/c.md"), "C");
        assertThat(reader.relisted(before, List.of(dir.resolve("a.md"), dir.resolve("2025/c.md"))))
                .as("one edited, one new").isEqualTo(reader.discover()).isNotSameAs(before);
        Files.delete(dir.resolve("a.md"));
        List<Path> after = reader.relisted(before, List.of(dir.resolve("2025/c.md"),
                dir.resolve("a.md"), dir.resolve("2025/b.txt"), dir.resolve(".hidden/x.md")));
        assertThat(after).isEqualTo(reader.discover());
        assertThat(after).extracting(reader::relative).containsExactly("2025/b.txt", "2025/c.md");

        assertThat(reader.relisted(after, List.of(dir.resolve("2025")))).as("a folder").isNull();
        assertThat(reader.relisted(after, List.of(dir.resolve("2025/photo.png")))).as("not a source").isNull();
        assertThat(reader.relisted(after, List.of(dir.resolve("../elsewhere/d.md")))).as("outside").isNull();
        assertThat(reader.relisted(after, List.of(dir))).as("the folder itself: lost events").isNull();
    }

    /**
     * A browser saving a page "complete" writes {@code name.html} and its files in {@code name_files/}: the frames there are
     * HTML files, not sources, when listed and when a watcher reports them; a folder so named beside no such page is read.
     */
    @Test
    void aSavedPagesOwnFilesAreNoSources() throws Exception {
        Files.createDirectories(dir.resolve("raw/Ferry vote_files/inner"));
        Files.writeString(dir.resolve("raw/Ferry vote.html"), "<p>The page</p>");
        Files.writeString(dir.resolve("raw/Ferry vote_files/saved_resource.html"), "<p>An advertisement</p>");
        Files.writeString(dir.resolve("raw/Ferry vote_files/inner/frame.htm"), "<p>A frame's frame</p>");
        Files.createDirectories(dir.resolve("notes_files"));
        Files.writeString(dir.resolve("notes_files/kept.md"), "A note");
        Files.createDirectories(dir.resolve("old_files"));
        Files.writeString(dir.resolve("old.txt"), "A dump named like a page, which is no saved page");
        Files.writeString(dir.resolve("old_files/also.md"), "Kept too");
        SourceReader reader = new SourceReader(dir);
        List<Path> listed = reader.discover();
        assertThat(listed).extracting(reader::relative)
                .containsExactly("notes_files/kept.md", "old.txt", "old_files/also.md", "raw/Ferry vote.html");
        assertThat(reader.list(problem -> { }).others()).extracting(SourceReader.Other::name)
                .as("still the page's files").contains("raw/Ferry vote_files/saved_resource.html");
        Files.writeString(dir.resolve("raw/Ferry vote_files/saved_resource.html"), "<p>Another advertisement</p>");
        assertThat(reader.relistedNotOnlyEdited(listed, List.of(dir.resolve("raw/Ferry vote_files/saved_resource.html"),
                dir.resolve("raw/Ferry vote_files/inner/frame.htm")))).isEqualTo(listed);
    }

    @Test
    void aSourcesNameIsItsPathInsideTheFolderHoweverTheFolderIsWritten() {
        for (String folder : new String[] {"content", "./content", "../site/content", ".", "/srv/site/content", "a/../content"}) {
            Path root = Path.of(folder);
            SourceReader reader = new SourceReader(root);
            for (String inside : new String[] {"a.md", "2025/03/b.txt", "../elsewhere/c.md", "x/../d.md", "./e.md", ".hidden/f.md"}) {
                Path file = root.resolve(inside);
                assertThat(reader.relative(file)).as("%s in %s", inside, folder)
                        .isEqualTo(root.relativize(file).toString());
            }
            Path sibling = Path.of(folder + "2", "e.md");
            assertThat(reader.relative(sibling)).as("a folder whose name starts with this one's")
                    .isEqualTo(root.relativize(sibling).toString());
        }
    }

    @Test
    void splitsFrontMatterFromBodyAndKeepsLineNumbers() {
        Source s = SourceReader.split("a.md", "a.md", SourceFormat.MARKDOWN,
                "---\ntitle: Hello\ntags: [x, y]\n---\nBody line\n");
        assertThat(s.frontMatter().string("title")).isEqualTo("Hello");
        assertThat(s.frontMatter().strings("tags")).containsExactly("x", "y");
        assertThat(s.frontMatter().lineOf("tags")).isEqualTo(3);
        assertThat(s.body()).isEqualTo("Body line\n");
        assertThat(s.bodyLine()).isEqualTo(5);
    }

    /** The split by index gives what splitting into lines and joining them again gave. */
    @Test
    void splitsAsLinesJoinedAgainWould() {
        String[] pool = {"---", " --- ", "...", "title: x", "summary: y z", "", "Body text", "--- not a fence", "\uFEFF---"};
        Random random = new Random(11);
        for (int n = 0; n < 3000; n++) {
            StringBuilder text = new StringBuilder(random.nextInt(3) > 0 ? "---\n" : "");
            int lines = random.nextInt(7);
            for (int i = 0; i < lines; i++) {
                text.append(pool[random.nextInt(pool.length)]).append(i < lines - 1 || random.nextBoolean() ? "\n" : "");
            }
            for (SourceFormat format : new SourceFormat[] {SourceFormat.MARKDOWN, SourceFormat.TEXT}) {
                String input = text.toString();
                Object expected = bySplitLines(input, format);
                Object actual;
                try {
                    Source s = SourceReader.split("a", "a", format, input);
                    actual = List.of(s.body(), s.bodyLine(), s.frontMatter().keys().stream().sorted()
                            .map(k -> k + "=" + s.frontMatter().string(k)).toList());
                } catch (dev.gazette.model.GazetteException e) {
                    actual = e.getMessage();
                }
                assertThat(actual).as(input).isEqualTo(expected);
            }
        }
    }

    /** The split as it was: every line a string, the front matter and body joined again. */
    private static Object bySplitLines(String text, SourceFormat format) {
        try {
            String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
            String[] lines = t.split("\n", -1);
            if (lines[0].strip().equals("---")) {
                for (int i = 1; i < Math.min(lines.length, 300); i++) {
                    String line = lines[i].strip();
                    if (line.equals("---") || line.equals("...")) {
                        YamlMap front = YamlParser.parse("a", String.join("\n", Arrays.asList(lines).subList(1, i)), 2);
                        return List.of(String.join("\n", Arrays.asList(lines).subList(i + 1, lines.length)), i + 2,
                                front.keys().stream().sorted().map(k -> k + "=" + front.string(k)).toList());
                    }
                }
                if (format == SourceFormat.MARKDOWN) {
                    return SourceReader.split("a", "a", format, text) == null ? "" : "expected an error";
                }
            }
            return List.of(t, 1, List.of());
        } catch (dev.gazette.model.GazetteException e) {
            return e.getMessage();
        }
    }

    @Test
    void aTextDumpWithoutFrontMatterIsAllBody() {
        Source s = SourceReader.split("a.txt", "a.txt", SourceFormat.TEXT, "Menu\n- Advertisement -\nText");
        assertThat(s.frontMatter().keys()).isEmpty();
        assertThat(s.body()).startsWith("Menu");
    }

    @Test
    void unclosedFrontMatterInMarkdownIsAnError() {
        assertThatThrownBy(() -> SourceReader.split("a.md", "a.md", SourceFormat.MARKDOWN, "---\ntitle: x\nbody"))
                .isInstanceOf(GazetteException.class)
                .hasMessage("a.md:1: front matter starts here but has no closing '---' line");
    }

    @Test
    void yamlErrorsPointAtTheFileLine() {
        assertThatThrownBy(() -> SourceReader.split("a.md", "a.md", SourceFormat.MARKDOWN,
                "---\ntitle: ok\nsummary: \"unterminated\n---\nbody"))
                .isInstanceOf(GazetteException.class)
                .hasMessageStartingWith("a.md:")
                .hasMessageContaining("invalid YAML");
        assertThatThrownBy(() -> SourceReader.split("a.md", "a.md", SourceFormat.MARKDOWN,
                "---\ntitle: one\ntitle: two\n---\nbody"))
                .hasMessage("a.md:3: 'title' is set twice (first on line 2)");
    }

    @Test
    void discoversSourcesInPathOrderAndSkipsHiddenFiles() throws Exception {
        Files.createDirectories(dir.resolve("b"));
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("b/z.md"), "x");
        Files.writeString(dir.resolve("a.txt"), "x");
        Files.writeString(dir.resolve("c.html"), "x");
        Files.writeString(dir.resolve(".hidden.md"), "x");
        Files.writeString(dir.resolve(".git/x.md"), "x");
        Files.writeString(dir.resolve("notes.pdf"), "x");

        List<Path> found = new SourceReader(dir).discover();

        assertThat(found).extracting(p -> dir.relativize(p).toString()).containsExactly("a.txt", "b/z.md", "c.html");
    }

    @Test
    void emptyAndBinaryFilesAreSkippedWithAWarning() throws Exception {
        Files.writeString(dir.resolve("empty.txt"), "  \n");
        Files.write(dir.resolve("image.html"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        List<Problem> problems = new ArrayList<>();
        SourceReader reader = new SourceReader(dir);

        assertThat(reader.read(dir.resolve("empty.txt"), problems::add)).isEmpty();
        assertThat(reader.read(dir.resolve("image.html"), problems::add)).isEmpty();
        assertThat(problems).extracting(Problem::toString).containsExactly(
                dir.resolve("empty.txt") + ": warning: empty file, skipped",
                dir.resolve("image.html") + ": warning: binary file, not text: skipped");
    }

    @Test
    void decodesBomsLegacyEncodingsAndDeclaredCharsets() throws Exception {
        Files.write(dir.resolve("utf16.txt"), "\uFEFFCafé crème".getBytes(StandardCharsets.UTF_16LE));
        Files.write(dir.resolve("legacy.txt"), "“Quoted” café".getBytes(Charset.forName("windows-1252")));
        Files.write(dir.resolve("declared.html"),
                "<html><head><meta charset=\"koi8-r\"></head><body>Привет</body></html>".getBytes(Charset.forName("KOI8-R")));
        SourceReader reader = new SourceReader(dir);
        List<Problem> problems = new ArrayList<>();

        assertThat(reader.read(dir.resolve("utf16.txt"), problems::add).orElseThrow().body()).isEqualTo("Café crème");
        assertThat(reader.read(dir.resolve("legacy.txt"), problems::add).orElseThrow().body()).isEqualTo("“Quoted” café");
        assertThat(reader.read(dir.resolve("declared.html"), problems::add).orElseThrow().body()).contains("Привет");
        assertThat(problems).isEmpty();
    }

    /** Issue 9 #5: a link to /etc/passwd was published as an article and in atom.xml. */
    @Test
    void aLinkToAFileOutsideTheContentFolderIsNeverRead() throws Exception {
        Path outside = Files.writeString(dir.resolve("secret.txt"), "root:x:0:0:root:/root:/bin/bash\n");
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("real.md"), "---\ntitle: Real\n---\nText.\n");
        Files.createSymbolicLink(content.resolve("notes.txt"), outside);
        Files.createSymbolicLink(content.resolve("alias.md"), content.resolve("real.md"));
        List<Problem> problems = new ArrayList<>();
        SourceReader reader = new SourceReader(content);

        assertThat(reader.read(content.resolve("notes.txt"), problems::add)).isEmpty();
        assertThat(reader.read(content.resolve("alias.md"), problems::add)).isPresent();
        assertThat(problems).extracting(Problem::toString).containsExactly(content.resolve("notes.txt")
                + ": warning: links to " + outside.toRealPath() + ", outside the content folder: skipped, never read");
    }

    @Test
    void folderLinksAreNotFollowedSoTheyCannotLoopOrReadOutside() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("leak.md"), "---\ntitle: Leak\n---\nx\n");
        Files.writeString(Files.createDirectories(content.resolve("2025")).resolve("a.md"), "---\ntitle: A\n---\nx\n");
        Files.createSymbolicLink(content.resolve("loop"), content);
        Files.createSymbolicLink(content.resolve("latest"), content.resolve("2025"));
        Files.createSymbolicLink(content.resolve("out"), elsewhere);
        List<Problem> problems = new ArrayList<>();

        List<Path> found = new SourceReader(content).discover(problems::add);

        assertThat(found).extracting(p -> content.relativize(p).toString()).containsExactly("2025/a.md");
        assertThat(problems).extracting(Problem::toString).containsExactly(content.resolve("out")
                + ": warning: links to the folder " + elsewhere.toRealPath() + ", outside the content folder: skipped, never read");
    }

    @Test
    void oneWalkListsTheSourcesWithTheirSizesAndTimesAndTheOtherFiles() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(Files.createDirectories(content.resolve("2025")).resolve("b.md"), "---\ntitle: B\n---\nbee\n");
        Files.writeString(content.resolve("a.txt"), "A");
        Files.writeString(content.resolve("photo.png"), "not really a picture");
        Files.writeString(Files.createDirectories(content.resolve(".drafts")).resolve("c.md"), "hidden source");
        Files.createSymbolicLink(content.resolve("alias.md"), content.resolve("a.txt"));
        Files.createSymbolicLink(content.resolve("picture.png"), content.resolve("photo.png"));
        Files.createSymbolicLink(content.resolve("gone.png"), content.resolve("nowhere.png"));
        Files.createSymbolicLink(content.resolve("latest"), content.resolve("2025"));
        SourceReader reader = new SourceReader(content);

        SourceReader.Listed listed = reader.list(problem -> { });

        assertThat(listed.sources()).isEqualTo(reader.discover());
        assertThat(listed.names()).containsExactly("2025/b.md", "a.txt", "alias.md");
        for (int i = 0; i < listed.sources().size(); i++) {
            Path file = listed.sources().get(i);
            if (Files.isSymbolicLink(file)) {
                assertThat(listed.sizes()[i]).as("a link: its target looked at by whoever needs it").isEqualTo(-1);
                continue;
            }
            assertThat(listed.sizes()[i]).isEqualTo(Files.size(file));
            assertThat(listed.modified()[i]).isEqualTo(Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS));
        }
        Path photo = content.resolve("photo.png");
        long photoTime = Files.getLastModifiedTime(photo).to(TimeUnit.NANOSECONDS);
        assertThat(listed.others()).as("regular files, links followed, hidden ones too; no source, folder or broken link")
                .containsExactly(new SourceReader.Other(".drafts/c.md", 13, Files.getLastModifiedTime(
                                content.resolve(".drafts/c.md")).to(TimeUnit.NANOSECONDS)),
                        new SourceReader.Other("photo.png", 20, photoTime),
                        new SourceReader.Other("picture.png", 20, photoTime));
    }

    /** Issue 9 #23: a FIFO named pipe.md blocked the build forever. */
    @Test
    void aNamedPipeIsSkippedWithoutBlocking() throws Exception {
        Path pipe = dir.resolve("pipe.md");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available here");
        List<Problem> problems = new ArrayList<>();

        assertThat(new SourceReader(dir).read(pipe, problems::add)).isEmpty();
        assertThat(problems).extracting(Problem::toString)
                .containsExactly(pipe + ": warning: not a regular file (a pipe, device or socket): skipped, never read");
    }

    @Test
    void aSourceOverTheLimitIsAnErrorNamingTheLimit() throws Exception {
        Path big = Files.writeString(dir.resolve("big.txt"), "x".repeat(2 * 1024 * 1024 + 1));
        assertThatThrownBy(() -> new SourceReader(dir, 2 * 1024 * 1024).read(big, p -> { }))
                .hasMessage(big + ": larger than the limit of 2 MB per source; raise 'max_source_mb' in site.yml "
                        + "if this file really is an article");
    }

    /** Found by StageFuzzTest#frontMatter (Jazzer): SnakeYAML threw a NumberFormatException, an internal error. */
    @Test
    void anEscapeCutOffOrBeyondUnicodeIsInvalidYamlAtItsLine() {
        for (String yaml : List.of("title: Fine\nsummary: \"\\UFFFFFFFF\"\n", "title: Fine\nsummary: \"cut \\u")) {
            assertThatThrownBy(() -> SourceReader.split("a.md", "a.md", SourceFormat.MARKDOWN, "---\n" + yaml + "\n---\nBody\n"))
                    .isInstanceOf(GazetteException.class)
                    .satisfies(e -> assertThat(((GazetteException) e).problems()).singleElement()
                            .hasToString("a.md:3: invalid YAML: an escape such as \\u00e9 or \\U0001F600 that is cut off or is no character"));
        }
    }
}
