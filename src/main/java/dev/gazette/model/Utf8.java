package dev.gazette.model;

import java.util.Arrays;

/**
 * Encodes a string to UTF-8 into an array the caller holds, as {@code getBytes(UTF_8)} would (a
 * surrogate that is not half of a pair becomes {@code ?}): a long text written into a page or a
 * build cache's buffer is not first encoded into an array of its own (for a string of two bytes
 * a character, {@code getBytes} fills an array three times its length, then copies it).
 */
public final class Utf8 {
    /** Characters copied out of the string at a time, into the caller's array of at least this length. */
    public static final int CHUNK = 2048;

    /** Each thread's buffers for {@link #bytes}; one grown past this is not kept. */
    private static final int KEPT_UP_TO = 1 << 20;
    private static final ThreadLocal<byte[]> BYTES = ThreadLocal.withInitial(() -> new byte[3 * CHUNK]);
    private static final ThreadLocal<char[]> CHARS = ThreadLocal.withInitial(() -> new char[CHUNK]);

    private Utf8() {
    }

    /**
     * {@code s.toString().getBytes(UTF_8)}, encoded through the thread's buffer: the one array
     * made is the encoding's own, where the string and {@code getBytes} make four or five
     * times the length between them for text of two-byte characters.
     */
    public static byte[] bytes(CharSequence s) {
        byte[] b = BYTES.get();
        if (b.length < 3 * s.length()) {
            b = new byte[Math.max(3 * s.length(), 2 * b.length)];
            if (b.length <= KEPT_UP_TO) {
                BYTES.set(b);
            }
        }
        return Arrays.copyOf(b, encode(s, b, 0, CHARS.get()));
    }

    /**
     * Writes {@code s} (any character sequence; a string's or a builder's characters copied in bulk) encoded into {@code to} from {@code at}, which has room for
     * {@code 3 * s.length()} bytes, going through {@code chars} (at least {@link #CHUNK} long):
     * where the encoding ends.
     */
    public static int encode(CharSequence s, byte[] to, int at, char[] chars) {
        int n = s.length();
        byte[] b = to;
        for (int from = 0; from < n; from += CHUNK) {
            int end = Math.min(n, from + CHUNK);
            if (s instanceof String string) {
                string.getChars(from, end, chars, 0);
            } else if (s instanceof StringBuilder builder) {
                builder.getChars(from, end, chars, 0);
            } else {
                for (int i = from; i < end; i++) {
                    chars[i - from] = s.charAt(i);
                }
            }
            for (int i = 0, count = end - from; i < count; i++) {
                char c = chars[i];
                if (c < 0x80) {
                    b[at++] = (byte) c;
                } else if (c < 0x800) {
                    b[at++] = (byte) (0xC0 | c >> 6);
                    b[at++] = (byte) (0x80 | c & 0x3F);
                } else if (!Character.isSurrogate(c)) {
                    b[at++] = (byte) (0xE0 | c >> 12);
                    b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                    b[at++] = (byte) (0x80 | c & 0x3F);
                } else {
                    int next = from + i + 1;
                    char low = next < n ? (i + 1 < count ? chars[i + 1] : s.charAt(next)) : 0;
                    if (Character.isHighSurrogate(c) && Character.isLowSurrogate(low)) {
                        int cp = Character.toCodePoint(c, low);
                        b[at++] = (byte) (0xF0 | cp >> 18);
                        b[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                        b[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                        b[at++] = (byte) (0x80 | cp & 0x3F);
                        if (i + 1 < count) {
                            i++;
                        } else {
                            // The low half opens the next chunk: step over it there.
                            from++;
                        }
                    } else {
                        b[at++] = '?';
                    }
                }
            }
        }
        return at;
    }
}
