package dev.gazette.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** End to end: each curator command run through the real CLI on real folders, then built. */
class CuratorCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void newWritesADraftNamedAfterItsTitleDatedNowInTheSitesZone() throws IOException {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("site.yml"), "title: Test\ntimezone: Asia/Kathmandu\n");
        ZonedDateTime before = ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS);

        Cli cli = Cli.run("new", "Trams reach the docks!", "--content", content.toString(),
                "--source", "https://ledger.example/trams", "--tags", "transport, cities");

        assertThat(cli.code()).as(cli.toString()).isZero();
        Path file = content.resolve("articles/trams-reach-the-docks.md");
        assertThat(cli.out()).isEqualTo(file + System.lineSeparator());
        String text = Files.readString(file);
        assertThat(text).startsWith("---\ntitle: \"Trams reach the docks!\"\ndate: \"").contains("""
                source: ""
                source_url: "https://ledger.example/trams"
                author: ""
                tags: ["transport", "cities"]
                summary: ""
                draft: true
                ---
                """);
        OffsetDateTime date = OffsetDateTime.parse(text.replaceAll("(?s).*\ndate: \"([^\"]+)\".*", "$1"));
        assertThat(date.getOffset()).isEqualTo(ZoneId.of("Asia/Kathmandu").getRules().getOffset(date.toInstant()));
        assertThat(date.toInstant()).isBetween(before.toInstant(), ZonedDateTime.now().toInstant());

        // A draft: not published until asked for, then under the file's name.
        Cli build = Cli.run("build", "--content", content.toString(), "--out", tmp.resolve("site").toString());
        assertThat(build.out()).startsWith("Built 0 articles");
        Cli drafts = Cli.run("build", "--drafts", "--content", content.toString(), "--out", tmp.resolve("site").toString());
        assertThat(drafts.code()).as(drafts.toString()).isZero();
        assertThat(tmp.resolve("site/articles/trams-reach-the-docks/index.html")).isRegularFile();

        Cli again = Cli.run("new", "Trams reach the docks", "--content", content.toString());
        assertThat(again.code()).isEqualTo(Main.INPUT_ERROR);
        assertThat(again.err()).contains(file + ": already exists");
        assertThat(Files.readString(file)).isEqualTo(text);
    }

    @Test
    void newRefusesABadSourceUrlAndATitleWithNothingToNameAFileAfter() throws IOException {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Cli relative = Cli.run("new", "Trams", "--content", content.toString(), "--source", "ledger.example/trams");
        assertThat(relative.code()).isEqualTo(2);
        assertThat(relative.err()).contains("--source must be an absolute http(s) URL");
        Cli symbols = Cli.run("new", "???", "--content", content.toString());
        assertThat(symbols.code()).isEqualTo(2);
        assertThat(symbols.err()).contains("give one with --slug");
        assertThat(Cli.run("new", "???", "--slug", "question-time", "--content", content.toString()).code()).isZero();
        assertThat(content.resolve("articles/question-time.md")).isRegularFile();
    }

    @Test
    void initStartsADigestThatBuildsAndChecksCleanAndIsNeverOverwritten() throws Exception {
        Path digest = tmp.resolve("slow-wire");
        Cli init = Cli.run("init", digest.toString(), "--timezone", "Europe/London", "--gazette-repo", "someone/gazette@v1");
        assertThat(init.code()).as(init.toString()).isZero();
        assertThat(digest.resolve("content/site.yml")).content().contains("title: \"Slow wire\"", "timezone: Europe/London");
        assertThat(digest.resolve(".gitignore")).content().contains("site/");

        Map<?, ?> workflow = (Map<?, ?>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(digest.resolve(".github/workflows/pages.yml")));
        assertThat(workflow.get("env")).isEqualTo(Map.of("GAZETTE_REPOSITORY", "someone/gazette", "GAZETTE_REF", "v1"));
        assertThat(workflow.toString()).contains(".gazette/gazette build --content content", ".gazette/gazette check site",
                "actions/deploy-pages@v5");
        // Gazette's jar kept for the same Gazette, as in this repository's own workflow (PagesWorkflowTest).
        Map<String, Object> job = PagesWorkflowTest.buildJob(digest.resolve(".github/workflows/pages.yml"));
        Map<?, ?> jar = (Map<?, ?>) PagesWorkflowTest.jarCache(job).get("with");
        assertThat(jar.get("path")).isEqualTo(".gazette/target/gazette.*");
        assertThat(jar.get("key").toString()).contains("hashFiles('.gazette/pom.xml', '.gazette/src/main/**')");
        assertThat(jar.containsKey("restore-keys")).isFalse();
        assertThat(PagesWorkflowTest.dateRestoredJar(job).get("run"))
                .isEqualTo("touch .gazette/target/gazette.jar && touch -c .gazette/target/gazette.a* .gazette/target/gazette.js*");

        Path site = digest.resolve("site");
        Cli build = Cli.run("build", "--content", digest.resolve("content").toString(), "--out", site.toString());
        assertThat(build.code()).as(build.toString()).isZero();
        assertThat(build.out()).startsWith("Built 1 article into ");
        assertThat(build.err()).isEmpty();
        assertThat(SiteChecks.parse(site.resolve("articles/welcome/index.html")).selectFirst(".provenance").text())
                .startsWith("Written for this digest");
        Cli check = Cli.run("check", site.toString());
        assertThat(check.code()).as(check.toString()).isZero();
        assertThat(check.out()).contains(": 0 problems in ").doesNotContain("warning");

        String before = Files.readString(digest.resolve("content/site.yml"));
        Cli again = Cli.run("init", digest.toString(), "--title", "Other");
        assertThat(again.code()).isEqualTo(Main.INPUT_ERROR);
        assertThat(again.err()).contains("site.yml: already exists");
        assertThat(digest.resolve("content/site.yml")).hasContent(before);
    }

    /** Without --gazette-repo: the repository this checkout was cloned from (see GazetteCheckoutTest), else a clear message. */
    @Test
    void initWithoutAGazetteRepositoryTakesThisCheckoutsOriginOrSaysWhatToSet() throws IOException {
        Cli init = Cli.run("init", tmp.resolve("d").toString(), "--title", "D");
        assertThat(init.code()).isZero();
        Path workflow = tmp.resolve("d/.github/workflows/pages.yml");
        Map<?, ?> env = (Map<?, ?>) ((Map<?, ?>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(workflow))).get("env");
        Optional<GazetteCheckout.Repository> origin = GazetteCheckout.running().flatMap(GazetteCheckout::origin);
        if (origin.isPresent()) {
            assertThat(env).isEqualTo(Map.of("GAZETTE_REPOSITORY", origin.get().name(), "GAZETTE_REF", origin.get().ref()));
            assertThat(init.out()).contains("builds Gazette from " + origin.get().name() + "@" + origin.get().ref());
        } else {
            assertThat(env.get("GAZETTE_REPOSITORY")).isEqualTo("");
            assertThat(init.out()).contains("set GAZETTE_REPOSITORY in " + workflow);
        }
        assertThat(Cli.run("init", tmp.resolve("e").toString(), "--gazette-repo", "not a repo").code()).isEqualTo(2);
    }

    @Test
    void importReplacesARawSourceWithMarkdownUnderTheSameNameSoTheNextBuildHasItOnce() throws IOException {
        Path content = tmp.resolve("content");
        Path raw = content.resolve("raw/village-cafe.txt");
        Files.createDirectories(raw.getParent());
        Files.writeString(raw, ExtractCommandTest.DUMP);
        SampleSite.build(content, tmp.resolve("before"));

        Cli imported = Cli.run("import", "--content", content.toString(), raw.toString());

        assertThat(imported.code()).as(imported.toString()).isZero();
        Path md = content.resolve("raw/village-cafe.md");
        Path aside = tmp.resolve("imported/raw/village-cafe.txt");
        assertThat(imported.out()).contains(raw + " -> " + md + " (raw file now " + aside + ")");
        assertThat(raw).doesNotExist();
        assertThat(aside).hasContent(ExtractCommandTest.DUMP);
        // Nothing found for the outlet: empty placeholders to fill, not invented values.
        assertThat(Files.readString(md)).contains("\nsource: \"\"\nsource_url: \"\"\n");

        Cli build = Cli.run("build", "--content", content.toString(), "--out", tmp.resolve("after").toString());
        assertThat(build.code()).as(build.toString()).isZero();
        assertThat(build.out()).startsWith("Built 1 article ");
        assertThat(pages(tmp.resolve("after"))).isEqualTo(pages(tmp.resolve("before"))).containsExactly("village-cafe");
    }

    @Test
    void importWithKeepLeavesTheRawFileBesideUnderANameThatIsNotASource() throws IOException {
        Path content = tmp.resolve("content");
        Path raw = content.resolve("cafe.txt");
        Files.createDirectories(content);
        Files.writeString(raw, "---\nsource: Valley Post\nslug: cafe-saved\nstory: village-cafe\nlink_tags: false\n---\n"
                + ExtractCommandTest.DUMP);
        SampleSite.build(content, tmp.resolve("before"));

        Cli imported = Cli.run("import", "--keep", "--content", content.toString(), raw.toString());

        assertThat(imported.code()).as(imported.toString()).isZero();
        assertThat(content.resolve("cafe.txt.orig")).isRegularFile();
        // What the curator wrote carries over, so the page stays where it was.
        assertThat(content.resolve("cafe.md")).content().contains("source: \"Valley Post\"", "slug: \"cafe-saved\"",
                "story: \"village-cafe\"", "link_tags: false");
        Cli build = Cli.run("build", "--content", content.toString(), "--out", tmp.resolve("site").toString());
        assertThat(build.out()).startsWith("Built 1 article ");
        assertThat(build.err()).doesNotContain("cafe.txt");
        assertThat(pages(tmp.resolve("site"))).isEqualTo(pages(tmp.resolve("before"))).containsExactly("cafe-saved");
    }

    @Test
    void futureDatedArticlesAreHeldBackWithALineSayingHowManyUnlessAskedFor() throws IOException {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("today.md"), "---\ntitle: Published piece\ndate: 2025-03-01\nsource: self\n---\nNow.\n");
        Files.writeString(content.resolve("friday.md"), "---\ntitle: Scheduled piece\ndate: 2999-01-01\nsource: self\n---\nLater.\n");

        Cli held = Cli.run("build", "--content", content.toString(), "--out", tmp.resolve("a").toString());
        assertThat(held.code()).as(held.toString()).isZero();
        assertThat(held.out()).startsWith("Built 1 article ")
                .contains("Held back 1 future-dated article (publish with --future)");
        assertThat(Files.readString(tmp.resolve("a/index.html"))).contains("Published piece").doesNotContain("Scheduled piece");
        assertThat(tmp.resolve("a/articles/friday")).doesNotExist();

        Cli verbose = Cli.run("build", "--verbose", "--content", content.toString(), "--out", tmp.resolve("a").toString());
        assertThat(verbose.out()).contains("(publish with --future):\n  " + content.resolve("friday.md"), "Stages: config ");

        Cli future = Cli.run("build", "--future", "--content", content.toString(), "--out", tmp.resolve("b").toString());
        assertThat(future.out()).startsWith("Built 2 articles ").doesNotContain("Held back");
        assertThat(tmp.resolve("b/articles/friday/index.html")).isRegularFile();
    }

    @Test
    void anAmbiguousNumericDateIsReadButWarnedAboutWithBothReadings() throws IOException {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("a.md"), "---\ntitle: A\nsource: self\ndate: 03/04/2025\n---\nText.\n");
        Files.writeString(content.resolve("b.md"), "---\ntitle: B\nsource: self\ndate: 13/04/2025\n---\nText.\n");

        Cli build = Cli.run("build", "--content", content.toString(), "--out", tmp.resolve("site").toString());

        assertThat(build.code()).as(build.toString()).isZero();
        assertThat(build.err()).contains(content.resolve("a.md") + ":4: warning: '03/04/2025' can be read two ways: "
                + "taken as 4 March 2025; write 2025-03-04 to keep that, or 2025-04-03 for 3 April 2025")
                .doesNotContain("b.md");
    }

    @Test
    void theSummaryAgreesWithItsCountsAndQuietPrintsOnlyProblems() throws IOException {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("one.md"), "---\ntitle: One\ndate: 2025-03-01\n---\nText.\n");

        Cli normal = Cli.run("build", "--content", content.toString(), "--out", tmp.resolve("site").toString());
        assertThat(normal.out()).matches("Built 1 article into \\S+ \\(\\d+ files\\) in \\d+(\\.\\d)? m?s\\R");

        Cli quiet = Cli.run("build", "--quiet", "--content", content.toString(), "--out", tmp.resolve("site").toString());
        assertThat(quiet.code()).isZero();
        assertThat(quiet.out()).isEmpty();
        assertThat(quiet.err()).contains("one.md:2: warning: no source recorded");

        Cli both = Cli.run("build", "--quiet", "--verbose", "--content", content.toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("--quiet and --verbose cannot be used together");
    }

    @Test
    void generateCompletionPrintsAShellScriptThatKnowsTheCommands() {
        Cli cli = Cli.run("generate-completion");
        assertThat(cli.code()).isZero();
        assertThat(cli.out()).contains("complete -F", "gazette").contains("new", "init", "import", "serve");
    }

    private static List<String> pages(Path site) throws IOException {
        try (Stream<Path> dirs = Files.list(site.resolve("articles"))) {
            return dirs.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
