package dev.gazette.link;

import dev.gazette.model.Tag;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** In-body links made in the written body must be the ones made on jsoup's tree, whenever they are made there. */
class WrittenHtmlTest {
    private static final List<Tag> TAGS = List.of(
            new Tag("openai", "OpenAI", null, List.of("ChatGPT")),
            new Tag("eu", "EU", null, List.of("European Union")),
            new Tag("china", "China", null, List.of("Chinese")),
            new Tag("trade", "trade", null, List.of()),
            new Tag("zurich", "Zürich", null, List.of("Zuerich")),
            new Tag("western-courier", "Western Courier", null, List.of()),
            new Tag("k-pop", "K-pop", null, List.of("kpop")));
    private static final List<String> SOURCES = List.of("https://paper.example/story/1", "http://www.paper.example/story/1/",
            "https://other.example/a?b=1&c=2", "https://own.example/x", "/relative", "mailto:ed@x.example");
    private static final List<String> WORDS = List.of("OpenAI", "openai", "OpenAI’s", "EU", "Eu", "European  Union",
            "China", "CHINA", "Chinese", "Chinaware", "trade", "Trade", "tradeoff", "Zürich", "ZÜRICH", "zürich", "Zuerich",
            "Western\nCourier", "Western Courier", "K-pop", "kpop", "KPOP", "\u212Apop", "the", "and", "a", "1999",
            "x", "é", "\u00a0", "&", "<", ">", "\"", "'", "\t", "\n", "😀", "ChatGPT", "chatgpt", "—", "“quoted”",
            "a&amp;b", "&copy;", "&#39;", "ﬁ");
    /** Characters jsoup writes otherwise than it reads them, or reads otherwise than written. */
    private static final List<String> ODD_WORDS = List.of("\r", "\r\n", "\u0001", "\u0000", "\ud83d", "\ude00",
            "\u2028", "\ufeff", "&amp", "&#x41;", "&nbsp");
    private static final List<String> BLOCKS = List.of("p", "p", "p", "blockquote", "ul", "ol", "h2", "h3", "pre",
            "figure", "div", "section", "dl", "table", "hr", "li", "dt", "h1", "aside", "xmp");
    private static final List<String> INLINES = List.of("em", "strong", "a", "a", "code", "sup", "sub", "span", "b", "i",
            "u", "s", "mark", "small", "kbd", "abbr", "q", "cite", "time", "del", "ins", "samp", "var", "br", "img",
            "figcaption", "font", "nobr", "button", "script", "svg", "p", "li");

    private static String asJsoupWrites(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        return doc.body().html();
    }

    @Test
    void aBodyAsJsoupWritesItIsLinkedWithoutAParseAsTheParseLinksIt() {
        String html = asJsoupWrites("<h2>OpenAI and China</h2><p>See <a href=\"https://paper.example/story/1\">OpenAI news</a>"
                + " &amp; more. OpenAI’s offer to China&nbsp;&lt;today&gt;, and China again.</p>"
                + "<ul><li><em>Western Courier</em> on trade</li></ul><p><code>trade</code> <img src=\"x.png\" alt=\"\"></p>");
        Map<String, String> sources = Map.of(InBodyLinks.normalise("https://paper.example/story/1"), "first-report");
        Map<String, String> names = InBodyLinks.names(TAGS);

        String written = WrittenHtml.link(html, sources, "this-one", new InBodyLinks.FirstMentions(TAGS));

        assertThat(written).isEqualTo("<h2>OpenAI and China</h2><p>See <a href=\"gazette:article/first-report\">OpenAI news</a>"
                + " &amp; more. <a href=\"gazette:tag/openai\" class=\"tag-link\">OpenAI</a>’s offer to "
                + "<a href=\"gazette:tag/china\" class=\"tag-link\">China</a>&nbsp;&lt;today&gt;, and China again.</p>"
                + "<ul><li><em><a href=\"gazette:tag/western-courier\" class=\"tag-link\">Western Courier</a></em> on "
                + "<a href=\"gazette:tag/trade\" class=\"tag-link\">trade</a></li></ul><p><code>trade</code> <img src=\"x.png\" alt=\"\"></p>")
                .isEqualTo(InBodyLinks.linkParsed(html, sources, "this-one", names));
    }

    @Test
    void whatOnlyTheParseReadsRightIsLeftToIt() {
        Map<String, String> names = InBodyLinks.names(TAGS);
        for (String html : List.of("<p>a<p>b", "<p>China</p><!-- c -->", "<p><div>China</div></p>", "<a href=\"x\"><a>China</a></a>",
                "<li>China</li>", "<p>a &copy; China</p>", "<p>x > y China</p>", "<br/><p>China</p>", "<P>China</P>",
                "<pre>\nChina</pre>", "<table><tr><td>China</td></tr></table>", "<p>China\r\nChina</p>", "<p>China",
                "<p hidden=\"\">China</p>", "<p title='x'>China</p>", "<p title=\"a\" title=\"b\">China</p>",
                "<em>China</strong>", "<p>China</p></p>", "<img src=\"a\"></img>", "<p>\u00a0China</p>")) {
            assertThat(WrittenHtml.link(html, Map.of(), "", new InBodyLinks.FirstMentions(TAGS))).as(html).isNull();
            assertThat(InBodyLinks.link(html, Map.of(), "", TAGS)).isEqualTo(InBodyLinks.linkParsed(html, Map.of(), "", names));
        }
    }

    /** Random bodies, most malformed in some way, and the same as jsoup writes them: never a difference from the parse. */
    @Test
    void randomBodiesAreLinkedAsTheParseLinksThem() {
        Random random = new Random(20261129);
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(InBodyLinks.normalise(SOURCES.get(0)), "first-report");
        sources.put(InBodyLinks.normalise(SOURCES.get(2)), "second");
        sources.put(InBodyLinks.normalise(SOURCES.get(3)), "own");
        int written = 0;
        for (int n = 0; n < 1500; n++) {
            List<Tag> tags = TAGS.subList(random.nextInt(3), TAGS.size() - random.nextInt(3));
            Map<String, String> names = InBodyLinks.names(tags);
            StringBuilder html = new StringBuilder();
            int blocks = 1 + random.nextInt(5);
            boolean odd = random.nextInt(4) == 0;
            for (int b = 0; b < blocks; b++) {
                block(random, html, odd);
            }
            for (String body : List.of(html.toString(), asJsoupWrites(html.toString()))) {
                // The parse tries every position for a mention; the written body's scan only those where a name may begin.
                String fast = WrittenHtml.link(body, sources, "own", new InBodyLinks.FirstMentions(tags));
                String parsed = InBodyLinks.linkParsed(body, sources, "own", names);
                if (fast != null) {
                    written++;
                    assertThat(fast).as(body).isEqualTo(parsed);
                }
                assertThat(InBodyLinks.link(body, sources, "own", tags)).as(body).isEqualTo(parsed);
            }
        }
        // Most bodies as jsoup writes them were linked in their text: the test compares two ways, not the parse with itself.
        assertThat(written).isGreaterThan(1000);
    }

    private static void block(Random random, StringBuilder html, boolean odd) {
        String tag = BLOCKS.get(random.nextInt(odd ? BLOCKS.size() : 9));
        switch (tag) {
            case "ul", "ol" -> {
                html.append('<').append(tag).append('>');
                for (int k = random.nextInt(3); k >= 0; k--) {
                    html.append("<li>");
                    inline(random, html, 2, odd);
                    html.append("</li>");
                }
                html.append("</").append(tag).append('>');
            }
            case "dl" -> html.append("<dl><dt>China</dt><dd>").append(word(random, odd)).append("</dd></dl>");
            case "hr" -> html.append(random.nextBoolean() ? "<hr>" : "<hr/>");
            case "figure" -> {
                html.append("<figure><img src=\"a.png\" alt=\"").append(word(random, odd).replace("\"", "&quot;")).append("\"><figcaption>");
                inline(random, html, 1, odd);
                html.append("</figcaption></figure>");
            }
            case "pre" -> {
                boolean code = random.nextBoolean();
                html.append(code ? "<pre><code>" : random.nextBoolean() ? "<pre>\n" : "<pre>");
                inline(random, html, 0, odd);
                html.append(code ? "</code></pre>" : "</pre>");
            }
            default -> {
                html.append('<').append(tag).append(attributes(random)).append('>');
                inline(random, html, 3, odd);
                if (!odd || random.nextInt(4) > 0) {
                    html.append("</").append(tag).append('>');
                }
            }
        }
        if (random.nextInt(5) == 0) {
            html.append(random.nextBoolean() ? "\n" : " ");
        }
    }

    private static void inline(Random random, StringBuilder html, int depth, boolean odd) {
        int parts = 1 + random.nextInt(5);
        for (int k = 0; k < parts; k++) {
            if (depth > 0 && random.nextInt(3) == 0) {
                String tag = INLINES.get(random.nextInt(odd ? INLINES.size() : 23 + 2));
                if (tag.equals("br") || tag.equals("img")) {
                    html.append(tag.equals("br") ? "<br>" : "<img src=\"i.png\" alt=\"China\">");
                    continue;
                }
                html.append('<').append(tag).append(tag.equals("a") ? href(random) : attributes(random)).append('>');
                inline(random, html, depth - 1, odd);
                if (!odd || random.nextInt(4) > 0) {
                    html.append("</").append(odd && random.nextInt(4) == 0 ? "em" : tag).append('>');
                }
            } else {
                html.append(word(random, odd));
                if (random.nextBoolean()) {
                    html.append(' ');
                }
            }
        }
    }

    private static String word(Random random, boolean odd) {
        String word = odd && random.nextInt(8) == 0 ? ODD_WORDS.get(random.nextInt(ODD_WORDS.size()))
                : WORDS.get(random.nextInt(WORDS.size()));
        return switch (word) {
            case "&" -> random.nextBoolean() ? "&amp;" : "&";
            case "<" -> "&lt;";
            case ">" -> random.nextBoolean() ? "&gt;" : ">";
            case "\u00a0" -> random.nextBoolean() ? "&nbsp;" : "\u00a0";
            default -> word;
        };
    }

    private static String href(Random random) {
        String url = SOURCES.get(random.nextInt(SOURCES.size()));
        return " href=\"" + (random.nextBoolean() ? url.replace("&", "&amp;") : url) + "\"" + (random.nextInt(4) == 0 ? " title=\"t\"" : "");
    }

    private static String attributes(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> " title=\"a &amp; b &quot;c&quot; &lt;d&gt;\"";
            case 1 -> " id=\"x\" class=\"y\"";
            case 2 -> " hidden";
            case 3 -> " hidden=\"\"";
            case 4 -> " hidden=\"until-found\"";
            case 5 -> " title=\"\"";
            case 6 -> " title=\"a > b\"";
            case 7 -> " id=\"a\" id=\"b\"";
            case 8 -> " data-x=\"1\"";
            default -> "";
        };
    }
}
