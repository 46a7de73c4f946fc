package dev.gazette.clean;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Text length, link text, commas and a few element counts of every element under a root, computed
 * in one walk so that scoring a page stays linear in its size however deeply it nests (asking
 * each candidate for its {@code text()} would be quadratic on large pages). Removing an element
 * through {@link #remove} keeps its ancestors' counts right.
 */
final class TextStats {
    /** Counts for one element and everything inside it. */
    static final class Counts {
        int chars;
        int linkChars;
        int headingChars;
        int commas;
        int paragraphs;
        int images;
        int items;
        int inputs;

        private void add(Counts c, int sign) {
            chars += sign * c.chars;
            linkChars += sign * c.linkChars;
            headingChars += sign * c.headingChars;
            commas += sign * c.commas;
            paragraphs += sign * c.paragraphs;
            images += sign * c.images;
            items += sign * c.items;
            inputs += sign * c.inputs;
        }

        double linkDensity() {
            return chars == 0 ? 0 : (double) linkChars / chars;
        }
    }

    static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Counts NONE = new Counts();
    private final Map<Element, Counts> counts = new IdentityHashMap<>();

    private TextStats() {
    }

    static TextStats measure(Element root) {
        TextStats stats = new TextStats();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element el) {
                    Counts c = new Counts();
                    switch (el.normalName()) {
                        case "p" -> c.paragraphs = 1;
                        case "img" -> c.images = 1;
                        case "li" -> c.items = 1;
                        case "input", "select", "textarea", "button" -> c.inputs = 1;
                        default -> { }
                    }
                    stats.counts.put(el, c);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof TextNode text) {
                    String t = text.getWholeText();
                    int chars = visibleLength(t);
                    int commas = 0;
                    for (int i = 0; i < t.length(); i++) {
                        char c = t.charAt(i);
                        if (c == ',' || c == '，' || c == '、') {
                            commas++;
                        }
                    }
                    Element parent = text.parent();
                    if (parent != null && chars > 0) {
                        Counts own = stats.counts.get(parent);
                        own.chars += chars;
                        own.commas += commas;
                    }
                } else if (node instanceof Element el && node != root && el.parent() != null) {
                    Counts own = stats.counts.get(el);
                    // A container of text with no block or image inside is a paragraph as the page shows it (the finder
                    // scores it as one): counted so, a post whose paragraphs are <div>s is not taken for a gallery of its
                    // photos, while a photo with its caption stays a photo.
                    if (own.chars > 0 && own.images == 0 && ContentFinder.isContainerUsedAsParagraph(el)) {
                        own.paragraphs = 1;
                    }
                    if (el.normalName().equals("a")) {
                        own.linkChars = own.chars;
                    }
                    if (HEADINGS.contains(el.normalName())) {
                        own.headingChars = own.chars;
                    }
                    Counts up = stats.counts.get(el.parent());
                    if (up != null) {
                        up.add(own, 1);
                    }
                }
            }
        }, root);
        return stats;
    }

    Counts of(Element el) {
        return counts.getOrDefault(el, NONE);
    }

    /** Removes {@code el} from the tree and its counts from its ancestors'. */
    void remove(Element el) {
        forget(el);
        el.remove();
    }

    /** Takes {@code el}'s counts from its ancestors', for a caller that removes it later, with others at once. */
    void forget(Element el) {
        Counts gone = of(el);
        for (Element up = el.parent(); up != null; up = up.parent()) {
            Counts c = counts.get(up);
            if (c != null) {
                c.add(gone, -1);
            }
        }
    }

    /** Characters as they would show: runs of white space count as one. */
    static int visibleLength(String text) {
        int n = 0;
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                if (!space) {
                    n++;
                }
                space = true;
            } else {
                n++;
                space = false;
            }
        }
        return space && n > 0 ? n - 1 : n;
    }
}
