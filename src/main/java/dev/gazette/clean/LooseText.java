package dev.gazette.clean;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Gives paragraphs to text written loose in a container: between its blocks, or separated only by
 * {@code <br><br>}, as older pages and many CMS templates write articles. Each run becomes a
 * {@code <p>}, so it is scored and rendered as the paragraph a reader sees.
 */
final class LooseText {
    static final Set<String> BLOCKS = Set.of(
            "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "fieldset", "figure", "figcaption",
            "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
            "section", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "center", "details", "summary");
    private static final Set<String> CONTAINERS = Set.of(
            "div", "section", "article", "main", "td", "center", "body", "blockquote", "font", "span");

    private LooseText() {
    }

    static void paragraphise(Element root) {
        List<Element> targets = new ArrayList<>();
        for (Element el : root.getAllElements()) {
            if (CONTAINERS.contains(el.normalName()) && hasLooseText(el) && (hasBlockChild(el) || hasDoubleBreak(el))) {
                targets.add(el);
            }
        }
        for (Element el : targets) {
            wrapRuns(el);
        }
    }

    private static boolean hasLooseText(Element el) {
        for (TextNode t : el.textNodes()) {
            if (!t.isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasBlockChild(Element el) {
        for (Element child : el.children()) {
            if (BLOCKS.contains(child.normalName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDoubleBreak(Element el) {
        Node previous = null;
        for (Node n : el.childNodes()) {
            if (n instanceof TextNode t && t.isBlank()) {
                continue;
            }
            if (isBreak(n) && previous != null && isBreak(previous)) {
                return true;
            }
            previous = n;
        }
        return false;
    }

    private static boolean isBreak(Node n) {
        return n instanceof Element e && e.normalName().equals("br");
    }

    /**
     * Splits the children into runs at blocks and at two or more breaks, and wraps runs with text.
     * The children are taken out and put back once: moving them one at a time costs a search of
     * the whole child list each, and a page of 50,000 {@code <br><br>} took 50 s.
     */
    private static void wrapRuns(Element el) {
        List<Node> children = new ArrayList<>(el.childNodes());
        el.empty();
        List<Node> kept = new ArrayList<>(children.size());
        List<Node> run = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            Node n = children.get(i);
            boolean block = n instanceof Element e && BLOCKS.contains(e.normalName());
            boolean split = block || isBreak(n) && nextIsBreak(children, i);
            if (split) {
                wrap(run, kept);
                run.clear();
                if (isBreak(n)) {
                    // the breaks become the paragraph boundary, and go
                    while (i + 1 < children.size() && (isBreak(children.get(i + 1)) || isBlankText(children.get(i + 1)))) {
                        i++;
                    }
                } else {
                    kept.add(n);
                }
            } else {
                run.add(n);
            }
        }
        wrap(run, kept);
        el.appendChildren(kept);
    }

    private static boolean nextIsBreak(List<Node> children, int i) {
        for (int j = i + 1; j < children.size(); j++) {
            Node n = children.get(j);
            if (isBlankText(n)) {
                continue;
            }
            return isBreak(n);
        }
        return false;
    }

    private static boolean isBlankText(Node n) {
        return n instanceof TextNode t && t.isBlank();
    }

    /** Adds {@code run} to {@code kept}: in a new paragraph when it holds text, else as it is. */
    private static void wrap(List<Node> run, List<Node> kept) {
        boolean text = false;
        for (Node n : run) {
            if (n instanceof TextNode t ? !t.isBlank() : n instanceof Element e && !e.normalName().equals("br") && e.hasText()) {
                text = true;
                break;
            }
        }
        if (!text) {
            kept.addAll(run);
            return;
        }
        Element p = new Element("p");
        p.appendChildren(run);
        kept.add(p);
    }
}
