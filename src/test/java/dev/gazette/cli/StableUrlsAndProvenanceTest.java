package dev.gazette.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** End to end: page names come from file names and survive edits and clashes; credits are never invented. */
class StableUrlsAndProvenanceTest {
    @TempDir
    Path tmp;

    @Test
    void editingAHeadlineKeepsThePageWhereItWas() throws IOException {
        Path content = Files.createDirectories(tmp.resolve("content/articles"));
        Path source = content.resolve("2025-02-17-kestrel-line.md");
        Files.writeString(source, entry("Trams reach the docks", "source: Harbour Ledger"));
        Path first = build(tmp.resolve("content"), "one");
        Files.writeString(source, entry("Crowds pack the first trams to Saltmarsh Quay", "source: Harbour Ledger"));
        Path second = build(tmp.resolve("content"), "two");

        assertThat(pageNames(first)).containsExactly("kestrel-line").isEqualTo(pageNames(second));
        assertThat(second.resolve("articles/kestrel-line/index.html")).content().contains("Crowds pack the first trams");
    }

    @Test
    void theSameFileNameInTwoFoldersAndTheSameHeadlineFromTwoOutletsBothPublishWithAWarning() throws IOException {
        Path content = tmp.resolve("content");
        write(content.resolve("ledger/rate-cut.md"), entry("Central bank cuts rates", "source: The Ledger\ndate: 2025-03-06"));
        write(content.resolve("wire/rate-cut.md"), entry("Central bank cuts rates", "source: Markets Wire\ndate: 2025-03-07"));

        Cli cli = Cli.run("build", "--content", content.toString(), "--out", tmp.resolve("a").toString());

        assertThat(cli.code()).as(cli.toString()).isZero();
        List<String> names = pageNames(tmp.resolve("a"));
        assertThat(names).hasSize(2).contains("rate-cut").anyMatch(n -> n.matches("rate-cut-[0-9a-f]{6}"));
        String renamed = names.stream().filter(n -> !n.equals("rate-cut")).findFirst().orElseThrow();
        assertThat(cli.err()).contains(content.resolve("wire/rate-cut.md") + ": warning: page name 'rate-cut' is already used by "
                + content.resolve("ledger/rate-cut.md") + ": published as articles/" + renamed + "/");
        assertThat(Files.readString(tmp.resolve("a/articles/rate-cut/index.html"))).contains("The Ledger");

        // Same input, same names; a third source wanting the name renames neither of the first two.
        write(content.resolve("echo/rate-cut.md"), entry("Central bank cuts rates", "source: The Echo\ndate: 2025-03-08"));
        assertThat(pageNames(build(content, "b"))).hasSize(3).containsAll(names);
    }

    @Test
    void pagesCreditOnlyWhatTheCuratorOrThePageSaid() throws IOException {
        Path content = tmp.resolve("content");
        write(content.resolve("own.md"), entry("Why we started this digest", "source: self\nauthor: The Editor"));
        write(content.resolve("named.md"), entry("Ferry enters service",
                "source: Sound & Shore News\nsource_url: https://soundandshore.example/ferry"));
        write(content.resolve("host-only.md"), entry("Beavers breed again", "source_url: https://dispatch.example/beavers"));
        write(content.resolve("unsaid.md"), entry("Clock strikes again", "author: Harriet Delacourt"));

        Cli cli = Cli.run("build", "--content", content.toString(), "--out", tmp.resolve("site").toString());

        assertThat(cli.code()).as(cli.toString()).isZero();
        assertThat(provenance("own")).startsWith("Written for this digest, by The Editor");
        assertThat(provenance("named")).startsWith("Originally published by Sound & Shore News");
        assertThat(provenance("host-only")).startsWith("Originally published at dispatch.example");
        assertThat(provenance("unsaid")).startsWith("Source not recorded, by Harriet Delacourt");
        assertThat(cli.err()).contains(content.resolve("host-only.md") + ":2: warning: no outlet recorded",
                content.resolve("unsaid.md") + ":2: warning: no source recorded").doesNotContain("own.md");

        Cli check = Cli.run("check", tmp.resolve("site").toString());
        assertThat(check.code()).as(check.toString()).isZero();
        assertThat(check.out()).contains("articles/host-only/index.html", "articles/unsaid/index.html")
                .contains(": warning: the article does not name its outlet")
                .doesNotContain("articles/own/index.html:", "articles/named/index.html:")
                .contains("0 problems, 2 warnings in ");
    }

    /** Issue 12: a text dump without 'source:' credits the outlet its page names, or says nobody did. */
    @Test
    void aTextDumpIsCreditedToTheOutletItsPageNamesAndOtherwiseToNobody() throws IOException {
        Path content = tmp.resolve("content");
        write(content.resolve("masthead.txt"), dump("Aldwick Chronicle", "Harbour ferries return after a week of repairs",
                "© 2025 Aldwick Chronicle Ltd. All rights reserved."));
        write(content.resolve("parent.txt"), dump("News | Sport | Weather", "Tram line reaches the quay at last",
                "© 2025 Coastal Media Holdings, Inc."));
        write(content.resolve("bare.txt"), dump("Menu", "Council votes to keep the old clock tower", ""));

        Cli cli = Cli.run("build", "--content", content.toString(), "--out", tmp.resolve("site").toString());

        assertThat(cli.code()).as(cli.toString()).isZero();
        assertThat(provenance("masthead")).startsWith("Originally published at Aldwick Chronicle, by Jane Smith");
        assertThat(provenance("parent")).startsWith("Source not recorded, by Jane Smith");
        assertThat(provenance("bare")).startsWith("Source not recorded, by Jane Smith");
        assertThat(cli.err()).contains(content.resolve("parent.txt") + ": warning: no source recorded",
                content.resolve("bare.txt") + ": warning: no source recorded").doesNotContain("masthead.txt");
        Cli check = Cli.run("check", tmp.resolve("site").toString());
        assertThat(check.out()).contains("articles/parent/index.html", "articles/bare/index.html")
                .doesNotContain("articles/masthead/index.html:").contains("0 problems, 2 warnings in ");
    }

    private static String dump(String top, String headline, String notice) {
        return "Skip to main content\n" + top + "\n\n" + headline + "\nBy Jane Smith\nMonday 17 February 2025\n\n"
                + "The harbour authority reopened the northern docks on Monday after a week of repairs, and the first"
                + " ferries left on time with every berth taken.\n\nOfficials said the work had cost less than expected"
                + " and finished two days early, to the relief of traders on the quay.\n\nPassengers queued from dawn;"
                + " several said they had waited all week to visit relatives on the island.\n\nSubscribe to our newsletter\n"
                + notice + "\n";
    }

    private String provenance(String name) throws IOException {
        return SiteChecks.parse(tmp.resolve("site/articles/" + name + "/index.html")).selectFirst(".provenance").text();
    }

    private static String entry(String title, String frontMatter) {
        String fm = frontMatter.contains("date:") ? frontMatter : frontMatter + "\ndate: 2025-02-17";
        return "---\ntitle: \"" + title + "\"\n" + fm + "\n---\nThe first tram arrived at noon, and the quay cheered.\n";
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private Path build(Path content, String out) {
        return SampleSite.build(content, tmp.resolve(out));
    }

    private static List<String> pageNames(Path site) throws IOException {
        try (Stream<Path> dirs = Files.list(site.resolve("articles"))) {
            return dirs.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
