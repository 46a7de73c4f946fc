package dev.gazette.clean;

import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;

import java.util.List;

/** Curated Markdown to HTML with flexmark: CommonMark plus tables, strikethrough, autolinks, footnotes. */
final class MarkdownRenderer {
    private final Parser parser;
    private final HtmlRenderer renderer;

    MarkdownRenderer() {
        this(new LinkableTextAutolink());
    }

    /** With another autolink extension: tests compare {@link LinkableTextAutolink} with flexmark's own. */
    MarkdownRenderer(Parser.ParserExtension autolink) {
        MutableDataSet options = new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                        autolink, FootnoteExtension.create()))
                .set(TablesExtension.CLASS_NAME, "")
                .set(HtmlRenderer.SOFT_BREAK, " ")
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, true);
        parser = Parser.builder(options).build();
        renderer = HtmlRenderer.builder(options).build();
    }

    /** Deeper than any article's quotes, lists and emphasis; flexmark renders nodes recursively. */
    static final int MAX_DEPTH = 64;

    /** @throws TooDeepException for Markdown nested deeper than {@link #MAX_DEPTH} */
    Document parse(String markdown) {
        Document document = parser.parse(markdown);
        checkDepth(document);
        return document;
    }

    /** flexmark's HTML for a parsed document, still to be sanitized. */
    String render(Document document) {
        return renderer.render(document);
    }

    /** Walks the tree without recursion: down to the first child, on to the next sibling, up. */
    private static void checkDepth(Document document) {
        Node node = document.getFirstChild();
        int depth = 1;
        while (node != null) {
            if (depth > MAX_DEPTH) {
                throw new TooDeepException("Markdown nested more than " + MAX_DEPTH
                        + " levels deep (quotes, lists or emphasis)", node.getStartLineNumber() + 1);
            }
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                depth++;
                continue;
            }
            while (node != null && node.getNext() == null) {
                node = node.getParent();
                depth--;
                if (node == document) {
                    return;
                }
            }
            if (node != null) {
                node = node.getNext();
            }
        }
    }
}
