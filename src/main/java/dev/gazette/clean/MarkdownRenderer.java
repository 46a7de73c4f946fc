package dev.gazette.clean;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;

import java.util.ArrayList;
import java.util.List;

/**
 * Curated Markdown to HTML with flexmark: CommonMark plus tables, strikethrough, autolinks, footnotes.
 *
 * <p>A body is parsed without the extensions it cannot need, which gives the same tree: tables
 * only when it holds a '|' (flexmark's tables need one on every row), autolinks only when one of
 * its texts could hold a link ({@link LinkableTextAutolink}'s test; the body is then parsed again
 * with them). Registering the autolink post-processor alone cost a quarter of a parse, tables a
 * tenth, for bodies that have neither.
 */
final class MarkdownRenderer {
    private static final int TABLES = 1;
    private static final int AUTOLINKS = 2;

    /** By the extensions a body needs ({@link #TABLES}, {@link #AUTOLINKS}); every one of them in each when not by syntax. */
    private final Parser[] parsers = new Parser[4];
    private final boolean bySyntax;
    private final HtmlRenderer renderer;

    MarkdownRenderer() {
        this(new LinkableTextAutolink(), true);
    }

    /** Every extension for every body, with another autolink extension: tests compare {@link LinkableTextAutolink} with flexmark's own. */
    MarkdownRenderer(Parser.ParserExtension autolink) {
        this(autolink, false);
    }

    private MarkdownRenderer(Parser.ParserExtension autolink, boolean bySyntax) {
        this.bySyntax = bySyntax;
        MutableDataSet options = new MutableDataSet()
                .set(TablesExtension.CLASS_NAME, "")
                .set(HtmlRenderer.SOFT_BREAK, " ")
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, true);
        for (int needs = 0; needs < parsers.length; needs++) {
            boolean all = !bySyntax || needs == (TABLES | AUTOLINKS);
            List<Extension> extensions = new ArrayList<>();
            if (all || (needs & TABLES) != 0) {
                extensions.add(TablesExtension.create());
            }
            extensions.add(StrikethroughExtension.create());
            if (all || (needs & AUTOLINKS) != 0) {
                extensions.add(autolink);
            }
            extensions.add(FootnoteExtension.create());
            parsers[needs] = Parser.builder(new MutableDataSet(options).set(Parser.EXTENSIONS, extensions)).build();
        }
        renderer = HtmlRenderer.builder(new MutableDataSet(options).set(Parser.EXTENSIONS, List.of(TablesExtension.create(),
                StrikethroughExtension.create(), autolink, FootnoteExtension.create()))).build();
    }

    /** Deeper than any article's quotes, lists and emphasis; flexmark renders nodes recursively. */
    static final int MAX_DEPTH = 64;

    /** @throws TooDeepException for Markdown nested deeper than {@link #MAX_DEPTH} */
    Document parse(String markdown) {
        Document document;
        if (bySyntax) {
            int needs = markdown.indexOf('|') >= 0 ? TABLES : 0;
            document = parsers[needs].parse(markdown);
            if (anyTextCouldHoldLink(document)) {
                document = parsers[needs | AUTOLINKS].parse(markdown);
            }
        } else {
            document = parsers[TABLES | AUTOLINKS].parse(markdown);
        }
        checkDepth(document);
        return document;
    }

    /**
     * Whether the autolink extension would scan any text of the document: it reads text nodes,
     * each with the nodes that continue it (character references are nodes of their own).
     */
    private static boolean anyTextCouldHoldLink(Document document) {
        LinkableTextAutolink.Scan scan = new LinkableTextAutolink.Scan();
        for (Node node : document.getDescendants()) {
            if (node instanceof Text && scan.couldHoldLink(node)) {
                return true;
            }
        }
        return false;
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
