package dev.gazette.render;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Internal references are resolved exactly as the pattern that defines them finds them. */
class InternalRefsTest {
    /** The definition: what the scan replaces, and nothing else. */
    private static final Pattern REF = Pattern.compile("href=\"gazette:(tag|article)/([a-z0-9-]+)\"");
    private static final UnaryOperator<String> LINK = path -> "/digest/" + path;

    @Test
    void referencesAreResolvedAsThePatternFindsThem() {
        assertThat(InternalRefs.resolve("<a href=\"gazette:tag/ferries\">ferries</a> and <a href=\"gazette:article/"
                + "kestrel-line\">the line</a>", LINK)).isEqualTo("<a href=\"/digest/" + Urls.tag("ferries") + "\">ferries</a> and "
                + "<a href=\"/digest/" + Urls.article("kestrel-line") + "\">the line</a>");
        String[] pieces = {"href=\"gazette:", "tag/", "article/", "story/", "ferry", "Ferry", "-", "9", "\"", ">", " ",
            "gazette:", "href=\"", "é", "<a ", "x"};
        Random random = new Random(11);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder html = new StringBuilder("gazette:");
            for (int i = random.nextInt(30); i > 0; i--) {
                html.append(pieces[random.nextInt(pieces.length)]);
            }
            assertThat(InternalRefs.resolve(html.toString(), LINK)).as(html.toString()).isEqualTo(byPattern(html.toString()));
        }
    }

    /** A content file's path under media/ is written as a URL's: spaces, "%", "#" and "?" of a file's name encoded. */
    @Test
    void localFilesAreAddressedUnderMediaWithTheirPathEncoded() {
        Urls urls = new Urls(java.net.URI.create("https://example.org/digest/"));
        assertThat(InternalRefs.resolve("<img src=\"gazette:file/raw/Ferry vote_files/50% off #2?.png\" alt=\"a\"> and "
                + "<img src=\"gazette:file/images/кит.png\">", urls::link))
                .isEqualTo("<img src=\"/digest/media/raw/Ferry%20vote_files/50%25%20off%20%232%3F.png\" alt=\"a\"> and "
                        + "<img src=\"/digest/media/images/%D0%BA%D0%B8%D1%82.png\">");
    }

    private static String byPattern(String html) {
        Matcher m = REF.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String path = m.group(1).equals("tag") ? Urls.tag(m.group(2)) : Urls.article(m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement("href=\"" + LINK.apply(path) + "\""));
        }
        return m.appendTail(out).toString();
    }
}
