package dev.gazette.render;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8WriterTest {
    private static final String CHARS = "ab<&\"é—“”\u00a0\uD83D\uDE00\uD83D\uDE00\uDE00\uD83Dz\n";

    @Test
    void piecesEncodeAsTheWholeTextWould() throws Exception {
        Random random = new Random(7);
        Utf8Writer reused = new Utf8Writer(4);
        for (int n = 0; n < 3000; n++) {
            StringBuilder whole = new StringBuilder();
            // A cleared writer must write as a new one, whatever the text before it left half done.
            if (random.nextInt(4) == 0) {
                reused.write("x\uD83D");
                assertThat(reused.clear(64)).isTrue();
            }
            Utf8Writer writer = random.nextBoolean() ? reused : new Utf8Writer(4);
            int pieces = random.nextInt(6);
            for (int p = 0; p < pieces; p++) {
                StringBuilder piece = new StringBuilder();
                int length = random.nextInt(5);
                for (int k = 0; k < length; k++) {
                    piece.append(CHARS.charAt(random.nextInt(CHARS.length())));
                }
                String s = piece.toString();
                whole.append(s);
                switch (random.nextInt(4)) {
                    case 0 -> writer.write(s);
                    case 1 -> writer.write(s.toCharArray());
                    case 2 -> writer.write(("[" + s + "]").toCharArray(), 1, s.length());
                    default -> { for (char c : s.toCharArray()) { writer.write(c); } }
                }
            }
            assertThat(writer.toByteArray()).as(whole.toString())
                    .isEqualTo(whole.toString().getBytes(StandardCharsets.UTF_8));
            reused.clear(64);
        }
    }

    @Test
    void aClearedWriterKeepsOnlyABufferNoLargerThanAsked() {
        Utf8Writer writer = new Utf8Writer(4);
        assertThat(writer.clear(4)).isTrue();
        writer.write("more than four bytes");
        assertThat(writer.clear(4)).isFalse();
        assertThat(writer.clear(1024)).isTrue();
    }

    /** Long pieces (bodies) are encoded straight into the buffer, in chunks: pairs split across them too. */
    @Test
    void longPiecesEncodeAsTheWholeTextWould() {
        Random random = new Random(3);
        Utf8Writer writer = new Utf8Writer(16);
        for (int n = 0; n < 300; n++) {
            StringBuilder whole = new StringBuilder();
            for (int p = 0; p < 1 + random.nextInt(3); p++) {
                int length = Utf8Writer.LONG_PIECE + random.nextInt(5000);
                StringBuilder piece = new StringBuilder(length);
                // Mostly ASCII, as bodies are, with pairs and lone halves around the chunk edges.
                for (int k = 0; k < length; k++) {
                    piece.append(random.nextInt(8) == 0 ? CHARS.charAt(random.nextInt(CHARS.length())) : 'e');
                }
                String s = piece.toString();
                whole.append(s);
                writer.write(s);
            }
            assertThat(writer.toByteArray()).isEqualTo(whole.toString().getBytes(StandardCharsets.UTF_8));
            writer.clear(Integer.MAX_VALUE);
        }
    }

    @Test
    void aPairAcrossTheEdgeOfAChunkIsOneCharacter() {
        for (int edge = 2040; edge < 2056; edge++) {
            for (String around : new String[] {"\uD83D\uDE00", "\uD83Dx", "\uDE00\uD83D", "\uD83D\uD83D\uDE00"}) {
                String s = "a".repeat(edge) + around + "b".repeat(600);
                Utf8Writer writer = new Utf8Writer(16);
                writer.write(s);
                assertThat(writer.toByteArray()).as(edge + " " + around).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
