package dev.gazette.clean;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Cleaned article HTML as Markdown a curator can review and edit, with flexmark's converter. */
public final class HtmlToMarkdown {
    /**
     * The deepest element nesting converted as such. Each element becomes at most a few Markdown
     * nodes, so the file stays within the depth the build reads ({@link MarkdownRenderer#MAX_DEPTH})
     * and within the converter's recursion on any thread, whatever a page nests.
     */
    static final int MAX_NESTING = MarkdownRenderer.MAX_DEPTH / 4;

    private final FlexmarkHtmlConverter converter = FlexmarkHtmlConverter.builder(new MutableDataSet()
            .set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false)
            .set(FlexmarkHtmlConverter.OUTPUT_ATTRIBUTES_ID, false)).build();

    public String convert(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        flatten(body);
        // A picture the page keeps beside it (Sanitizer.LOCAL_FILE) is a Markdown image by its path, as an entry names its own.
        for (Element img : body.select("img[src^=" + Sanitizer.LOCAL_FILE + "]")) {
            img.attr("src", img.attr("src").substring(Sanitizer.LOCAL_FILE.length()).replace("%", "%25").replace(" ", "%20"));
        }
        // The converter decodes &#xd800; back into half a character, which no file can hold.
        return Extraction.wellFormed(converter.convert(body)).strip() + "\n";
    }

    /**
     * Keeps what a page nests within what Markdown can say, so that the Markdown an import writes
     * always builds: emphasis inside the same emphasis ({@code <b>} in {@code <strong>}) says
     * nothing more and becomes plain text, and below {@link #MAX_NESTING} levels the text and
     * images stay, in paragraphs, but not the nesting. Walks without recursion.
     */
    static void flatten(Element root) {
        List<Element> atBound = new ArrayList<>();
        Map<String, Integer> open = new HashMap<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element el)) {
                    return FilterResult.CONTINUE;
                }
                if (depth >= MAX_NESTING && el.childrenSize() > 0) {
                    atBound.add(el);
                    return FilterResult.SKIP_CHILDREN;
                }
                String kind = emphasis(el.normalName());
                if (kind != null && open.merge(kind, 1, Integer::sum) > 1) {
                    el.tagName("span");
                    el.attr("data-was", kind); // so that tail() still closes it
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element el) {
                    String kind = el.hasAttr("data-was") ? el.attr("data-was") : emphasis(el.normalName());
                    if (kind != null) {
                        open.merge(kind, -1, Integer::sum);
                        el.removeAttr("data-was");
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        atBound.forEach(HtmlToMarkdown::flattenBelow);
    }

    /** Replaces what {@code el} holds by its text and images, a paragraph per block. */
    private static void flattenBelow(Element el) {
        List<Node> flat = new ArrayList<>();
        Element[] paragraph = {null};
        NodeTraversor.traverse((node, depth) -> {
            if (node == el) {
                return;
            }
            if (node instanceof Element e && e.isBlock()) {
                paragraph[0] = null;
            }
            Node kept = node instanceof TextNode t ? new TextNode(t.getWholeText())
                    : node instanceof Element e && (e.normalName().equals("img") || e.normalName().equals("br")) ? e.shallowClone()
                    : null;
            if (kept != null) {
                if (paragraph[0] == null) {
                    paragraph[0] = new Element("p");
                    flat.add(paragraph[0]);
                }
                paragraph[0].appendChild(kept);
            }
        }, el);
        el.empty();
        el.appendChildren(flat);
    }

    /** The emphasis a tag gives, by one name for tags that mean the same; null for other tags. */
    private static String emphasis(String tag) {
        return switch (tag) {
            case "b", "strong" -> "strong";
            case "i", "em" -> "em";
            case "s", "strike", "del" -> "del";
            case "code" -> "code";
            default -> null;
        };
    }
}
