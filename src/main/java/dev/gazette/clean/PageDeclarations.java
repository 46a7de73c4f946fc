package dev.gazette.clean;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a saved page declares about itself: its {@code <meta>} tags, its JSON-LD article (and {@code articleBody} when it
 * carries one), the site's name, language, lead image and canonical URL; and the title, byline and date chosen among the
 * header candidates these declarations and the visible header give ({@link HtmlHeaderCandidates}).
 */
final class PageDeclarations {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The comment a browser writes above a page it saves ({@link #savedFrom}). */
    private static final Pattern SAVED_FROM = Pattern.compile("\\s*saved from url=\\(\\d{4}\\)(https?://\\S+)\\s*");

    private final Document doc;
    private final JsonNode article;
    /** Each {@code <meta>} key, lower-cased, with the content of its first non-blank showing: read once, as the page parsed. */
    private final Map<String, String> metas;

    private final HtmlHeaderCandidates.Models models;
    private final HtmlHeaderCandidates candidates;

    PageDeclarations(Document doc, HtmlHeaderCandidates.Models models) {
        this.doc = doc;
        this.metas = metas(doc);
        this.article = jsonLd(doc).stream().filter(PageDeclarations::isArticle).findFirst().orElse(null);
        this.models = models;
        this.candidates = new HtmlHeaderCandidates(doc, article, metas, siteName());
    }

    /** The candidates the title, byline and date are chosen among (for the trainer). */
    HtmlHeaderCandidates candidates() {
        return candidates;
    }

    /** The headline: the most probable of the page's title candidates ({@link HtmlHeaderCandidates#titles}). */
    String title() {
        return HtmlHeaderCandidates.choose(candidates.titles(), models.title());
    }

    /** The credit, when its most probable candidate clears the byline model's threshold. */
    String byline() {
        return HtmlHeaderCandidates.choose(candidates.bylines(), models.byline());
    }

    /** The publication date, when its most probable candidate clears the date model's threshold. */
    String date() {
        return HtmlHeaderCandidates.choose(candidates.dates(), models.date());
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
        String url = firstNonBlank(attr(doc, "link[rel=canonical]", "href"), meta(metas, "og:url"), fallback, savedFrom(doc));
        return url != null && url.startsWith("http") ? url : fallback;
    }

    /**
     * The address a browser saved the page from, in the comment Chrome and Internet Explorer write above its {@code <html>}
     * ("the mark of the web"): {@code <!-- saved from url=(0049)https://… -->}, the figures the address's length.
     */
    private static String savedFrom(Document doc) {
        for (Node node : doc.childNodes()) {
            if (node instanceof Comment comment) {
                Matcher saved = SAVED_FROM.matcher(comment.getData());
                if (saved.matches()) {
                    return saved.group(1);
                }
            }
        }
        return null;
    }

    /** The article text the page declares in JSON-LD, or null. */
    String articleBody() {
        return article == null ? null : text(article.path("articleBody"));
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
            // A page saved by a tool that rewrote each content attribute as value (Postlight's parser does) keeps it there.
            String content = (m.hasAttr("content") ? m.attr("content") : m.attr("value")).strip();
            if (key != null && !content.isEmpty()) {
                out.putIfAbsent(key.toLowerCase(Locale.ROOT), content);
            }
        }
        return out;
    }

    static String meta(Map<String, String> metas, String name) {
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
