package dev.gazette.source;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

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
}
