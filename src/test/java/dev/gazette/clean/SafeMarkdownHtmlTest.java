package dev.gazette.clean;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gazette.source.SourceFormat;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The direct writer must give exactly what flexmark's HTML through the sanitizer gives, or
 * decline: checked on thousands of generated Markdown bodies mixing what it writes with raw and
 * hostile HTML, hostile and odd URLs, entities, control characters and constructs it leaves to
 * the sanitizer.
 */
class SafeMarkdownHtmlTest {
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final Sanitizer sanitizer = Sanitizer.curated();
    private final Cleaner cleaner = new Cleaner();

    private Optional<SafeMarkdownHtml.Body> direct(String md) {
        return SafeMarkdownHtml.of(markdown.parse(md), sanitizer);
    }

    /** The sanitizer's HTML and text, with the links a scan of the HTML finds. */
    private SafeMarkdownHtml.Body sanitized(String md) {
        Element clean = sanitizer.cleanBody(markdown.render(markdown.parse(md)), null);
        String html = clean.html().strip();
        return new SafeMarkdownHtml.Body(html, PlainText.of(clean), BodyRefs.links(html));
    }

    /**
     * The written body is the sanitizer's, and its links, when noted, are just what a scan finds;
     * it has no local image, which it never writes.
     */
    private void assertAsSanitized(SafeMarkdownHtml.Body written, String md) {
        SafeMarkdownHtml.Body sanitized = sanitized(md);
        assertThat(written.html()).as(md).isEqualTo(sanitized.html());
        assertThat(written.text()).as(md).isEqualTo(sanitized.text());
        if (written.links() != null) {
            assertThat(written.links()).as(md).isEqualTo(sanitized.links());
        }
        assertThat(BodyRefs.images(written.html())).as(md).isEmpty();
    }

    @Test
    void writesAPlainArticleAsTheSanitizerWould() {
        String md = """
                # Rates & "markets" up

                The *bank* raised **rates** by [a quarter](https://example.org/a?b=1&c=2 "A \\"quote\\"") point;\u00A0more
                to come.\\
                Next line.

                ## GZ main

                1. one
                2. two

                - loose

                - list

                > Quoted, with a [mail](mailto:desk@example.org).

                ***
                """;
        Optional<SafeMarkdownHtml.Body> body = direct(md);
        assertThat(body).isPresent();
        assertAsSanitized(body.get(), md);
        assertThat(body.get().html()).startsWith("<h2 id=\"rates--markets-up\">Rates &amp; \"markets\" up</h2>\n<p>The <em>bank</em>")
                .contains("<a href=\"https://example.org/a?b=1&amp;c=2\" title=\"A &quot;quote&quot;\">a quarter</a> point;&nbsp;more to come.<br>\nNext line.")
                .contains("<h3 id=\"content-gz-main\">GZ main</h3>")
                .contains("<li>\n<p>loose</p>\n</li>")
                .endsWith("<hr>");
        assertThat(body.get().text().text()).startsWith("Rates & \"markets\" up\n\nThe bank raised rates by a quarter point; more to come.\n\nNext line.");
    }

    @Test
    void writesInlineTagsAsTheSanitizerKeepsThem() {
        String md = "Rates <abbr title=\"Bank of “England” — x\u00A0y\">BoE</abbr> rose<sup class=\"fn\">1</sup>, "
                + "<span class=\"hl\">*<mark>very</mark>* much</span> (<kbd>Ctrl</kbd>) <small dir=\"rtl\">[so](https://example.org/)</small>.";
        Optional<SafeMarkdownHtml.Body> body = direct(md);
        assertThat(body).isPresent();
        assertAsSanitized(body.get(), md);
        assertThat(body.get().html()).isEqualTo("<p>Rates <abbr title=\"Bank of “England” — x&nbsp;y\">BoE</abbr> rose<sup>1</sup>, "
                + "<em><mark>very</mark></em> much (<kbd>Ctrl</kbd>) <small><a href=\"https://example.org/\">so</a></small>.</p>");
        assertThat(body.get().text().text()).isEqualTo("Rates BoE rose1, very much (Ctrl) so.");
    }

    @Test
    void notesTheLinksItWritesUnlessAScanWouldFindOtherAddresses() {
        String md = "The [rates](https://example.org/a?b=1&c=2 \"t\"), \"quoted\" [desk](mailto:desk@example.org) "
                + "<abbr title=\"x\">y</abbr>.\n\n## A [heading](https://example.org/h)";
        assertThat(direct(md).orElseThrow().links())
                .containsExactly("https://example.org/a?b=1&c=2", "mailto:desk@example.org", "https://example.org/h")
                .isEqualTo(BodyRefs.links(direct(md).orElseThrow().html()));
        for (String stray : List.of(
                "a href=\"page.html\" in the text",
                "a href=&quot;page.html&quot; by references",
                "a href=\\\"page.html\\\" escaped",
                "a <abbr title=\"see href=\">b</abbr> [c](https://example.org/)",
                "a [b](https://example.org/x?href= \"t\")")) {
            SafeMarkdownHtml.Body body = direct(stray).orElseThrow();
            assertAsSanitized(body, stray);
            assertThat(body.links()).as(stray).isNull();
        }
        // Quotes elsewhere in the text, and an address broken by a tag, leave the links noted.
        assertThat(direct("split href=<em>\"</em>x\"").orElseThrow().links()).isEmpty();
        assertThat(direct("an image src=\"gazette:file/a.png\" named in the text").orElseThrow().links()).isEmpty();
        assertThat(direct("\"a\" [b](https://example.org/) \"c\"").orElseThrow().links()).containsExactly("https://example.org/");
    }

    @Test
    void leavesRawHtmlAndOtherAddressesToTheSanitizer() {
        for (String md : List.of(
                "Hi <script>alert(1)</script> there",
                "<div onclick=\"x()\">block</div>",
                "a <!-- comment --> b",
                "[x](javascript:alert(1))",
                "[x](JAVASCRIPT:alert(1))",
                "[x](HTTPS://example.org/)",
                "[x](#somewhere)",
                "[x](relative/page.md)",
                "[x](<https://example.org/a b>)",
                "[x](data:text/html;base64,PHNjcmlwdD4=)",
                "![image](https://example.org/a.png)",
                "`code`",
                "see https://example.org/ now",
                "a\u0001b",
                "a &#128; b",
                "a ~~struck~~ b",
                "| a | b |\n|---|---|\n| 1 | 2 |",
                "text[^1]\n\n[^1]: note",
                "- [ ] task",
                "line\\\n &#169; after a hard break", // flexmark's writer trims the space at the line's start
                "a <sup>b", // left open
                "a </sup> b", // never opened
                "a <b><i>c</b></i>", // misnested
                "*a <sup>b* c</sup>", // opened inside the emphasis, closed outside it
                "a <SUP>b</SUP>",
                "a <sup >b</sup>",
                "a <sup id=\"note\">b</sup>", // ids are checked and renamed by the sanitizer
                "a <q cite=\"https://example.org/\">b</q>", // so are addresses
                "a <abbr title='x'>b</abbr>",
                "a <abbr title=\"x &amp; y\">b</abbr>",
                "a <abbr title=\"x\" title=\"y\">b</abbr>",
                "a <abbr title=\"\">b</abbr>",
                "a <nobr>b</nobr>",
                "a <a href=\"https://example.org/\">b</a>",
                "a <br> b")) {
            assertThat(direct(md)).as(md).isEmpty();
            // The cleaner still gives the sanitizer's output for them.
            assertThat(cleaner.clean(SourceFormat.MARKDOWN, md, null).html()).as(md).isEqualTo(sanitized(md).html());
        }
    }

    @Test
    void givesTheSanitizersBytesOnGeneratedMarkdown() {
        Random random = new Random(20261129);
        int written = 0;
        int writtenWithRawTags = 0;
        int declined = 0;
        int noted = 0;
        int notedLinks = 0;
        for (int i = 0; i < 1200; i++) {
            String md = new Generator(random).document();
            Optional<SafeMarkdownHtml.Body> body = direct(md);
            if (body.isPresent()) {
                written++;
                if (md.contains("<") && body.get().html().matches("(?s).*<(abbr|sup|sub|kbd|mark|small|b|i|q|time|code|del|ins|s|u|var|cite)[ >].*")) {
                    writtenWithRawTags++;
                }
                assertAsSanitized(body.get(), md);
                if (body.get().links() != null) {
                    noted++;
                    notedLinks += body.get().links().size();
                }
                assertThat(body.get().html()).as(md).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("javascript:")
                        .doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("<iframe");
            } else {
                declined++;
            }
        }
        // Both paths were exercised, the direct one on a good share of the bodies.
        assertThat(written).isGreaterThan(450);
        assertThat(writtenWithRawTags).isGreaterThan(120);
        assertThat(declined).isGreaterThan(450);
        // Most written bodies have their links noted, and between them many links.
        assertThat(noted).isGreaterThan(written / 2).isLessThan(written);
        assertThat(notedLinks).isGreaterThan(300);
    }

    /**
     * The same property for Jazzer's inputs: replays the seeds in
     * {@code src/test/resources/dev/gazette/clean/SafeMarkdownHtmlTestInputs/sameAsTheSanitizer/}
     * under plain JUnit; fuzzes with {@code JAZZER_FUZZ=1} (see bench/PROFILE.md).
     */
    @FuzzTest(maxDuration = "3m")
    void sameAsTheSanitizer(byte[] bytes) {
        String md = new String(bytes, StandardCharsets.UTF_8);
        Optional<SafeMarkdownHtml.Body> body;
        try {
            body = direct(md);
        } catch (TooDeepException e) {
            return; // the cleaner reports it as a problem of the source
        }
        body.ifPresent(written -> assertAsSanitized(written, md));
    }

    /** Random Markdown: mostly what the direct writer handles, with a share of everything else. */
    private static final class Generator {
        private static final String[] WORDS = {"rates", "Bank", "market", "GZ-main", "gz", "café", "naïve", "“quoted”", "—",
                "a&b", "x<y", "p>q", "\"q\"", "'s", "\u00A0", "\t", "😀", "\\*", "\\_", "\\[", "2025", "&amp;", "&nbsp;",
                "&copy;", "&lt;", "&#169;", "&#x1F600;", "&bogus;", "*", "_", "**", "[", "]", "<", ">", "#", "href=\"x\"", "href=",
                "src=\"gazette:file/a.png\"", "&quot;"};
        private static final String[] URLS = {"https://example.org/", "http://example.org/a?b=1&c=2", "https://example.org/a_(b)",
                "mailto:desk@example.org", "https://example.org/%20x", "https://example.org/a#frag", "https://example.org/[x]",
                "javascript:alert(1)", "JavaScript:alert(1)", "vbscript:x", "data:text/html,x", "#", "#top", "#rates",
                "relative.md", "/absolute", "//example.org/x", "HTTPS://example.org", "https://exa mple.org", "<https://example.org/a b>",
                "https://example.org/\"x", "https://example.org/<x>", "https://example.org/ü", "ftp://example.org/", "https://",
                "https://example.org/\\x", "https://example.org/&amp;x", "https://example.org/&quot;"};
        private static final String[] TITLES = {"", " \"Title\"", " \"a \\\"b\\\" c\"", " 'single'", " (paren)", " \"<b>&amp;</b>\"",
                " \"x\u00A0y\""};
        private static final String[] HOSTILE = {"<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                "<a href=\"javascript:alert(1)\">x</a>", "<iframe src=\"https://evil.example/\"></iframe>", "<!-- c -->",
                "<b>bold</b>", "<abbr title=\"x\">X</abbr>", "<style>p{}</style>", "</p>", "<svg onload=x>"};

        private static final String[] RAW_PHRASING = {"abbr", "sup", "sub", "kbd", "mark", "small", "span", "b", "i", "em",
                "strong", "code", "q", "time", "del", "ins", "s", "u", "var", "cite", "bdo", "data"};
        private static final String[] RAW_OTHER = {"a", "nobr", "br", "div", "p", "script", "img", "font", "big", "blink", "table"};
        /** The first four are what the direct writer accepts. */
        private static final String[] RAW_ATTRIBUTES = {" title=\"artificial intelligence\"", " class=\"highlight\"",
                " datetime=\"2025-04-10\"", " title=\"café “quoted” x\u00A0y — 😀\"",
                " id=\"gz-main\"", " id=\"note\"", " cite=\"https://example.org/\"", " href=\"javascript:alert(1)\"",
                " onclick=\"alert(1)\"", " title=\"a&amp;b\"", " title='single'", " title=x", " TITLE=\"x\"", " title=\"\"",
                " title=\" \"", " title=\"x\" title=\"y\"", " title=\"a > b\"", " dir=\"rtl\"", " style=\"color:red\"",
                " title=\"\u0001\"", " title=\"line\nbreak\"", "  title=\"two spaces\"", " hidden", " title=\"x\"title=\"y\""};

        private final Random random;
        private final StringBuilder out = new StringBuilder();

        /** Raw tags only in the spellings the direct writer accepts, so that it writes bodies with them often. */
        private final boolean strictTags;

        Generator(Random random) {
            this.random = random;
            this.strictTags = random.nextBoolean();
        }

        String document() {
            int blocks = 1 + random.nextInt(8);
            for (int i = 0; i < blocks; i++) {
                block(0);
                out.append(random.nextInt(8) == 0 ? "\n" : "\n\n");
            }
            return out.toString();
        }

        private boolean rare() {
            return random.nextInt(40) == 0;
        }

        private void block(int depth) {
            int kind = random.nextInt(depth > 2 ? 3 : 12);
            switch (kind) {
                case 0, 1, 2 -> inlines();
                case 3 -> {
                    out.append("#".repeat(1 + random.nextInt(6))).append(' ');
                    inlines();
                }
                case 4, 5 -> list(depth, random.nextBoolean());
                case 6 -> {
                    out.append("> ");
                    block(depth + 1);
                    if (random.nextBoolean()) {
                        out.append("\n>\n> ");
                        inlines();
                    }
                }
                case 7 -> out.append(random.nextBoolean() ? "***" : "---");
                case 8 -> {
                    inlines();
                    out.append(random.nextBoolean() ? "  \n" : "\n");
                    inlines();
                }
                case 9 -> out.append(rare() ? "```\ncode <b>\n```" : rare() ? "    indented" : "plain words only");
                case 10 -> out.append(rare() ? HOSTILE[random.nextInt(HOSTILE.length)] : "Another plain line.");
                default -> out.append(rare() ? "| a | b |\n|---|---|\n| 1 | 2 |" : rare() ? "![alt](pic.png)" : rare() ? "Text [^1].\n\n[^1]: Note." : "Plain.");
            }
        }

        private void list(int depth, boolean ordered) {
            int items = 1 + random.nextInt(4);
            int start = random.nextInt(4) == 0 ? random.nextInt(12) : 1;
            boolean loose = random.nextInt(3) == 0;
            String indent = "  ".repeat(depth) + (depth > 0 && ordered ? " " : "");
            for (int i = 0; i < items; i++) {
                out.append(indent).append(ordered ? (start + i) + ". " : "- ");
                inlines();
                out.append('\n');
                if (random.nextInt(6) == 0 && depth < 2) {
                    list(depth + 1, random.nextBoolean());
                }
                if (loose) {
                    out.append('\n');
                }
            }
        }

        private void inlines() {
            int pieces = 1 + random.nextInt(12);
            for (int i = 0; i < pieces; i++) {
                int kind = random.nextInt(20);
                if (i > 0) {
                    out.append(' ');
                }
                switch (kind) {
                    case 0, 1 -> {
                        out.append('*');
                        word();
                        out.append('*');
                    }
                    case 2 -> {
                        out.append("**");
                        word();
                        out.append(" ");
                        word();
                        out.append("**");
                    }
                    case 3, 4 -> {
                        out.append('[');
                        word();
                        out.append("](").append(URLS[random.nextInt(random.nextInt(8) == 0 ? URLS.length : 6)])
                                .append(TITLES[random.nextInt(TITLES.length)]).append(')');
                    }
                    case 6 -> rawInline();
                    case 5 -> {
                        if (rare()) {
                            out.append(HOSTILE[random.nextInt(HOSTILE.length)]);
                        } else if (rare()) {
                            out.append("`code & <b>`");
                        } else if (rare()) {
                            out.append("www.example.org");
                        } else if (rare()) {
                            out.append(random.nextBoolean() ? "&#0;" : "&#128;");
                        } else if (rare()) {
                            out.append((char) random.nextInt(0x20)).append((char) (0xD800 + random.nextInt(0x800)));
                        } else {
                            word();
                        }
                    }
                    default -> word();
                }
            }
        }

        /**
         * An inline tag written raw around a few pieces: mostly phrasing tags in the strict spelling the
         * direct writer accepts, with a share of other tags, spellings, attributes and broken nesting.
         */
        private void rawInline() {
            String tag = !strictTags && random.nextInt(6) == 0 ? RAW_OTHER[random.nextInt(RAW_OTHER.length)] : RAW_PHRASING[random.nextInt(RAW_PHRASING.length)];
            String open = "<" + (!strictTags && rare() ? tag.toUpperCase(Locale.ROOT) : tag);
            for (int a = random.nextInt(strictTags ? 2 : 3); a > 0; a--) {
                open += RAW_ATTRIBUTES[random.nextInt(!strictTags && random.nextInt(4) == 0 ? RAW_ATTRIBUTES.length : 4)];
            }
            open += strictTags ? ">" : rare() ? " >" : rare() ? "/>" : ">";
            out.append(open);
            int kind = random.nextInt(12);
            if (kind == 0) {
                out.append('*');
                word();
                out.append(' ');
                rawInline();
                out.append("* ");
            } else if (kind == 1) {
                out.append('[');
                word();
                out.append("](").append(URLS[random.nextInt(6)]).append(") ");
            } else {
                word();
                out.append(random.nextBoolean() ? " " : "");
                if (random.nextInt(5) == 0) {
                    rawInline();
                }
                word();
            }
            if (strictTags || random.nextInt(15) != 0) { // sometimes left open
                out.append(strictTags ? "</" + tag + ">" : random.nextInt(20) == 0 ? "</" + RAW_PHRASING[random.nextInt(RAW_PHRASING.length)] + ">"
                        : random.nextInt(30) == 0 ? "</" + tag + " >" : "</" + tag + ">");
            }
        }

        private void word() {
            out.append(random.nextInt(3) == 0 ? WORDS[random.nextInt(WORDS.length)] : "word" + random.nextInt(50));
        }
    }
}
