package dev.gazette.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;

/**
 * The title, byline and date candidates of a saved page, each with named features, among which a fitted choice model
 * ({@link Models}, the resource {@value #RESOURCE}, fitted by the test-scope {@code LineModelTrainer}, see
 * {@code bench/cleaning/train.sh}) picks the page's: what the page declares (JSON-LD, {@code <meta>}, {@code <title>}
 * and it without the site's name) and what it prints (headings, credit boxes, {@code <time>} and date-classed
 * elements). Candidates with the same value are one candidate whose features say every source that gave it, so
 * sources agreeing is a feature, not a rule; where an element stands (below the first {@code <h1>}, inside the
 * site's navigation, asides or footer, inside the article) is another.
 */
final class HtmlHeaderCandidates {
    static final String RESOURCE = "html-header-v1.json";

    /** Title candidate features (see {@link #titles}). */
    static final List<String> TITLE_FEATURES = List.of("jsonld_headline", "og_title", "title_tag", "declared_without_site", "h1",
            "first_h1", "itemprop_headline", "h2", "title_class", "sources", "in_chrome", "in_article", "share_in_declared",
            "covers_declared", "inside_declared", "log_words", "position", "visible", "similarity_to_others", "has_separator",
            "names_site", "in_site_header", "link_text", "few_words", "extends_other", "extended_by_other",
            "printed_and_declared");
    /** Byline candidate features (see {@link #bylines}). */
    static final List<String> BYLINE_FEATURES = List.of("jsonld_author", "meta_author", "credit_box", "box_rank", "after_by",
            "sources", "names", "log_words", "in_chrome", "above_h1", "log_distance_h1", "names_site", "author_link",
            "link_rank", "joined", "holds_other", "printed_by", "log_candidates");
    /**
     * The byline features with one value for all of a page's candidates, which the choice among them cannot weigh and
     * the calibration reads beside the score: {@code log_candidates}, ln(1 + the page's byline candidates). A page that
     * declares one author and prints no other credit is likelier to be crediting that author than a candidate's score,
     * fitted on pages where several compete, says.
     */
    static final List<String> BYLINE_PAGE_FEATURES = List.of("log_candidates");
    /** Date candidate features (see {@link #dates}). */
    static final List<String> DATE_FEATURES = List.of("published_meta", "jsonld_published", "jsonld_created", "other_meta",
            "itemprop_published", "time_element", "first_time_element", "date_class", "modified", "sources", "has_time",
            "above_h1", "in_chrome", "earliest", "log_distance_h1", "printed_near_h1", "url_date", "dateline_alone",
            "near_h1");

    /** The longest text read as a credit or a dateline: an element longer than this is a container, not a credit's. */
    static final int MAX_DATELINE_CHARS = 120;
    /** How many headings, credit boxes and date elements of each kind are read: the header is near the top. */
    private static final int PER_KIND = 8;
    /**
     * How many elements above and below the first {@code <h1>} are read for a printed date with no date class or
     * {@code <time>} element: a dateline sits beside the headline, often in a plain {@code <span>} or {@code <p>}.
     */
    private static final int NEAR_H1_BEFORE = 30;
    private static final int NEAR_H1_AFTER = 80;
    /** The most words a printed date's element holds to count as a dateline alone: the date's own and a word or two beside. */
    private static final int DATELINE_WORDS = 8;
    /** A date in the page's address, as publishing systems write it ({@code /2016/12/15/slug}, {@code /2016-12-15-slug}). */
    private static final Pattern URL_DATE = Pattern.compile("/((?:19|20)\\d\\d)([/-])(\\d{1,2})\\2(\\d{1,2})(?:[/-]|$)");

    /**
     * Links to an author's page: {@code /author/jane-doe} (WordPress and most publishing systems), {@code /people/},
     * {@code /staff/}, {@code /contributors/}, {@code /writers/}: where a page's credit is a plain link with no
     * credit class.
     */
    private static final String[] AUTHOR_PATHS = {"author", "/people/", "/staff/", "contributor", "/writers/"};
    /** What joins a headline to the site's name in a declared title: " | ", " - ", " — ", " :: ". */
    private static final Pattern SITE_SEPARATOR = Pattern.compile("\\s[|\\p{Pd}:·•»]+\\s|｜");
    private static final Set<String> CHROME = Set.of("nav", "aside", "footer", "menu");
    private static final Set<String> ARTICLE = Set.of("article", "main");

    private static final String[] DATE_METAS = {"datePublished", "date", "pubdate", "publishdate", "publish-date", "dc.date.issued",
            "dc.date", "sailthru.date", "parsely-pub-date"};
    private static final String[] PUBLISHED_METAS = {"article:published_time", "og:published_time"};
    private static final String[] MODIFIED_METAS = {"article:modified_time", "og:updated_time", "dateModified"};
    private static final String[] AUTHOR_METAS = {"author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author"};

    /**
     * The fitted models of the three choices. A title is always given when a page has a candidate (its most probable);
     * a byline or date only when its probability clears its model's threshold, one half: a wrong one published costs as
     * much as a right one gains.
     */
    record Models(LineModel title, LineModel byline, LineModel date) {
        static Models shipped() {
            return Shipped.MODELS;
        }

        static Models fromJson(JsonNode node) {
            return new Models(LineModel.fromJson(node.path("title"), TITLE_FEATURES), LineModel.fromJson(node.path("byline"), BYLINE_FEATURES),
                    LineModel.fromJson(node.path("date"), DATE_FEATURES));
        }
    }

    private static final class Shipped {
        static final Models MODELS = load();

        private static Models load() {
            try (InputStream in = HtmlHeaderCandidates.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the cleaner's model resource " + RESOURCE + " is missing from the build");
                }
                return Models.fromJson(new ObjectMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final Document doc;
    private final JsonNode article;
    private final Map<String, String> metas;
    private final String siteName;
    private final Walk walk;

    HtmlHeaderCandidates(Document doc, JsonNode article, Map<String, String> metas, String siteName) {
        this.doc = doc;
        this.article = article;
        this.metas = metas;
        this.siteName = siteName;
        this.walk = new Walk(doc);
    }

    /**
     * One walk over the page, in document order: each element's place, the first {@code <h1>}'s, and the elements each
     * kind of candidate reads: headings ({@code <h1>}, {@code <h2>}, {@code itemprop=headline}, a class holding
     * "headline" or "title"), credit boxes ({@code rel=author}, {@code itemprop=author} and the {@code itemprop=name}
     * inside it, a class holding "byline", "author" or "writer"), links to an author's page ({@link #AUTHOR_PATHS}),
     * {@code <time>} and {@code itemprop=datePublished}/{@code dateModified} elements, and the body's elements whose
     * class or id says date ({@link #DATE_CLASS}). One walk with plain string tests, not a selector query per kind.
     */
    private static final class Walk {
        /** The place in document order of each element a list below holds (the others are never asked for). */
        final Map<Element, Integer> order = new IdentityHashMap<>();
        int h1At = -1;
        int count;
        final List<Element> headings = new ArrayList<>();
        final List<Element> credits = new ArrayList<>();
        final List<Element> authorLinks = new ArrayList<>();
        final List<Element> times = new ArrayList<>();
        final List<Element> dateClassed = new ArrayList<>();
        /** Every element in document order. */
        final List<Element> all;
        /** The elements {@link #times} and {@link #dateClassed} hold. */
        final Set<Element> dated = Collections.newSetFromMap(new IdentityHashMap<>());
        /** The first {@code <link rel=canonical>}'s address, or null. */
        String canonical;

        Walk(Document doc) {
            Element body = doc.body();
            boolean inBody = false;
            int at = 0;
            all = doc.getAllElements();
            for (Element e : all) {
                String name = e.normalName();
                inBody |= e == body;
                if (h1At < 0 && name.equals("h1")) {
                    h1At = at;
                }
                boolean kept;
                if (e.attributesSize() == 0) {
                    kept = (name.equals("h1") || name.equals("h2")) && headings.add(e) || name.equals("time") && times.add(e) && dated.add(e);
                } else {
                    String cls = e.className().toLowerCase(Locale.ROOT);
                    String itemprop = e.attr("itemprop");
                    kept = (name.equals("h1") || name.equals("h2") || itemprop.equalsIgnoreCase("headline") || saysTitle(cls)) && headings.add(e);
                    kept |= (e.attr("rel").equalsIgnoreCase("author") || itemprop.equalsIgnoreCase("author") || cls.contains("byline")
                            || cls.contains("author") || cls.contains("writer") || itemprop.equalsIgnoreCase("name") && insideAuthor(e)) && credits.add(e);
                    kept |= name.equals("a") && isAuthorPath(e.attr("href").toLowerCase(Locale.ROOT)) && authorLinks.add(e);
                    kept |= (name.equals("time") || itemprop.equalsIgnoreCase("datePublished") || itemprop.equalsIgnoreCase("dateModified"))
                            && times.add(e) && dated.add(e);
                    if (canonical == null && name.equals("link") && e.attr("rel").equalsIgnoreCase("canonical")) {
                        canonical = e.attr("href");
                    }
                    kept |= inBody && (saysDate(cls) || saysDate(e.id().toLowerCase(Locale.ROOT))) && dateClassed.add(e) && dated.add(e);
                }
                if (kept) {
                    order.put(e, at);
                }
                at++;
            }
            count = at;
        }

        /** A lower-case class that says its element holds a headline. */
        private static boolean saysTitle(String lowerCase) {
            return lowerCase.contains("headline") || lowerCase.contains("title");
        }

        /** A lower-case class or id that says its element holds a date: "date", "post-date", "timestamp", "published", "posted-on". */
        private static boolean saysDate(String lowerCase) {
            return lowerCase.contains("date") || lowerCase.contains("time") || lowerCase.contains("publish") || lowerCase.contains("posted");
        }

        private static boolean insideAuthor(Element e) {
            for (Element p = e.parent(); p != null; p = p.parent()) {
                if (p.attr("itemprop").equalsIgnoreCase("author")) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isAuthorPath(String href) {
            for (String path : AUTHOR_PATHS) {
                if (href.contains(path)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The chosen candidate's value, the most probable when it clears {@code threshold}; null when none does. */
    static String choose(List<HeaderCandidates.Candidate> candidates, LineModel model) {
        HeaderCandidates.Candidate best = HeaderCandidates.choose(candidates, model);
        return best == null ? null : best.value();
    }

    // ---- titles ----

    // Indices of the title features, looked up by name so they cannot drift from TITLE_FEATURES.
    private static final int T_JSONLD = TITLE_FEATURES.indexOf("jsonld_headline");
    private static final int T_OG = TITLE_FEATURES.indexOf("og_title");
    private static final int T_TITLE_TAG = TITLE_FEATURES.indexOf("title_tag");
    private static final int T_WITHOUT_SITE = TITLE_FEATURES.indexOf("declared_without_site");
    private static final int T_H1 = TITLE_FEATURES.indexOf("h1");
    private static final int T_FIRST_H1 = TITLE_FEATURES.indexOf("first_h1");
    private static final int T_ITEMPROP = TITLE_FEATURES.indexOf("itemprop_headline");
    private static final int T_H2 = TITLE_FEATURES.indexOf("h2");
    private static final int T_CLASS = TITLE_FEATURES.indexOf("title_class");
    private static final int T_SOURCES = TITLE_FEATURES.indexOf("sources");
    private static final int T_IN_CHROME = TITLE_FEATURES.indexOf("in_chrome");
    private static final int T_IN_ARTICLE = TITLE_FEATURES.indexOf("in_article");
    private static final int T_SHARE_IN_DECLARED = TITLE_FEATURES.indexOf("share_in_declared");
    private static final int T_COVERS_DECLARED = TITLE_FEATURES.indexOf("covers_declared");
    private static final int T_INSIDE_DECLARED = TITLE_FEATURES.indexOf("inside_declared");
    private static final int T_LOG_WORDS = TITLE_FEATURES.indexOf("log_words");
    private static final int T_POSITION = TITLE_FEATURES.indexOf("position");
    private static final int T_VISIBLE = TITLE_FEATURES.indexOf("visible");
    private static final int T_SIMILARITY = TITLE_FEATURES.indexOf("similarity_to_others");
    private static final int T_SEPARATOR = TITLE_FEATURES.indexOf("has_separator");
    private static final int T_NAMES_SITE = TITLE_FEATURES.indexOf("names_site");
    private static final int T_IN_SITE_HEADER = TITLE_FEATURES.indexOf("in_site_header");
    private static final int T_LINK_TEXT = TITLE_FEATURES.indexOf("link_text");
    private static final int T_FEW_WORDS = TITLE_FEATURES.indexOf("few_words");
    private static final int T_EXTENDS_OTHER = TITLE_FEATURES.indexOf("extends_other");
    private static final int T_EXTENDED_BY_OTHER = TITLE_FEATURES.indexOf("extended_by_other");
    private static final int T_PRINTED_AND_DECLARED = TITLE_FEATURES.indexOf("printed_and_declared");

    /** A candidate value as it is gathered: the sources that gave it (feature indices set to one) and its first element. */
    private static final class Gathered {
        final String value;
        final double[] x;
        Element element;
        int rank = Integer.MAX_VALUE;
        boolean afterBy;

        Gathered(String value, int features) {
            this.value = value;
            this.x = new double[features];
        }
    }

    /**
     * Every title candidate: the declared titles (JSON-LD headline; {@code og:title}, {@code twitter:title},
     * {@code dc.title}; {@code <title>}; each without the site's name), and the first {@value #PER_KIND} of each kind of
     * printed heading ({@code <h1>}, {@code <h2>}, {@code itemprop=headline}, headline- or title-classed elements).
     * Features: the sources (one each), how many gave the same text, inside navigation/aside/footer or inside
     * {@code <article>}/{@code <main>}, the share of its words in the declared titles and of the longest declared title's
     * words in it, whether a declared title contains it, its length, where it stands in the page, whether the page
     * prints it, its mean word overlap with the other candidates, whether it holds a site-name separator and the site's name.
     */
    List<HeaderCandidates.Candidate> titles() {
        Map<String, Gathered> by = new LinkedHashMap<>();
        List<String> declared = new ArrayList<>();
        String jsonLd = article == null ? null : PageDeclarations.text(article.path("headline"));
        addDeclaredTitle(by, declared, jsonLd, T_JSONLD);
        for (String name : new String[] {"og:title", "twitter:title", "dc.title"}) {
            addDeclaredTitle(by, declared, metas.get(name), T_OG);
        }
        addDeclaredTitle(by, declared, doc.title(), T_TITLE_TAG);
        for (String d : List.copyOf(declared)) {
            String without = Headlines.withoutSiteName(d, siteName);
            if (!without.equals(d)) {
                gather(by, without, TITLE_FEATURES.size()).x[T_WITHOUT_SITE] = 1;
            }
        }
        int[] counts = new int[4];
        boolean firstH1 = true;
        for (Element h : walk.headings) {
            String text = clean(h.text());
            int kind = h.normalName().equals("h1") ? 0 : h.normalName().equals("h2") ? 1 : h.attr("itemprop").equals("headline") ? 2 : 3;
            if (text.isEmpty() || text.length() > 400 || counts[kind]++ >= PER_KIND) {
                continue;
            }
            Gathered g = gather(by, text, TITLE_FEATURES.size());
            g.x[kind == 0 ? T_H1 : kind == 1 ? T_H2 : kind == 2 ? T_ITEMPROP : T_CLASS] = 1;
            // A heading marked up several ways (<h1 itemprop="headline" class="article-title">) counts as each source.
            if (h.attr("itemprop").equalsIgnoreCase("headline")) {
                g.x[T_ITEMPROP] = 1;
            }
            if (kind < 3 && h.attributesSize() > 0 && Walk.saysTitle(h.className().toLowerCase(Locale.ROOT))) {
                g.x[T_CLASS] = 1;
            }
            if (kind == 0 && firstH1) {
                g.x[T_FIRST_H1] = 1;
                firstH1 = false;
            }
            // A headline printed twice (a sticky site banner repeats it) is placed where the article prints it.
            if (g.element == null || !inside(g.element, ARTICLE) && inside(h, ARTICLE)) {
                g.element = h;
            }
        }
        Set<String> declaredWords = new HashSet<>();
        declared.forEach(t -> declaredWords.addAll(Words.tokens(t)));
        List<String> longest = declared.stream().map(Words::tokens).max((a, b) -> Integer.compare(a.size(), b.size())).orElse(List.of());
        List<String> comparableDeclared = declared.stream().map(Words::comparable).toList();
        String site = siteName == null ? null : Words.comparable(siteName);
        List<List<String>> words = by.values().stream().map(g -> Words.tokens(g.value)).toList();
        List<String> comparables = by.values().stream().map(g -> Words.comparable(g.value)).toList();
        List<HeaderCandidates.Candidate> out = new ArrayList<>();
        int i = 0;
        for (Gathered g : by.values()) {
            List<String> w = words.get(i);
            double[] x = g.x;
            x[T_SOURCES] = x[T_JSONLD] + x[T_OG] + x[T_TITLE_TAG] + x[T_WITHOUT_SITE] + x[T_H1] + x[T_ITEMPROP] + x[T_H2] + x[T_CLASS];
            x[T_IN_CHROME] = g.element != null && inside(g.element, CHROME) ? 1 : 0;
            x[T_IN_ARTICLE] = g.element != null && inside(g.element, ARTICLE) ? 1 : 0;
            x[T_SHARE_IN_DECLARED] = w.isEmpty() ? 0 : (double) w.stream().filter(declaredWords::contains).count() / w.size();
            x[T_COVERS_DECLARED] = longest.isEmpty() ? 0 : (double) longest.stream().filter(new HashSet<>(w)::contains).count() / longest.size();
            String comparable = Words.comparable(g.value);
            x[T_INSIDE_DECLARED] = comparable.isEmpty() ? 0 : comparableDeclared.stream().anyMatch(d -> d.contains(comparable)) ? 1 : 0;
            x[T_LOG_WORDS] = Math.log1p(w.size());
            x[T_POSITION] = g.element == null ? 1 : position(g.element);
            x[T_VISIBLE] = g.element != null ? 1 : 0;
            x[T_SIMILARITY] = similarityToOthers(words, i);
            x[T_SEPARATOR] = SITE_SEPARATOR.matcher(g.value).find() ? 1 : 0;
            x[T_NAMES_SITE] = site != null && !site.isEmpty() && comparable.contains(site) ? 1 : 0;
            x[T_IN_SITE_HEADER] = g.element != null && inSiteHeader(g.element) ? 1 : 0;
            x[T_LINK_TEXT] = g.element != null && isLinkText(g.element) ? 1 : 0;
            x[T_FEW_WORDS] = w.size() <= 3 ? 1 : 0;
            x[T_EXTENDS_OTHER] = extendsAnother(comparables, i, false) ? 1 : 0;
            x[T_EXTENDED_BY_OTHER] = extendsAnother(comparables, i, true) ? 1 : 0;
            // The page both prints and declares it (with or without the site's name): the two kinds of source agreeing.
            x[T_PRINTED_AND_DECLARED] = g.element != null && x[T_JSONLD] + x[T_OG] + x[T_TITLE_TAG] + x[T_WITHOUT_SITE] > 0 ? 1 : 0;
            out.add(new HeaderCandidates.Candidate(g.value, g.element == null ? -1 : order(g.element), x));
            i++;
        }
        return out;
    }

    private static void addDeclaredTitle(Map<String, Gathered> by, List<String> declared, String title, int source) {
        if (title == null || title.isBlank()) {
            return;
        }
        String t = clean(Parser.unescapeEntities(title, false));
        if (t.isEmpty()) {
            return;
        }
        declared.add(t);
        gather(by, t, TITLE_FEATURES.size()).x[source] = 1;
    }

    /**
     * Whether another candidate opens or ends candidate {@code i} with more words beside it ("Headline | Site" over
     * "Headline"), or, with {@code reversed}, candidate {@code i} opens or ends another.
     */
    private static boolean extendsAnother(List<String> comparables, int i, boolean reversed) {
        for (int j = 0; j < comparables.size(); j++) {
            String longer = reversed ? comparables.get(j) : comparables.get(i);
            String shorter = reversed ? comparables.get(i) : comparables.get(j);
            if (j != i && !shorter.isEmpty() && shorter.length() < longer.length()
                    && (longer.startsWith(shorter + " ") || longer.endsWith(" " + shorter))) {
                return true;
            }
        }
        return false;
    }

    /** The mean share of words candidate {@code i} has in common with each other candidate (Jaccard). */
    private static double similarityToOthers(List<List<String>> words, int i) {
        if (words.size() < 2) {
            return 0;
        }
        Set<String> mine = new HashSet<>(words.get(i));
        double sum = 0;
        for (int j = 0; j < words.size(); j++) {
            if (j == i) {
                continue;
            }
            Set<String> theirs = new HashSet<>(words.get(j));
            long common = theirs.stream().filter(mine::contains).count();
            int union = mine.size() + theirs.size() - (int) common;
            sum += union == 0 ? 0 : (double) common / union;
        }
        return sum / (words.size() - 1);
    }

    // ---- bylines ----

    // Indices of the byline features, looked up by name.
    private static final int B_JSONLD = BYLINE_FEATURES.indexOf("jsonld_author");
    private static final int B_META = BYLINE_FEATURES.indexOf("meta_author");
    private static final int B_CREDIT_BOX = BYLINE_FEATURES.indexOf("credit_box");
    private static final int B_BOX_RANK = BYLINE_FEATURES.indexOf("box_rank");
    private static final int B_AFTER_BY = BYLINE_FEATURES.indexOf("after_by");
    private static final int B_SOURCES = BYLINE_FEATURES.indexOf("sources");
    private static final int B_NAMES = BYLINE_FEATURES.indexOf("names");
    private static final int B_LOG_WORDS = BYLINE_FEATURES.indexOf("log_words");
    private static final int B_IN_CHROME = BYLINE_FEATURES.indexOf("in_chrome");
    private static final int B_ABOVE_H1 = BYLINE_FEATURES.indexOf("above_h1");
    private static final int B_DISTANCE_H1 = BYLINE_FEATURES.indexOf("log_distance_h1");
    private static final int B_NAMES_SITE = BYLINE_FEATURES.indexOf("names_site");
    private static final int B_AUTHOR_LINK = BYLINE_FEATURES.indexOf("author_link");
    private static final int B_LINK_RANK = BYLINE_FEATURES.indexOf("link_rank");
    private static final int B_JOINED = BYLINE_FEATURES.indexOf("joined");
    private static final int B_HOLDS_OTHER = BYLINE_FEATURES.indexOf("holds_other");
    private static final int B_PRINTED_BY = BYLINE_FEATURES.indexOf("printed_by");
    private static final int B_LOG_CANDIDATES = BYLINE_FEATURES.indexOf("log_candidates");

    /**
     * Every byline candidate: the JSON-LD article's authors (people's names, joined by " and "), the first
     * author-naming {@code <meta>}, the names opening the first {@value #PER_KIND} credit boxes (elements with a byline,
     * author or writer class, {@code itemprop=author}, {@code rel=author}; short text, after its "by") and links to an author's
     * page, and co-authors credited side by side. Features: the sources, the box's and the link's rank, whether a "by"
     * precedes the name, how many sources agree, how many names and words, inside the site's navigation/aside/footer, above the
     * first {@code <h1>} and how far from it, whether it names the site (a publisher credited as the author), how many
     * names a side-by-side candidate joins, whether it lists every name of another candidate and more; and credits printed
     * beside the headline after a credit word with no credit markup ({@link #addPrintedBy}).
     */
    List<HeaderCandidates.Candidate> bylines() {
        Map<String, Gathered> by = new LinkedHashMap<>();
        if (article != null) {
            List<String> names = new ArrayList<>();
            JsonNode author = article.path("author");
            for (JsonNode a : author.isArray() ? PageDeclarations.iterable(author) : List.of(author)) {
                String name = a.isTextual() ? a.asText() : PageDeclarations.text(a.path("name"));
                String n = name == null ? null : HeaderCandidates.namesOf(name);
                if (n != null && !names.contains(n)) {
                    names.add(n);
                }
            }
            if (!names.isEmpty()) {
                gather(by, String.join(" and ", names), BYLINE_FEATURES.size()).x[B_JSONLD] = 1;
            }
        }
        for (String name : AUTHOR_METAS) {
            String meta = metas.get(name);
            // A credit declared as printed keeps its label ("By Jane Doe, John Roe and Ann Poe"): the names are after it.
            Matcher label = meta == null ? null : TextHeader.BYLINE.matcher(meta.strip());
            String n = meta == null || meta.startsWith("http") ? null
                    : label.matches() && !label.group(1).isBlank() ? HeaderCandidates.namesOf(label.group(1)) : HeaderCandidates.namesOf(meta);
            if (n != null) {
                gather(by, n, BYLINE_FEATURES.size()).x[B_META] = 1;
                break;
            }
        }
        List<Map.Entry<Element, String>> credited = new ArrayList<>();
        int rank = 0;
        for (Element box : walk.credits) {
            if (rank >= PER_KIND) {
                break;
            }
            // A label hidden for screen readers joined to the one shown ("Byby JANE DOE") reads as one "by".
            String text = Bylines.undoubled(spacedText(box));
            if (text.isEmpty() || text.length() > MAX_DATELINE_CHARS) {
                continue;
            }
            // "By Jane Doe", "Posted on May 5 by Jane Doe", "Par Cécile Dupont": the name after a credit word, as a dump's.
            Matcher m = Bylines.creditInside(text);
            boolean afterBy = m != null;
            String name = HeaderCandidates.namesOf(afterBy ? m.group(1) : text);
            if (name == null || isCalendar(name) || Bylines.isCreditWord(name)) {
                continue;
            }
            credited.add(Map.entry(box, name));
            Gathered g = gather(by, name, BYLINE_FEATURES.size());
            g.x[B_CREDIT_BOX] = 1;
            if (g.element == null) {
                g.element = box;
                g.rank = rank;
                g.afterBy = afterBy;
            }
            rank++;
        }
        int links = 0;
        for (Element a : walk.authorLinks) {
            if (links >= PER_KIND) {
                break;
            }
            String text = spacedText(a);
            String name = text.isEmpty() || text.length() > MAX_DATELINE_CHARS ? null : HeaderCandidates.namesOf(text);
            if (name == null || isCalendar(name) || Bylines.isCreditWord(name)) {
                continue;
            }
            credited.add(Map.entry(a, name));
            Gathered g = gather(by, name, BYLINE_FEATURES.size());
            if (g.x[B_AUTHOR_LINK] == 0) {
                g.x[B_AUTHOR_LINK] = 1;
                g.x[B_LINK_RANK] = links;
            }
            if (g.element == null) {
                g.element = a;
                g.afterBy = afterBy(a);
            }
            links++;
        }
        addJoined(by, credited);
        addPrintedBy(by);
        String site = siteName == null ? null : Words.comparable(siteName);
        List<List<String>> names = by.values().stream().map(g -> List.of(HeaderCandidates.LIST_SEPARATOR.split(g.value))).toList();
        List<HeaderCandidates.Candidate> out = new ArrayList<>();
        int i = 0;
        for (Gathered g : by.values()) {
            double[] x = g.x;
            List<String> w = Words.tokens(g.value);
            List<String> mine = names.get(i++);
            x[B_BOX_RANK] = g.x[B_CREDIT_BOX] == 0 ? PER_KIND : g.rank;
            x[B_LINK_RANK] = g.x[B_AUTHOR_LINK] == 0 ? PER_KIND : x[B_LINK_RANK];
            x[B_AFTER_BY] = g.afterBy ? 1 : 0;
            x[B_SOURCES] = x[B_JSONLD] + x[B_META] + x[B_CREDIT_BOX] + x[B_AUTHOR_LINK] + (x[B_JOINED] > 0 ? 1 : 0) + x[B_PRINTED_BY];
            x[B_NAMES] = mine.size();
            // A list naming every name another candidate gives, and more: a printed credit confirms a declared list.
            x[B_HOLDS_OTHER] = names.stream().anyMatch(n -> n.size() < mine.size() && mine.containsAll(n)) ? 1 : 0;
            x[B_LOG_WORDS] = Math.log1p(w.size());
            x[B_IN_CHROME] = g.element != null && inSiteChrome(g.element) ? 1 : 0;
            placeAgainstH1(g.element, x, B_ABOVE_H1, B_DISTANCE_H1);
            String comparable = Words.comparable(g.value);
            x[B_NAMES_SITE] = site != null && !site.isEmpty() && (site.contains(comparable) || comparable.contains(site)) ? 1 : 0;
            x[B_LOG_CANDIDATES] = Math.log1p(by.size());
            out.add(new HeaderCandidates.Candidate(g.value, g.element == null ? -1 : order(g.element), x));
        }
        return out;
    }

    /**
     * The element's text with a space between any two of its text nodes: a credit box's parts are often separate
     * elements with no space between them in the markup ({@code <span>By</span><a>Jane Doe</a><span>Staff Writer</span>}),
     * which {@link Element#text()} runs together ("ByJane DoeStaff Writer").
     */
    static String spacedText(Element el) {
        StringBuilder sb = new StringBuilder();
        boolean[] spaceBefore = {false};
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode t && !t.isBlank()) {
                String text = t.text();
                // A word split across elements (a styled last letter, "Matsaki<span>s</span>"; a drop cap) goes on in lower case.
                boolean goesOn = !spaceBefore[0] && !sb.isEmpty() && Character.isLetter(sb.charAt(sb.length() - 1))
                        && Character.isLowerCase(text.charAt(0));
                if (!sb.isEmpty() && !goesOn) {
                    sb.append(' ');
                }
                sb.append(text.strip());
                spaceBefore[0] = Character.isWhitespace(text.charAt(text.length() - 1));
            }
        }, el);
        return clean(sb.toString());
    }

    /**
     * Co-authors credited side by side: the names of credit elements that follow one another in one container (the same
     * parent or grandparent: "By <a>Jane Doe</a> and <a>John Roe</a>"), joined by " and ", one candidate per run of two
     * or more; its feature {@code joined} is how many names it joins.
     */
    private void addJoined(Map<String, Gathered> by, List<Map.Entry<Element, String>> credited) {
        credited.sort((a, b) -> Integer.compare(order(a.getKey()), order(b.getKey())));
        List<String> run = new ArrayList<>();
        Element container = null;
        Element first = null;
        for (Map.Entry<Element, String> c : credited) {
            Element el = c.getKey();
            Element near = el.parent() == null || el.parent().parent() == null ? el.parent() : el.parent().parent();
            boolean same = container != null && (near == container || el.parent() == container || near != null && near.parent() == container);
            if (!same) {
                addRun(by, run, first);
                run.clear();
                container = near;
                first = el;
            }
            if (!run.contains(c.getValue()) && run.stream().noneMatch(r -> r.contains(c.getValue()) || c.getValue().contains(r))) {
                run.add(c.getValue());
            }
        }
        addRun(by, run, first);
    }

    private static void addRun(Map<String, Gathered> by, List<String> run, Element first) {
        if (run.size() < 2 || run.size() > 4) {
            return;
        }
        Gathered g = gather(by, String.join(" and ", run), BYLINE_FEATURES.size());
        g.x[B_JOINED] = run.size();
        if (g.element == null) {
            g.element = first;
        }
        // The names' credit boxes and author links credit the run too: the first name's, at their best rank.
        Gathered opening = by.get(run.get(0));
        if (opening != null && opening != g) {
            g.x[B_CREDIT_BOX] = Math.max(g.x[B_CREDIT_BOX], opening.x[B_CREDIT_BOX]);
            g.rank = Math.min(g.rank, opening.rank);
            g.afterBy |= opening.afterBy;
            if (opening.x[B_AUTHOR_LINK] > 0 && (g.x[B_AUTHOR_LINK] == 0 || opening.x[B_LINK_RANK] < g.x[B_LINK_RANK])) {
                g.x[B_LINK_RANK] = opening.x[B_LINK_RANK];
            }
            g.x[B_AUTHOR_LINK] = Math.max(g.x[B_AUTHOR_LINK], opening.x[B_AUTHOR_LINK]);
        }
    }

    /**
     * Credits printed with no credit markup beside the headline: an element from {@value #NEAR_H1_BEFORE} above the first
     * {@code <h1>} to {@value #NEAR_H1_AFTER} below it whose own text opens with a credit word of some language ("By",
     * "Von", "Par": {@link TextHeader#BYLINE}), read with its parent when the word stands alone in its element
     * ({@code <span>By </span><a>Jane Doe</a>}); the first {@value #PER_KIND}, none inside a credit box (read as that already).
     */
    private void addPrintedBy(Map<String, Gathered> by) {
        Set<Element> boxes = Collections.newSetFromMap(new IdentityHashMap<>());
        boxes.addAll(walk.credits);
        int found = 0;
        for (int at = Math.max(0, walk.h1At - NEAR_H1_BEFORE); nearH1(at) && at < walk.count && found < PER_KIND; at++) {
            Element el = walk.all.get(at);
            String own = el.ownText().strip();
            Matcher label = own.length() > MAX_DATELINE_CHARS ? null : TextHeader.BYLINE.matcher(own);
            if (label == null || !label.matches() || insideAny(el, boxes)) {
                continue;
            }
            String text = label.group(1).isBlank() && el.parent() != null ? spacedText(el.parent()) : spacedText(el);
            Matcher credit = text.length() > MAX_DATELINE_CHARS ? null : TextHeader.BYLINE.matcher(Bylines.undoubled(text));
            String name = credit != null && credit.matches() ? HeaderCandidates.namesOf(credit.group(1)) : null;
            if (name == null || isCalendar(name) || Bylines.isCreditWord(name)) {
                continue;
            }
            walk.order.putIfAbsent(el, at);
            Gathered g = gather(by, name, BYLINE_FEATURES.size());
            g.x[B_PRINTED_BY] = 1;
            if (g.element == null) {
                g.element = el;
                g.afterBy = true;
            }
            found++;
        }
    }

    private static boolean insideAny(Element el, Set<Element> elements) {
        for (Element e = el; e != null; e = e.parent()) {
            if (elements.contains(e)) {
                return true;
            }
        }
        return false;
    }

    /** Whether "by" comes just before the element in its container's text ("By <a>Jane Doe</a>"). */
    private static boolean afterBy(Element el) {
        Element container = el.parent() == null || el.parent().parent() == null ? el.parent() : el.parent().parent();
        if (container == null) {
            return false;
        }
        String text = spacedText(container);
        int at = text.indexOf(spacedText(el));
        return at > 0 && BY_BEFORE.matcher(text.substring(Math.max(0, at - 12), at)).find();
    }

    private static final Pattern BY_BEFORE = Pattern.compile("(?:^|\\W)(?:" + Language.bylineAlternation() + ")\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** A "name" made of calendar words only ("April", "Wednesday"): a byline box's date, not its credit. */
    private static boolean isCalendar(String name) {
        return Words.tokens(name.toLowerCase(Locale.ROOT)).stream().allMatch(DateParser::isCalendarWord);
    }

    // ---- dates ----

    // Indices of the date features, looked up by name.
    private static final int D_PUBLISHED_META = DATE_FEATURES.indexOf("published_meta");
    private static final int D_JSONLD_PUBLISHED = DATE_FEATURES.indexOf("jsonld_published");
    private static final int D_JSONLD_CREATED = DATE_FEATURES.indexOf("jsonld_created");
    private static final int D_OTHER_META = DATE_FEATURES.indexOf("other_meta");
    private static final int D_ITEMPROP = DATE_FEATURES.indexOf("itemprop_published");
    private static final int D_TIME = DATE_FEATURES.indexOf("time_element");
    private static final int D_FIRST_TIME = DATE_FEATURES.indexOf("first_time_element");
    private static final int D_CLASS = DATE_FEATURES.indexOf("date_class");
    private static final int D_MODIFIED = DATE_FEATURES.indexOf("modified");
    private static final int D_SOURCES = DATE_FEATURES.indexOf("sources");
    private static final int D_HAS_TIME = DATE_FEATURES.indexOf("has_time");
    private static final int D_ABOVE_H1 = DATE_FEATURES.indexOf("above_h1");
    private static final int D_IN_CHROME = DATE_FEATURES.indexOf("in_chrome");
    private static final int D_EARLIEST = DATE_FEATURES.indexOf("earliest");
    private static final int D_DISTANCE_H1 = DATE_FEATURES.indexOf("log_distance_h1");
    private static final int D_PRINTED_NEAR_H1 = DATE_FEATURES.indexOf("printed_near_h1");
    private static final int D_NEAR_H1 = DATE_FEATURES.indexOf("near_h1");
    private static final int D_URL = DATE_FEATURES.indexOf("url_date");
    private static final int D_ALONE = DATE_FEATURES.indexOf("dateline_alone");

    /**
     * Every date candidate, one per value: the published-time {@code <meta>}s, JSON-LD {@code datePublished} and
     * {@code dateCreated}, other date {@code <meta>}s, {@code itemprop=datePublished}, the first {@value #PER_KIND}
     * {@code <time>} elements, the first {@value #PER_KIND} elements whose class or id says date and whose short text
     * writes one, and the modified times (JSON-LD {@code dateModified}, {@code article:modified_time}: the wrong date to
     * give, which the model learns to pass over). Features: the sources, how many candidates name the same day, whether
     * it has a time of day, below the first {@code <h1>} and how far, inside navigation/aside/footer, whether it is the
     * earliest day among the candidates.
     */
    List<HeaderCandidates.Candidate> dates() {
        Map<String, Gathered> by = new LinkedHashMap<>();
        for (String name : PUBLISHED_METAS) {
            addDate(by, metas.get(name.toLowerCase(Locale.ROOT)), D_PUBLISHED_META, null);
        }
        if (article != null) {
            addDate(by, PageDeclarations.text(article.path("datePublished")), D_JSONLD_PUBLISHED, null);
            addDate(by, PageDeclarations.text(article.path("dateCreated")), D_JSONLD_CREATED, null);
            addDate(by, PageDeclarations.text(article.path("dateModified")), D_MODIFIED, null);
        }
        for (String name : DATE_METAS) {
            addDate(by, metas.get(name.toLowerCase(Locale.ROOT)), D_OTHER_META, null);
        }
        for (String name : MODIFIED_METAS) {
            addDate(by, metas.get(name.toLowerCase(Locale.ROOT)), D_MODIFIED, null);
        }
        int times = 0;
        for (Element t : walk.times) {
            boolean itemprop = t.attr("itemprop").equals("datePublished");
            String value = PageDeclarations.firstNonBlank(t.attr("datetime"), t.attr("content"), t.attr("value"), t.text().length() <= MAX_DATELINE_CHARS ? t.text() : null);
            if (itemprop) {
                addDate(by, value, D_ITEMPROP, t);
            } else if (t.attr("itemprop").equals("dateModified")) {
                addDate(by, value, D_MODIFIED, t);
            }
            if (t.normalName().equals("time") && times < PER_KIND) {
                Gathered g = addDate(by, value, D_TIME, t);
                if (g != null && times == 0) {
                    g.x[D_FIRST_TIME] = 1;
                }
                times++;
            }
        }
        int shown = 0;
        for (Element el : walk.dateClassed) {
            if (shown >= PER_KIND) {
                break;
            }
            String text = el.text();
            if (text.length() > MAX_DATELINE_CHARS) {
                continue;
            }
            List<DateParser.Found> found = DateParser.findAll(text);
            if (!found.isEmpty()) {
                addIso(by, found.get(0).value(), D_CLASS, el);
                shown++;
            }
        }
        addNearH1(by);
        addUrlDate(by);
        String earliest = by.keySet().stream().map(HtmlHeaderCandidates::day).min(String::compareTo).orElse(null);
        List<HeaderCandidates.Candidate> out = new ArrayList<>();
        for (Gathered g : by.values()) {
            double[] x = g.x;
            x[D_SOURCES] = x[D_PUBLISHED_META] + x[D_JSONLD_PUBLISHED] + x[D_JSONLD_CREATED] + x[D_OTHER_META] + x[D_ITEMPROP] + x[D_TIME]
                    + x[D_CLASS] + x[D_MODIFIED] + x[D_PRINTED_NEAR_H1] + x[D_URL];
            x[D_HAS_TIME] = g.value.contains("T") ? 1 : 0;
            placeAgainstH1(g.element, x, D_ABOVE_H1, D_DISTANCE_H1);
            x[D_IN_CHROME] = g.element != null && inside(g.element, CHROME) ? 1 : 0;
            x[D_EARLIEST] = day(g.value).equals(earliest) ? 1 : 0;
            // A printed date with few words beside it ("Published Dec 19, 2016") is a dateline, not a date a sentence mentions.
            x[D_ALONE] = g.element != null && Words.tokens(g.element.text()).size() <= DATELINE_WORDS ? 1 : 0;
            x[D_NEAR_H1] = g.element != null && nearH1(order(g.element)) ? 1 : 0;
            out.add(new HeaderCandidates.Candidate(g.value, g.element == null ? -1 : order(g.element), x));
        }
        return out;
    }

    /**
     * The dates printed in the own text (short, {@value #MAX_DATELINE_CHARS} characters at most) of the elements from
     * {@value #NEAR_H1_BEFORE} above the first {@code <h1>} to {@value #NEAR_H1_AFTER} below it, the first
     * {@value #PER_KIND}: "Published Dec 19, 2016", "By Jane Doe on 1 June 2019 at 08:34 PM" with no date markup.
     */
    private void addNearH1(Map<String, Gathered> by) {
        if (walk.h1At < 0) {
            return;
        }
        int found = 0;
        for (int at = Math.max(0, walk.h1At - NEAR_H1_BEFORE); nearH1(at) && at < walk.count && found < PER_KIND; at++) {
            Element el = walk.all.get(at);
            String own = el.ownText();
            // A <time> or date-classed element is read as that source already: one element, one source.
            if (own.length() > MAX_DATELINE_CHARS || walk.dated.contains(el)) {
                continue;
            }
            List<DateParser.Found> dates = DateParser.findAll(own);
            if (!dates.isEmpty()) {
                walk.order.putIfAbsent(el, at);
                addIso(by, dates.get(0).value(), D_PRINTED_NEAR_H1, el);
                found++;
            }
        }
    }

    /** Whether the element at this place stands in the window around the first {@code <h1>} where a dateline is read. */
    private boolean nearH1(int at) {
        return walk.h1At >= 0 && at >= walk.h1At - NEAR_H1_BEFORE && at < walk.h1At + NEAR_H1_AFTER;
    }

    /** The date the page's canonical address (or {@code og:url}) holds, a declared candidate. */
    private void addUrlDate(Map<String, Gathered> by) {
        String url = PageDeclarations.firstNonBlank(walk.canonical, metas.get("og:url"));
        Matcher m = url == null ? null : URL_DATE.matcher(url);
        if (m != null && m.find()) {
            addDate(by, m.group(1) + "-" + pad(m.group(3)) + "-" + pad(m.group(4)), D_URL, null);
        }
    }

    private static String pad(String number) {
        return number.length() == 1 ? "0" + number : number;
    }

    private static String day(String iso) {
        return iso.length() >= 10 ? iso.substring(0, 10) : iso;
    }

    /**
     * Adds the date {@code text} writes, merged with a candidate before it that names the same day (sources naming the
     * same day agree, whatever time of day each writes); null when it writes none.
     */
    private Gathered addDate(Map<String, Gathered> by, String text, int source, Element element) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Optional<String> iso = DateParser.parse(text).filter(DateParser::isGregorianEra);
        return iso.isEmpty() ? null : addIso(by, iso.get(), source, element);
    }

    /** Adds the date {@code iso}, merged with a candidate before it that names the same day. */
    private static Gathered addIso(Map<String, Gathered> by, String iso, int source, Element element) {
        Gathered g = null;
        for (Gathered other : by.values()) {
            if (day(other.value).equals(day(iso))) {
                g = other;
                break;
            }
        }
        if (g == null) {
            g = gather(by, iso, DATE_FEATURES.size());
        }
        g.x[source] = 1;
        if (g.element == null) {
            g.element = element;
        }
        return g;
    }

    // ---- shared ----

    private static Gathered gather(Map<String, Gathered> by, String value, int features) {
        return by.computeIfAbsent(value, v -> new Gathered(v, features));
    }

    private static String clean(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** Inside a {@code <header>} that is not inside the article ({@code <article>}, {@code <main>}): the site's banner. */
    private static boolean inSiteHeader(Element el) {
        boolean header = false;
        for (Element e = el; e != null; e = e.parent()) {
            if (ARTICLE.contains(e.normalName())) {
                return false;
            }
            header |= e.normalName().equals("header");
        }
        return header;
    }

    /** All of the element's text is one link's (a logo's, a teaser's): inside an {@code <a>}, or holding one with its text. */
    private static boolean isLinkText(Element el) {
        for (Element e = el; e != null; e = e.parent()) {
            if (e.normalName().equals("a")) {
                return true;
            }
        }
        Element a = el.selectFirst("a");
        return a != null && a.text().strip().equals(el.text().strip());
    }

    /**
     * Inside the site's navigation, asides or footer: a {@code <footer>} or {@code <aside>} inside the article
     * ({@code <article>}, {@code <main>}) is the article's own, where it credits its author.
     */
    private static boolean inSiteChrome(Element el) {
        return inside(el, CHROME) && !inside(el, ARTICLE);
    }

    /** Whether the element is inside (or is) one of these tags. */
    private static boolean inside(Element el, Set<String> tags) {
        for (Element e = el; e != null; e = e.parent()) {
            if (tags.contains(e.normalName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * For a printed candidate, whether it stands above the first {@code <h1>} (feature {@code above}: a teaser's or the
     * site's, not the article's) and the log of how many elements away from it (feature {@code distance}); both zero
     * for a declared one and on a page with no {@code <h1>}.
     */
    private void placeAgainstH1(Element el, double[] x, int above, int distance) {
        if (el == null) {
            return;
        }
        int at = order(el);
        x[above] = walk.h1At >= 0 && at < walk.h1At ? 1 : 0;
        x[distance] = walk.h1At < 0 ? 0 : Math.log1p(Math.abs(at - walk.h1At));
    }

    /** The element's place in document order, over the page's element count (0 at the top, 1 at the bottom). */
    private double position(Element el) {
        int at = order(el);
        return (double) at / Math.max(1, walk.count);
    }

    private int order(Element el) {
        return walk.order.getOrDefault(el, -1);
    }
}
