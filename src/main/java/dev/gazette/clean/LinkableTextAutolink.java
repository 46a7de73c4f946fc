package dev.gazette.clean;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * flexmark's autolink extension, run only on text that could hold a link. Its post-processor
 * unescapes every text node and scans it with regular expressions, which nearly doubled the
 * time Markdown took; a link it finds needs "://" (a URL), "@" (an e-mail address) or "www",
 * possibly written as a character reference ("&amp;#58;"). So a text node, with the text nodes
 * that continue it (which the post-processor reads as one), in which none of ':', '@', "www" or
 * a '&' that may start such a reference occurs is left alone: the same HTML, without the scan.
 */
final class LinkableTextAutolink implements Parser.ParserExtension {
    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(new Factory());
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
                @Override
                public void process(NodeTracker state, Node node) {
                    if (couldHoldLink(node)) {
                        autolink.process(state, node);
                    }
                }
            };
        }
    }

    /** Whether the node's text, or that of a sibling that continues it, has a character a link needs. */
    static boolean couldHoldLink(Node node) {
        BasedSequence chars = node.getChars();
        if (couldHoldLink(chars)) {
            return true;
        }
        for (Node next = node.getNext(); next != null && next.getChars().isContinuationOf(chars); next = next.getNext()) {
            chars = next.getChars();
            if (couldHoldLink(chars)) {
                return true;
            }
        }
        return false;
    }

    static boolean couldHoldLink(CharSequence text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '@' || c == '&' && couldBeLinkCharacter(text, i)) {
                return true;
            }
            if ((c | 0x20) == 'w' && i + 2 < n && (text.charAt(i + 1) | 0x20) == 'w' && (text.charAt(i + 2) | 0x20) == 'w') {
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
     * the references of characters that are never part of one.
     */
    private static boolean couldBeLinkCharacter(CharSequence text, int at) {
        char next = at + 1 < text.length() ? text.charAt(at + 1) : ' ';
        if (next != '#' && !(next >= 'a' && next <= 'z' || next >= 'A' && next <= 'Z')) {
            return false;
        }
        for (String reference : PLAIN_REFERENCES) {
            if (startsWith(text, at + 1, reference)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(CharSequence text, int from, String prefix) {
        if (from + prefix.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text.charAt(from + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
