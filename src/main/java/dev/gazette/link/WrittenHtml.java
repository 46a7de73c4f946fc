package dev.gazette.link;

import dev.gazette.clean.JsoupText;
import dev.gazette.text.Slices;
import dev.gazette.text.ThreadChars;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Attribute;

import java.util.Map;
import java.util.Set;

import static dev.gazette.clean.JsoupText.Unusual.AS_JSOUP;

/**
 * In-body links made on HTML as jsoup writes it, without a parse: what {@link InBodyLinks}
 * does on jsoup's tree, for bodies whose text a parse would give back unchanged. Article bodies
 * are written by jsoup (or to match it), so nearly all are such bodies.
 *
 * <p>The body is read tag by tag and run of text by run of text, and is taken only when every
 * part of it is something whose parse is known: elements of the sanitizer's kind, each closed by
 * its own end tag in the order opened, none placed where the tree builder would move or close
 * it (a block in a paragraph, a link in a link, a list item outside a list...), attributes
 * written as jsoup writes them, and text whose only character references are the four jsoup
 * writes. Then the parse's elements are the tags as written, each run of text is one text node,
 * and writing the tree again gives the same characters: so the links can be made in the text
 * itself. Anything else is left to the parse ({@link #link} returns null).
 */
final class WrittenHtml {
    /** Elements read here: the sanitizer's, and the few more a curated body may hold. */
    private static final Set<String> KNOWN = Set.of("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
            "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "q", "cite", "em", "strong", "b", "i", "u", "s",
            "del", "ins", "mark", "small", "sub", "sup", "code", "pre", "kbd", "samp", "var", "abbr", "time",
            "a", "img", "figure", "figcaption", "div", "section", "span");
    private static final Set<String> VOID = Set.of("br", "hr", "img");
    /** Start tags before which the tree builder closes an open paragraph. */
    private static final Set<String> CLOSE_PARAGRAPH = Set.of("p", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
            "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "figure", "figcaption", "div", "section");
    /** Where no tag mention is linked (see {@link InBodyLinks}). */
    private static final Set<String> UNLINKABLE = Set.of("a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre",
            "figcaption", "sup");
    /** Deeper than this, jsoup's scope searches (bounded) may read the tree otherwise. */
    private static final int MAX_DEPTH = 64;

    /** Each thread's copy of the body read. */
    private static final ThreadChars CHARS = new ThreadChars(1 << 14);

    private WrittenHtml() {
    }

    /**
     * The body with links to other articles' originals rewritten and the first mention of each
     * pending tag linked, exactly as {@link InBodyLinks#link} makes them on jsoup's tree; null
     * when the body is not one this can read (the caller parses it).
     */
    static String link(String html, Map<String, String> slugBySourceUrl, String ownSlug, InBodyLinks.FirstMentions mentions) {
        int n = html.length();
        // Read from an array (String.charAt checks its index on every call, which the client compiler
        // keeps): the thread's, of which only the first n characters are this body's.
        char[] h = CHARS.atLeast(n);
        html.getChars(0, n, h, 0);
        String[] open = new String[MAX_DEPTH];
        int depth = 0;
        int paragraphs = 0;
        int links = 0;
        int headings = 0;
        int unlinkable = 0;
        int[] href = new int[2];
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < n) {
            if (h[i] != '<') {
                int end = textEnd(h, i, n);
                if (end < 0) {
                    return null;
                }
                if (mentions != null && mentions.pending > 0 && unlinkable == 0) {
                    String text = text(html, h, i, end);
                    String linked = StringUtil.isBlank(text) ? text : linkIn(text, mentions);
                    if (linked == null) {
                        return null;
                    }
                    if (linked != text) {
                        out = Slices.append(out, html, copied, i, n + 256).append(linked);
                        copied = end;
                    }
                }
                i = end;
                continue;
            }
            int nameStart = i + 1;
            boolean closing = nameStart < n && h[nameStart] == '/';
            if (closing) {
                nameStart++;
            }
            int nameEnd = nameStart;
            while (nameEnd < n && isNameChar(h[nameEnd])) {
                nameEnd++;
            }
            if (nameEnd == nameStart || nameEnd >= n) {
                return null;
            }
            String name = html.substring(nameStart, nameEnd);
            if (!KNOWN.contains(name)) {
                return null;
            }
            if (closing) {
                if (h[nameEnd] != '>' || depth == 0 || !open[depth - 1].equals(name)) {
                    return null;
                }
                depth--;
                paragraphs -= name.equals("p") ? 1 : 0;
                links -= name.equals("a") ? 1 : 0;
                headings -= isHeading(name) ? 1 : 0;
                unlinkable -= UNLINKABLE.contains(name) ? 1 : 0;
                i = nameEnd + 1;
                continue;
            }
            // Where the tree builder would close or move an element, the tags as written are not its tree.
            String current = depth == 0 ? "" : open[depth - 1];
            if (CLOSE_PARAGRAPH.contains(name) && paragraphs > 0
                    || name.equals("a") && links > 0
                    || isHeading(name) && headings > 0
                    || name.equals("li") && !current.equals("ul") && !current.equals("ol")
                    || (name.equals("dt") || name.equals("dd")) && !current.equals("dl")) {
                return null;
            }
            int end = attributes(html, h, nameEnd, href);
            if (end < 0) {
                return null;
            }
            if (href[0] >= 0 && name.equals("a") && !slugBySourceUrl.isEmpty()) {
                String slug = citedSlug(html, href[0], href[1], slugBySourceUrl, ownSlug);
                String rewritten = slug == null ? null : JsoupText.escape(InBodyLinks.ARTICLE_REF + slug, true, AS_JSOUP);
                if (slug != null && rewritten == null) {
                    return null;
                }
                if (rewritten != null) {
                    out = Slices.append(out, html, copied, href[0], n + 256).append(rewritten);
                    copied = href[1];
                }
            }
            i = end + 1;
            if (VOID.contains(name)) {
                continue;
            }
            if (depth == MAX_DEPTH || name.equals("pre") && i < n && h[i] == '\n') {
                return null;   // too deep; or the newline a parse drops after <pre>
            }
            open[depth++] = name;
            paragraphs += name.equals("p") ? 1 : 0;
            links += name.equals("a") ? 1 : 0;
            headings += isHeading(name) ? 1 : 0;
            unlinkable += UNLINKABLE.contains(name) ? 1 : 0;
        }
        if (depth != 0) {
            return null;
        }
        return out == null ? html : out.append(html, copied, n).toString();
    }

    private static boolean isHeading(String name) {
        return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6';
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static boolean isAttributeNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-';
    }

    /** Attributes one start tag may have here; a tag with more is left to the parse. */
    private static final int MAX_ATTRIBUTES = 8;

    /**
     * Checks the attributes of a start tag from {@code from} (just after its name) as jsoup
     * writes them: each after one space, lower-case and unique, a value in double quotes (none
     * only for a boolean attribute, which jsoup writes bare when empty or its own name).
     *
     * @param href set to the range of the {@code href} value, when there is one
     * @return the index of the tag's closing {@code >}, or -1 when it is not written so
     */
    private static int attributes(String html, char[] h, int from, int[] href) {
        int n = html.length();
        int[] names = new int[2 * MAX_ATTRIBUTES];
        int count = 0;
        href[0] = -1;
        int i = from;
        while (i < n && h[i] == ' ') {
            int name = ++i;
            while (i < n && isAttributeNameChar(h[i])) {
                i++;
            }
            if (i == name || i >= n || count == MAX_ATTRIBUTES) {
                return -1;
            }
            for (int k = 0; k < count; k++) {
                if (names[2 * k + 1] - names[2 * k] == i - name && html.regionMatches(names[2 * k], html, name, i - name)) {
                    return -1;   // a parse keeps the first only
                }
            }
            names[2 * count] = name;
            names[2 * count++ + 1] = i;
            String key = html.substring(name, i);
            boolean bool = Attribute.isBooleanAttribute(key);
            if (h[i] != '=') {
                if (!bool) {
                    return -1;
                }
                continue;
            }
            if (i + 1 >= n || h[i + 1] != '"') {
                return -1;
            }
            int value = i + 2;
            int valueEnd = html.indexOf('"', value);
            if (valueEnd < 0 || !attributeValue(html, h, value, valueEnd)
                    || bool && (valueEnd == value || valueEnd - value == key.length() && html.regionMatches(true, value, key, 0, key.length()))) {
                return -1;   // jsoup writes such a boolean attribute bare
            }
            if (key.equals("href")) {
                href[0] = value;
                href[1] = valueEnd;
            }
            i = valueEnd + 1;
        }
        return i < n && h[i] == '>' ? i : -1;
    }

    /** The other article whose original a link's {@code href} at {@code [from, to)} points at; else null. */
    private static String citedSlug(String html, int from, int to, Map<String, String> slugBySourceUrl, String ownSlug) {
        String slug = slugBySourceUrl.get(InBodyLinks.normalise(decode(html, from, to)));
        return slug == null || slug.equals(ownSlug) ? null : slug;
    }

    /**
     * Whether an attribute value reads and writes as itself: printable characters, and only
     * the character references jsoup writes in attributes.
     */
    private static boolean attributeValue(String html, char[] h, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = h[i];
            if (c == '&') {
                int length = reference(h, i, to, true);
                if (length == 0) {
                    return false;
                }
                i += length - 1;
            } else if (!plain(h, i, html.length(), c) || c == '<' || c == '>') {
                return false;
            }
        }
        return true;
    }

    /**
     * The end of the run of text from {@code from} (the next {@code <}, or the end), or -1 when
     * the run is not written as jsoup writes text: references other than jsoup's, or characters
     * it would write otherwise.
     */
    private static int textEnd(char[] h, int from, int n) {
        for (int i = from; i < n; i++) {
            char c = h[i];
            if (c >= 0x20 && c < 0x7f && c != '&' && c != '<' && c != '>') {
                continue;   // most characters: printable ASCII
            }
            if (c == '<') {
                return i;
            }
            if (c == '&') {
                int length = reference(h, i, n, false);
                if (length == 0) {
                    return -1;
                }
                i += length - 1;
            } else if (!plain(h, i, n, c) || c == '>') {
                return -1;
            }
        }
        return n;
    }

    /** The characters of a run of text (see {@link #textEnd}) as its text node holds them. */
    private static String text(String html, char[] h, int from, int to) {
        for (int i = from; i < to; i++) {
            if (h[i] == '&') {
                return decode(html, from, to);
            }
        }
        return html.substring(from, to);
    }

    /** A character jsoup neither escapes nor changes when it reads it: no control but tab and newline, no lone surrogate, no no-break space. */
    private static boolean plain(char[] h, int i, int n, char c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n';
        }
        if (c == '\u00a0') {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < n && Character.isLowSurrogate(h[i + 1]);
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(h[i - 1]);
        }
        return true;
    }

    /** The length of the character reference jsoup writes at {@code i} ({@code &amp;} ...), or 0. */
    private static int reference(char[] h, int i, int to, boolean attribute) {
        for (String ref : attribute ? ATTRIBUTE_REFERENCES : TEXT_REFERENCES) {
            if (i + ref.length() <= to && startsWith(h, i, ref)) {
                return ref.length();
            }
        }
        return 0;
    }

    private static boolean startsWith(char[] h, int i, String ref) {
        for (int k = 0; k < ref.length(); k++) {
            if (h[i + k] != ref.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static final String[] TEXT_REFERENCES = {"&amp;", "&lt;", "&gt;", "&nbsp;"};
    private static final String[] ATTRIBUTE_REFERENCES = {"&amp;", "&quot;", "&lt;", "&gt;", "&nbsp;"};

    /** The references {@link #decode} resolves, and the characters they stand for. */
    private static final String[] REFERENCES = {"&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;"};
    private static final char[] REFERENCED = {'&', '<', '>', '"', '\u00a0'};

    /** The characters of {@code [from, to)} with the references of {@link #reference} resolved. */
    private static String decode(String html, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        int i = from;
        int amp;
        while ((amp = html.indexOf('&', i)) >= 0 && amp < to) {
            out.append(html, i, amp);
            i = amp + 1;
            char c = '&';
            for (int k = 0; k < REFERENCES.length; k++) {
                if (html.startsWith(REFERENCES[k], amp)) {
                    c = REFERENCED[k];
                    i = amp + REFERENCES[k].length();
                    break;
                }
            }
            out.append(c);
        }
        return out.append(html, i, to).toString();
    }

    /**
     * Links the pending tags' first mentions in one text node's characters, as
     * {@code InBodyLinks.linkIn} does on the node: the written replacement of the run, {@code text}
     * itself when nothing was linked, or null when a slug would need escaping this does not do.
     */
    private static String linkIn(String text, InBodyLinks.FirstMentions mentions) {
        StringBuilder out = null;
        int from = 0;
        while (mentions.pending > 0) {
            int[] found = mentions.next(text, from);
            if (found == null || found[2] <= found[1]) {
                break;
            }
            String href = JsoupText.escape(InBodyLinks.TAG_REF + mentions.link(found[0]), true, AS_JSOUP);
            if (href == null) {
                return null;
            }
            out = out != null ? out : new StringBuilder(text.length() + 128);
            out.append(JsoupText.escape(text.substring(from, found[1]), false, AS_JSOUP))
                    .append("<a href=\"").append(href).append("\" class=\"tag-link\">")
                    .append(JsoupText.escape(text.substring(found[1], found[2]), false, AS_JSOUP)).append("</a>");
            from = found[2];
        }
        return out == null ? text : out.append(JsoupText.escape(text.substring(from), false, AS_JSOUP)).toString();
    }
}
