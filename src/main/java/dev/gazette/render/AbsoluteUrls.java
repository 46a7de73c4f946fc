package dev.gazette.render;

import dev.gazette.text.PlainUrls;
import dev.gazette.text.Slices;
import dev.gazette.text.Srcset;
import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rewrites every link and image in an HTML fragment to an absolute URL. Feed readers and
 * RSS-to-email tools ignore base URLs, so feed content must carry no relative reference.
 */
final class AbsoluteUrls {
    /* Parsed once: jsoup parses a query string again on every select. */
    private static final Evaluator WITH_HREF = QueryParser.parse("[href]");
    private static final Evaluator WITH_SRC = QueryParser.parse("[src]");
    private static final Evaluator WITH_SRCSET = QueryParser.parse("[srcset]");

    private AbsoluteUrls() {
    }

    static String rewrite(String html, String pageUrl) {
        return rewrite(html, pageUrl, new Resolutions());
    }

    /** @param resolutions URLs already resolved for other pages of the site, and where this page's are kept */
    static String rewrite(String html, String pageUrl, Resolutions resolutions) {
        String rewritten = rewriteSerialised(html, pageUrl, resolutions);
        return rewritten != null ? rewritten : rewriteParsed(html, pageUrl);
    }

    /**
     * URLs resolved against pages of one site, kept for the other pages: jsoup's resolution
     * (a URL parse, host normalisation) costs far more than a look-up, and the bodies of a
     * site's feed repeat its tag links and their sources. Kept are the URLs whose resolution
     * depends on the page's origin alone (scheme, host and port, for a page URL without query
     * or fragment): absolute ones with a host ({@code https://...}) and paths from the root.
     */
    static final class Resolutions {
        private final Map<String, String> resolved = new ConcurrentHashMap<>();

        String resolve(String pageUrl, String url) {
            if (resolvesToItself(url)) {
                return url;
            }
            String origin = originOnly(pageUrl, url);
            if (origin == null) {
                return StringUtil.resolve(pageUrl, url);
            }
            String key = origin + ' ' + url;
            String known = resolved.get(key);
            if (known == null) {
                known = StringUtil.resolve(pageUrl, url);
                resolved.put(key, known);
            }
            return known;
        }

        /**
         * An absolute {@code http} or {@code https} URL that resolves to itself from any page: a
         * scheme in lower case, a plain host ({@link PlainUrls#plainHostEnd}) and a path of
         * unreserved characters with no dot segment and no empty one (no query, no fragment). Most links of a body are such; told by one scan, they cost no look-up (whose key
         * would be made and hashed for each of them). {@code AbsoluteUrlsTest} compares it with
         * jsoup's resolution.
         */
        static boolean resolvesToItself(String url) {
            int host = PlainUrls.hostStart(url);
            int i = host < 0 ? -1 : PlainUrls.plainHostEnd(url, host);
            if (i < 0 || i == url.length()) {
                return false;
            }
            for (int n = url.length(); i < n; i++) {
                char c = url.charAt(i);
                if (c == '/') {
                    // No "//", "/." or "/..": URL parsing would remove or keep them as it sees fit.
                    if (i + 1 < n && (url.charAt(i + 1) == '/' || url.charAt(i + 1) == '.')) {
                        return false;
                    }
                } else if (!PlainUrls.isUnreserved(c)) {
                    return false;
                }
            }
            return true;
        }

        /** The page's origin when {@code url} resolves the same from every page of it; else null. */
        private static String originOnly(String pageUrl, String url) {
            boolean fromOrigin = url.startsWith("https://") || url.startsWith("http://")
                    || url.startsWith("/") && !url.startsWith("//");
            int scheme = pageUrl.indexOf("://");
            if (!fromOrigin || scheme < 0 || pageUrl.indexOf('?') >= 0 || pageUrl.indexOf('#') >= 0) {
                return null;
            }
            int path = pageUrl.indexOf('/', scheme + 3);
            return path < 0 ? pageUrl : pageUrl.substring(0, path);
        }
    }

    /** The rewrite on jsoup's tree: for any HTML. */
    static String rewriteParsed(String html, String pageUrl) {
        Document doc = Jsoup.parseBodyFragment(html, pageUrl);
        doc.outputSettings().prettyPrint(false);
        for (Element el : doc.select(WITH_HREF)) {
            el.attr("href", el.absUrl("href"));
        }
        for (Element el : doc.select(WITH_SRC)) {
            el.attr("src", el.absUrl("src"));
        }
        for (Element el : doc.select(WITH_SRCSET)) {
            String srcset = srcset(el.attr("srcset"), pageUrl);
            if (srcset.isEmpty()) {
                el.removeAttr("srcset");
            } else {
                el.attr("srcset", srcset);
            }
        }
        return doc.body().html();
    }

    /**
     * Elements whose content the parser does not read as plain HTML markup (raw text, foreign
     * content), and the one that changes what URLs resolve against: only the parse rewrites them.
     */
    private static final Set<String> PARSED_ONLY = Set.of("script", "style", "textarea", "title",
            "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext", "template", "svg", "math", "base");

    /**
     * The same rewrite without a parse, for HTML as jsoup writes it, as article bodies are: every
     * attribute value in double quotes, every {@code <} of text escaped, so each {@code <} opens a
     * tag. The URLs are resolved as {@link #rewriteParsed} resolves them, and the rest of the text
     * is left as it is, which is what parsing and writing it again gives. Null when the HTML holds
     * anything this could rewrite otherwise than the parse: an element whose content the parser
     * reads in another mode, a comment, a URL with an entity or a character that writing escapes,
     * a {@code srcset} with nothing left to keep, or markup not as jsoup writes it.
     */
    static String rewriteSerialised(String html, String pageUrl) {
        return rewriteSerialised(html, pageUrl, new Resolutions());
    }

    static String rewriteSerialised(String html, String pageUrl, Resolutions resolutions) {
        int n = html.length();
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while ((i = html.indexOf('<', i)) >= 0) {
            i++;
            if (i < n && html.charAt(i) == '/') {
                i = html.indexOf('>', i);
                if (i < 0) {
                    return null;
                }
                continue;
            }
            if (i >= n || !isAsciiLetter(html.charAt(i))) {
                return null;   // a comment, a declaration, or markup not as jsoup writes it
            }
            int tag = i;
            while (i < n && html.charAt(i) != ' ' && html.charAt(i) != '>' && html.charAt(i) != '/') {
                i++;
            }
            if (PARSED_ONLY.contains(html.substring(tag, i).toLowerCase(Locale.ROOT))) {
                return null;
            }
            while (i < n && html.charAt(i) == ' ') {
                int name = ++i;
                while (i < n && html.charAt(i) != '=' && html.charAt(i) != ' ' && html.charAt(i) != '>') {
                    i++;
                }
                int nameEnd = i;
                if (i == n || html.charAt(i) != '=') {
                    continue;   // a boolean attribute, written without a value
                }
                if (i + 1 >= n || html.charAt(i + 1) != '"') {
                    return null;
                }
                int value = i + 2;
                int valueEnd = html.indexOf('"', value);
                if (valueEnd < 0) {
                    return null;
                }
                i = valueEnd + 1;
                String key = html.substring(name, nameEnd);
                boolean srcset = key.equals("srcset");
                if (!srcset && !key.equals("href") && !key.equals("src")) {
                    if (key.equalsIgnoreCase("srcset") || key.equalsIgnoreCase("href") || key.equalsIgnoreCase("src")) {
                        return null;
                    }
                    continue;
                }
                String url = html.substring(value, valueEnd);
                String absolute = srcset ? srcset(url, pageUrl) : resolutions.resolve(pageUrl, url);
                if (!writtenAsIs(url) || !writtenAsIs(absolute) || srcset && absolute.isEmpty()) {
                    return null;
                }
                if (!absolute.equals(url)) {
                    out = Slices.append(out, html, copied, value, n + 256).append(absolute);
                    copied = valueEnd;
                }
            }
            if (i >= n || html.charAt(i) != '>') {
                return null;
            }
        }
        return out == null ? html : out.append(html, copied, n).toString();
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** An attribute value that reads and writes as itself: printable ASCII, nothing that is escaped. */
    private static boolean writtenAsIs(String value) {
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (c < 0x20 || c > 0x7E || c == '&' || c == '"' || c == '<' || c == '>') {
                return false;
            }
        }
        return true;
    }

    /** {@code url} resolved against {@code base}, or null when it cannot be. */
    static String resolve(String base, String url) {
        String resolved = StringUtil.resolve(base, url);
        return resolved.isEmpty() ? null : resolved;
    }

    /** Each candidate of a {@code srcset} ("url 2x, url 640w") with its URL made absolute; unresolvable ones dropped. */
    static String srcset(String srcset, String pageUrl) {
        List<Srcset.Candidate> out = new ArrayList<>();
        for (Srcset.Candidate c : Srcset.parse(srcset)) {
            String url = StringUtil.resolve(pageUrl, c.url());
            if (!url.isEmpty()) {
                out.add(new Srcset.Candidate(url, c.descriptor()));
            }
        }
        return Srcset.format(out);
    }
}
