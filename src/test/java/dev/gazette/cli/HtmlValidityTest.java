package dev.gazette.cli;

import dev.gazette.SharedFolder;
import dev.gazette.clean.Sanitizer;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Every page of the sample digest, and of a digest made of real pages as curators save them,
 * passes the Nu HTML Checker — the validator behind validator.w3.org/nu — run in-process with
 * its full HTML schema, with zero errors.
 */
class HtmlValidityTest {
    @TempDir
    Path tmp;

    @Test
    void everyPageOfTheSampleDigestPassesTheNuHtmlChecker() throws Exception {
        Path site = SampleSite.shared();
        NuChecker checker = new NuChecker();
        List<Path> pages = SiteChecks.htmlFiles(site);
        checker.check(site, pages);
        checker.warnings.forEach(w -> System.out.println("  " + w));
        assertThat(pages).hasSizeGreaterThan(30);
        assertThat(checker.errors).as("Nu HTML Checker errors").isEmpty();

        // The same checker does report errors: a page with a duplicate id and an image without alt.
        checker.check("bad.html", "<!DOCTYPE html><html lang=en><head><title>x</title></head><body>"
                + "<p id=a>one</p><p id=a>two</p><img src=x.png></body></html>");
        assertThat(checker.errors).hasSize(2).allMatch(e -> e.startsWith("bad.html:1:"));
    }

    /**
     * The dev set's sources (../shared/cleaning-dev: text dumps of three dumpers and saved pages
     * of many sites and languages, ads, scripts and all) put into a digest's {@code raw/} folder
     * as a curator would: the site builds, `gazette check` finds nothing broken, no script of a
     * source reaches a page, and every article page passes the checker.
     */
    @Test
    void aDigestOfRealSavedPagesAndDumpsBuildsIntoValidPages() throws Exception {
        Path cases = SharedFolder.require("cleaning-dev/cases");
        Path raw = Files.createDirectories(tmp.resolve("content/raw"));
        Files.writeString(tmp.resolve("content/site.yml"), "title: Real pages\nbase_url: https://example.github.io/real/\n");
        try (Stream<Path> sources = Files.list(cases)) {
            for (Path source : sources.flatMap(HtmlValidityTest::sourcesOf).toList()) {
                String name = source.getFileName().toString();
                Files.copy(source, raw.resolve(source.getParent().getFileName() + name.substring(name.lastIndexOf('.'))));
            }
        }
        Path site = tmp.resolve("site");
        Cli cli = Cli.run("build", "--content", tmp.resolve("content").toString(), "--out", site.toString());
        assertThat(cli.code()).as(cli.toString()).isZero();
        assertThat(SiteChecks.pageProblems(site)).isEmpty();
        assertThat(SiteChecks.brokenLinks(site, "/real/")).isEmpty();

        List<Path> articles = SiteChecks.htmlFiles(site.resolve("articles"));
        assertThat(articles).hasSizeGreaterThan(100);
        for (Path page : articles) {
            Document doc = SiteChecks.parse(page);
            assertThat(doc.select("script:not([type=application/ld+json])")).as(page.toString()).isEmpty();
            assertThat(doc.select("[onclick], [onload], [onerror], iframe, object, embed, form")).as(page.toString()).isEmpty();
        }
        NuChecker checker = new NuChecker();
        checker.check(site, articles);
        checker.warnings.forEach(w -> System.out.println("  " + w));
        assertThat(checker.errors).as("Nu HTML Checker errors").isEmpty();
    }

    /**
     * Markup of the shapes saved pages carry once cut out of their layouts (captions beside their
     * figures, terms without lists, items without a list, headings at any level, image sets and
     * sizes of every spelling, addresses no browser can fetch, control characters written as
     * references), generated, sanitized and set in an article page: the checker finds no error.
     * Tables of spans that leave columns or rows without a cell are among them.
     */
    @Test
    void sanitizedBodiesOfGeneratedMarkupPassTheChecker() throws Exception {
        NuChecker checker = new NuChecker();
        Sanitizer sanitizer = Sanitizer.untrusted();
        qt().withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            String body = new Markup(new Random(seed)).blocks(3);
            String page = "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><main><h1>Headline</h1>"
                    + sanitizer.clean(body, "https://news.example/a/b.html") + "</main></body></html>";
            checker.errors.clear();
            try {
                checker.check("seed " + seed, page);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            assertThat(checker.errors).as(body + "\n->\n" + page).isEmpty();
        });
    }

    /** Random markup from a small grammar of what articles' parts are made of. */
    private record Markup(Random random) {
        private static final String[] URLS = {"https://e.example/a.jpg", "/rel/b.jpg", "https://:0", "https://shop.example/p?t=[x|y]",
            "https://cdn.example/q,w_5/c.jpg", "javascript:alert(1)", "#frag", "c.jpg?w=1,2"};
        private static final String[] DESCRIPTORS = {"", "1x", "2x", "1.5x", "640w", "1280w", "640w", "100h"};
        private static final String[] SIZES = {"150", "150px", "519.9", "auto", "0"};
        private static final String[] SPANS = {"1", "2", "3", "0", "x", "-1"};
        private static final String[] WORDS = {"harbour", "ferry", "&#16;", "tide", "&#x85;", "Quay", "&amp;", "pier"};

        String blocks(int depth) {
            StringBuilder out = new StringBuilder();
            for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                out.append(block(depth));
            }
            return out.toString();
        }

        private String block(int depth) {
            if (depth == 0) {
                return "<p>" + inline() + "</p>";
            }
            return switch (random.nextInt(13)) {
                case 0 -> "<h" + (1 + random.nextInt(6)) + ">" + inline() + "</h" + (1 + random.nextInt(6)) + ">";
                case 1 -> "<div>" + blocks(depth - 1) + "</div>";
                case 2 -> "<section>" + blocks(depth - 1) + "</section>";
                case 3 -> figure();
                case 4 -> "<figcaption>" + inline() + "</figcaption>";
                case 5 -> "<dl>" + items(new String[] {"dt", "dd", "dd", "li", "p"}, depth) + "</dl>";
                case 6 -> "<" + pick(new String[] {"dt", "dd"}) + ">" + inline() + "</dd>";
                case 7 -> "<" + pick(new String[] {"ul", "ol", "div"}) + ">" + items(new String[] {"li"}, depth) + "</ul>";
                case 8 -> "<li>" + inline() + "</li>";
                case 9 -> "<blockquote>" + blocks(depth - 1) + "</blockquote>";
                case 10 -> image();
                case 11 -> table();
                default -> "<p>" + inline() + "</p>";
            };
        }

        private String items(String[] tags, int depth) {
            StringBuilder out = new StringBuilder();
            for (int i = 0, n = random.nextInt(4); i < n; i++) {
                String tag = pick(tags);
                out.append('<').append(tag).append('>').append(random.nextBoolean() ? inline() : blocks(depth - 1))
                        .append("</").append(tag).append("> ");
            }
            return out.toString();
        }

        /** Rows of zero to three cells, spans of any spelling, a head or not. */
        private String table() {
            StringBuilder out = new StringBuilder("<table>");
            for (String group : random.nextBoolean() ? new String[] {"thead", "tbody"} : new String[] {"tbody"}) {
                out.append('<').append(group).append('>');
                for (int r = 0, rows = random.nextInt(4); r < rows; r++) {
                    out.append("<tr>");
                    for (int c = 0, cells = random.nextInt(4); c < cells; c++) {
                        String tag = random.nextInt(3) == 0 ? "th" : "td";
                        out.append('<').append(tag);
                        for (String span : new String[] {"colspan", "rowspan"}) {
                            if (random.nextInt(3) == 0) {
                                out.append(' ').append(span).append("=\"").append(pick(SPANS)).append('"');
                            }
                        }
                        out.append('>').append(inline()).append("</").append(tag).append('>');
                    }
                    out.append("</tr>");
                }
                out.append("</").append(group).append('>');
            }
            return out.append("</table>").toString();
        }

        private String figure() {
            List<String> parts = new ArrayList<>(List.of(image(), "<figcaption>" + inline() + "</figcaption>",
                    "<cite>" + inline() + "</cite>", "<figcaption>" + inline() + "</figcaption>"));
            Collections.shuffle(parts, random);
            return "<figure>" + String.join(" ", parts.subList(0, random.nextInt(parts.size() + 1))) + "</figure>";
        }

        private String image() {
            StringBuilder img = new StringBuilder("<img src=\"").append(pick(URLS)).append('"');
            if (random.nextBoolean()) {
                img.append(" srcset=\"");
                for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                    img.append(i > 0 ? ", " : "").append(pick(URLS)).append(' ').append(pick(DESCRIPTORS));
                }
                img.append('"');
            }
            if (random.nextBoolean()) {
                img.append(" sizes=\"50vw\"");
            }
            if (random.nextBoolean()) {
                img.append(" width=\"").append(pick(SIZES)).append("\" height=\"").append(pick(SIZES)).append('"');
            }
            return img.append('>').toString();
        }

        private String inline() {
            StringBuilder out = new StringBuilder();
            for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
                String word = pick(WORDS);
                out.append(switch (random.nextInt(6)) {
                    case 0 -> "<a href=\"" + pick(URLS) + "\">" + word + "</a>";
                    case 1 -> "<em>" + word + "</em>";
                    case 2 -> "<cite>" + word + "</cite>";
                    default -> word;
                }).append(' ');
            }
            return out.toString();
        }

        private String pick(String[] from) {
            return from[random.nextInt(from.length)];
        }
    }

    private static Stream<Path> sourcesOf(Path caseFolder) {
        return Stream.of("source.txt", "source.html").map(caseFolder::resolve).filter(Files::isRegularFile);
    }
}
