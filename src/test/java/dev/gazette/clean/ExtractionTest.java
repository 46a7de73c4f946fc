package dev.gazette.clean;

import dev.gazette.source.SourceFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No body the cleaner gives holds half a character, whichever way it was made: Markdown written
 * straight from its tree or through the sanitizer, text dumps, saved pages (a lone surrogate
 * cannot be written to a file, and only some makers of an extraction scan for one).
 */
class ExtractionTest {
    private static final String PARAGRAPH = "The article paragraph says something in a full sentence, as articles do. ";

    /** Lone halves as references and as characters, in text, in an attribute, beside a pair, at a text's end. */
    @ParameterizedTest
    @ValueSource(strings = {"&#xD800;", "&#xDFFF; and &#55296;", "\uD800", "x\uDC00y", "\uD83D\uDE00\uD800", "\uDBFF",
            "<em>\uD800</em>\uDC00", "[a](https://a.example/ \"\uD800\")", "<span title=\"\uD800\">s</span>", "<div>\uD800</div>"})
    void noBodyHoldsALoneSurrogate(String unit) {
        Cleaner cleaner = new Cleaner();
        String markdown = "# Heading " + unit + "\n\n" + PARAGRAPH + unit + "\n\n- " + unit + "\n\n" + PARAGRAPH + unit;
        String page = "<html><head><title>A headline long enough " + unit + "</title></head><body><article><h1>A headline long enough "
                + unit + "</h1>" + ("<p>" + PARAGRAPH + unit + "</p>").repeat(6) + "</article></body></html>";
        String dump = "A headline that is long enough to be one " + unit + "\n\n" + (PARAGRAPH + unit + "\n\n").repeat(6);
        assertWellFormed(cleaner.clean(SourceFormat.MARKDOWN, markdown, null));
        assertWellFormed(cleaner.clean(SourceFormat.HTML, page, "https://news.example/a"));
        assertWellFormed(cleaner.clean(SourceFormat.TEXT, dump, null));
    }

    private static void assertWellFormed(Extraction found) {
        for (String s : new String[] {found.title(), found.byline(), found.siteName(), found.image(), found.url(), found.html(), found.text()}) {
            if (s != null) {
                assertThat(s.codePoints().filter(c -> c >= 0xD800 && c <= 0xDFFF).count()).as(s).isZero();
            }
        }
    }
}
