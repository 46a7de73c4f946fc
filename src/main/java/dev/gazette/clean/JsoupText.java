package dev.gazette.clean;

/**
 * Text and attribute values escaped as jsoup writes them in a UTF-8 HTML document (its default
 * output settings): {@code & < >} and the no-break space always, {@code "} in attribute values.
 * Code that writes HTML without jsoup, to give the bytes jsoup would ({@code SafeMarkdownHtml},
 * the link stage's written-HTML path), escapes through here so that the table exists once.
 */
public final class JsoupText {
    private JsoupText() {
    }

    /** What to do with characters whose way through jsoup's parse and writer is not plain. */
    public enum Unusual {
        /**
         * Write a lone surrogate as jsoup does (a hexadecimal reference); give up (null) only on
         * control characters other than tab and line feed.
         */
        AS_JSOUP,
        /** Give up (null) on any control character but tab and line feed, C1 ones included, and on a lone surrogate. */
        DECLINE
    }

    /**
     * {@code text} escaped as jsoup writes it (the very string when nothing needs escaping), or
     * null when it holds a character {@code unusual} gives up on.
     */
    public static String escape(String text, boolean attribute, Unusual unusual) {
        int i = 0;
        while (i < text.length() && !special(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        char[] chars = text.toCharArray();
        StringBuilder out = new StringBuilder(text.length() + 16);
        return appendEscaped(out, chars, 0, chars.length, attribute, unusual) ? out.toString() : null;
    }

    /**
     * The characters {@code from} to {@code to} of {@code text} appended to {@code out} escaped as
     * {@link #escape} writes them, in runs; false (with {@code out} partly written) where
     * {@code unusual} gives up.
     */
    public static boolean appendEscaped(StringBuilder out, char[] text, int from, int to, boolean attribute, Unusual unusual) {
        int run = from;
        for (int i = from; i < to; i++) {
            char c = text[i];
            if (!special(c)) {
                continue;
            }
            out.append(text, run, i - run);
            run = i + 1;
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\u00a0' -> out.append("&nbsp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\t', '\n' -> out.append(c);
                default -> {
                    if (c < 0x20 || unusual == Unusual.DECLINE && c >= 0x7F && c <= 0x9F) {
                        return false;
                    }
                    if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text[i + 1])) {
                        int codePoint = Character.toCodePoint(c, text[++i]);
                        run = i + 1;
                        // jsoup (1.22) writes a code point whose low 16 bits fall among the surrogates
                        // (U+1D800-U+1DFFF, U+2D800-U+2DFFF...) as a reference: so must this.
                        if ((codePoint & 0xF800) == 0xD800) {
                            out.append("&#x").append(Integer.toHexString(codePoint)).append(';');
                        } else {
                            out.append(c).append(text[i]);
                        }
                    } else if (!Character.isSurrogate(c)) {
                        out.append(c);
                    } else if (unusual == Unusual.AS_JSOUP) {
                        out.append("&#x").append(Integer.toHexString(c)).append(';');
                    } else {
                        return false;
                    }
                }
            }
        }
        out.append(text, run, to - run);
        return true;
    }

    /** A character {@link #escape} may have to write otherwise, or give up on. */
    private static boolean special(char c) {
        if (c > '\u00a0') {
            return Character.isSurrogate(c);
        }
        return c < 0x20 || c >= 0x7F || c == '&' || c == '<' || c == '>' || c == '"';
    }
}
