package dev.gazette.clean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 9 #15 and #16: article ids never take the theme's, and URLs come out well-formed. */
class SanitizerIdsAndUrlsTest {
    @Test
    void aHeadingIdInTheThemesNamespaceIsMovedOutOfIt() {
        String html = Sanitizer.curated().clean("<h2 id=\"gz-main\">GZ main</h2><p><a href=\"#gz-main\">up</a>"
                + " <a href=\"#other\">other</a></p><h2 id=\"other\">Other</h2>", null);
        assertThat(html).isEqualTo("<h2 id=\"content-gz-main\">GZ main</h2><p><a href=\"#content-gz-main\">up</a>"
                + " <a href=\"#other\">other</a></p><h2 id=\"other\">Other</h2>");
    }

    @Test
    void aMarkdownHeadingNamedLikeTheThemesLandmarkGetsItsOwnId() {
        Extraction found = new Cleaner().clean(dev.gazette.source.SourceFormat.MARKDOWN, "## GZ main\n\nText.\n", null);
        assertThat(found.html()).contains("id=\"content-gz-main\"").doesNotContain("id=\"gz-main\"");
    }

    @Test
    void spacesAndOtherForbiddenCharactersInUrlsArePercentEncoded() {
        String html = Sanitizer.untrusted().clean("<p><img src=\"https://example.com/a b.jpg\" alt=\"x\">"
                + "<a href=\" https://example.com/q?x={1}|^ \">link</a></p>", null);
        assertThat(html).isEqualTo("<p><img src=\"https://example.com/a%20b.jpg\" alt=\"x\" loading=\"lazy\" decoding=\"async\">"
                + "<a href=\"https://example.com/q?x=%7B1%7D%7C%5E\">link</a></p>");
        assertThat(Sanitizer.escapeUnsafe("https://example.com/ok%20already?a=1&b=é")).isEqualTo("https://example.com/ok%20already?a=1&b=é");
    }
}
