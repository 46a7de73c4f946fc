package dev.gazette.model;

import org.junit.jupiter.api.Test;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8Test {
    private static final char[] UNITS = {'a', ' ', '\u00e9', '\u2014', '\u201c', '\ud83e', '\udeab', '\ud800', '\udfff', '\u0000', '\uffff'};

    /** Every kind of unit, lone and paired surrogates among them, pairs across every chunk's edge: the bytes of getBytes. */
    @Test
    void encodesAsGetBytesDoes() {
        Random r = new Random(5);
        char[] chars = new char[Utf8.CHUNK];
        for (int round = 0; round < 3000; round++) {
            int n = round < 40 ? Utf8.CHUNK - 20 + round : r.nextInt(3 * Utf8.CHUNK);
            char[] text = new char[n];
            for (int i = 0; i < n; i++) {
                text[i] = UNITS[r.nextInt(UNITS.length)];
            }
            if (n > Utf8.CHUNK && round % 2 == 0) {
                text[Utf8.CHUNK - 1] = '\ud83e';
                text[Utf8.CHUNK] = '\udeab';
            }
            String s = new String(text);
            byte[] to = new byte[7 + 3 * n];
            int end = Utf8.encode(s, to, 7, chars);
            assertThat(Arrays.copyOfRange(to, 7, end)).as("round %d", round).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The encoding of a string, a builder or any other character sequence, one after another through the thread's buffer (grown as they come): getBytes's. */
    @Test
    void bytesAreGetBytesOfAStringOrABuilder() {
        Random r = new Random(7);
        for (int round = 0; round < 2000; round++) {
            int n = r.nextInt(round < 1000 ? 50 : 4 * Utf8.CHUNK);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < n; i++) {
                text.append(UNITS[r.nextInt(UNITS.length)]);
            }
            byte[] expected = text.toString().getBytes(StandardCharsets.UTF_8);
            assertThat(Utf8.bytes(text)).as("round %d", round).isEqualTo(expected);
            assertThat(Utf8.bytes(text.toString())).as("round %d", round).isEqualTo(expected);
            assertThat(Utf8.bytes(CharBuffer.wrap(text))).as("any other sequence, round %d", round).isEqualTo(expected);
        }
    }
}
