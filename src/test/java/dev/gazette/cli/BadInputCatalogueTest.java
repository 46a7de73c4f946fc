package dev.gazette.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The bad-input catalogue (issue 9): each input runs through the real CLI in-process and must
 * get its {@code path:line: message} and exit status, never a stack trace or "internal error",
 * and a failed build writes nothing. {@code {dir}} in a message stands for the content folder.
 */
class BadInputCatalogueTest {
    @TempDir
    Path tmp;

    private static final String OK_ARTICLE = "---\ntitle: Fine\ndate: 2025-01-02\nsource: self\n---\nAll good here.\n";

    static Stream<Arguments> catalogue() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x]\n");
        for (int i = 1; i <= 16; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a")
                    .append(i - 1).append(", *a").append(i - 1).append("]\n");
        }
        return Stream.of(
                arguments("alias bomb in site.yml", Map.of("site.yml", bomb.toString()), 1,
                        "{dir}/site.yml:11: YAML aliases expand to more than 100000 values; write the values out instead"),
                arguments("5000 aliases of a long author", Map.of("a.md", "---\ntitle: T\nx: &a " + "y".repeat(10_000)
                        + "\nauthors: [" + "*a, ".repeat(5000) + "*a]\n---\nBody.\n"), 1,
                        "{dir}/a.md:4: YAML aliases expand to more than"),
                arguments("2000 nested brackets", Map.of("a.md", "---\ntitle: " + "[".repeat(2000) + "]".repeat(2000)
                        + "\n---\nBody.\n"), 1, "{dir}/a.md:2: YAML nested more than 32 levels deep"),
                arguments("recursive alias", Map.of("a.md", "---\ntitle: T\nx: &a [*a]\n---\nBody.\n"), 1,
                        "{dir}/a.md:3: a YAML alias refers to the list or mapping it is in"),
                arguments("empty timezone and base_url", Map.of("site.yml", "timezone: \"\"\nbase_url: \"\"\n"), 1,
                        "{dir}/site.yml:1: 'timezone' is empty; remove the line or give a time zone such as Europe/London or UTC"),
                arguments("empty edition", Map.of("site.yml", "edition: ''\n"), 1,
                        "{dir}/site.yml:1: 'edition' is empty; remove the line or give one of its values"),
                arguments("misspelt setting", Map.of("site.yml", "titel: X\n"), 1,
                        "{dir}/site.yml:1: unknown setting 'titel'; did you mean 'title'?"),
                arguments("date past the year 9999", Map.of("a.md", "---\ntitle: T\nsource: self\n"
                        + "date: 9999-12-31T23:00:00-12:00\n---\nBody.\n"), 1,
                        "{dir}/a.md:4: '9999-12-31T23:00:00-12:00' is outside the years 1 to 9999 in the site's time zone"),
                arguments("list summary, mapping lang, list source", Map.of("a.md", "---\ntitle: T\nsummary: [one, two]\n"
                        + "lang: {x: 1}\nsource: [a, b]\n---\nBody.\n"), 1,
                        "{dir}/a.md:3: 'summary' must be a single value, not a list"),
                arguments("list title", Map.of("a.md", "---\ntitle: [a, b]\n---\nBody.\n"), 1,
                        "{dir}/a.md:2: 'title' must be a single value, not a list"),
                arguments("unquoted draft value", Map.of("a.md", "---\ntitle: T\ndraft: maybe\n---\nBody.\n"), 1,
                        "{dir}/a.md:3: 'draft' must be true or false, not 'maybe'"),
                arguments("1000 nested quotes", Map.of("a.md", "---\ntitle: T\n---\n" + "> ".repeat(1000) + "x\n"), 1,
                        "{dir}/a.md:4: Markdown nested more than 64 levels deep (quotes, lists or emphasis)"),
                arguments("1000 nested list items", Map.of("a.md", "---\ntitle: T\n---\n" + "- ".repeat(1000) + "x\n"), 1,
                        "{dir}/a.md:4: Markdown nested more than 64 levels deep (quotes, lists or emphasis)"),
                arguments("misspelt front matter key (a warning)", Map.of("a.md", "---\ntitle: T\nsource: self\n"
                        + "date: 2025-01-02\nauther: Ann\n---\nBody.\n"), 0,
                        "{dir}/a.md:5: warning: unknown front matter key 'auther' is ignored; did you mean 'author'?"),
                arguments("web archive without a page", Map.of("saved.mhtml", "MIME-Version: 1.0\nContent-Type: multipart/related;"
                        + " boundary=\"b\"\n\n--b\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--b--\n"), 1,
                        "{dir}/saved.mhtml: a web archive with no HTML page in it"),
                arguments("damaged Safari archive", Map.of("cut.webarchive", "bplist00\u00d4\u0001\u0002 cut short"), 1,
                        "{dir}/cut.webarchive: not a web archive that can be read: not a property list Safari wrote"),
                arguments("text named as a web archive", Map.of("notes.mht", "Some notes typed by hand, with no MIME header at all.\n"), 1,
                        "{dir}/notes.mht: a web archive with no HTML page in it"),
                arguments("2,000-character link title (builds)", Map.of("a.md", "---\ntitle: T\nsource: self\n"
                        + "date: 2025-01-02\n---\n[x](http://a.example/ \"" + "t".repeat(2000) + "\")\n"), 0, "")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void eachBadInputGetsItsMessageAndExitStatus(String name, Map<String, String> files, int exit, String message)
            throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("ok.md"), OK_ARTICLE);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(content.resolve(f.getKey()), f.getValue());
        }
        Path out = tmp.resolve("site");

        Cli cli = Cli.run("build", "--content", content.toString(), "--out", out.toString());

        assertThat(cli.code()).as(cli.toString()).isEqualTo(exit);
        assertThat(cli.err()).as(cli.toString()).contains(message.replace("{dir}", content.toString()))
                .doesNotContain("internal error", "Exception", "\tat ");
        assertThat(Files.exists(out)).isEqualTo(exit == 0);
    }

    /** Inputs outside the content folder's files: links, pipes, nesting of output and content, usage. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void eachBadSetupGetsItsMessageAndExitStatus(String name, List<String> args, int exit, String message) throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("ok.md"), OK_ARTICLE);
        Path secret = Files.writeString(tmp.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.createSymbolicLink(content.resolve("notes.txt"), secret);
        List<String> resolved = new ArrayList<>();
        for (String a : args) {
            resolved.add(a.replace("{tmp}", tmp.toString()));
        }

        Cli cli = Cli.run(resolved.toArray(String[]::new));

        assertThat(cli.code()).as(cli.toString()).isEqualTo(exit);
        assertThat(cli.err()).as(cli.toString()).contains(message.replace("{tmp}", tmp.toString()))
                .doesNotContain("internal error", "Exception", "\tat ");
        assertThat(content.resolve("ok.md")).exists();
    }

    static Stream<Arguments> setups() {
        return Stream.of(
                arguments("link to a file outside content", List.of("build", "--content", "{tmp}/content", "--out", "{tmp}/site"), 0,
                        "{tmp}/content/notes.txt: warning: links to "),
                arguments("output holds the content", List.of("build", "--content", "{tmp}/content", "--out", "{tmp}"), 1,
                        "{tmp}: the output folder holds the content folder {tmp}/content, and every build replaces it"),
                arguments("output inside the content", List.of("build", "--content", "{tmp}/content", "--out", "{tmp}/content/site"), 1,
                        "{tmp}/content/site: the output folder is inside the content folder {tmp}/content"),
                arguments("extract a non-source file", List.of("extract", "{tmp}/passwd"), 1,
                        "{tmp}/passwd: not an article source: Gazette reads .md, .markdown, .txt, .html, .htm, .mhtml, .mht and .webarchive files"),
                arguments("extract a folder", List.of("extract", "{tmp}/content"), 1,
                        "{tmp}/content: is a folder; name the source files in it"),
                arguments("import a non-source file", List.of("import", "--content", "{tmp}/content", "{tmp}/passwd"), 1,
                        "{tmp}/passwd: not an article source"),
                arguments("negative suggestions", List.of("tags", "--content", "{tmp}/content", "--suggestions", "-1"), 2,
                        "--suggestions must be 0 or more, not -1"),
                arguments("invalid --base-url", List.of("build", "--content", "{tmp}/content", "--out", "{tmp}/site",
                        "--base-url", "ftp://example.com/"), 2,
                        "Invalid value for option '--base-url': base URL 'ftp://example.com/' must be an absolute http(s) URL")
        );
    }
}
