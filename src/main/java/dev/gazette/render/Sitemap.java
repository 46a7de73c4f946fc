package dev.gazette.render;

import dev.gazette.output.OutputSink;
import dev.gazette.output.SiteData;

import java.util.ArrayList;
import java.util.HashMap;
import javax.xml.stream.XMLStreamException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code sitemap.xml} and the {@code robots.txt} that points at it. Every HTML page is listed but
 * the 404 page, with as {@code lastmod} the newest date among the articles the page shows (an
 * article page: its own date; the first of equal instants), left out when none is known.
 *
 * <p>The sitemap is made from the {@link SiteData} like a page, reading the lists' slugs and the
 * articles' dates (never the articles): a build that changes no date and no list leaves it alone.
 */
public final class Sitemap {
    public static final String PATH = "sitemap.xml";
    public static final String ROBOTS = "robots.txt";
    static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private final Urls urls;

    public Sitemap(Urls urls) {
        this.urls = urls;
    }

    /**
     * Writes {@code sitemap.xml} and {@code robots.txt}.
     *
     * @param homeArticles how many of the newest articles the home page shows when there is no edition
     */
    public void write(SiteData data, int homeArticles, OutputSink out) {
        out.write(PATH, data, PageData.PAGE_INDEX, r -> pages(r, homeArticles), all -> XmlOut.document(x -> {
            x.raw().setDefaultNamespace(NS);
            x.start(0, "urlset");
            x.raw().writeDefaultNamespace(NS);
            for (Map.Entry<String, ZonedDateTime> page : all.entrySet()) {
                url(x, page.getKey(), page.getValue() == null ? "" : FeedItems.rfc3339(page.getValue()));
            }
            x.end(0);
        }));
        String robots = "User-agent: *\nAllow: /\n\nSitemap: " + urls.absolute(PATH) + "\n";
        out.write(ROBOTS, robots.getBytes(StandardCharsets.UTF_8));
    }

    /** Every listed page's site path with its lastmod (null when none), sorted so the file is reproducible. */
    private static TreeMap<String, ZonedDateTime> pages(SiteData.Reader r, int homeArticles) {
        TreeMap<String, ZonedDateTime> pages = new TreeMap<>();
        // Articles in the digest's order, as the search index's chunks of documents list them.
        List<String> articles = new ArrayList<>();
        for (int chunk = 0; ; chunk++) {
            PageData.SearchDocs docs = r.get(PageData.searchDocs(chunk));
            if (docs == null) {
                break;
            }
            articles.addAll(docs.slugs());
        }
        // Each article's date, read once: the lists below name every article again, some several times.
        Map<String, ZonedDateTime> dates = new HashMap<>(2 * articles.size());
        for (String slug : articles) {
            ZonedDateTime date = r.get(PageData.date(slug));
            dates.put(slug, date);
            pages.put(Urls.article(slug), date);
        }
        PageData.PageIndex index = r.get(PageData.PAGE_INDEX);
        // The home page shows the newest edition's leads, or the newest articles when nothing is dated.
        pages.put("", newest(r, dates, index.editions().isEmpty()
                ? articles.subList(0, Math.min(articles.size(), homeArticles))
                : r.get(PageData.editionLeads(index.editions().get(0)))));
        for (String site : List.of(Urls.EDITIONS, Urls.TAGS, Urls.ARCHIVE, Urls.SEARCH)) {
            pages.put(site, null);   // indexes of links and summaries: no card of their own
        }
        for (String tag : index.tags()) {
            String first = Urls.tag(tag);
            PageData.TagPage page = r.get(PageData.tagPage(tag, 1));
            for (int n = 1; n <= page.pages(); n++) {
                PageData.TagPage list = n == 1 ? page : r.get(PageData.tagPage(tag, n));
                pages.put(Urls.page(first, n), newest(r, dates, list.slugs()));
            }
        }
        for (String edition : index.editions()) {
            pages.put(Urls.edition(edition), newest(r, dates, r.get(PageData.editionLeads(edition))));
        }
        for (String story : index.stories()) {
            pages.put(Urls.story(story), newest(r, dates, r.get(PageData.storyArticles(story))));
        }
        for (YearMonth month : index.months()) {
            pages.put(Urls.month(month), newest(r, dates, r.<PageData.MonthPage>get(PageData.month(month)).slugs()));
        }
        return pages;
    }

    /**
     * The newest date of the articles {@code slugs}, compared by instant: the first of equal ones; null when none is
     * dated. A date is taken from {@code dates} (read already) when it is there.
     */
    private static ZonedDateTime newest(SiteData.Reader r, Map<String, ZonedDateTime> dates, List<String> slugs) {
        ZonedDateTime newest = null;
        for (String slug : slugs) {
            ZonedDateTime date = dates.containsKey(slug) ? dates.get(slug) : r.get(PageData.date(slug));
            if (date != null && (newest == null || date.isAfter(newest))) {
                newest = date;
            }
        }
        return newest;
    }

    private void url(XmlOut x, String path, String lastmod) throws XMLStreamException {
        x.start(1, "url");
        x.element(2, "loc", urls.absolute(path));
        x.element(2, "lastmod", lastmod.isEmpty() ? null : lastmod);
        x.end(1);
    }
}
