package dev.gazette.clean;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * What a saved page says about itself: title, byline, date, site name, language, lead image and
 * canonical URL, from {@code <meta>} tags, JSON-LD and the visible header, and the JSON-LD
 * {@code articleBody} when the page carries one.
 */
final class HtmlMetadata {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Document doc;
    private final JsonNode article;
    /** Each {@code <meta>} key, lower-cased, with the content of its first non-blank showing: read once, as the page parsed. */
    private final Map<String, String> metas;

    HtmlMetadata(Document doc) {
        this.doc = doc;
        this.metas = metas(doc);
        this.article = jsonLd(doc).stream().filter(HtmlMetadata::isArticle).findFirst().orElse(null);
    }

    String title() {
        return title(doc, article);
    }

    String byline() {
        return byline(doc, article);
    }

    String date() {
        return date(doc, article);
    }

    String siteName() {
        return firstNonBlank(meta(metas, "og:site_name"), article == null ? null : text(article.path("publisher").path("name")),
                meta(metas, "application-name"));
    }

    String lang() {
        return lang(doc);
    }

    String image() {
        return image(doc, article);
    }

    /** The canonical URL when the page names an absolute one, else {@code fallback}. */
    String url(String fallback) {
        String url = firstNonBlank(attr(doc, "link[rel=canonical]", "href"), meta(metas, "og:url"), fallback);
        return url != null && url.startsWith("http") ? url : fallback;
    }

    /** The article text the page declares in JSON-LD, or null. */
    String articleBody() {
        return article == null ? null : text(article.path("articleBody"));
    }

    /**
     * The visible headline when it agrees with what the page's metadata calls it (menus and
     * site logos are headings too); else the metadata title without the site's name.
     */
    private String title(Document doc, JsonNode article) {
        List<String> declared = new ArrayList<>();
        for (String t : new String[] {article == null ? null : text(article.path("headline")), meta(metas, "og:title"),
                meta(metas, "twitter:title"), meta(metas, "dc.title"), doc.title()}) {
            if (t != null && !t.isBlank()) {
                declared.add(Parser.unescapeEntities(t, false).replaceAll("\\s+", " ").strip());
            }
        }
        String best = null;
        List<String> headings = new ArrayList<>();
        for (Element h : doc.select("h1, [itemprop=headline]")) {
            String heading = h.text().strip();
            headings.add(heading);
            if (heading.length() < 10 || best != null && heading.length() <= best.length()) {
                continue;
            }
            for (String t : declared) {
                if (Words.comparable(t).contains(Words.comparable(heading))) {
                    best = heading;
                    break;
                }
            }
        }
        if (best == null) {
            best = rewordedHeadline(headings, declared);
        }
        if (best != null) {
            return best;
        }
        if (!declared.isEmpty()) {
            return Headlines.withoutSiteName(declared.get(0), siteName());
        }
        Element h1 = doc.selectFirst("h1");
        return h1 == null || h1.text().isBlank() ? null : h1.text().strip();
    }

    /**
     * The share of a visible headline's words a declared title must use for the headline to be taken as the same
     * headline reworded: pages print one headline and declare a shorter or search-friendly one ("Jennifer Aniston on
     * Leaving the Tags on Her Céline Coat: ..." over "Jennifer Aniston on Leaving the Tags on Her Coat"), while a
     * logo's or a menu's heading shares few of its words with the title.
     */
    static final double REWORDED_SHARE = 0.5;

    /** The visible headline (of three words or more) that most shares its words with a declared title, when it shares at least {@link #REWORDED_SHARE}. */
    private static String rewordedHeadline(List<String> headings, List<String> declared) {
        Set<String> titleWords = new HashSet<>();
        declared.forEach(t -> titleWords.addAll(Words.tokens(t.toLowerCase(Locale.ROOT))));
        String best = null;
        double bestShare = REWORDED_SHARE;
        for (String heading : headings) {
            List<String> words = Words.tokens(heading.toLowerCase(Locale.ROOT));
            if (words.size() < 3) {
                continue;
            }
            long shared = words.stream().filter(titleWords::contains).count();
            double share = (double) shared / words.size();
            if (share >= bestShare && (best == null || share > bestShare)) {
                best = heading;
                bestShare = share;
            }
        }
        return best;
    }

    private String byline(Document doc, JsonNode article) {
        List<String> names = new ArrayList<>();
        if (article != null) {
            JsonNode author = article.path("author");
            for (JsonNode a : author.isArray() ? iterable(author) : List.of(author)) {
                String name = a.isTextual() ? a.asText() : text(a.path("name"));
                if (name != null && TextHeader.nameOf(name) != null) {
                    names.add(TextHeader.nameOf(name));
                }
            }
        }
        if (names.isEmpty()) {
            String meta = firstNonBlank(meta(metas, "author"), meta(metas, "article:author"), meta(metas, "dc.creator"));
            if (meta != null && !meta.startsWith("http") && TextHeader.nameOf(meta) != null) {
                names.add(TextHeader.nameOf(meta));
            }
        }
        if (names.isEmpty()) {
            String shown = shownByline(doc);
            if (shown != null) {
                names.add(shown);
            }
        }
        return names.isEmpty() ? null : String.join(" and ", names.stream().distinct().toList());
    }

    /** Elements that say they hold the credit. */
    private static final Evaluator CREDIT_ELEMENTS = QueryParser.parse("[rel=author], "
            + "[itemprop=author] [itemprop=name], [itemprop=author], .byline, .author, [class*=byline], [class*=author]");
    /** "By Jane Doe", "Posted on May 5 by Jane Doe": the name after the credit word. */
    private static final Pattern BY = Pattern.compile("(?i)(?:^|\\s)by\\s+(?=\\p{Lu})");

    /**
     * The credit a page prints when its metadata declares none: the names that open the text of the first element that
     * says it holds the credit ({@link #CREDIT_ELEMENTS}; at most {@link #MAX_DATELINE_CHARS} characters, else it is a
     * container or an author's biography), after "by" when the text has one; not a date's words ("April", "Wednesday").
     */
    private static String shownByline(Document doc) {
        // A lazy walk: it stops at the first box that names someone, as most pages' first box does.
        return doc.selectStream(CREDIT_ELEMENTS).map(HtmlMetadata::creditOf).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** The names a credit box's short text opens with (after its "by"), or null. */
    private static String creditOf(Element box) {
        String text = box.text().strip();
        if (text.isEmpty() || text.length() > MAX_DATELINE_CHARS) {
            return null;
        }
        Matcher by = BY.matcher(text);
        String name = HeaderCandidates.namesOf(by.find() ? text.substring(by.end()) : text);
        return name != null && !isCalendar(name) ? name : null;
    }

    /** A "name" made of calendar words only ("April", "Wednesday"): a byline box's date, not its credit. */
    private static boolean isCalendar(String name) {
        return Words.tokens(name.toLowerCase(Locale.ROOT)).stream().allMatch(DateParser::isCalendarWord);
    }

    private String date(Document doc, JsonNode article) {
        List<String> candidates = new ArrayList<>();
        candidates.add(meta(metas, "article:published_time"));
        if (article != null) {
            candidates.add(text(article.path("datePublished")));
            candidates.add(text(article.path("dateCreated")));
        }
        for (String name : new String[] {"datePublished", "date", "pubdate", "publishdate", "publish-date",
                "dc.date.issued", "dc.date", "sailthru.date", "parsely-pub-date", "og:published_time"}) {
            candidates.add(meta(metas, name));
        }
        Element itemprop = doc.selectFirst("[itemprop=datePublished]");
        if (itemprop != null) {
            candidates.add(firstNonBlank(itemprop.attr("datetime"), itemprop.attr("content"), itemprop.text()));
        }
        Element time = doc.selectFirst("article time[datetime], time[pubdate], time[datetime]");
        if (time != null) {
            candidates.add(time.attr("datetime"));
        }
        for (String c : candidates) {
            Optional<String> iso = DateParser.parse(c);
            if (iso.isPresent()) {
                return iso.get();
            }
        }
        return shownDate(doc);
    }

    /** A class or id that says an element holds a date: "date", "post-date", "timestamp", "published", "posted-on". */
    private static final Pattern DATE_CLASS = Pattern.compile("(?i)date|time|publish|posted");
    /** The longest text read as a dateline: an element longer than this is a container, not a date's. */
    private static final int MAX_DATELINE_CHARS = 120;

    /** How many elements after the {@code <h1>} are searched for its date: a dateline stands by its headline. */
    private static final int DATELINE_REACH = 400;

    /**
     * The date a page prints when its metadata declares none: the first element whose class or id says it holds a date
     * and whose short text writes one, among the {@value #DATELINE_REACH} elements below the first {@code <h1>} when the
     * page has one (dates above it are the site's, or teasers').
     */
    private static String shownDate(Document doc) {
        Element body = doc.body();
        if (body == null) {
            return null;
        }
        Element h1 = body.selectFirst("h1");
        boolean below = h1 == null;
        int reach = h1 == null ? Integer.MAX_VALUE : DATELINE_REACH;
        for (Element el : (Iterable<Element>) body.stream()::iterator) {
            if (el == h1) {
                below = true;
                continue;
            }
            if (!below) {
                continue;
            }
            if (--reach < 0) {
                return null;
            }
            String cls = el.className();
            if ((cls.isEmpty() || !DATE_CLASS.matcher(cls).find()) && (!el.hasAttr("id") || !DATE_CLASS.matcher(el.id()).find())) {
                continue;
            }
            String text = el.text();
            if (text.length() <= MAX_DATELINE_CHARS) {
                List<DateParser.Found> found = DateParser.findAll(text);
                if (!found.isEmpty()) {
                    return found.get(0).value();
                }
            }
        }
        return null;
    }

    private String lang(Document doc) {
        Element html = doc.selectFirst("html[lang]");
        String lang = html == null ? null : html.attr("lang").strip();
        if (lang == null || lang.isEmpty()) {
            lang = meta(metas, "og:locale");
        }
        if (lang == null || lang.isEmpty()) {
            lang = meta(metas, "content-language");
        }
        if (lang == null) {
            return null;
        }
        lang = lang.replace('_', '-').split("[,;\\s]")[0];
        return lang.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*") ? lang : null;
    }

    private String image(Document doc, JsonNode article) {
        String og = firstNonBlank(meta(metas, "og:image"), meta(metas, "og:image:url"), meta(metas, "twitter:image"));
        if (og == null && article != null) {
            JsonNode img = article.path("image");
            if (img.isArray() && !img.isEmpty()) {
                img = img.get(0);
            }
            og = img.isTextual() ? img.asText() : text(img.path("url"));
        }
        if (og == null) {
            return null;
        }
        Element probe = doc.createElement("img").attr("src", og);
        doc.body().appendChild(probe);
        String abs = probe.absUrl("src");
        probe.remove();
        return abs.startsWith("http") ? abs : null;
    }

    static List<JsonNode> jsonLd(Document doc) {
        List<JsonNode> out = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                collect(JSON.readTree(script.data()), out);
            } catch (JsonProcessingException e) {
                // Broken JSON-LD is common; the page's other metadata still counts.
            }
        }
        return out;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        } else if (node.isObject()) {
            out.add(node);
            collect(node.get("@graph"), out);
        }
    }

    static boolean isArticle(JsonNode node) {
        JsonNode type = node.path("@type");
        for (JsonNode t : type.isArray() ? iterable(type) : List.of(type)) {
            String s = t.asText("");
            if (s.endsWith("Article") || s.equals("BlogPosting") || s.equals("Report") || s.equals("LiveBlogPosting")) {
                return true;
            }
        }
        return false;
    }

    // ---- helpers ----

    private static Map<String, String> metas(Document doc) {
        Map<String, String> out = new HashMap<>();
        for (Element m : doc.select("meta[property], meta[name], meta[itemprop], meta[http-equiv]")) {
            String key = firstNonBlank(m.attr("property"), m.attr("name"), m.attr("itemprop"), m.attr("http-equiv"));
            String content = m.attr("content").strip();
            if (key != null && !content.isEmpty()) {
                out.putIfAbsent(key.toLowerCase(Locale.ROOT), content);
            }
        }
        return out;
    }

    private static String meta(Map<String, String> metas, String name) {
        return metas.get(name.toLowerCase(Locale.ROOT));
    }

    private static String attr(Document doc, String selector, String attr) {
        Element el = doc.selectFirst(selector);
        return el == null ? null : el.attr(attr).strip();
    }

    static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            return node.isEmpty() ? null : text(node.get(0));
        }
        String t = node.asText("").strip();
        return t.isEmpty() ? null : t;
    }

    static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
