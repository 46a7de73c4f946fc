package dev.gazette.clean;

import dev.gazette.source.TextDecoder;
import dev.gazette.text.Srcset;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one gate every article body passes before it reaches a page: a jsoup {@link Safelist}
 * that keeps article structure (headings, lists, quotes, tables, figures, links, emphasis)
 * and drops scripts, styles, frames, forms, event handlers and {@code javascript:} URLs.
 */
public final class Sanitizer {
    /** The prefix of the ids the theme's pages use; an article's own ids never take it. */
    public static final String THEME_IDS = "gz-";
    /** How a curated body's own files are marked until the build knows where they are (see pipeline.LocalImages). */
    public static final String LOCAL_FILE = "gazette:file/";
    /** Attributes lazy-loading scripts keep the real image address in, most specific first. */
    private static final String[] LAZY_SRC = {"data-src", "data-lazy-src", "data-original", "data-url"};
    private static final String[] LAZY_SRCSET = {"data-srcset", "data-lazy-srcset"};
    /* Selectors parsed once: jsoup parses a query string again on every select. */
    private static final Evaluator IMG = QueryParser.parse("img");
    private static final Evaluator IMG_WITH_SRC = QueryParser.parse("img[src]");
    private static final Evaluator IMG_WITH_SRCSET = QueryParser.parse("img[srcset]");
    private static final Evaluator SOURCE_WITH_SRCSET = QueryParser.parse("source[srcset]");
    private static final Evaluator LINK = QueryParser.parse("a");
    private static final Evaluator LINK_WITH_HREF = QueryParser.parse("a[href]");
    private static final Evaluator SAME_PAGE_LINK = QueryParser.parse("a[href^=#]");
    private static final Evaluator WITH_ID = QueryParser.parse("[id]");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    /** A picture a browser saved beside its page: {@code ./name_files/photo.jpg} or {@code name_files/photo.jpg}. */
    private static final Pattern SAVED_PAGE_FILE = Pattern.compile("(?:\\./)?[^/\\\\?#:]+_files/[^?#:\\\\]+");
    private static final Evaluator ADDRESSES = QueryParser.parse("a[href], img[src], blockquote[cite], q[cite]");

    private final Safelist safelist;
    private final boolean localFiles;

    private Sanitizer(boolean keepIds) {
        this.localFiles = keepIds;
        this.safelist = new Safelist()
                .addTags("p", "br", "hr", "h2", "h3", "h4", "h5", "h6",
                        "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "q", "cite",
                        "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup",
                        "code", "pre", "kbd", "samp", "var", "abbr", "time",
                        "a", "img", "figure", "figcaption",
                        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td")
                .addAttributes("a", "href", "title")
                .addAttributes("img", "src", "srcset", "sizes", "alt", "title", "width", "height")
                .addAttributes("blockquote", "cite")
                .addAttributes("q", "cite")
                .addAttributes("abbr", "title")
                .addAttributes("time", "datetime")
                .addAttributes("ol", "start", "reversed")
                .addAttributes("th", "colspan", "rowspan", "scope")
                .addAttributes("td", "colspan", "rowspan")
                .addProtocols("a", "href", "http", "https", "mailto", "#")
                .addProtocols("img", "src", "http", "https")
                .addProtocols("blockquote", "cite", "http", "https")
                .addProtocols("q", "cite", "http", "https")
                .preserveRelativeLinks(true);
        if (keepIds) {
            // Curated Markdown uses ids for footnotes and heading anchors; raw pages do not get
            // them, so their ids can never clash with the page's own.
            for (String tag : new String[] {"h2", "h3", "h4", "h5", "h6", "li", "sup", "a", "div", "section", "ol"}) {
                safelist.addAttributes(tag, "id");
            }
            safelist.addTags("div", "section").addAttributes("div", "class").addAttributes("a", "class");
        }
        // Images next to the source (a Markdown file's, a saved page's own): kept, and copied into the site by the build.
        safelist.addProtocols("img", "src", "gazette");
    }

    /** What cleaning does to an attribute that an element's tag is written with. */
    enum Fate {
        /** Copied as it is. */
        KEPT,
        /** Left out (or the whole element is). */
        DROPPED,
        /** Kept only after a check, and possibly changed: ids and addresses. */
        REWRITTEN
    }

    /** Whether elements of this tag are kept (with the attributes the safelist allows), not unwrapped. */
    boolean keepsTag(String tag) {
        return safelist.isSafeTag(tag);
    }

    /** What cleaning does to the attribute {@code key="value"} of a {@code tag} element. */
    Fate fate(String tag, String key, String value) {
        if (key.equals("id") || key.equals("href") || key.equals("src") || key.equals("srcset") || key.equals("cite")) {
            return Fate.REWRITTEN;
        }
        return safelist.isSafeTag(tag) && safelist.isSafeAttribute(tag, new Element(tag), new Attribute(key, value))
                ? Fate.KEPT : Fate.DROPPED;
    }

    /** For bodies from raw pages saved off the web. */
    public static Sanitizer untrusted() {
        return new Sanitizer(false);
    }

    /** For curated Markdown: still no scripts, but ids and classes for footnotes survive. */
    public static Sanitizer curated() {
        return new Sanitizer(true);
    }

    /**
     * Cleans an HTML fragment. Relative URLs, same-page {@code #fragment} links included, are
     * resolved against {@code baseUrl} when one is given; without one, relative paths are kept,
     * and {@code #fragment} links only when the fragment has an element with that id.
     */
    public String clean(String html, String baseUrl) {
        return cleanBody(html, baseUrl).html().strip();
    }

    /**
     * Cleans an HTML fragment like {@link #clean} and returns the clean body element, so a caller
     * that also needs the text reads it from this tree instead of parsing the HTML again.
     */
    public Element cleanBody(String html, String baseUrl) {
        Document dirty = Jsoup.parseBodyFragment(html, baseUrl == null ? "" : baseUrl);
        BodyStructure.outline(dirty.body());
        promoteLazyImages(dirty.body());
        if (localFiles) {
            markLocalFiles(dirty.body());
        } else {
            markSavedPageFiles(dirty.body());
        }
        if (baseUrl != null && !baseUrl.isEmpty()) {
            absolutize(dirty.body());
        }
        Embeds.asLinks(dirty.body());
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        BodyStructure.repair(clean.body());
        if (TextDecoder.hasControl(html) || refersToControl(html)) { // (raw ones from a JSON-LD articleBody, say)
            dropControls(clean.body());
        }
        // A link whose URL the safelist refused (javascript:, vbscript:, data:) keeps only its text,
        // and so does a same-page link to an id the body does not have: it would lead nowhere.
        Set<String> ids = new HashSet<>(clean.body().select(WITH_ID).eachAttr("id"));
        for (Element a : clean.select(LINK)) {
            String href = a.attr("href").strip();
            if (href.isEmpty() || href.regionMatches(true, 0, "javascript:", 0, 11)
                    || href.startsWith("#") && href.length() > 1 && !ids.contains(fragment(href))) {
                a.unwrap();
            }
        }
        for (Element el : clean.select(ADDRESSES)) {
            String attribute = el.hasAttr("href") ? "href" : el.hasAttr("src") ? "src" : "cite";
            String value = el.attr(attribute).strip();
            if (emptyHost(value)) {
                el.removeAttr(attribute);
                if (attribute.equals("href")) {
                    el.unwrap();
                }
            } else if (!value.startsWith(LOCAL_FILE)) { // a file name, resolved later by the build
                el.attr(attribute, escapeUnsafe(value));
            }
        }
        // Ids starting "gz-" belong to the theme ("## GZ main" would clash with its gz-main).
        for (Element el : clean.select(WITH_ID)) {
            if (el.id().regionMatches(true, 0, THEME_IDS, 0, THEME_IDS.length())) {
                el.id("content-" + el.id());
            }
        }
        for (Element a : clean.select(SAME_PAGE_LINK)) {
            if (a.attr("href").regionMatches(true, 1, THEME_IDS, 0, THEME_IDS.length())) {
                a.attr("href", "#content-" + a.attr("href").substring(1));
            }
        }
        for (Element img : clean.select(IMG)) {
            if (!img.hasAttr("src") || img.attr("src").isBlank()) {
                img.remove();
                continue;
            }
            if (!img.hasAttr("alt")) {
                img.attr("alt", "");
            }
            List<Srcset.Candidate> srcset = Srcset.valid(img.attr("srcset"), url -> (url.startsWith("https://")
                    || url.startsWith("http://")) && !emptyHost(url) ? escapeUnsafe(url) : null);
            if (srcset.isEmpty()) {
                img.removeAttr("srcset").removeAttr("sizes");
            } else {
                img.attr("srcset", Srcset.format(srcset));
                if (!Srcset.givesWidths(srcset)) {
                    img.removeAttr("sizes"); // sizes go with widths only
                } else if (img.attr("sizes").isBlank()) {
                    img.attr("sizes", "100vw"); // what a browser takes when a set of widths comes without sizes
                }
            }
            for (String dimension : new String[] {"width", "height"}) {
                if (img.hasAttr(dimension) && !DIGITS.matcher(img.attr(dimension)).matches()) {
                    img.removeAttr(dimension); // "150px", "519.9": HTML's are whole pixels
                }
            }
            // Below the headline, so never the first thing a reader sees: load when scrolled to.
            img.attr("loading", "lazy").attr("decoding", "async");
        }
        return clean.body();
    }

    /**
     * A URL as pages may carry it: spaces, quotes, angle brackets and other characters that RFC
     * 3986 never allows ({@code a b.jpg}), and brackets outside the host (which only an IPv6
     * address may hold), are percent-encoded as UTF-8; browsers already fetch them so, and the
     * link checker, validators and feed readers refuse them raw.
     */
    static String escapeUnsafe(String url) {
        StringBuilder out = null;
        int hostEnd = hostEnd(url);
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            boolean unsafe = c <= 0x20 || c == 0x7F || "\"<>\\^`{|}".indexOf(c) >= 0 || (c == '[' || c == ']') && i >= hostEnd;
            if (unsafe && out == null) {
                out = new StringBuilder(url.length() + 16).append(url, 0, i);
            }
            if (unsafe) {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? url : out.toString();
    }

    /**
     * Control characters out of the body's text and attributes: a page may write them as character
     * references ({@code &#16;}), which the parser decodes, and HTML and XML forbid them on a page
     * or in a feed (see also source.TextDecoder, which drops those written as they are).
     */
    private static void dropControls(Element body) {
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode t && TextDecoder.hasControl(t.getWholeText())) {
                t.text(TextDecoder.withoutControls(t.getWholeText()));
            } else if (node instanceof Element e) {
                for (Attribute a : e.attributes()) {
                    if (TextDecoder.hasControl(a.getValue())) {
                        a.setValue(TextDecoder.withoutControls(a.getValue()));
                    }
                }
            }
        }, body);
    }

    /** Whether the HTML holds a numeric character reference to a control character ({@code &#16;}, {@code &#x85;}). */
    private static boolean refersToControl(String html) {
        for (int at = html.indexOf("&#"); at >= 0; at = html.indexOf("&#", at + 2)) {
            int i = at + 2;
            boolean hex = i < html.length() && (html.charAt(i) == 'x' || html.charAt(i) == 'X');
            i += hex ? 1 : 0;
            long value = 0;
            int digits = 0;
            for (; i < html.length() && digits < 8; i++, digits++) {
                int d = Character.digit(html.charAt(i), hex ? 16 : 10);
                if (d < 0) {
                    break;
                }
                value = value * (hex ? 16 : 10) + d;
            }
            // Eight hex digits overflow an int ("&#xFFFFFFFF;"): the value is read as a long, and only a control is one.
            if (digits > 0 && value <= 0x9F && TextDecoder.isControl((int) value)) {
                return true;
            }
        }
        return false;
    }

    /** Where the host of {@code scheme://host/...} ends (0 for a URL without one). */
    private static int hostEnd(String url) {
        int start = url.indexOf("://");
        if (start <= 0) {
            return 0;
        }
        for (int i = start + 3; i < url.length(); i++) {
            if ("/?#".indexOf(url.charAt(i)) >= 0) {
                return i;
            }
        }
        return url.length();
    }

    /** Whether the URL names a scheme and "//" but no host ({@code https://:0}, {@code http:///a}): no browser can fetch it. */
    private static boolean emptyHost(String url) {
        int start = url.indexOf("://");
        if (start <= 0) {
            return false;
        }
        int host = url.lastIndexOf('@', hostEnd(url) - 1);
        int from = Math.max(start + 3, host + 1);
        return from >= url.length() || ":/?#".indexOf(url.charAt(from)) >= 0;
    }

    /**
     * Saved pages often keep an image's address in a lazy-loading attribute, with a placeholder
     * (or nothing) in {@code src}; a {@code <picture>} may give it only in its {@code <source>}s.
     */
    private static void promoteLazyImages(Element body) {
        for (Element img : body.select(IMG)) {
            String src = img.attr("src").strip();
            if (src.isEmpty() || src.regionMatches(true, 0, "data:", 0, 5)) {
                for (String attr : LAZY_SRC) {
                    if (!img.attr(attr).isBlank()) {
                        img.attr("src", img.attr(attr).strip());
                        break;
                    }
                }
            }
            if (img.attr("srcset").isBlank()) {
                for (String attr : LAZY_SRCSET) {
                    if (!img.attr(attr).isBlank()) {
                        img.attr("srcset", img.attr(attr).strip());
                        break;
                    }
                }
            }
            Element picture = img.parent();
            if (picture != null && picture.normalName().equals("picture")) {
                Element source = picture.selectFirst(SOURCE_WITH_SRCSET);
                if (source != null && img.attr("srcset").isBlank()) {
                    img.attr("srcset", source.attr("srcset"));
                }
                List<Srcset.Candidate> candidates = Srcset.parse(img.attr("srcset"));
                if ((img.attr("src").isBlank() || img.attr("src").regionMatches(true, 0, "data:", 0, 5)) && !candidates.isEmpty()) {
                    img.attr("src", candidates.get(0).url());
                }
            }
        }
    }

    /** In curated Markdown a relative image address names a file under content/. */
    private static void markLocalFiles(Element body) {
        for (Element img : body.select(IMG_WITH_SRC)) {
            String src = img.attr("src").strip();
            if (!src.isEmpty() && !src.startsWith("/") && !src.startsWith("#") && !src.contains(":")
                    && !src.startsWith("\\")) {
                img.attr("src", LOCAL_FILE + src);
                img.removeAttr("srcset");
            }
        }
    }

    /**
     * In a page saved with its files ("Save Page As…, Webpage, Complete"), the browser points each picture at the copy it
     * wrote beside the page, {@code ./name_files/photo.jpg} (SourceReader.isSavedPageFiles): a file under content/, as a
     * Markdown image's is, which the page's own address would turn into one its site never had. Any other relative address
     * is the site's own and is resolved against the page's address. A page's own "gazette:" address is no file of ours.
     */
    private static void markSavedPageFiles(Element body) {
        for (Element img : body.select(IMG_WITH_SRC)) {
            String src = img.attr("src").strip();
            if (src.regionMatches(true, 0, LOCAL_FILE, 0, LOCAL_FILE.indexOf(':') + 1)) {
                img.removeAttr("src");
            } else if (SAVED_PAGE_FILE.matcher(src).matches()) {
                img.attr("src", LOCAL_FILE + (src.startsWith("./") ? src.substring(2) : src));
                img.removeAttr("srcset");
            }
        }
    }

    /** The id a {@code #fragment} link points to, percent-escapes decoded as a browser does. */
    private static String fragment(String href) {
        try {
            String id = new URI(href).getFragment();
            return id == null ? "" : id;
        } catch (URISyntaxException e) {
            return href.substring(1);
        }
    }

    private static void absolutize(Element body) {
        // Same-page links too: the page's ids do not survive, its original still has them.
        for (Element el : body.select(LINK_WITH_HREF)) {
            String abs = el.absUrl("href");
            if (!abs.isEmpty()) {
                el.attr("href", abs);
            }
        }
        for (Element el : body.select(IMG_WITH_SRC)) {
            String abs = el.absUrl("src");
            if (!abs.isEmpty() && !el.attr("src").startsWith(LOCAL_FILE)) {
                el.attr("src", abs);
            }
        }
        for (Element el : body.select(IMG_WITH_SRCSET)) {
            List<Srcset.Candidate> absolute = new ArrayList<>();
            for (Srcset.Candidate c : Srcset.parse(el.attr("srcset"))) {
                String abs = org.jsoup.internal.StringUtil.resolve(el.baseUri(), c.url());
                absolute.add(new Srcset.Candidate(abs.isEmpty() ? c.url() : abs, c.descriptor()));
            }
            el.attr("srcset", Srcset.format(absolute));
        }
    }
}
