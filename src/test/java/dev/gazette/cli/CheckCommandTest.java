package dev.gazette.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gazette check} passes on the real sample site and reports every kind of breakage in a broken copy. */
class CheckCommandTest {
    static final String ARTICLE = "articles/kestrel-line-tram-extension-opens/";

    @TempDir
    Path tmp;

    @Test
    void passesOnTheBuiltSampleSite() {
        Path site = SampleSite.shared();
        Cli cli = Cli.run("check", site.toString());
        assertThat(cli.code()).as(cli.toString()).isZero();
        int pages = SiteChecks.htmlFiles(site).size();
        assertThat(cli.out()).matches(Pattern.quote(site + ": 0 problems in " + pages + " pages and ")
                + "\\d+ feeds or sitemaps \\(base URL https://example.github.io/gazette/\\)\n");
        System.out.print("CheckCommandTest: " + cli.out());
    }

    @Test
    void failsOnABrokenCopyWithFileLineAndMessageForEachProblem() throws IOException {
        Path site = SampleSite.copyTree(SampleSite.shared(), tmp.resolve("broken"));
        // A page that is gone: linked from lists, feeds and the sitemap.
        SampleSite.deleteTree(site.resolve(ARTICLE));
        // A home page with a broken fragment, a missing image without alt, a missing srcset
        // candidate, a duplicate id and a link escaping the base path, all on one line after <main>.
        Path home = site.resolve("index.html");
        List<String> lines = Files.readAllLines(home);
        int main = lines.indexOf("<main id=\"gz-main\" class=\"wrap\">");
        assertThat(main).isPositive();
        lines.add(main + 1, "<p id=\"gz-main\"><a href=\"#no-such-id\">a</a> <a href=\"tags/#nope\">b</a>"
                + " <img src=\"/gazette/assets/missing.png\"> <img alt=\"\" srcset=\"assets/style.css 1x, /gazette/gone.png 2x\">"
                + " <a href=\"/elsewhere/\">c</a> <a href=\"../escape.html\">d</a> <a href=\"https://other.example/\">ok</a></p>");
        Files.write(home, lines);
        // A truncated RSS feed and a JSON Feed that is not JSON.
        Path feed = site.resolve("feed.xml");
        String rss = Files.readString(feed);
        Files.writeString(feed, rss.substring(0, rss.indexOf("</channel>")));
        Files.writeString(site.resolve("feed.json"), "{\"version\": \"https://jsonfeed.org/version/1.1\",\n\"items\": [\n}");

        Cli cli = Cli.run("check", site.toString());

        assertThat(cli.code()).as(cli.toString()).isEqualTo(1);
        String s = site.toString();
        int line = main + 2;
        String at = "/index.html:" + line + ": ";
        String gone = "no file " + ARTICLE + "index.html";
        assertThat(cli.out()).contains(
                s + at + "broken href #no-such-id: no id 'no-such-id' in this page\n",
                s + at + "broken href tags/#nope: no id 'nope' in tags/index.html\n",
                s + at + "broken src /gazette/assets/missing.png: no file assets/missing.png\n",
                s + at + "image without alt text: /gazette/assets/missing.png\n",
                s + at + "broken srcset /gazette/gone.png: no file gone.png\n",
                s + at + "duplicate id 'gz-main' (first on line " + (line - 1) + ")\n",
                s + at + "broken href /elsewhere/: outside the site's base path /gazette/\n",
                s + at + "broken href ../escape.html: outside the site's base path /gazette/\n",
                s + "/feed.json:3: JSON Feed does not parse: ",
                s + "/feed.xml:",
                ": feed does not parse: ",
                s + "/atom.xml:",
                s + "/sitemap.xml:",
                s + "/tags/transport/index.html:",
                "broken href /gazette/" + ARTICLE + ": " + gone + "\n",
                "broken link https://example.github.io/gazette/" + ARTICLE + ": " + gone + "\n",
                "broken loc https://example.github.io/gazette/" + ARTICLE + ": " + gone + "\n");
        assertThat(cli.out()).doesNotContain("other.example", "style.css");
        List<String> problems = Arrays.asList(cli.out().split("\n"));
        String summary = problems.get(problems.size() - 1);
        List<String> listed = problems.subList(0, problems.size() - 1);
        // In file order, then line order (numerically: line 41 before line 111).
        assertThat(listed).isSortedAccordingTo(Comparator
                .comparing((String p) -> p.substring(0, p.indexOf(':')))
                .thenComparingInt(p -> Integer.parseInt(p.substring(p.indexOf(':') + 1).split(":", 2)[0])))
                .allMatch(p -> p.startsWith(s + "/"));
        assertThat(summary).startsWith(s + ": " + listed.size() + " problems in " + SiteChecks.htmlFiles(site).size() + " pages");
    }

    @Test
    void findsTheBaseUrlInTheFeedWhenThereIsNoCanonicalLinkOrTakesItFromTheCommandLine() throws IOException {
        Path site = SampleSite.copyTree(SampleSite.shared(), tmp.resolve("copy"));
        Path home = site.resolve("index.html");
        Files.writeString(home, Files.readString(home).replaceAll("<link rel=\"canonical\"[^>]*>", ""));

        Cli detected = Cli.run("check", site.toString());
        assertThat(detected.code()).as(detected.toString()).isZero();
        assertThat(detected.out()).contains("(base URL https://example.github.io/gazette/)");

        // Told a different base path, every internal link escapes it.
        Cli told = Cli.run("check", site.toString(), "--base-url", "https://example.github.io/other/");
        assertThat(told.code()).isEqualTo(1);
        assertThat(told.out()).contains("outside the site's base path /other/");
    }

    @Test
    void aMissingFolderIsAUserError() {
        Cli cli = Cli.run("check", tmp.resolve("nowhere").toString());
        assertThat(cli.code()).isEqualTo(1);
        assertThat(cli.err()).isEqualTo(tmp.resolve("nowhere") + ": no such folder: build the site first with 'gazette build'\n");
    }
}
