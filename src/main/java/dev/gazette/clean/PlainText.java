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
        String text = paragraph.toString().replace('\u00A0', ' ').replaceAll("[ \\t\\x0B\\f\\r]+", " ")
                .replaceAll(" ?\n ?", "\n").strip();
        paragraph.setLength(0);
        if (!text.isEmpty()) {
            out.append(text).append("\n\n");
        }
    }
}
