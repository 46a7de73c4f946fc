package dev.gazette.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.source.SourceReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gazette extract} on good and bad input: it names the file it cannot use, and never crashes. */
class ExtractCommandTest {
    static final String PARAGRAPH = "The parish council voted on Thursday to keep the village café open through the winter, "
            + "after a petition signed by almost four hundred residents asked it to think again about the closure. ";
    static final String DUMP = "Home\nNews\nContact\n\nVillage café saved after residents sign petition\n\nBy Ruth Amberley\n\n"
            + PARAGRAPH + "\n\n"
            + "The café opened in a former post office eleven years ago and is run by a small team of volunteers, "
            + "who said they had been overwhelmed by the support from people in the village and beyond.\n\n"
            + "Councillors had planned to close it from November to save on heating, but agreed instead to share "
            + "the cost with the volunteers and to review the arrangement again next spring.\n\n"
            + "One of the organisers of the petition said the café was the only place in the village where older "
            + "residents could meet during the week, and that keeping it open mattered more than the money.\n";

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out.lines().findFirst().orElseThrow());
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    @Test
    void printsWhatTheCleanerFinds() throws IOException {
        Path file = write("cafe.txt", DUMP.getBytes(StandardCharsets.UTF_8));
        Run run = run("extract", file.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("title:           Village café saved after residents sign petition",
                "byline:          Ruth Amberley", "-- html --", "<p>The parish council", "-- text --", "reading_minutes: 1");
        JsonNode json = run("extract", "--json", file.toString()).json();
        assertThat(json.path("file").asText()).isEqualTo(file.toString());
        assertThat(json.path("title").asText()).isEqualTo("Village café saved after residents sign petition");
        assertThat(json.path("byline").asText()).isEqualTo("Ruth Amberley");
        assertThat(json.path("summary").asText()).startsWith("The parish council voted");
        assertThat(json.path("text").asText()).startsWith(PARAGRAPH.strip()).contains("\n\n");
        for (String key : new String[] {"date", "site", "lang", "html"}) {
            assertThat(json.has(key)).as(key).isTrue();
        }
    }

    @Test
    void explainsEachLineOfADumpAndWarnsForASavedPage() throws IOException {
        Path dump = write("cafe.txt", DUMP.getBytes(StandardCharsets.UTF_8));
        Path page = write("cafe.html", ("<html><body><article><p>" + PARAGRAPH + "</p></article></body></html>").getBytes(StandardCharsets.UTF_8));
        Run run = run("extract", "--explain", dump.toString(), page.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("== " + dump).contains("lang: en; threshold ");
        // Every line of the dump, numbered, with its probability; the menu is rejected, the paragraphs kept.
        assertThat(run.out()).containsPattern("(?m)^   1   p=0\\.\\d\\d short +Home$")
                .containsPattern("(?m)^ +\\d+ \\* p=0\\.\\d\\d prose +The parish council voted")
                .containsPattern("(?m)^ +\\w+=[-0-9.]+\\([-+][0-9.]+\\)");
        // Then the headline candidates with their probabilities, the one taken marked; the menu entry "Home" is improbable.
        assertThat(run.out()).contains("title candidates (")
                .containsPattern("(?m)^  > line +\\d+ p=[01]\\.\\d\\d Village café saved after residents sign petition$")
                .containsPattern("(?m)^    line +1 p=0\\.0\\d Home$");
        // Then the byline candidates, each with its probability; the one chosen is marked.
        assertThat(run.out()).contains("byline candidates (threshold ").containsPattern("(?m)^  > line +5 p=[01]\\.\\d\\d Ruth Amberley$");
        assertThat(run.out()).doesNotContain("== " + page);
        assertThat(run.err()).contains(page + ": warning: --explain reads text dumps");
    }

    @Test
    void emptyAndBinaryFilesAreSkippedWithAWarning() throws IOException {
        Path empty = write("empty.txt", new byte[0]);
        Path binary = write("image.html", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        Run run = run("extract", "--json", empty.toString(), binary.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(empty + ": warning: empty file", binary + ": warning: binary file");
    }

    @Test
    void aMissingFileIsAnErrorThatDoesNotStopTheOthers() throws IOException {
        Path good = write("cafe.txt", DUMP.getBytes(StandardCharsets.UTF_8));
        Run run = run("extract", "--json", dir.resolve("missing.txt").toString(), good.toString());
        assertThat(run.code()).isEqualTo(Main.INPUT_ERROR);
        assertThat(run.err()).contains("missing.txt: cannot read file");
        assertThat(run.out().lines()).hasSize(1);
    }

    @Test
    void aPageWithoutAnArticleIsNamedInAWarning() throws IOException {
        Path menu = write("menu.html", "<html><body><nav><a href=/>Home</a><a href=/news>News</a></nav></body></html>"
                .getBytes(StandardCharsets.UTF_8));
        Run run = run("extract", "--json", menu.toString());
        assertThat(run.err()).contains(menu + ": warning: no article text found");
    }

    @Test
    void byteOrderMarksDecideTheEncoding() throws IOException {
        byte[] utf8 = DUMP.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        Path bom8 = write("bom8.txt", withBom);
        byte[] utf16 = ("\uFEFF" + DUMP).getBytes(StandardCharsets.UTF_16LE);
        Path bom16 = write("bom16.txt", utf16);
        for (Path file : new Path[] {bom8, bom16}) {
            JsonNode json = run("extract", "--json", file.toString()).json();
            assertThat(json.path("title").asText()).as(file.toString()).isEqualTo("Village café saved after residents sign petition");
        }
    }

    @Test
    void legacyEncodingsAreRead() throws IOException {
        Path cp1252 = write("legacy.txt", DUMP.replace("council voted", "council “voted”")
                .getBytes(Charset.forName("windows-1252")));
        assertThat(run("extract", "--json", cp1252.toString()).json().path("text").asText()).contains("café", "“voted”");

        String cyrillic = "Совет деревни проголосовал в четверг за то, чтобы кафе оставалось открытым всю зиму, "
                + "после того как почти четыреста жителей подписали петицию. ";
        String page = "<html><head><meta charset=\"windows-1251\"><title>Кафе спасено</title></head><body><article>"
                + ("<p>" + cyrillic + "</p>").repeat(5) + "</article></body></html>";
        Path declared = write("declared.html", page.getBytes(Charset.forName("windows-1251")));
        JsonNode json = run("extract", "--json", declared.toString()).json();
        assertThat(json.path("title").asText()).isEqualTo("Кафе спасено");
        assertThat(json.path("text").asText()).contains("проголосовал в четверг");
    }

    /** Large but within the limit per source: cleaned in well under the per-test bound. */
    @Tag("slow")
    @Timeout(20)
    @Test
    void aOneMegabytePageIsCleaned() throws IOException {
        Path big = bigPage(1_000_000);
        Run run = run("extract", "--json", big.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("\"title\":\"A very long page\"", "\"text\":\"Part 0\\n\\n" + PARAGRAPH.strip());
    }

    /** Issue 9 #23: a 2.2 GB sparse dump ran out of memory; a page over the limit is refused unread. */
    @Timeout(20)
    @Test
    void aPageOverTheSizeLimitIsRefusedWithItsPath() throws IOException {
        Path big = dir.resolve("sparse.txt");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(2_200_000_000L);
        }
        Run run = run("extract", "--json", big.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains(big + ": larger than the limit of 20 MB per source");
    }

    private Path bigPage(long bytes) throws IOException {
        Path big = dir.resolve("big.html");
        try (Writer w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            w.write("<html><head><title>A very long page</title></head><body><nav><a href=/>Home</a></nav><article>");
            long written = 0;
            for (int i = 0; written < bytes; i++) {
                String block = "<div class=\"part\"><h2>Part " + i + "</h2><p>" + PARAGRAPH.repeat(3)
                        + "</p><ul><li><a href=\"/more/" + i + "\">More like this</a></li></ul></div>\n";
                w.write(block);
                written += block.length();
            }
            w.write("</article></body></html>");
        }
        return big;
    }
}
