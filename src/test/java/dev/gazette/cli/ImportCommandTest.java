package dev.gazette.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ImportCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesReviewableMarkdownAndLeavesTheRawFileAlone() throws IOException {
        Path raw = dir.resolve("cafe.txt");
        String source = "---\nsource: Valley Post\ntags: [food, villages]\n---\n" + ExtractCommandTest.DUMP;
        Files.writeString(raw, source, StandardCharsets.UTF_8);
        Path content = dir.resolve("content");

        ExtractCommandTest.Run run = ExtractCommandTest.run("import", "--content", content.toString(), raw.toString());

        assertThat(run.code()).isZero();
        Path md = content.resolve("village-cafe-saved-after-residents-sign-petition.md");
        assertThat(run.out()).contains(raw + " -> " + md);
        assertThat(Files.readString(md)).startsWith("""
                ---
                title: "Village café saved after residents sign petition"
                author: "Ruth Amberley"
                source: "Valley Post"
                source_url: ""
                tags: ["food", "villages"]
                summary: "The parish council voted""").contains("---\n\nThe parish council voted");
        assertThat(Files.readString(raw)).isEqualTo(source);
    }

    @Test
    void refusesToOverwriteUnlessForced() throws IOException {
        Path raw = dir.resolve("cafe.txt");
        Files.writeString(raw, ExtractCommandTest.DUMP, StandardCharsets.UTF_8);
        Path content = dir.resolve("content");
        Path md = content.resolve("village-cafe-saved-after-residents-sign-petition.md");
        Files.createDirectories(content);
        Files.writeString(md, "curated");

        ExtractCommandTest.Run refused = ExtractCommandTest.run("import", "--content", content.toString(), raw.toString());
        assertThat(refused.code()).isEqualTo(Main.INPUT_ERROR);
        assertThat(refused.err()).contains("already exists; use --force");
        assertThat(Files.readString(md)).isEqualTo("curated");

        assertThat(ExtractCommandTest.run("import", "--force", "--content", content.toString(), raw.toString()).code()).isZero();
        assertThat(Files.readString(md)).contains("title: \"Village café saved after residents sign petition\"");
    }
}
