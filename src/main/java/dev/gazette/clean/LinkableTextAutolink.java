package dev.gazette.clean;

import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.PostProcessorFactory;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.ast.TypographicText;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.CharSubSequence;

/**
 * flexmark's autolink extension, run only on text that could hold a link. Its post-processor
 * unescapes every text node and scans it with regular expressions, which nearly doubled the
 * time Markdown took; a link it finds needs "://" (a URL), "@" (an e-mail address) or "www",
 * possibly written as a character reference ("&amp;#58;"). So a text node, with the text nodes
 * that continue it (which the post-processor reads as one), in which none of ':', '@', "www" or
 * a '&' that may start such a reference occurs is left alone: the same HTML, without the scan.
 * ({@link MarkdownRenderer} asks the same of every text node before it runs this at all.)
 */
final class LinkableTextAutolink implements Parser.ParserExtension {
    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(postProcessor());
    }

    /** The post-processor alone, for {@link MarkdownRenderer} to run on a tree parsed without it. */
    static PostProcessorFactory postProcessor() {
        return new Factory();
    }

    private static final class Factory extends NodePostProcessorFactory {
        Factory() {
            super(false);
            addNodes(Text.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            AutolinkNodePostProcessor autolink = new AutolinkNodePostProcessor(document);
            return new NodePostProcessor() {
                private final Scan scan = new Scan();

                @Override
                public void process(NodeTracker state, Node node) {
                    if (scan.couldHoldLink(node)) {
                        autolink.process(state, node);
                    }
                }
            };
        }
    }

    /**
     * The scan of one document's text nodes. A node's characters are read in place when they are a
     * slice of the source array the body is parsed from, else copied into an array once (flexmark
     * reads them one call per character; it reads a NUL as U+FFFD, which is no more a link's
     * character than NUL is).
     */
    static final class Scan {
        private char[] buffer = new char[256];

        /**
         * Whether the node's text, or that of a sibling that continues it, has a character a link
         * needs. The post-processor reads on into continuing text, character references and
         * typographic nodes only; a link or emphasis that follows is a node of its own.
         */
        boolean couldHoldLink(Node node) {
            BasedSequence chars = node.getChars();
            if (couldHoldLink(chars)) {
                return true;
            }
            for (Node next = node.getNext(); (next instanceof Text || next instanceof HtmlEntity || next instanceof TypographicText)
                    && next.getChars().isContinuationOf(chars); next = next.getNext()) {
                chars = next.getChars();
                if (couldHoldLink(chars)) {
                    return true;
                }
            }
            return false;
        }

        boolean couldHoldLink(BasedSequence chars) {
            if (chars instanceof CharSubSequence slice) {
                return LinkableTextAutolink.couldHoldLink(slice.getBase(), slice.getStartOffset(), slice.getEndOffset());
            }
            int n = chars.length();
            if (buffer.length < n) {
                buffer = new char[Math.max(n, 2 * buffer.length)];
            }
            for (int i = 0; i < n; i++) {
                buffer[i] = chars.charAt(i);
            }
            return LinkableTextAutolink.couldHoldLink(buffer, 0, n);
        }
    }

    static boolean couldHoldLink(CharSequence text) {
        return couldHoldLink(text.toString().toCharArray(), 0, text.length());
    }

    /** Whether the characters {@code from} to {@code to} of {@code text} have a character a link needs. */
    private static boolean couldHoldLink(char[] text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text[i];
            if (c == ':' || c == '@' || c == '&' && couldBeLinkCharacter(text, to, i)) {
                return true;
            }
            if ((c | 0x20) == 'w' && i + 2 < to && (text[i + 1] | 0x20) == 'w' && (text[i + 2] | 0x20) == 'w') {
                return true;
            }
        }
        return false;
    }

    /** References that stand for characters no link needs (so "R&amp;D" is not scanned). */
    private static final String[] PLAIN_REFERENCES = {"amp;", "lt;", "gt;", "quot;", "nbsp;"};

    /**
     * Whether the '&' at {@code at} may start a character reference for a character a link needs:
     * not when no reference can start there (a reference is '&' then '#' or a letter), nor for
     * the references of characters that are never part of one. The text ends at {@code n}.
     */
    private static boolean couldBeLinkCharacter(char[] text, int n, int at) {
        char next = at + 1 < n ? text[at + 1] : ' ';
        if (next != '#' && !(next >= 'a' && next <= 'z' || next >= 'A' && next <= 'Z')) {
            return false;
        }
        for (String reference : PLAIN_REFERENCES) {
            if (startsWith(text, n, at + 1, reference)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(char[] text, int n, int from, String prefix) {
        if (from + prefix.length() > n) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
