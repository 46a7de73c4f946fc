package dev.gazette.clean;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

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

    private PlainText() {
    }

    static String of(Element root) {
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
     * here, so nothing is copied twice.
     */
    static final class Builder {
        private final StringBuilder out = new StringBuilder();
        /** Where the paragraph being told starts in {@code out}. */
        private int paragraph;
        /** Spaces were told since the paragraph's last character: one is written before the next. */
        private boolean space;

        void append(CharSequence text) {
            for (int i = 0, n = text.length(); i < n; i++) {
                char c = text.charAt(i);
                if (c == ' ' || c == '\u00A0' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r') {
                    space = true;
                } else if (c == '\n') {
                    lineBreak();
                } else {
                    if (space && out.length() > paragraph && out.charAt(out.length() - 1) != '\n') {
                        out.append(' ');
                    }
                    space = false;
                    out.append(c);
                }
            }
        }

        /** A {@code <br>}. */
        void lineBreak() {
            space = false;
            out.append('\n');
        }

        /** The start or end of a block element: the paragraph so far is done, stripped as {@link String#strip} would. */
        void blockEdge() {
            space = false;
            int end = out.length();
            while (end > paragraph && Character.isWhitespace(out.charAt(end - 1))) {
                end--;
            }
            int start = paragraph;
            while (start < end && Character.isWhitespace(out.charAt(start))) {
                start++;
            }
            out.setLength(end);
            if (start > paragraph) {
                out.delete(paragraph, start);
            }
            if (out.length() > paragraph) {
                out.append("\n\n");
            }
            paragraph = out.length();
        }

        String build() {
            blockEdge();
            return out.toString().strip();
        }
    }
}
