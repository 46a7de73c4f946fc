package dev.gazette.source;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.BitSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

class TextDecoderTest {
    @Test
    void validUtf8IsReadAsUtf8EvenWithAReplacementCharacterInIt() {
        byte[] bytes = "caf\u00E9 \uFFFD \u201Cq\u201D \uD83D\uDE00\r\nnext".getBytes(StandardCharsets.UTF_8);
        TextDecoder.Decoded decoded = TextDecoder.decode(bytes, false);
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(decoded.text()).isEqualTo("caf\u00E9 \uFFFD \u201Cq\u201D \uD83D\uDE00\nnext");
    }

    @Test
    void malformedUtf8IsReadAsWindows1252() {
        for (byte[] bytes : new byte[][] {
                {'c', 'a', 'f', (byte) 0xE9}, // Latin-1 é
                {(byte) 0xC0, (byte) 0xAF}, // overlong '/'
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate encoded
                {'a', (byte) 0xE2, (byte) 0x80}}) { // truncated
            TextDecoder.Decoded decoded = TextDecoder.decode(bytes, false);
            assertThat(decoded.charset()).isEqualTo(Charset.forName("windows-1252"));
            assertThat(decoded.text()).isEqualTo(new String(bytes, Charset.forName("windows-1252")));
        }
    }

    /** Found by building real dumps and saved pages into a digest and running the Nu HTML Checker over it. */
    @Test
    void controlCharactersGoAndCharactersAreComposed() {
        String decoded = TextDecoder.decode("Caf\u0065\u0301 bell\u0007ed\u0010,\ttab\fpage\r\nend\u0085".getBytes(StandardCharsets.UTF_8), false).text();
        assertThat(decoded).isEqualTo("Caf\u00e9 belled,\ttab\npage\nend");
        assertThat(TextDecoder.hasControl(decoded)).isFalse();
        assertThat(TextDecoder.hasControl("a\u009fb")).isTrue();
    }

    /** A dumper that wraps its lines by length can break a character between a letter and its mark (a lynx dump in Japanese). */
    @Test
    void aMarkThatOpensALineJoinsTheLetterItWasBrokenFrom() {
        String decoded = TextDecoder.decode("\u30AB\n   \u3099\u30B7\u30E3\ncafe\r\n\u0301 noir\n\n\u0301x".getBytes(StandardCharsets.UTF_8), false).text();
        assertThat(decoded).isEqualTo("\u30AC\n   \u30B7\u30E3\ncaf\u00e9\n noir\n\n\u0301x");
    }

    /** Over generated texts of letters, marks and line breaks: every line keeps its number, and no line opens with a mark but after a blank one. */
    @Test
    void joiningMarksKeepsEveryLineAndLeavesNoLineOpeningWithAMark() {
        String alphabet = "ae\u0301\u0308\u3099\u30AB \t\n";
        qt().withExamples(2000).forAll(lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(0, 40)).checkAssert(picks -> {
            StringBuilder text = new StringBuilder();
            picks.forEach(i -> text.append(alphabet.charAt(i)));
            String joined = TextDecoder.marksJoinedToTheirLetters(text.toString());
            assertThat(joined.chars().filter(c -> c == '\n').count()).isEqualTo(text.chars().filter(c -> c == '\n').count());
            assertThat(joined.replaceAll("\\s", "")).isEqualTo(text.toString().replaceAll("\\s", ""));
            String[] lines = joined.split("\n", -1);
            for (int k = 1; k < lines.length; k++) {
                String opening = lines[k].stripLeading();
                if (!opening.isEmpty() && Character.getType(opening.charAt(0)) == Character.NON_SPACING_MARK) {
                    assertThat(lines[k - 1].strip()).as(joined).isEmpty();
                }
            }
        });
    }

    /**
     * The characters whose runs the decoder does not hand the normalizer: each composed as it stands, no mark (a mark's
     * combining class may reorder it), and, in the JDK's own Unicode data, after the first in no character's decomposition
     * (so no composition joins it to what comes before it), nor a Hangul vowel or final.
     */
    @Test
    void inertCharactersAreOnesNfcNeitherChangesNorJoins() {
        BitSet joinsBack = new BitSet();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
                Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD).codePoints().skip(1).forEach(joinsBack::set);
            }
        }
        joinsBack.set(0x1160, 0x1200);
        int inert = 0;
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (!TextDecoder.inert(c)) {
                continue;
            }
            inert++;
            String what = String.format("U+%04X", (int) c);
            assertThat(Normalizer.isNormalized(String.valueOf(c), Normalizer.Form.NFC)).as(what).isTrue();
            assertThat(Character.getType(c)).as(what).isNotIn((int) Character.NON_SPACING_MARK,
                    (int) Character.COMBINING_SPACING_MARK, (int) Character.ENCLOSING_MARK);
            assertThat(joinsBack.get(c)).as(what).isFalse();
        }
        assertThat(inert).isGreaterThan(40_000);
    }

    /** Over generated texts of composed and decomposed letters, marks, Hangul jamo, singletons and exclusions: the JDK's NFC, wherever the first character to compose is. */
    @Test
    void composedIsTheJdksNfc() {
        String[] alphabet = {"a", "e", "\u00e9", "\u0301", "\u0308", "\u0323", "\u1100", "\u1161", "\u11a8", "\uac00", "\u30ab",
                "\u3099", "\u2126", "\u0344", "\u0958", "\u0387", "\ud83d\ude00", "\u4e00", "\uf900", "\u0627", "\u0653",
                "\u0928", "\u093c", "\u0e01", "\u0e31", "\u1ea1", "\u2019", " ", "\n"};
        qt().withExamples(5000).forAll(lists().of(integers().between(0, alphabet.length - 1)).ofSizeBetween(0, 30)).checkAssert(picks -> {
            StringBuilder text = new StringBuilder();
            picks.forEach(i -> text.append(alphabet[i]));
            String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
            assertThat(TextDecoder.composed(text.toString())).isEqualTo(nfc);
            if (text.indexOf("\n") < 0) { // no line for a mark to open: the decoder's whole mending is NFC
                assertThat(TextDecoder.normalized(text.toString())).isEqualTo(nfc);
            }
        });
    }
}
