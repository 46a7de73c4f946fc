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
     */
    static final class Builder {
        private final StringBuilder out = new StringBuilder();
        private final StringBuilder paragraph = new StringBuilder();

        void append(CharSequence text) {
            paragraph.append(text);
        }

        /** A {@code <br>}. */
        void lineBreak() {
            paragraph.append('\n');
        }

        /** The start or end of a block element: the paragraph so far is done. */
        void blockEdge() {
            String text = collapse(paragraph).strip();
            paragraph.setLength(0);
            if (!text.isEmpty()) {
                out.append(text).append("\n\n");
            }
        }

        String build() {
            blockEdge();
            return out.toString().strip();
        }
    }

    /**
     * The paragraph with no-break spaces made spaces, each run of spaces and tabs made one space
     * and the spaces next to a line break dropped; in one pass, since every paragraph of every
     * article goes through here.
     */
    static String collapse(CharSequence paragraph) {
        StringBuilder sb = new StringBuilder(paragraph.length());
        boolean space = false;
        for (int i = 0; i < paragraph.length(); i++) {
            char c = paragraph.charAt(i);
            if (c == ' ' || c == '\u00A0' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r') {
                space = true;
            } else if (c == '\n') {
                space = false;
                sb.append('\n');
            } else {
                if (space && !sb.isEmpty() && sb.charAt(sb.length() - 1) != '\n') {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
