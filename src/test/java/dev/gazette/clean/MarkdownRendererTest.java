package dev.gazette.clean;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parsing without the extensions a body cannot need, with the bounds-only inline parser, from an array of the
 * body's characters, gives the tree flexmark gives with every extension from the string.
 */
class MarkdownRendererTest {
    private final MarkdownRenderer bySyntax = new MarkdownRenderer();
    private final MarkdownRenderer everyExtension = new MarkdownRenderer(AutolinkExtension.create());

    /** Markdown that holds no link by itself. */
    private static final String[] PLAIN = {"word", "example", ".org", "desk", " ", "  ", "\n", "\n\n", "\n- ", "\n1. ", "\n> ",
            "\n# ", "\n    ", "|", " | ", "\n| a | b |\n", "\n---|---\n", "\n|---|:-:|\n", "\n:---\n", "\n---\n", "-", "---", "&",
            "&amp;", "&lt;", "&quot;", "R&D", "&bogus;", "[^1]", "\n[^1]: note\n", "~~", "~", "*", "**", "_", "`", "[", "]", "(", ")",
            "<", ">", "\\", "\\|", "<em>", "</em>", ".", "/", "//", "w", "ww", "http", "mailto",
            // Two-byte text and line ends: the body is parsed from an array, the reference from the string.
            "\u2014", "caf\u00e9", "\u201cq\u201d", "\r\n", "\r", "\t", "\u0000", "\uD83D\uDE00",
            // Beside emphasis runs, which open or close by the classes of their neighbours.
            "\u00a0", "\u3000", "\u00bf", "\u2018", "\u00ab", "\u00a7", "$", "+", "=", "{", "}", "\f", "\u005f\u005f", "***",
            // Links, references and inline tags, which the inline parser reads with regular expressions.
            "[t](/u \"title\")", "[t](</a b> 'x')", "[t]( /u (p) )", "](/v)", "[r]", "[r][]", "\n[r]: /url (T)\n", "\n[r]: <a b>\n",
            "![i](/p.png \"c\")", "<abbr title=\"x\">", "</abbr>", "<span class='c'>", "</span>", "<!-- c -->", "<br/>", "<?p?>"};
    /** Markdown of which any one may make a link, or only look as if it could. */
    private static final String[] LINKISH = {":", "@", "www", "www.example.org", "http://example.org/a", "mailto:desk@example.org",
            "<https://x.org>", "[a](https://example.org/p:q)", "&#58;", "&#x3A;", "&colon;", "&#64;", "&commat;", "&#119;",
            "&period;", "&sol;", "&#", "desk&#64;example.org", "http&colon;//example.org/", "https&#58;//x.org", "&#119;ww.example.org",
            "desk&commat;example.org"};

    @Test
    @Tag("slow")
    void givesWhatEveryExtensionGivesOnGeneratedMarkdown() {
        Random random = new Random(30112026);
        int withoutTables = 0;
        int withoutLinks = 0;
        for (int i = 0; i < 2000; i++) {
            StringBuilder md = new StringBuilder();
            int linkish = random.nextInt(3);
            for (int k = 1 + random.nextInt(30); k > 0; k--) {
                md.append(PLAIN[random.nextInt(PLAIN.length)]);
                if (linkish > 0 && random.nextInt(10) == 0) {
                    md.append(LINKISH[random.nextInt(LINKISH.length)]);
                    linkish--;
                }
            }
            String text = md.toString();
            assertThat(bySyntax.render(bySyntax.parse(text))).as(text)
                    .isEqualTo(everyExtension.render(everyExtension.parse(text)));
            withoutTables += text.indexOf('|') < 0 ? 1 : 0;
            withoutLinks += Arrays.stream(LINKISH).noneMatch(text::contains) ? 1 : 0;
        }
        assertThat(withoutTables).isGreaterThan(300);
        assertThat(withoutLinks).isGreaterThan(300);
    }

    @Test
    void findsTablesAndLinksWhereTheyAre() {
        String md = "See www.example.org or write to desk@example.org.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        String html = bySyntax.render(bySyntax.parse(md));
        assertThat(html).contains("<a href=\"http://www.example.org\">www.example.org</a>")
                .contains("<a href=\"mailto:desk@example.org\">desk@example.org</a>").contains("<table>");
        assertThat(html).isEqualTo(everyExtension.render(everyExtension.parse(md)));
    }
}
