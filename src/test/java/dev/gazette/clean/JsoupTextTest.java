package dev.gazette.clean;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

class JsoupTextTest {
    /** Text and an attribute value escaped here are what jsoup writes for them, wherever it writes them at all. */
    @Test
    void escapesTextAndAttributeValuesAsJsoupWritesThem() {
        qt().withExamples(4000).forAll(strings().allPossible().ofLengthBetween(0, 10), strings().ascii().ofLengthBetween(0, 10))
                .checkAssert((any, ascii) -> {
                    String value = ascii + "&<>\"\u00a0" + any;
                    String text = JsoupText.escape(value, false, JsoupText.Unusual.AS_JSOUP);
                    String attribute = JsoupText.escape(value, true, JsoupText.Unusual.AS_JSOUP);
                    boolean control = value.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n');
                    assertThat(text == null).as(value).isEqualTo(control);
                    assertThat(attribute == null).as(value).isEqualTo(control);
                    if (!control) {
                        assertThat("<span title=\"" + attribute + "\">" + text + "</span>").as(value).isEqualTo(jsoup(value));
                    }
                });
    }

    /** Declining gives up on C1 controls and lone surrogates too, and otherwise writes what jsoup writes. */
    @Test
    void decliningGivesUpOnEveryControlAndLoneSurrogate() {
        qt().withExamples(4000).forAll(strings().allPossible().ofLengthBetween(0, 10), strings().ascii().ofLengthBetween(0, 10))
                .checkAssert((any, ascii) -> {
                    String value = any + "\"" + ascii;
                    String declining = JsoupText.escape(value, true, JsoupText.Unusual.DECLINE);
                    boolean unusual = value.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' || c >= 0x7F && c <= 0x9F)
                            || !value.codePoints().allMatch(c -> c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE);
                    assertThat(declining == null).as(value).isEqualTo(unusual);
                    if (!unusual) {
                        assertThat(declining).as(value).isEqualTo(JsoupText.escape(value, true, JsoupText.Unusual.AS_JSOUP));
                    }
                });
        assertThat(JsoupText.escape("plain words", false, JsoupText.Unusual.DECLINE)).isEqualTo("plain words");
        assertThat(JsoupText.escape("a\u0085b", false, JsoupText.Unusual.DECLINE)).isNull();
        assertThat(JsoupText.escape("a\u0085b", false, JsoupText.Unusual.AS_JSOUP)).isEqualTo("a\u0085b");
        assertThat(JsoupText.escape("\ud800x", false, JsoupText.Unusual.AS_JSOUP)).isEqualTo("&#xd800;x");
        // jsoup writes U+1D806 as a reference (its low 16 bits are a surrogate's), U+1F600 as itself.
        String signs = "\ud836\udc06 \ud83d\ude00";
        assertThat(JsoupText.escape(signs, false, JsoupText.Unusual.DECLINE)).isEqualTo("&#x1d806; \ud83d\ude00");
        assertThat("<span title=\"" + JsoupText.escape(signs, true, JsoupText.Unusual.AS_JSOUP) + "\">"
                + JsoupText.escape(signs, false, JsoupText.Unusual.AS_JSOUP) + "</span>").isEqualTo(jsoup(signs));
    }

    /** Escaping a slice of an array into a builder writes what escaping the slice as a string writes, and gives up where that does. */
    @Test
    void appendingEscapedCharactersWritesWhatEscapingTheStringWrites() {
        qt().withExamples(4000).forAll(strings().allPossible().ofLengthBetween(0, 12), strings().ascii().ofLengthBetween(0, 6))
                .checkAssert((any, ascii) -> {
                    String value = ascii + "&\"\u00a0\ud83d\ude00\ud836\udc06" + any + "<>" + ascii;
                    char[] padded = ("\ud800" + value + "\udc00").toCharArray();
                    for (JsoupText.Unusual unusual : JsoupText.Unusual.values()) {
                        for (boolean attribute : new boolean[] {false, true}) {
                            String escaped = JsoupText.escape(value, attribute, unusual);
                            StringBuilder out = new StringBuilder("x");
                            boolean written = JsoupText.appendEscaped(out, padded, 1, padded.length - 1, attribute, unusual);
                            assertThat(written).as(value).isEqualTo(escaped != null);
                            if (written) {
                                assertThat(out.toString()).as(value).isEqualTo("x" + escaped);
                            }
                        }
                    }
                });
        StringBuilder out = new StringBuilder();
        assertThat(JsoupText.appendEscaped(out, "a\u0085b".toCharArray(), 0, 3, false, JsoupText.Unusual.DECLINE)).isFalse();
        assertThat(JsoupText.appendEscaped(out, "\ud83d".toCharArray(), 0, 1, false, JsoupText.Unusual.DECLINE)).isFalse();
    }

    private static String jsoup(String value) {
        Document document = Jsoup.parseBodyFragment("");
        document.outputSettings().prettyPrint(false);
        Element span = document.body().appendElement("span").attr("title", value);
        span.appendText(value);
        return span.outerHtml();
    }
}
