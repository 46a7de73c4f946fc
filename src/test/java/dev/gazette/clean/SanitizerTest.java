package dev.gazette.clean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SanitizerTest {
    private final Sanitizer sanitizer = Sanitizer.untrusted();

    @Test
    void dropsActiveContent() {
        String html = sanitizer.clean("<p onclick=\"steal()\" onmouseover=\"x()\">Text<script>alert(1)</script></p>"
                + "<style>p{}</style><iframe src=\"https://ads.example/\"></iframe>"
                + "<object data=\"x.swf\"></object><embed src=\"y.swf\"><form><input name=q></form>", null);
        // The frame never runs; it is shown as a link to its address (see EmbedLinksTest).
        assertThat(html).isEqualTo("<p>Text</p><p><a href=\"https://ads.example/\">Embedded content from ads.example</a></p>");
    }

    @Test
    void dropsScriptUrlsButKeepsTheLinkText() {
        String html = sanitizer.clean("<p><a href=\"javascript:alert(1)\">one</a> <a href=\" JavaScript:x()\">two</a> "
                + "<a href=\"vbscript:msgbox()\">three</a> <a href=\"data:text/html;base64,PHNjcmlwdD4=\">four</a>"
                + "<img src=\"data:image/png;base64,AAAA\" alt=\"pixel\"></p>", "https://news.example/a/b.html");
        assertThat(html).isEqualTo("<p>one two three four</p>");
    }

    @Test
    void resolvesRelativeUrlsAgainstTheSource() {
        String html = sanitizer.clean("<p><a href=\"../story.html\">story</a> <a href=\"#notes\">notes</a></p>"
                + "<figure><img src=\"/img/ferry.jpg\"><figcaption>Ferry</figcaption></figure>", "https://news.example/a/b.html");
        assertThat(html).contains("<a href=\"https://news.example/story.html\">story</a>",
                "<a href=\"https://news.example/a/b.html#notes\">notes</a>",
                "<img src=\"https://news.example/img/ferry.jpg\" alt=\"\" loading=\"lazy\" decoding=\"async\">", "<figcaption>Ferry</figcaption>");
    }

    @Test
    void keepsArticleStructure() {
        String html = sanitizer.clean("<h2>Head</h2><blockquote><p><em>Quoted</em></p></blockquote><ol><li>one</li></ol>"
                + "<ul><li><strong>two</strong></li></ul>", null);
        assertThat(html).isEqualTo("<h2>Head</h2><blockquote><p><em>Quoted</em></p></blockquote><ol><li>one</li></ol>"
                + "<ul><li><strong>two</strong></li></ul>");
    }

    /** Found by PipelinePropertiesTest: a saved page's {@code #frag} link was a broken link in the site. */
    @Test
    void aSamePageLinkToAnIdTheBodyDoesNotHaveKeepsOnlyItsText() {
        assertThat(sanitizer.clean("<p id=\"top\"><a href=\"#frag\">frag</a> <a href=\"#top\">top</a> <a href=\"#\">none</a></p>", null))
                .isEqualTo("<p>frag top <a href=\"#\">none</a></p>");
        String curated = Sanitizer.curated().clean("<h2 id=\"fl%C3%BCsse\">Flüsse</h2><p><a href=\"#fl%C3%BCsse\">up</a> "
                + "<a href=\"#fn-1\">1</a> <a href=\"#elsewhere\">gone</a></p><ol><li id=\"fn-1\">Note</li></ol>", null);
        assertThat(curated).contains("<a href=\"#fn-1\">1</a>", " gone</p>").doesNotContain("#elsewhere");
    }

    /** Found by building ../shared/cleaning-dev's pages into a digest and running the Nu HTML Checker over it. */
    @Test
    void headingsAreNumberedUnderThePagesHeadlineWithoutSkippingALevel() {
        assertThat(sanitizer.clean("<h3>A</h3><p>x</p><h4>B</h4><h6>C</h6><h3>D</h3>", null))
                .isEqualTo("<h2>A</h2><p>x</p><h3>B</h3><h4>C</h4><h2>D</h2>");
        assertThat(sanitizer.clean("<h1>T</h1><h2>S</h2><h2>U</h2><h1>V</h1>", null))
                .isEqualTo("<h2>T</h2><h3>S</h3><h3>U</h3><h2>V</h2>");
        assertThat(sanitizer.clean("<h2>A</h2><h4>B</h4><h3>C</h3>", null)).isEqualTo("<h2>A</h2><h3>B</h3><h3>C</h3>");
    }

    @Test
    void aFiguresCaptionIsItsFirstOrLastChildAndOnlyAFigureHasOne() {
        String img = "<img src=\"https://e.example/a.jpg\" alt=\"a\">";
        String lazy = "<img src=\"https://e.example/a.jpg\" alt=\"a\" loading=\"lazy\" decoding=\"async\">";
        assertThat(sanitizer.clean("<div><figure>" + img + "</figure> <figcaption>Cap</figcaption></div>", null))
                .isEqualTo("<figure>" + lazy + "<figcaption>Cap</figcaption></figure>");
        assertThat(sanitizer.clean("<figure>" + img + "<figcaption>Cap</figcaption><cite>Credit</cite></figure>", null))
                .isEqualTo("<figure>" + lazy + "<figcaption>Cap<cite>Credit</cite></figcaption></figure>");
        assertThat(sanitizer.clean("<figure><figcaption>Top</figcaption>" + img + "<figcaption>Again</figcaption></figure>", null))
                .isEqualTo("<figure><figcaption>Top</figcaption>" + lazy + "Again</figure>");
        assertThat(sanitizer.clean("<p>x</p><figcaption>Lonely <b>one</b></figcaption>", null)).isEqualTo("<p>x</p><figure><figcaption>Lonely <b>one</b></figcaption></figure>");
    }

    @Test
    void aDescriptionListWithoutItsTermsBecomesParagraphsAndListItemsAreInAList() {
        assertThat(sanitizer.clean("<dl><dd>Indented</dd><dd></dd></dl><dl><dt>T</dt><dd>D</dd></dl>", null))
                .isEqualTo("<p>Indented</p><dl><dt>T</dt><dd>D</dd></dl>");
        assertThat(sanitizer.clean("<dl><dt><h3>Head</h3></dt><dd><p>Body</p></dd></dl>", null)).isEqualTo("<h2>Head</h2><p>Body</p>");
        assertThat(sanitizer.clean("<div><li>one</li> <li>two</li></div><p>x</p><li>three</li>", null))
                .isEqualTo("<ul><li>one</li> <li>two</li></ul><p>x</p><ul><li>three</li></ul>");
    }

    @Test
    void attributesAValidatorRefusesAreMendedOrLeftOut() {
        String html = sanitizer.clean("<p><img src=\"https://e.example/a.jpg\" width=\"150px\" height=\"46\">"
                + "<img src=\"https://e.example/b.jpg\" srcset=\"https://e.example/b.jpg 1x, https://e.example/b2.jpg 2x\" sizes=\"50vw\">"
                + "<img src=\"https://e.example/c.jpg\" srcset=\"https://cdn.example/q,w_640/c.jpg 640w, https://cdn.example/q,w_1280/c.jpg 1280w\">"
                + "<img src=\"https://:0\"><a href=\"https://:0/x\">nowhere</a> "
                + "<a href=\"https://shop.example/p?tag=[type|link]\">shop</a> bell&#16;&#x7f;ed</p>"
                + "<table><tr><td colspan=\"2\">a</td><td colspan=\"x\">b</td></tr></table>", null);
        assertThat(html).contains("<img src=\"https://e.example/a.jpg\" height=\"46\" alt=\"\"",
                "srcset=\"https://e.example/b.jpg 1x, https://e.example/b2.jpg 2x\" alt",
                "srcset=\"https://cdn.example/q,w_640/c.jpg 640w, https://cdn.example/q,w_1280/c.jpg 1280w\" alt=\"\" sizes=\"100vw\"",
                "nowhere <a href=\"https://shop.example/p?tag=%5Btype%7Clink%5D\">shop</a> belled</p>",
                "<td>a</td><td>b</td>") // (a column of a span no other cell begins in: see the next test)
                .doesNotContain("50vw", "https://:0", "150px");
    }

    /** Found in review: eight hex digits overflowed the check for a reference to a control character, an internal error. */
    @Test
    void aReferenceBeyondUnicodeIsNoControlAndNoError() {
        assertThat(sanitizer.clean("<p>a &#xFFFFFFFF; b &#99999999; c &#x80000009; d&#x1;</p>", null))
                .isEqualTo("<p>a \uFFFD b \uFFFD c \uFFFD d</p>");
    }

    @Test
    void aTablesSpansFitItsCellsOrGo() {
        // A header spanning a column no other cell begins in: the spans go.
        assertThat(sanitizer.clean("<table><tr><th colspan=\"2\">Head</th></tr><tr><td>a</td></tr></table>", null))
                .isEqualTo("<table><tbody><tr><th>Head</th></tr><tr><td>a</td></tr></tbody></table>");
        // Spans that fit stay; an empty row goes; a span that is not a whole number from 1 goes.
        assertThat(sanitizer.clean("<table><tr><th colspan=\"2\">Head</th></tr><tr></tr><tr><td>a</td><td rowspan=\"x\">b</td></tr></table>", null))
                .isEqualTo("<table><tbody><tr><th colspan=\"2\">Head</th></tr><tr><td>a</td><td>b</td></tr></tbody></table>");
        // A cell overlapping one from the row above.
        assertThat(sanitizer.clean("<table><tr><td>a</td><td rowspan=\"2\">b</td></tr><tr><td colspan=\"2\">c</td></tr></table>", null))
                .doesNotContain("span");
    }
}
