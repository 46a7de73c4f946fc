package dev.gazette.clean;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the article in a saved web page with jsoup: metadata from {@code <meta>}, JSON-LD and
 * the visible header; the body by content scoring in the spirit of Readability (paragraph text
 * length and commas credited to ancestors, weighted by class/id hints and discounted by link
 * density), with JSON-LD {@code articleBody} as a fallback when the DOM yields too little.
 */
final class HtmlExtractor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UNLIKELY = Pattern.compile(
            "-ad-|\\bads?\\b|ad-slot|advert|banner|breadcrumb|combx|comment|community|cookie|consent|disqus|extra|foot"
                    + "|gdpr|header|legends|menu|modal|nav|newsletter|outbrain|pager|pagination|popup|promo|related|remark"
                    + "|replies|rss|share|shoutbox|sidebar|skyscraper|social|sponsor|subscribe|supplemental|taboola|teaser"
                    + "|tool|widget|signup|most-?read|trending|recommend", Pattern.CASE_INSENSITIVE);
    private static final Pattern LIKELY = Pattern.compile(
            "and|article|body|column|content|main|post|story|entry|text|blog|shadow", Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead"
                    + "|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags"
                    + "|tool|widget|newsletter|subscribe|cookie", Pattern.CASE_INSENSITIVE);
    private static final Set<String> REMOVE = Set.of(
            "script", "style", "noscript", "template", "iframe", "object", "embed", "form", "button", "input",
            "select", "textarea", "svg", "canvas", "nav", "aside", "dialog", "link", "meta");
    private static final Set<String> BLOCK_CHILDREN = Set.of(
            "a", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", "section", "article",
            "h1", "h2", "h3", "h4", "h5", "h6", "figure", "header", "footer");

    Extraction extract(String html, String sourceUrl) {
        Document doc = Jsoup.parse(html, sourceUrl == null ? "" : sourceUrl);
        List<JsonNode> ld = jsonLd(doc);
        Optional<JsonNode> article = ld.stream().filter(HtmlExtractor::isArticle).findFirst();
        String url = firstNonBlank(attr(doc, "link[rel=canonical]", "href"), meta(doc, "og:url"), sourceUrl);
        if (url != null && !url.startsWith("http")) {
            url = sourceUrl;
        }
        String baseUrl = sourceUrl != null ? sourceUrl : url;
        if (baseUrl != null) {
            doc.setBaseUri(baseUrl);
        }
        String title = title(doc, article.orElse(null));
        String byline = byline(doc, article.orElse(null));
        String date = date(doc, article.orElse(null));
        String site = firstNonBlank(meta(doc, "og:site_name"),
                article.map(a -> text(a.path("publisher").path("name"))).orElse(null),
                meta(doc, "application-name"));
        String lang = lang(doc);
        String image = image(doc, article.orElse(null));

        Element content = content(doc.clone(), title);
        String bodyHtml = content == null ? "" : content.html();
        String bodyText = content == null ? "" : PlainText.of(content);
        String articleBody = article.map(a -> text(a.path("articleBody"))).orElse(null);
        if (articleBody != null && articleBody.length() > 500 && bodyText.length() < articleBody.length() * 0.6) {
            StringBuilder sb = new StringBuilder();
            for (String para : articleBody.split("\\n\\s*\\n|\\n")) {
                if (!para.isBlank()) {
                    sb.append("<p>").append(TextExtractor.escape(para.strip())).append("</p>\n");
                }
            }
            bodyHtml = sb.toString();
        }
        String clean = Sanitizer.untrusted().clean(bodyHtml, baseUrl);
        String text = PlainText.of(Jsoup.parseBodyFragment(clean).body());
        if (lang == null) {
            lang = Words.guessLanguage(Words.tokens(text));
        }
        return new Extraction(title, byline, date, site, lang, image, url, clean, text);
    }

    // ---- metadata ----

    private static String title(Document doc, JsonNode article) {
        String og = firstNonBlank(meta(doc, "og:title"), meta(doc, "twitter:title"));
        String headline = article == null ? null : text(article.path("headline"));
        String pageTitle = doc.title().isBlank() ? null : doc.title().strip();
        Element h1 = doc.selectFirst("article h1, main h1, h1");
        String heading = h1 == null ? null : h1.text().strip();
        for (String candidate : new String[] {og, headline, pageTitle}) {
            if (heading != null && candidate != null && normalise(candidate).contains(normalise(heading))
                    && heading.length() >= 10) {
                return heading;
            }
        }
        String best = firstNonBlank(og, headline);
        if (best != null) {
            return stripSiteName(best, doc);
        }
        if (heading != null && !heading.isBlank()) {
            return heading;
        }
        return pageTitle == null ? null : stripSiteName(pageTitle, doc);
    }

    private static String stripSiteName(String title, Document doc) {
        String[] parts = title.split("\\s+[|•·»]\\s+|\\s+[-–—]\\s+");
        if (parts.length < 2) {
            return title;
        }
        String longest = parts[0];
        for (String p : parts) {
            if (p.length() > longest.length()) {
                longest = p;
            }
        }
        return longest.split("\\s+").length >= 3 ? longest.strip() : title;
    }

    private static String byline(Document doc, JsonNode article) {
        List<String> names = new ArrayList<>();
        if (article != null) {
            JsonNode author = article.path("author");
            for (JsonNode a : author.isArray() ? iterable(author) : List.of(author)) {
                String name = a.isTextual() ? a.asText() : text(a.path("name"));
                if (name != null && TextExtractor.nameOf(name) != null) {
                    names.add(TextExtractor.nameOf(name));
                }
            }
        }
        if (names.isEmpty()) {
            String meta = firstNonBlank(meta(doc, "author"), meta(doc, "article:author"), meta(doc, "dc.creator"));
            if (meta != null && !meta.startsWith("http") && TextExtractor.nameOf(meta) != null) {
                names.add(TextExtractor.nameOf(meta));
            }
        }
        if (names.isEmpty()) {
            Element el = doc.selectFirst("[rel=author], [itemprop=author] [itemprop=name], [itemprop=author], .byline, .author, [class*=byline], [class*=author-name]");
            if (el != null) {
                String t = el.text().replaceFirst("(?i)^\\s*by\\s+", "");
                String name = TextExtractor.nameOf(t);
                if (name != null) {
                    names.add(name);
                }
            }
        }
        return names.isEmpty() ? null : String.join(" and ", names.stream().distinct().toList());
    }

    private static String date(Document doc, JsonNode article) {
        List<String> candidates = new ArrayList<>();
        candidates.add(meta(doc, "article:published_time"));
        if (article != null) {
            candidates.add(text(article.path("datePublished")));
            candidates.add(text(article.path("dateCreated")));
        }
        for (String name : new String[] {"datePublished", "date", "pubdate", "publishdate", "publish-date",
                "dc.date.issued", "dc.date", "sailthru.date", "parsely-pub-date", "og:published_time"}) {
            candidates.add(meta(doc, name));
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
        return null;
    }

    private static String lang(Document doc) {
        Element html = doc.selectFirst("html[lang]");
        String lang = html == null ? null : html.attr("lang").strip();
        if (lang == null || lang.isEmpty()) {
            lang = meta(doc, "og:locale");
        }
        if (lang == null || lang.isEmpty()) {
            lang = meta(doc, "content-language");
        }
        if (lang == null) {
            return null;
        }
        lang = lang.replace('_', '-').split("[,;\\s]")[0];
        return lang.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*") ? lang : null;
    }

    private static String image(Document doc, JsonNode article) {
        String og = firstNonBlank(meta(doc, "og:image"), meta(doc, "og:image:url"), meta(doc, "twitter:image"));
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

    private static List<JsonNode> jsonLd(Document doc) {
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

    private static boolean isArticle(JsonNode node) {
        JsonNode type = node.path("@type");
        for (JsonNode t : type.isArray() ? iterable(type) : List.of(type)) {
            String s = t.asText("");
            if (s.endsWith("Article") || s.equals("BlogPosting") || s.equals("Report") || s.equals("LiveBlogPosting")) {
                return true;
            }
        }
        return false;
    }

    // ---- body ----

    private static Element content(Document doc, String title) {
        Element body = doc.body();
        if (body == null) {
            return null;
        }
        for (Element el : body.select(String.join(",", REMOVE))) {
            el.remove();
        }
        for (Element el : body.select("[hidden], [aria-hidden=true], [style~=(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden]")) {
            el.remove();
        }
        removeUnlikely(body);
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element p : paragraphs(body)) {
            String text = p.text();
            if (text.length() < 25) {
                continue;
            }
            double score = 1 + text.split("[,，、]").length - 1 + Math.min(3, text.length() / 100.0);
            Element ancestor = p.parent();
            for (int level = 0; ancestor != null && level < 3; level++) {
                if (!scores.containsKey(ancestor)) {
                    scores.put(ancestor, initialScore(ancestor));
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, score / divider, Double::sum);
                ancestor = ancestor.parent();
            }
        }
        Element top = null;
        double topScore = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            double s = e.getValue() * (1 - linkDensity(e.getKey()));
            if (s > topScore || (s == topScore && top != null && e.getKey().siblingIndex() < top.siblingIndex())) {
                topScore = s;
                top = e.getKey();
            }
        }
        if (top == null) {
            return null;
        }
        // Article text split over siblings (one div per section) joins the top candidate.
        Element container = new Element("div");
        Element parent = top.parent();
        if (parent == null || top == body) {
            container.appendChild(top.clone());
        } else {
            double threshold = Math.max(10, topScore * 0.2);
            for (Element sibling : parent.children()) {
                boolean keep = sibling == top || sibling.normalName().equals("figure");
                if (!keep) {
                    Double s = scores.get(sibling);
                    if (s != null && s * (1 - linkDensity(sibling)) >= threshold) {
                        keep = true;
                    } else if (sibling.normalName().equals("p")) {
                        String text = sibling.text();
                        double ld = linkDensity(sibling);
                        keep = (text.length() > 80 && ld < 0.25) || (text.length() > 0 && ld == 0 && text.matches(".*\\.( |$).*"));
                    }
                }
                if (keep) {
                    container.appendChild(sibling.clone());
                }
            }
        }
        tidy(container, title);
        return container;
    }

    private static List<Element> paragraphs(Element body) {
        List<Element> out = new ArrayList<>();
        for (Element el : body.getAllElements()) {
            String tag = el.normalName();
            if (tag.equals("p") || tag.equals("pre") || tag.equals("td")) {
                out.add(el);
            } else if (tag.equals("div") && !hasBlockChild(el) && el.ownText().length() > 25) {
                out.add(el);
            }
        }
        return out;
    }

    private static boolean hasBlockChild(Element el) {
        for (Element child : el.children()) {
            if (BLOCK_CHILDREN.contains(child.normalName())) {
                return true;
            }
        }
        return false;
    }

    private static void removeUnlikely(Element body) {
        List<Element> doomed = new ArrayList<>();
        for (Element el : body.getAllElements()) {
            String tag = el.normalName();
            if (tag.equals("body") || tag.equals("article") || tag.equals("main") || tag.equals("html")) {
                continue;
            }
            String hint = el.className() + " " + el.id() + " " + el.attr("role");
            if (tag.equals("header") || tag.equals("footer") || el.attr("role").matches("(?i)navigation|banner|contentinfo|complementary|dialog")) {
                if (el.closest("blockquote") == null && (el.closest("article") == null || tag.equals("footer"))) {
                    doomed.add(el);
                }
                continue;
            }
            if (UNLIKELY.matcher(hint).find() && !LIKELY.matcher(hint).find()) {
                doomed.add(el);
            }
        }
        for (Element el : doomed) {
            el.remove();
        }
    }

    private static double initialScore(Element el) {
        double score = switch (el.normalName()) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        if (el.normalName().equals("article") || el.normalName().equals("main")) {
            score += 10;
        }
        return score + classWeight(el);
    }

    private static double classWeight(Element el) {
        double weight = 0;
        for (String hint : new String[] {el.className(), el.id()}) {
            if (hint.isEmpty()) {
                continue;
            }
            if (NEGATIVE.matcher(hint).find()) {
                weight -= 25;
            }
            if (POSITIVE.matcher(hint).find()) {
                weight += 25;
            }
        }
        return weight;
    }

    static double linkDensity(Element el) {
        int total = el.text().length();
        if (total == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : el.select("a")) {
            links += a.text().length();
        }
        return (double) links / total;
    }

    /** Drops what is left of page furniture inside the chosen content. */
    private static void tidy(Element container, String title) {
        String normalisedTitle = title == null ? null : normalise(title);
        for (Element h : container.select("h1, h2")) {
            if (normalisedTitle != null && normalise(h.text()).equals(normalisedTitle)) {
                h.remove();
            }
        }
        for (Element el : container.select("ul, ol, div, section, table")) {
            if (el.parent() == null) {
                continue;
            }
            String text = el.text();
            double ld = linkDensity(el);
            int paragraphs = el.select("p").size();
            boolean fewWords = text.split("\\s+").length < 25;
            if ((ld > 0.5 && paragraphs < 2) || (fewWords && ld > 0.25 && !el.normalName().equals("table"))) {
                el.remove();
            }
        }
        for (Element el : container.select("p, div, span, li")) {
            String t = el.text().strip().toLowerCase(Locale.ROOT);
            if (t.matches("-*\\s*(advertisement|advertising|sponsored|anzeige|publicité)\\s*-*")) {
                el.remove();
            }
        }
        for (Element el : container.select("p, div, section")) {
            if (el.text().isBlank() && el.select("img, figure, table").isEmpty()) {
                el.remove();
            }
        }
    }

    // ---- helpers ----

    private static String meta(Document doc, String name) {
        for (Element m : doc.select("meta[property], meta[name], meta[itemprop], meta[http-equiv]")) {
            String key = firstNonBlank(m.attr("property"), m.attr("name"), m.attr("itemprop"), m.attr("http-equiv"));
            if (key != null && key.equalsIgnoreCase(name)) {
                String content = m.attr("content").strip();
                if (!content.isEmpty()) {
                    return content;
                }
            }
        }
        return null;
    }

    private static String attr(Document doc, String selector, String attr) {
        Element el = doc.selectFirst(selector);
        return el == null ? null : el.attr(attr).strip();
    }

    private static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            return node.isEmpty() ? null : text(node.get(0));
        }
        String t = node.asText("").strip();
        return t.isEmpty() ? null : t;
    }

    private static List<JsonNode> iterable(JsonNode array) {
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

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}‘’“”]+", " ").strip();
    }
}
