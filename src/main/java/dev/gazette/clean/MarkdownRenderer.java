package dev.gazette.clean;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.parser.internal.PostProcessorManager;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.CharSubSequence;

import java.util.ArrayList;
import java.util.List;

/**
 * Curated Markdown to HTML with flexmark: CommonMark plus tables, strikethrough, autolinks, footnotes.
 *
 * <p>A body is parsed without the extensions it cannot need, which gives the same tree: tables
 * only when it holds a '|' (flexmark's tables need one on every row), and the autolink
 * post-processor run on the parsed tree, as the parser would have run it, only when one of its
 * texts could hold a link ({@link LinkableTextAutolink}'s test). Registering the autolink
 * post-processor alone cost a quarter of a parse, tables a tenth, for bodies that have neither;
 * parsing again with them would double the cost of the many bodies that hold a ':' or an '@'.
 */
final class MarkdownRenderer {
    /** Without autolinks, without and with tables; when not by syntax, both with every extension. */
    private final Parser[] parsers = new Parser[2];
    /** The autolink post-processor alone, for a parsed tree whose text could hold a link; null when not by syntax. */
    private final List<PostProcessorManager.PostProcessorDependencyStage> autolinks;
    private final boolean bySyntax;
    private final HtmlRenderer renderer;

    MarkdownRenderer() {
        this(new LinkableTextAutolink(), true);
    }

    /**
     * Every extension for every body, with another autolink extension, flexmark's own inline
     * parser and input sequence: tests compare {@link LinkableTextAutolink} and {@link BoundsOnlyInlineParser} with flexmark's.
     */
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
        for (int tables = 0; tables < parsers.length; tables++) {
            List<Extension> extensions = new ArrayList<>();
            if (!bySyntax || tables == 1) {
                extensions.add(TablesExtension.create());
            }
            extensions.add(StrikethroughExtension.create());
            if (!bySyntax) {
                extensions.add(autolink);
            }
            extensions.add(FootnoteExtension.create());
            Parser.Builder parser = Parser.builder(new MutableDataSet(options).set(Parser.EXTENSIONS, extensions));
            if (bySyntax) {
                // flexmark leaves its own paragraph pre-processor (reference definitions) out for another inline parser.
                parser.customInlineParserFactory(BoundsOnlyInlineParser::new).paragraphPreProcessorFactory(new ReferencePreProcessorFactory());
            }
            parsers[tables] = parser.build();
        }
        autolinks = bySyntax ? PostProcessorManager.calculatePostProcessors(options, List.of(LinkableTextAutolink.postProcessor())) : null;
        renderer = HtmlRenderer.builder(new MutableDataSet(options).set(Parser.EXTENSIONS, List.of(TablesExtension.create(),
                StrikethroughExtension.create(), autolink, FootnoteExtension.create()))).build();
    }

    /** Deeper than any article's quotes, lists and emphasis; flexmark renders nodes recursively. */
    static final int MAX_DEPTH = 64;

    /** @throws TooDeepException for Markdown nested deeper than {@link #MAX_DEPTH} */
    @SuppressWarnings("deprecation") // flexmark's array-backed sequence: deprecated, but it has no replacement that reads an array
    Document parse(String markdown) {
        // Parsed from an array, not the string: flexmark reads its input a character at a time through
        // CharSequence.charAt, which on a two-byte string (most bodies hold a dash or a curly quote) is
        // a chain of calls with index checks under the client compiler; on an array it is one load
        // (a sixth less CPU per parse of the bench corpus). The tree is the same: both sequences read
        // the same characters, NUL as U+FFFD alike. Not CharSubSequence.of(String), which hashes the
        // whole body, nor of(char[]), which copies the array it is given: a sequence of another kind
        // is copied once, by its toString().toCharArray(). Not by syntax, flexmark's own input: the tests' reference.
        BasedSequence input = bySyntax ? CharSubSequence.of(new Body(markdown)) : BasedSequence.of(markdown);
        Document document = parsers[bySyntax && markdown.indexOf('|') < 0 ? 0 : 1].parse(input);
        if (autolinks != null && anyTextCouldHoldLink(document)) {
            document = PostProcessorManager.processDocument(document, autolinks);
        }
        checkDepth(document);
        return document;
    }

    /** A body as flexmark's array-backed sequence takes it: copied once into its array (see {@link #parse}). */
    record Body(String text) implements CharSequence {
        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
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
