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
        StringBuilder out = new StringBuilder();
        StringBuilder paragraph = new StringBuilder();
        walk(root, out, paragraph);
        flush(out, paragraph);
        return out.toString().strip();
    }

    private static void walk(Node node, StringBuilder out, StringBuilder paragraph) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                paragraph.append(text.getWholeText());
            } else if (child instanceof Element el) {
                String tag = el.normalName();
                if (tag.equals("figcaption")) {
                    continue;
                }
                if (tag.equals("br")) {
                    paragraph.append('\n');
                } else if (tag.equals("td") || tag.equals("th")) {
                    walk(el, out, paragraph);
                    paragraph.append(' ');
                } else if (BLOCKS.contains(tag)) {
                    flush(out, paragraph);
                    walk(el, out, paragraph);
                    flush(out, paragraph);
                } else {
                    walk(el, out, paragraph);
                }
            }
        }
    }

    private static void flush(StringBuilder out, StringBuilder paragraph) {
        String text = collapse(paragraph).strip();
        paragraph.setLength(0);
        if (!text.isEmpty()) {
            out.append(text).append("\n\n");
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
