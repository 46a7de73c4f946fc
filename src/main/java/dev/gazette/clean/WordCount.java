package dev.gazette.clean;

/**
 * Words in a plain text, as reading time counts them: the pieces {@code split("\\s+")} gives of the
 * stripped text (no-break spaces are no spaces), and each Chinese character and kana besides,
 * since Chinese and Japanese write no spaces between words and are read at roughly as many
 * characters a minute as English is read words. Counted without a regex or strings, since every
 * article passes here. {@link PlainText.Builder} counts the bodies it writes as it writes them;
 * this counts the rest.
 */
public final class WordCount {
    private WordCount() {
    }

    /** Words in a plain-text body, as counted for reading time. */
    public static int of(String text) {
        if (text == null) {
            return 0;
        }
        // The bounds strip() would keep, without its copy of the text.
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && Character.isWhitespace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return start == end ? 0 : words(text, start, end);
    }

    /** The words of the text from {@code start} to {@code end} of {@code chars}, already stripped, counted up to {@code most}. */
    public static int upTo(char[] chars, int start, int end, int most) {
        return counted(chars, start, end, most, 1 << 1, true) >> 1;
    }

    /** The pieces between white space alone of that text ({@link #upTo} without the characters of Chinese and Japanese). */
    public static int piecesUpTo(char[] chars, int start, int end, int most) {
        return counted(chars, start, end, most, 1 << 1, false) >> 1;
    }

    /**
     * Whether {@code c} is a Chinese character or a kana: a word of its own in the count. One comparison for the
     * characters below them, short enough for the client compiler to inline into the counting loops.
     */
    static boolean isHanOrKana(char c) {
        return c >= 0x3041 && hanOrKanaFrom3041(c);
    }

    private static boolean hanOrKanaFrom3041(char c) {
        return c <= 0x30FF || c >= 0x3400 && c <= 0x4DBF || c >= 0x4E00 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF
                || c >= 0xFF66 && c <= 0xFF9D;
    }

    /** Characters of a text copied out at a time to be counted (a text's charAt checks its bounds at every call). */
    private static final int CHUNK = 2048;

    /** The words of the stripped text from {@code start} to {@code end} of {@code text}. */
    private static int words(String text, int start, int end) {
        // The words so far, shifted left once, with the low bit set after a space.
        int state = 1 << 1;
        char[] chars = new char[Math.min(CHUNK, end - start)];
        for (int from = start; from < end; from += chars.length) {
            int count = Math.min(chars.length, end - from);
            text.getChars(from, from + count, chars, 0);
            state = counted(chars, 0, count, Integer.MAX_VALUE, state, true);
        }
        return state >> 1;
    }

    /**
     * Goes on counting words from {@code state} (the words so far shifted left once, the low
     * bit set when the last character was a space) over {@code chars} from {@code start} to
     * {@code end}, until {@code most}: the state after ({@code ideographs}: whether a Chinese character or kana counts too).
     */
    private static int counted(char[] chars, int start, int end, int most, int state, boolean ideographs) {
        int words = state >> 1;
        boolean space = (state & 1) != 0;
        for (int i = start; i < end && words < most; i++) {
            char c = chars[i];
            // Most characters are above the space: one comparison for them.
            boolean s = c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r');
            if (s && !space || ideographs && isHanOrKana(c)) {
                words++;
            }
            space = s;
        }
        return words << 1 | (space ? 1 : 0);
    }
}
