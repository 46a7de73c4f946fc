package dev.gazette.clean;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ParagraphItemContainer;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NonRenderingInline;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.CharSubSequence;
import com.vladsch.flexmark.util.sequence.Escaping;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown body's clean HTML and plain text written straight from flexmark's tree, for the
 * common article that is only paragraphs, headings, lists, quotes, emphasis, web links and inline
 * phrasing tags ({@code <abbr title="...">}, {@code <sup>}, {@code <kbd>}...): the very bytes the
 * curated {@link Sanitizer} makes of flexmark's HTML, without rendering that HTML, parsing it
 * again with jsoup, copying it through the safelist and serialising it.
 *
 * <p>Safe by construction: only node kinds whose HTML is fixed here are written; text and
 * attribute values are escaped; a link is written only when its address is an http(s) or mailto
 * URL of plain URL characters, which the sanitizer keeps as it is. Raw HTML is written only as
 * a tag of {@link #PHRASING} in one strict spelling ({@link #RAW_TAG}), opened and closed among
 * the same siblings, with only the attributes the sanitizer keeps as written (the tag itself is
 * left out where the sanitizer would unwrap it). Anything else - other raw HTML, images, code,
 * tables, footnotes, autolinks, other addresses, control characters, spaces at the start or end
 * of a line of flexmark's HTML, which its writer trims - makes {@link #of} decline, and the body
 * takes the sanitizer's path. {@code SafeMarkdownHtmlTest} checks on generated Markdown, hostile
 * HTML and URLs included, that what this writes is what the sanitizer makes.
 */
final class SafeMarkdownHtml {
    /**
     * What a body is on a page, and as plain text, with the targets of its links as they were
     * written: just what {@link BodyRefs#links} finds in the HTML, or null when it might find
     * more (an {@code href="} in the text or in another attribute).
     */
    record Body(String html, PlainText.Counted text, List<String> links) {
    }

    /**
     * Addresses the sanitizer keeps unchanged: its protocols, and only characters a URL may hold
     * anywhere (brackets, which only an IPv6 host may hold, it encodes elsewhere: not written here).
     */
    private static final Pattern WEB_URL = Pattern.compile("(?:https?://|mailto:)[A-Za-z0-9\\-._~:/?#@!$&'()*+,;=%]+");

    /**
     * Inline elements of phrasing content that an HTML parser nests just as they are written when
     * each is closed among its own siblings: no implied end tags, no foreign content, no special
     * parsing of their text ({@code <a>}, void elements and {@code <nobr>} are not among them).
     */
    private static final Set<String> PHRASING = Set.of("abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn",
            "em", "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var");
    /**
     * A raw tag in the one spelling written here: lower case, attributes in double quotes separated
     * by one space, no character reference, angle bracket, line break or tab in a value; an end tag
     * has no attributes.
     */
    private static final Pattern RAW_TAG = Pattern.compile("<(/?)([a-z]+)((?: [a-z][a-z-]*=\"[^\"&<>\\n\\r\\t]+\")*)>");
    private static final Pattern RAW_ATTRIBUTE = Pattern.compile(" ([a-z-]+)=\"([^\"]*)\"");

    private final Sanitizer sanitizer;
    private final StringBuilder html;
    private final PlainText.Builder text;
    private final ListOptions listOptions;
    private final Document document;
    /** Set when a line ended in a space, which flexmark would have trimmed: the sanitizer's path then. */
    private boolean trimmedSpace;
    /** The targets of the links written, in their order. */
    private final List<String> links = new ArrayList<>();
    /**
     * Set when a quote was written after {@code href=} other than a link's own {@code href}: a
     * scan of the HTML would find an address there, so the links are not noted.
     */
    private boolean strayAddress;
    private final BodyStructure.Outline outline = new BodyStructure.Outline();
    /** A text's characters, copied out of the source to be escaped and told in runs. */
    private char[] chars = new char[512];

    private SafeMarkdownHtml(Document document, Sanitizer sanitizer) {
        this.document = document;
        this.sanitizer = sanitizer;
        // About as long as the Markdown (tags for its marks): sized once, not grown by doubling through every length.
        int length = document.getChars().length();
        this.html = new StringBuilder(length + length / 4 + 64);
        this.text = new PlainText.Builder(length + 16);
        this.listOptions = ListOptions.get(document);
    }

    /**
     * The body's HTML and text as {@code sanitizer} (the curated one) makes them of flexmark's
     * HTML, or empty when it holds anything this does not write.
     */
    static Optional<Body> of(Document document, Sanitizer sanitizer) {
        new HeaderIdGenerator(document).generateIds(document);
        SafeMarkdownHtml writer = new SafeMarkdownHtml(document, sanitizer);
        if (!writer.children(document) || writer.trimmedSpace) {
            return Optional.empty();
        }
        return Optional.of(new Body(stripped(writer.html), writer.text.build(),
                writer.strayAddress ? null : List.copyOf(writer.links)));
    }

    /** The children of a node; a raw tag opened among them must be closed among them, in order. */
    private boolean children(Node parent) {
        Deque<String> open = null;
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof HtmlInline raw) {
                Matcher tag = RAW_TAG.matcher(raw.getChars());
                if (!tag.matches() || !PHRASING.contains(tag.group(2))) {
                    return false;
                }
                String name = tag.group(2);
                if (tag.group(1).isEmpty()) {
                    if (!startTag(name, tag.group(3))) {
                        return false;
                    }
                    open = open == null ? new ArrayDeque<>() : open;
                    open.push(name);
                } else if (tag.group(3).isEmpty() && open != null && name.equals(open.peek())) {
                    open.pop();
                    if (sanitizer.keepsTag(name)) {
                        html.append("</").append(name).append('>');
                    }
                } else {
                    return false;
                }
            } else if (!node(child)) {
                return false;
            }
        }
        return open == null || open.isEmpty();
    }

    /**
     * A raw start tag as the sanitizer copies it: with the attributes it keeps as written, in
     * their order; nothing for an element it unwraps. False for an attribute it would rewrite
     * or check (ids, addresses), one given twice, or an empty one.
     */
    private boolean startTag(String name, String rawAttributes) {
        boolean kept = sanitizer.keepsTag(name);
        StringBuilder attributes = new StringBuilder();
        Set<String> seen = new HashSet<>();
        for (Matcher attribute = RAW_ATTRIBUTE.matcher(rawAttributes); attribute.find(); ) {
            String key = attribute.group(1);
            String value = attribute.group(2);
            if (!seen.add(key) || value.isBlank()) {
                return false;
            }
            Sanitizer.Fate fate = sanitizer.fate(name, key, value);
            if (fate == Sanitizer.Fate.REWRITTEN) {
                return false;
            }
            if (kept && fate == Sanitizer.Fate.KEPT) {
                quote(attributes.append(' ').append(key).append('='));
                if (!attribute(attributes, value)) {
                    return false;
                }
                quote(attributes);
            }
        }
        if (kept) {
            html.append('<').append(name).append(attributes).append('>');
        }
        return true;
    }

    /** Writes one node as flexmark renders it and the sanitizer then serialises it; false for any other node. */
    private boolean node(Node node) {
        if (node instanceof Text) {
            return text(node.getChars());
        } else if (node instanceof HtmlEntity) {
            return text(node.getChars().unescape());
        } else if (node instanceof SoftLineBreak) {
            return text(" ");
        } else if (node instanceof Emphasis) {
            return inline("em", node);
        } else if (node instanceof StrongEmphasis) {
            return inline("strong", node);
        } else if (node instanceof Link link) {
            return link(link);
        } else if (node instanceof HardLineBreak) {
            html.append("<br>");
            text.lineBreak();
            line();
            return true;
        } else if (node instanceof Paragraph paragraph) {
            return paragraph(paragraph);
        } else if (node instanceof Heading heading) {
            return heading(heading);
        } else if (node instanceof BulletList) {
            return block("ul", "", node);
        } else if (node instanceof OrderedList list) {
            int start = list.getStartNumber();
            return block("ol", listOptions.isOrderedListManualStart() && start != 1 ? " start=\"" + start + "\"" : "", node);
        } else if (node instanceof ListItem item) {
            return item.getMarkerSuffix().isEmpty() && lineBlock("li", "", item);
        } else if (node instanceof BlockQuote) {
            return block("blockquote", "", node);
        } else if (node instanceof ThematicBreak) {
            line();
            html.append("<hr>");
            text.blockEdge();
            text.blockEdge();
            line();
            return true;
        }
        return false;
    }

    /**
     * A text node's characters as flexmark renders them ({@code normalizeEOL(unescape())}); most
     * have no escape, character reference or carriage return, and are spared its regular expressions.
     */
    private boolean text(BasedSequence text) {
        int n = text.length();
        char[] a = room(n);
        // A slice of the source is copied at once; flexmark's toString goes character by character.
        if (text instanceof CharSubSequence slice) {
            System.arraycopy(slice.getBase(), slice.getStartOffset(), a, 0, n);
        } else {
            text.toString().getChars(0, n, a, 0);
        }
        boolean quote = false;
        for (int i = 0; i < n; i++) {
            char c = a[i];
            if (c == '\\' || c == '&' || c == '\r') {
                return text(Escaping.normalizeEOL(text.unescape()));
            }
            quote |= c == '"';
        }
        return text(a, n, quote);
    }

    private char[] room(int n) {
        if (chars.length < n) {
            chars = new char[Math.max(n, 2 * chars.length)];
        }
        return chars;
    }

    private boolean paragraph(Paragraph paragraph) {
        if (paragraph.getFirstChildAnyNot(NonRenderingInline.class) == null) {
            return true;
        }
        if (paragraph.getParent() instanceof ParagraphItemContainer container
                && container.isParagraphWrappingDisabled(paragraph, listOptions, document)) {
            return children(paragraph);
        }
        return lineBlock("p", "", paragraph);
    }

    /** The page has its own {@code <h1>}: the body's headings are numbered under it as the sanitizer numbers them. */
    private boolean heading(Heading heading) {
        String id = heading.getAnchorRefId();
        if (id == null || id.isEmpty()) {
            return false;
        }
        if (id.regionMatches(true, 0, Sanitizer.THEME_IDS, 0, Sanitizer.THEME_IDS.length())) {
            id = "content-" + id;
        }
        StringBuilder attributes = new StringBuilder(" id=\"");
        return attribute(attributes, id) && lineBlock("h" + outline.level(heading.getLevel()), quote(attributes).toString(), heading);
    }

    private boolean link(Link link) {
        String url = link.getUrl().unescape();
        if (!WEB_URL.matcher(url).matches()) {
            return false;
        }
        StringBuilder attributes = new StringBuilder(" href=\"");
        if (!attribute(attributes, url)) {
            return false;
        }
        quote(attributes);
        links.add(url);
        if (link.getTitle().isNotNull()) {
            attributes.append(" title=\"");
            if (!attribute(attributes, link.getTitle().unescape())) {
                return false;
            }
            quote(attributes);
        }
        html.append("<a").append(attributes).append('>');
        if (!children(link)) {
            return false;
        }
        html.append("</a>");
        return true;
    }

    private boolean inline(String tag, Node node) {
        html.append('<').append(tag).append('>');
        if (!children(node)) {
            return false;
        }
        html.append("</").append(tag).append('>');
        return true;
    }

    /** A block on lines of its own, its content too: {@code <ul>}, {@code <ol>}, {@code <blockquote>}. */
    private boolean block(String tag, String attributes, Node node) {
        line();
        html.append('<').append(tag).append(attributes).append('>');
        text.blockEdge();
        line();
        if (!children(node)) {
            return false;
        }
        line();
        html.append("</").append(tag).append('>');
        text.blockEdge();
        line();
        return true;
    }

    /** A block on a line of its own: {@code <p>}, {@code <li>}, headings. */
    private boolean lineBlock(String tag, String attributes, Node node) {
        line();
        html.append('<').append(tag).append(attributes).append('>');
        text.blockEdge();
        if (!children(node)) {
            return false;
        }
        html.append("</").append(tag).append('>');
        text.blockEdge();
        line();
        return true;
    }

    /** flexmark starts each block on a new line; the line break is a text node of the sanitized tree. */
    private void line() {
        if (!html.isEmpty() && html.charAt(html.length() - 1) != '\n') {
            // flexmark's writer trims spaces at the end of a line: not written here.
            trimmedSpace |= isSpace(html.charAt(html.length() - 1));
            html.append('\n');
            text.append("\n");
        }
    }

    private boolean text(String value) {
        int n = value.length();
        char[] a = room(n);
        value.getChars(0, n, a, 0);
        return text(a, n, value.indexOf('"') >= 0);
    }

    /**
     * The first {@code n} characters of {@code value} as text, as the sanitizer's serialiser escapes
     * it; {@code quote}: whether they hold a {@code "}, which text keeps as it is.
     */
    private boolean text(char[] value, int n, boolean quote) {
        // flexmark's writer trims spaces at the start of a line (after a hard break): not written here.
        boolean lineStart = !html.isEmpty() && html.charAt(html.length() - 1) == '\n';
        int start = html.length();
        if (lineStart && n > 0 && isSpace(value[0]) || !JsoupText.appendEscaped(html, value, 0, n, false, JsoupText.Unusual.DECLINE)) {
            return false;
        }
        if (quote) {
            // An address begun before the text or in it, closed by one of its quotes.
            int from = Math.max(0, start - "href=".length());
            strayAddress |= html.indexOf("href=\"", from) >= 0;
        }
        text.append(value, 0, n);
        return true;
    }

    /** Closes or opens an attribute's value; a quote after {@code href=} there is an address a scan finds. */
    private StringBuilder quote(StringBuilder attributes) {
        int at = attributes.length() - "href=".length();
        strayAddress |= at >= 0 && attributes.indexOf("href=", at) == at;
        return attributes.append('"');
    }

    /** {@code html} as a string stripped as {@link String#strip} would (no space is a supplementary character), in one copy. */
    private static String stripped(StringBuilder html) {
        int start = 0;
        int end = html.length();
        while (start < end && Character.isWhitespace(html.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(html.charAt(end - 1))) {
            end--;
        }
        return html.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean attribute(StringBuilder out, String value) {
        return escape(out, value, true);
    }

    /**
     * {@code value} escaped as the sanitizer's serialiser writes it; false for characters whose
     * way through flexmark's HTML and the sanitizer's parse is not plain (controls, lone surrogates).
     */
    private static boolean escape(StringBuilder out, String value, boolean inAttribute) {
        String escaped = JsoupText.escape(value, inAttribute, JsoupText.Unusual.DECLINE);
        if (escaped == null) {
            return false;
        }
        out.append(escaped);
        return true;
    }
}
