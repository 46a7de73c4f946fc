package dev.gazette.clean;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.Arrays;
import java.util.Set;

/**
 * Renders cleaned HTML as plain text: one paragraph per block, separated by a blank line. Figure
 * captions are left out: they describe a picture, not the running text that summaries, word
 * counts and reading time are made of.
 */
final class PlainText {
    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd",
            "blockquote", "pre", "figure", "figcaption", "table", "tr", "ul", "ol", "dl", "hr", "caption", "header",
            "footer", "aside", "address");

    /** A body's plain text and its words, counted as it was written ({@link WordCount#of} of the text). */
    record Counted(String text, int words) {
    }

    private PlainText() {
    }

    static Counted of(Element root) {
        Builder text = new Builder();
        walk(root, text);
        return text.build();
    }

    private static void walk(Node node, Builder text) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                text.append(t.getWholeText());
            } else if (child instanceof Element el) {
                String tag = el.normalName();
                if (tag.equals("figcaption")) {
                    continue;
                }
                if (tag.equals("br")) {
                    text.lineBreak();
                } else if (tag.equals("td") || tag.equals("th")) {
                    walk(el, text);
                    text.append(" ");
                } else if (isBlock(tag)) {
                    text.blockEdge();
                    walk(el, text);
                    text.blockEdge();
                } else {
                    walk(el, text);
                }
            }
        }
    }

    /** Whether an element of this tag starts and ends a paragraph of the plain text. */
    static boolean isBlock(String tag) {
        return BLOCKS.contains(tag);
    }

    /**
     * The plain text of a body told piece by piece, in document order: the text nodes, the line
     * breaks, and the start and end of each block element. Shared by the walk over a jsoup tree
     * and by {@link SafeMarkdownHtml}, which writes a body without making one.
     *
     * <p>Each paragraph is collapsed as it is told (no-break spaces made spaces, each run of
     * spaces and tabs made one space, the spaces next to a line break dropped) straight into the
     * text, and stripped there when the block ends: every paragraph of every article passes
     * here, so nothing is copied twice. Its words are counted as they are written, so the text is
     * not read again to count them.
     */
    static final class Builder {
        /** The text so far, {@code length} characters of it: appended to in runs, not a character at a time. */
        private char[] out;
        private int length;
        /** Where the paragraph being told starts in {@code out}. */
        private int paragraph;
        /** Spaces were told since the paragraph's last character: one is written before the next. */
        private boolean space;
        /** Words of the paragraphs done, and of the one being told as it stands (before it is stripped). */
        private int words;
        private int paragraphWords;
        private char[] copied = new char[256];

        Builder() {
            this(4096);
        }

        /** A builder with room for {@code capacity} characters before it grows. */
        Builder(int capacity) {
            out = new char[Math.max(16, capacity)];
        }

        void append(CharSequence text) {
            int n = text.length();
            if (copied.length < n) {
                copied = new char[Math.max(n, 2 * copied.length)];
            }
            if (text instanceof String s) {
                s.getChars(0, n, copied, 0);
            } else {
                for (int i = 0; i < n; i++) {
                    copied[i] = text.charAt(i);
                }
            }
            append(copied, 0, n);
        }

        /** The characters {@code from} to {@code to} of {@code text}, as {@link #append(CharSequence)} tells them. */
        void append(char[] text, int from, int to) {
            int i = from;
            while (i < to) {
                char c = text[i];
                if (isSpace(c)) {
                    space = true;
                    i++;
                } else if (c == '\n') {
                    lineBreak();
                    i++;
                } else {
                    if (space && length > paragraph && out[length - 1] != '\n') {
                        put(' ');
                    }
                    space = false;
                    // A word starts here unless the text so far ends in one (two text nodes of one word); a Chinese
                    // character or kana is a word besides (WordCount).
                    if (length == 0 || out[length - 1] == ' ' || out[length - 1] == '\n') {
                        paragraphWords++;
                    }
                    if (WordCount.isHanOrKana(c)) {
                        paragraphWords++;
                    }
                    // A run of words with one plain space between each is told as it stands: copied at once.
                    int end = i + 1;
                    while (end < to) {
                        char e = text[end];
                        if (isWordChar(e)) {
                            paragraphWords += WordCount.isHanOrKana(e) ? 1 : 0;
                            end++;
                        } else if (e == ' ' && end + 1 < to && isWordChar(text[end + 1])) {
                            paragraphWords += WordCount.isHanOrKana(text[end + 1]) ? 2 : 1;
                            end += 2;
                        } else {
                            break;
                        }
                    }
                    room(end - i);
                    System.arraycopy(text, i, out, length, end - i);
                    length += end - i;
                    i = end;
                }
            }
        }

        /** Neither a space nor a line break: for most characters, those above the space, one or two comparisons. */
        private static boolean isWordChar(char c) {
            return c > ' ' ? c != '\u00A0' : !isSpace(c) && c != '\n';
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\u00A0' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r';
        }

        private void put(char c) {
            room(1);
            out[length++] = c;
        }

        private void room(int more) {
            if (length + more > out.length) {
                out = Arrays.copyOf(out, Math.max(length + more, 2 * out.length));
            }
        }

        /** A {@code <br>}. */
        void lineBreak() {
            space = false;
            put('\n');
        }

        /** The start or end of a block element: the paragraph so far is done, stripped as {@link String#strip} would. */
        void blockEdge() {
            space = false;
            int end = length;
            while (end > paragraph && Character.isWhitespace(out[end - 1])) {
                end--;
            }
            int start = paragraph;
            while (start < end && Character.isWhitespace(out[start])) {
                start++;
            }
            // Only ' ' and '\n' count as spaces in the text: stripping other white space (U+3000, U+2028, ...)
            // from the ends may take whole words with it, and the paragraph is counted again.
            words += onlySpaces(paragraph, start) && onlySpaces(end, length) ? paragraphWords
                    : start == end ? 0 : WordCount.upTo(out, start, end, Integer.MAX_VALUE);
            paragraphWords = 0;
            if (start > paragraph) {
                System.arraycopy(out, start, out, paragraph, end - start);
            }
            length = paragraph + end - start;
            if (length > paragraph) {
                put('\n');
                put('\n');
            }
            paragraph = length;
        }

        private boolean onlySpaces(int from, int to) {
            for (int i = from; i < to; i++) {
                if (out[i] != ' ' && out[i] != '\n') {
                    return false;
                }
            }
            return true;
        }

        /** The text, stripped as {@link String#strip} would (no space is a supplementary character), and its words. */
        Counted build() {
            blockEdge();
            int start = 0;
            int end = length;
            while (start < end && Character.isWhitespace(out[start])) {
                start++;
            }
            while (end > start && Character.isWhitespace(out[end - 1])) {
                end--;
            }
            return new Counted(new String(out, start, end - start), words);
        }
    }
}
