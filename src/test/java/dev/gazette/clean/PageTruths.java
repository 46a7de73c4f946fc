package dev.gazette.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The title and byline a reader sees on a saved page, derived the way the cleaning-dev README derives its {@code sh-}
 * truths, so that cases made from other extractors' fixtures are scored against what the page shows rather than
 * against the fixture's metadata (whose title is often the {@code <title>} "Headline | Site", which no line of a dump
 * holds):
 *
 * <ul>
 *   <li>title: the visible {@code <h1>} (its text is in the page's visible text) outside the site's navigation
 *       ({@link #inNavigation}: not a breadcrumb's last crumb, not a menu's label) that agrees with a title the page
 *       declares (JSON-LD article {@code headline}, {@code og:title}, {@code twitter:title}, {@code <title>}): equal to
 *       it, or it with a shorter part joined by a separator ("Headline | Site", "Site - Headline"); when several agree,
 *       the longest. {@code null} when no {@code <h1>} agrees (an {@code <h2>} headline under a logo's or a breadcrumb's
 *       {@code <h1>} is not taken: cleaning-dev's {@code sh-} truths, which this rule reproduces, take none);</li>
 *   <li>byline: the author names the page declares (JSON-LD article {@code author}, people only; else
 *       {@code <meta name=author>} and its common aliases) that also appear in the visible text, joined by " and ";
 *       {@code null} when none does.</li>
 * </ul>
 *
 * The visible text is {@link TrainingCases#dump} of the page without scripts. No rule names a site. Test code only:
 * it measures the cleaner. It reads JSON-LD with {@link PageDeclarations}'s parsing, but none of its choices (which heading
 * or credit it takes), so that the truth does not follow the code it scores.
 */
final class PageTruths {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String TITLE_RULE = "visible <h1> outside the navigation agreeing with <title>/og:title/twitter:title/JSON-LD headline";
    static final String BYLINE_JSON_LD_RULE = "JSON-LD author (Person names visible in the page)";
    static final String BYLINE_META_RULE = "<meta %s> (names visible in the page)";
    /** Meta names that carry the author's name, in the order they are asked. */
    private static final List<String> AUTHOR_METAS = List.of("author", "article:author", "byl", "sailthru.author", "parsely-author",
            "dc.creator");
    /** What a declared title joins the headline to the site's name or a section by: " | ", " - ", ": ", " » ", "：". */
    private static final String SEPARATOR_CHARS = "|｜-–—:：·•»/\\(（[";
    private static final Pattern SEPARATOR = Pattern.compile("\\s*[|｜\\-–—:：·•»/\\\\()（）\\[\\]]+\\s*");
    private static final Pattern CREDIT_LABEL = Pattern.compile("(?i)^(?:by|von|par|por)\\s+");

    record Truth(String title, String titleSource, String byline, String bylineSource) {
    }

    private PageTruths() {
    }

    static Truth of(String html) {
        Document doc = Jsoup.parse(html);
        String visible = " " + comparable(TrainingCases.dump(html, false)) + " ";
        List<JsonNode> ld = PageDeclarations.jsonLd(doc);
        List<JsonNode> articles = ld.stream().filter(PageDeclarations::isArticle).toList();
        String title = title(doc, articles, visible);
        String byline = null;
        String bylineSource = null;
        // The first article block that names its authors: pages carry empty or partial blocks beside the full one.
        for (int i = 0; byline == null && i < articles.size(); i++) {
            byline = visibleNames(personNames(articles.get(i).path("author")), visible);
            bylineSource = byline == null ? null : BYLINE_JSON_LD_RULE;
        }
        for (int i = 0; byline == null && i < AUTHOR_METAS.size(); i++) {
            String meta = meta(doc, AUTHOR_METAS.get(i));
            if (meta != null && !meta.contains("://")) {
                byline = visibleNames(List.of(meta), visible);
                bylineSource = byline == null ? null : BYLINE_META_RULE.formatted(AUTHOR_METAS.get(i));
            }
        }
        return new Truth(title, title == null ? null : TITLE_RULE, byline, bylineSource);
    }

    private static String title(Document doc, List<JsonNode> articles, String visible) {
        List<String> declared = new ArrayList<>();
        articles.forEach(a -> declared.add(PageDeclarations.text(a.path("headline"))));
        declared.add(meta(doc, "og:title"));
        declared.add(meta(doc, "twitter:title"));
        Element title = doc.selectFirst("head title, title");
        declared.add(title == null ? null : title.text());
        List<String> titles = declared.stream().filter(t -> t != null && !t.isBlank())
                .map(t -> comparable(Parser.unescapeEntities(t, false))).toList();
        String best = null;
        for (Element h : doc.select("h1")) {
            if (inNavigation(h)) {
                continue;
            }
            String heading = h.text().replaceAll("\\s+", " ").strip();
            String c = comparable(heading);
            if (c.isEmpty() || !visible.contains(" " + c + " ") && !visible.contains(c)
                    || best != null && heading.length() <= best.length()) {
                continue;
            }
            if (titles.stream().anyMatch(t -> agrees(c, t))) {
                best = heading;
            }
        }
        return best;
    }

    /** Class and id words, and roles, that mark a site's navigation: its menus and the breadcrumb trail. */
    private static final Pattern NAVIGATION_WORD = Pattern.compile("(?i)(?<![a-z])(?:nav|navbar|navigation|menu|menubar|breadcrumbs?)(?![a-z])");

    /**
     * Whether a heading stands inside the site's navigation (a {@code <nav>} or {@code <menu>}, a navigation or menu role,
     * an element whose class or id names a nav, menu or breadcrumb, a schema.org BreadcrumbList): there an {@code <h1>}
     * repeats the page's title as the last crumb of the trail or a menu's label, which the metadata declares too, while
     * the headline a reader reads stands in the article. An element so named that holds half the page's text or more is a
     * page wrapper that names a navigation it lays out ({@code <body class="site-navigation ...">}), not the navigation.
     */
    static boolean inNavigation(Element heading) {
        Element body = heading.ownerDocument() == null ? null : heading.ownerDocument().body();
        int page = body == null ? 0 : body.text().length();
        for (Element e = heading; e != null && e != body; e = e.parent()) {
            String tag = e.normalName();
            if (tag.equals("nav") || tag.equals("menu") || NAVIGATION_WORD.matcher(e.attr("role")).find()
                    || NAVIGATION_WORD.matcher(e.className()).find() || NAVIGATION_WORD.matcher(e.id()).find()
                    || e.attr("itemtype").endsWith("BreadcrumbList")) {
                return 2 * e.text().length() < page;
            }
        }
        return false;
    }

    /**
     * Whether a declared title is the heading, or the heading with parts beside it that a separator sets off and that are
     * each shorter than the heading ("Headline | Section | Site", "Site - Headline", "标题-网站"): a site's name, a section,
     * a label. A heading that is only the short part of a declared title (a logo's {@code <h1>}) does not agree.
     */
    static boolean agrees(String heading, String declared) {
        if (declared.equals(heading)) {
            return true;
        }
        for (int at = declared.indexOf(heading); at >= 0; at = declared.indexOf(heading, at + 1)) {
            String before = declared.substring(0, at).stripTrailing();
            String after = declared.substring(at + heading.length()).stripLeading();
            if ((before.isEmpty() || SEPARATOR_CHARS.indexOf(before.charAt(before.length() - 1)) >= 0)
                    && (after.isEmpty() || SEPARATOR_CHARS.indexOf(after.charAt(0)) >= 0)
                    && shorterParts(before, heading) && shorterParts(after, heading)) {
                return true;
            }
        }
        return false;
    }

    /** Whether each part of {@code rest} between separators is shorter than the heading. */
    private static boolean shorterParts(String rest, String heading) {
        for (String part : SEPARATOR.split(rest)) {
            if (part.strip().length() >= heading.length()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The declared names, each as the page declares it, that have a person's name's shape and that the visible text also
     * shows; null when none. A declared credit is read as the names it opens with: the names of a list that closes with
     * "and" ("Jane Doe, John Roe and Ann Poe, CNN"), else what stands before its first comma ("Jill Disis, CNN Business":
     * a role or an outlet follows a single name's comma).
     */
    private static String visibleNames(List<String> declared, String visible) {
        Set<String> kept = new LinkedHashSet<>();
        for (String credit : declared) {
            String whole = CREDIT_LABEL.matcher(credit.replaceAll("[\\s\\u00a0]+", " ").strip()).replaceFirst("");
            for (String name : namesOf(whole)) {
                if (isNameShaped(name) && shown(name, visible)) {
                    kept.add(name);
                }
            }
        }
        return kept.isEmpty() ? null : String.join(" and ", kept);
    }

    private static final Pattern LIST_END = Pattern.compile("(?:,\\s*|\\s+)(?:and|&)\\s+");

    /** The names a credit opens with (see {@link #visibleNames}). */
    static List<String> namesOf(String credit) {
        var end = LIST_END.matcher(credit);
        if (!end.find()) {
            return List.of(credit.split(",")[0].strip());
        }
        List<String> names = new ArrayList<>();
        for (String part : credit.substring(0, end.start()).split(",")) {
            names.add(part.strip());
        }
        names.add(credit.substring(end.end()).split(",")[0].strip());
        return names;
    }

    /** Name particles written in lower case inside a name ("Alejandro de la Garza", "Lauren del Valle"). */
    private static final Set<String> PARTICLES = Set.of("de", "del", "della", "der", "den", "di", "da", "dos", "du", "la", "le",
            "van", "von", "bin", "al", "el", "ten", "ter", "y");
    /** A run of ideographs, kana or hangul: names in scripts without spaces or case ("严玉洁"). */
    private static final Pattern UNSPACED_NAME = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}・·]{2,8}");

    /**
     * A person's name: two to five words, each capitalised or a name particle, not opening with an article; or a short
     * run of an unspaced script. One word ("Reuters", "Regan") is an outlet or a handle as often as a name, and is not
     * taken; nor "Analysis by Chris Cillizza" or "The Water Coolest".
     */
    static boolean isNameShaped(String name) {
        if (UNSPACED_NAME.matcher(name).matches()) {
            return true;
        }
        String[] words = name.split("\\s+");
        if (words.length < 2 || words.length > 5 || words[0].equalsIgnoreCase("the")) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            String w = words[i].replaceAll("^[\"'“‘(]+|[\"'”’)]+$", "");
            boolean particle = i > 0 && i < words.length - 1 && PARTICLES.contains(w);
            if (w.isEmpty() || !particle && !Character.isUpperCase(w.codePointAt(0))) {
                return false;
            }
        }
        return true;
    }

    /** A name that the visible text holds as whole words. */
    private static boolean shown(String name, String visible) {
        String c = comparable(name);
        return c.codePoints().anyMatch(Character::isLetter) && Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(c)
                + "(?![\\p{L}\\p{N}])").matcher(visible).find();
    }

    private static List<String> personNames(JsonNode author) {
        List<String> out = new ArrayList<>();
        for (JsonNode a : author.isArray() ? PageDeclarations.iterable(author) : List.of(author)) {
            if (a.isTextual()) {
                out.add(a.asText());
            } else if (a.isObject() && !a.path("@type").asText("Person").contains("Organization")) {
                String name = PageDeclarations.text(a.path("name"));
                if (name != null) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    /** Text compared as CleaningScore compares titles, whitespace collapsed. */
    static String comparable(String text) {
        return CleaningScore.normaliseTitle(text.replace('\u00a0', ' '));
    }

    private static String meta(Document doc, String name) {
        for (Element m : doc.select("meta[content]")) {
            String key = m.hasAttr("property") ? m.attr("property") : m.hasAttr("name") ? m.attr("name") : m.attr("itemprop");
            if (key.toLowerCase(Locale.ROOT).equals(name) && !m.attr("content").isBlank()) {
                return m.attr("content").strip();
            }
        }
        return null;
    }

    /** Prints, for each saved page of a cases folder, the fixture's title and byline beside the derived ones. */
    public static void main(String[] args) throws Exception {
        Path cases = Path.of(args[0]).resolve("cases");
        try (var dirs = Files.list(cases)) {
            for (var dir : dirs.filter(d -> Files.exists(d.resolve("source.html"))).sorted().toList()) {
                JsonNode fixture = JSON.readTree(dir.resolve("truth.json").toFile());
                String html = Files.readString(dir.resolve("source.html"));
                Truth t = of(html);
                Document doc = Jsoup.parse(html);
                System.out.println(dir.getFileName());
                System.out.println("  fixture title:  " + fixture.path("title").asText(null));
                System.out.println("  derived title:  " + t.title());
                System.out.println("  fixture byline: " + fixture.path("byline").asText(null));
                System.out.println("  derived byline: " + t.byline() + "   [" + t.bylineSource() + "]");
                if (args.length > 1) {
                    doc.select("h1").forEach(h -> System.out.println("    h1: " + h.text()));
                    System.out.println("    <title>: " + doc.title() + " | og: " + meta(doc, "og:title"));
                    System.out.println("    meta author: " + meta(doc, "author"));
                }
            }
        }
    }
}
