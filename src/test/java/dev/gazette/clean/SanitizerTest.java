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
        assertThat(html).isEqualTo("<p>Text</p>");
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
        assertThat(html).contains("<a href=\"https://news.example/story.html\">story</a>", "<a href=\"#notes\">notes</a>",
                "<img src=\"https://news.example/img/ferry.jpg\" alt=\"\" loading=\"lazy\" decoding=\"async\">", "<figcaption>Ferry</figcaption>");
    }

    @Test
    void keepsArticleStructure() {
        String html = sanitizer.clean("<h2>Head</h2><blockquote><p><em>Quoted</em></p></blockquote><ol><li>one</li></ol>"
                + "<ul><li><strong>two</strong></li></ul>", null);
        assertThat(html).isEqualTo("<h2>Head</h2><blockquote><p><em>Quoted</em></p></blockquote><ol><li>one</li></ol>"
                + "<ul><li><strong>two</strong></li></ul>");
    }
}
