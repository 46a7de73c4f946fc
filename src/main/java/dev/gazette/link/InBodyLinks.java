package dev.gazette.link;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links inside article bodies. Links are written as internal references
 * ({@code gazette:tag/<slug>}, {@code gazette:article/<slug>}) that the render stage turns into
 * URLs, so this stage never needs to know the site's URL scheme.
 */
final class InBodyLinks {
    static final String TAG_REF = "gazette:tag/";
    static final String ARTICLE_REF = "gazette:article/";

    private InBodyLinks() {
    }

    /**
     * Links the first mention of each tag in the body's text to the tag's page, leaving
     * headings, existing links, code and figure captions alone.
     */
    static String linkFirstMentions(String html, Map<String, Pattern> tagPatterns) {
        return link(html, Map.of(), "", tagPatterns);
    }

    /**
     * Both kinds of in-body link in one parse of the body: links to other articles' originals
     * rewritten ({@link #rewriteSourceLinks}), then the first mention of each tag linked.
     *
     * @return {@code html} itself when there was nothing to do
     */
    static String link(String html, Map<String, String> slugBySourceUrl, String ownSlug, Map<String, Pattern> tagPatterns) {
        boolean sources = !slugBySourceUrl.isEmpty() && html.contains("href");
        if (!sources && tagPatterns.isEmpty()) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        boolean changed = sources && rewriteSourceLinks(doc, slugBySourceUrl, ownSlug);
        if (!tagPatterns.isEmpty()) {
            linkFirstMentions(doc, tagPatterns);
            changed = true;
        }
        return changed ? doc.body().html() : html;
    }

    private static void linkFirstMentions(Document doc, Map<String, Pattern> tagPatterns) {
        Map<String, Pattern> pending = new LinkedHashMap<>(tagPatterns);
        List<TextNode> texts = new ArrayList<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t && !t.isBlank() && linkable(t)) {
                    texts.add(t);
                }
            }
        }, doc.body());
        for (TextNode text : texts) {
            if (pending.isEmpty()) {
                break;
            }
            linkIn(text, pending);
        }
    }

    private static boolean linkable(TextNode text) {
        for (Element el = text.parent(); el != null; el = el.parent()) {
            switch (el.normalName()) {
                case "a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "figcaption", "sup" -> {
                    return false;
                }
                default -> {
                    // keep looking up
                }
            }
        }
        return true;
    }

    /** Links the earliest pending mention in this text node, then looks at the rest of it. */
    private static void linkIn(TextNode text, Map<String, Pattern> pending) {
        String value = text.getWholeText();
        String bestSlug = null;
        int bestStart = Integer.MAX_VALUE;
        int bestEnd = 0;
        for (Map.Entry<String, Pattern> e : pending.entrySet()) {
            Matcher m = e.getValue().matcher(value);
            if (m.find() && m.start() < bestStart) {
                bestSlug = e.getKey();
                bestStart = m.start();
                bestEnd = m.end();
            }
        }
        if (bestSlug == null) {
            return;
        }
        pending.remove(bestSlug);
        TextNode after = text.splitText(bestStart);
        TextNode rest = after.splitText(bestEnd - bestStart);
        Element link = new Element("a").attr("href", TAG_REF + bestSlug).attr("class", "tag-link");
        after.replaceWith(link);
        link.appendChild(after);
        if (!pending.isEmpty()) {
            linkIn(rest, pending);
        }
    }

    /** Rewrites links to another article's original into links to its page in the digest. */
    static String rewriteSourceLinks(String html, Map<String, String> slugBySourceUrl, String ownSlug) {
        return link(html, slugBySourceUrl, ownSlug, Map.of());
    }

    private static boolean rewriteSourceLinks(Document doc, Map<String, String> slugBySourceUrl, String ownSlug) {
        boolean changed = false;
        for (Element a : doc.select("a[href]")) {
            String slug = slugBySourceUrl.get(normalise(a.attr("href")));
            if (slug != null && !slug.equals(ownSlug)) {
                a.attr("href", ARTICLE_REF + slug);
                changed = true;
            }
        }
        return changed;
    }

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    /** The targets of the links in sanitized HTML (whose attributes are always double-quoted). */
    static List<String> hrefs(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            out.add(org.jsoup.parser.Parser.unescapeEntities(m.group(1), true));
        }
        return out;
    }

    /** One key for the many spellings of a URL: no scheme, no "www.", no fragment, no trailing slash. */
    static String normalise(String url) {
        try {
            URI uri = new URI(url.strip());
            if (uri.getHost() == null) {
                return url;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return host + path + query;
        } catch (URISyntaxException e) {
            return url;
        }
    }
}
