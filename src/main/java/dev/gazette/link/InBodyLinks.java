package dev.gazette.link;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

import dev.gazette.model.Tag;
import dev.gazette.text.PlainUrls;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    /** Parsed once: jsoup parses a query string again on every select. */
    private static final Evaluator LINK_WITH_HREF = QueryParser.parse("a[href]");

    private InBodyLinks() {
    }

    /**
     * Links the first mention of each tag in the body's text to the tag's page, leaving
     * headings, existing links, code and figure captions alone.
     *
     * @param tagNames each tag's slug with the alternation of its names ({@link AutoTagger#names})
     */
    static String linkFirstMentions(String html, Map<String, String> tagNames) {
        return linkParsed(html, Map.of(), "", tagNames);
    }

    /**
     * Both kinds of in-body link: links to other articles' originals rewritten
     * ({@link #rewriteSourceLinks}), then the first mention of each tag linked. Made in the
     * body's text when it is written as jsoup writes it ({@link WrittenHtml}), else on its parse.
     *
     * @return {@code html} itself when there was nothing to do
     */
    static String link(String html, Map<String, String> slugBySourceUrl, String ownSlug, List<Tag> tags) {
        boolean sources = !slugBySourceUrl.isEmpty() && html.contains("href");
        if (!sources && tags.isEmpty()) {
            return html;
        }
        String written = WrittenHtml.link(html, sources ? slugBySourceUrl : Map.of(), ownSlug,
                tags.isEmpty() ? null : new FirstMentions(tags));
        return written != null ? written : linkParsed(html, slugBySourceUrl, ownSlug, names(tags));
    }

    /** Each tag's slug with the pattern of its names ({@link AutoTagger#names}), in the tags' order. */
    static Map<String, String> names(List<Tag> tags) {
        if (NAMES.size() > MAX_NAMES) {
            NAMES.clear();
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (Tag tag : tags) {
            names.put(tag.slug(), NAMES.computeIfAbsent(tag, AutoTagger::names));
        }
        return names;
    }

    /** Each tag's pattern of names: the same few hundred tags recur in every article's body. */
    private static final Map<Tag, String> NAMES = new ConcurrentHashMap<>();
    private static final int MAX_NAMES = 10_000;

    /** {@link #link} on jsoup's tree of the body: for any HTML. */
    static String linkParsed(String html, Map<String, String> slugBySourceUrl, String ownSlug, Map<String, String> tagNames) {
        boolean sources = !slugBySourceUrl.isEmpty() && html.contains("href");
        if (!sources && tagNames.isEmpty()) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        boolean changed = sources && rewriteSourceLinks(doc, slugBySourceUrl, ownSlug);
        if (!tagNames.isEmpty()) {
            linkFirstMentions(doc, new FirstMentions(tagNames));
            changed = true;
        }
        return changed ? doc.body().html() : html;
    }

    private static void linkFirstMentions(Document doc, FirstMentions mentions) {
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
            if (mentions.pending == 0) {
                break;
            }
            linkIn(text, mentions);
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

    /**
     * Finds the earliest mention of a tag not linked yet, as if each tag's pattern were searched
     * on its own and the earliest match kept (ties to the tag listed first), but with one scan
     * of the text for all the tags: at each place a mention may begin, each pending tag's own
     * pattern is tried in the tags' order. (One pattern of every tag's names as alternatives
     * would find the same, but it was compiled for each article: its tags differ.)
     */
    static final class FirstMentions {
        /** Each tag's own pattern, by its names: the same few hundred tags recur in every article. */
        private static final Map<String, Pattern> ONE = new ConcurrentHashMap<>();
        private static final int MAX_CACHED = 10_000;

        private final List<String> slugs;
        private final List<String> names;
        private final Matcher[] each;
        private final boolean[] linked;
        int pending;

        /** The characters a mention may begin with. */
        private final AutoTagger.Starts starts;

        /** @param tagNames each tag's slug with the pattern of its names; a mention may begin with any character */
        FirstMentions(Map<String, String> tagNames) {
            this(tagNames, AutoTagger.Starts.ANY);
        }

        /** For the tags' names ({@link AutoTagger#names}), whose first characters are known. */
        FirstMentions(List<Tag> tags) {
            this(names(tags), AutoTagger.starts(tags));
        }

        /** The text {@link #next} last read and its characters; each tag's matcher is reset to it when first tried there. */
        private String read;
        private char[] chars;
        private final String[] matching;

        private FirstMentions(Map<String, String> tagNames, AutoTagger.Starts starts) {
            this.starts = starts;
            slugs = List.copyOf(tagNames.keySet());
            names = List.copyOf(tagNames.values());
            each = new Matcher[names.size()];
            matching = new String[names.size()];
            linked = new boolean[names.size()];
            pending = names.size();
        }

        /** The earliest mention of a pending tag at or after {@code from}: {tag, start, end}, or null. */
        int[] next(String text, int from) {
            if (text != read) {
                // Read from an array: the client compiler keeps String.charAt's checks on every call.
                read = text;
                chars = text.toCharArray();
            }
            return find(from);
        }

        /**
         * The first pending tag matching at the first place from {@code at} where one does, without
         * trying the patterns where no name begins or their opening {@link AutoTagger#BEFORE} cannot
         * hold (after a letter or digit), which is most places: the start positions {@code find}
         * tries, in its order, stepping over the second half of a surrogate pair after the first.
         */
        private int[] find(int at) {
            char[] c = chars;
            int n = c.length;
            for (int p = at; p <= n; p++) {
                if (p < n ? !starts.may(c[p]) : starts != AutoTagger.Starts.ANY) {
                    continue;
                }
                if (p > at && p < n && Character.isLowSurrogate(c[p]) && Character.isHighSurrogate(c[p - 1])) {
                    continue;
                }
                if (p > 0 && letterOrNumber(c[p - 1])) {
                    continue;
                }
                for (int k = 0; k < each.length; k++) {
                    if (!linked[k]) {
                        Matcher m = matcher(k).region(p, n);
                        if (m.lookingAt()) {
                            return new int[] {k, p, m.end()};
                        }
                    }
                }
            }
            return null;
        }

        /** Whether {@code c} is surely in {@code [\p{L}\p{N}]}; surrogates are left to the pattern. */
        private static boolean letterOrNumber(char c) {
            if (c < 128) {
                return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            }
            if (Character.isSurrogate(c)) {
                return false;
            }
            return switch (Character.getType(c)) {
                case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                        Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                        Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
                default -> false;
            };
        }

        /** Tag {@code k}'s matcher over the text read last. */
        private Matcher matcher(int k) {
            if (each[k] == null) {
                if (ONE.size() > MAX_CACHED) {
                    ONE.clear();
                }
                each[k] = ONE.computeIfAbsent(names.get(k),
                        name -> Pattern.compile(AutoTagger.BEFORE + "(?:" + name + ")" + AutoTagger.AFTER))
                        .matcher(read).useTransparentBounds(true).useAnchoringBounds(false);
                matching[k] = read;
            } else if (matching[k] != read) {
                each[k].reset(read);
                matching[k] = read;
            }
            return each[k];
        }

        String link(int k) {
            linked[k] = true;
            pending--;
            return slugs.get(k);
        }
    }

    /**
     * Links the earliest pending mention in this text node, then goes on in the rest of it. The
     * node is replaced by new nodes rather than split: jsoup's {@code splitText} miscounts the
     * length of a node split at offset 0 (a mention at the start of a bold name), and a loop,
     * unlike recursion, cannot run out of stack on a long paragraph.
     */
    private static void linkIn(TextNode text, FirstMentions mentions) {
        String value = text.getWholeText();
        List<Node> parts = new ArrayList<>();
        int from = 0;
        while (mentions.pending > 0) {
            int[] found = mentions.next(value, from);
            if (found == null || found[2] <= found[1]) {
                break;
            }
            String slug = mentions.link(found[0]);
            if (found[1] > from) {
                parts.add(new TextNode(value.substring(from, found[1])));
            }
            parts.add(new Element("a").attr("href", TAG_REF + slug).attr("class", "tag-link")
                    .appendChild(new TextNode(value.substring(found[1], found[2]))));
            from = found[2];
        }
        if (parts.isEmpty()) {
            return;
        }
        if (from < value.length()) {
            parts.add(new TextNode(value.substring(from)));
        }
        text.before(parts.get(0));
        for (int i = 1; i < parts.size(); i++) {
            parts.get(i - 1).after(parts.get(i));
        }
        text.remove();
    }

    /** Rewrites links to another article's original into links to its page in the digest. */
    static String rewriteSourceLinks(String html, Map<String, String> slugBySourceUrl, String ownSlug) {
        return link(html, slugBySourceUrl, ownSlug, List.of());
    }

    private static boolean rewriteSourceLinks(Document doc, Map<String, String> slugBySourceUrl, String ownSlug) {
        boolean changed = false;
        for (Element a : doc.select(LINK_WITH_HREF)) {
            String slug = slugBySourceUrl.get(normalise(a.attr("href")));
            if (slug != null && !slug.equals(ownSlug)) {
                a.attr("href", ARTICLE_REF + slug);
                changed = true;
            }
        }
        return changed;
    }

    /** One key for the many spellings of a URL: no scheme, no "www.", no fragment, no trailing slash. */
    static String normalise(String url) {
        String plain = normalisedPlain(url);
        return plain != null ? plain : normaliseParsed(url);
    }

    /**
     * {@link #normalise} of an {@code http} or {@code https} URL of a plain host
     * ({@link PlainUrls#plainHostEnd}) and a path of unreserved characters, told by one scan: what the URI parse gives it, without the parse (an article's
     * links and source, every build). Null for any other URL. {@code InBodyLinksTest} compares
     * the two.
     */
    static String normalisedPlain(String url) {
        int host = PlainUrls.hostStart(url);
        int hostEnd = host < 0 ? -1 : PlainUrls.plainHostEnd(url, host);
        if (hostEnd < 0) {
            return null;
        }
        int n = url.length();
        for (int i = hostEnd; i < n; i++) {
            char c = url.charAt(i);
            if (c != '/' && !PlainUrls.isUnreserved(c)) {
                return null;
            }
        }
        String name = url.substring(host, hostEnd).toLowerCase(Locale.ROOT);
        if (name.startsWith("www.")) {
            name = name.substring(4);
        }
        int end = n;
        while (end > hostEnd && url.charAt(end - 1) == '/') {
            end--;
        }
        return name + url.substring(hostEnd, end);
    }

    /** {@link #normalise} by a parse, for any URL. */
    static String normaliseParsed(String url) {
        try {
            URI uri = new URI(url.strip());
            if (uri.getHost() == null) {
                return url;
            }
            // Plain string operations, not regular expressions: run for every article of every build.
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            if (host.startsWith("www.")) {
                host = host.substring(4);
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            int end = path.length();
            while (end > 0 && path.charAt(end - 1) == '/') {
                end--;
            }
            path = path.substring(0, end);
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return host + path + query;
        } catch (URISyntaxException e) {
            return url;
        }
    }
}
