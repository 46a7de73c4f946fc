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
}
