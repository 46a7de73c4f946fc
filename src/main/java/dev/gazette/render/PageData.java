package dev.gazette.render;

import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import dev.gazette.model.Edition;
import dev.gazette.model.Story;
import dev.gazette.model.Tag;
import dev.gazette.output.SiteData;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The digest as pages read it ({@link SiteData}): each article, its neighbours, each tag's link
 * and each page of its list, each story, edition and month, and each chunk of the search index's
 * documents under a key of its own, so that a page
 * records exactly the parts it read. Lists hold slugs, not articles: a page of a tag's list
 * depends on which articles it shows, and on each shown article only through that article's key.
 */
final class PageData {
    private PageData() {
    }

    /** What a tag's link is made from: the tag and how many articles carry it. */
    record TagLinkInput(Tag tag, int count) {
    }

    /** One page of a tag's list: the slugs it shows, and how many pages the list has. */
    record TagPage(List<String> slugs, int pages) {
    }

    /** An edition with the slugs of its newer and older neighbours (null at either end). */
    record EditionPage(Edition edition, String newer, String older) {
    }

    /** What an edition's link is made from. */
    record EditionLinkInput(String slug, LocalDate start, LocalDate end, int size) {
    }

    /** A month of the archive: the slugs of its articles, newest first. */
    record MonthPage(YearMonth month, List<String> slugs) {
    }

    /**
     * Which lists have pages: the slugs of every tag, edition and story, and every month, in
     * the digest's order. It changes only when one of them comes or goes.
     */
    record PageIndex(List<String> tags, List<String> editions, List<String> stories, List<YearMonth> months) {
    }

    /** The index of the site's lists. */
    static final String PAGE_INDEX = "pages";

    /** An article's date; there is no such key for an undated article. */
    static String date(String slug) {
        return "d:" + slug;
    }

    /** The slugs of the lead articles of an edition's groups, in order. */
    static String editionLeads(String slug) {
        return "ed:" + slug;
    }

    /** The slugs of a story's articles, in order. */
    static String storyArticles(String slug) {
        return "sa:" + slug;
    }

    static String article(String slug) {
        return "a:" + slug;
    }

    static String links(String slug) {
        return "l:" + slug;
    }

    static String tag(String slug) {
        return "t:" + slug;
    }

    static String tagPage(String slug, int page) {
        return "tp:" + page + ":" + slug;
    }

    static String story(String slug) {
        return "s:" + slug;
    }

    static String edition(String slug) {
        return "e:" + slug;
    }

    static String editionLink(String slug) {
        return "el:" + slug;
    }

    static String month(YearMonth month) {
        return "m:" + month;
    }

    /** The slugs of the articles of the search index's documents chunk {@code chunk}. */
    static String searchDocs(int chunk) {
        return "sd:" + chunk;
    }

    /** Every value of {@code digest} a page may read, with lists cut into pages of {@code pageSize}. */
    static SiteData of(Digest digest, int pageSize) {
        return of(digest, pageSize, null);
    }

    /**
     * The values of the articles, tags, stories and months of the digest, by the very object they are
     * made from, and the key of each article's links by its slug: what a build keeps of its site data
     * ({@link SiteData#parts}) so that the next one takes the keys and values of an unchanged part
     * as they are, and their comparison with the last build's finds the same objects.
     */
    private record Parts(int pageSize, Map<Object, Object[]> bySource, Map<String, String> linkKeys) {
    }

    /**
     * Every value of {@code digest} a page may read, with lists cut into pages of {@code pageSize};
     * the values of a part of the digest that is the very object {@code last} was made from are
     * {@code last}'s (values are functions of their part and the page size alone).
     */
    static SiteData of(Digest digest, int pageSize, SiteData last) {
        Parts before = last != null && last.parts() instanceof Parts p && p.pageSize() == pageSize ? p : null;
        Parts now = new Parts(pageSize, new IdentityHashMap<>(), new HashMap<>());
        Map<String, Object> values = new HashMap<>(4 * digest.articles().size() + 64);
        for (Article a : digest.articles()) {
            put(values, a, before, now, () -> a.date() == null ? new Object[]{article(a.slug()), a}
                    : new Object[]{article(a.slug()), a, date(a.slug()), a.date()});
        }
        digest.links().forEach((slug, links) -> {
            String key = before == null ? null : before.linkKeys().get(slug);
            key = key != null ? key : links(slug);
            now.linkKeys().put(slug, key);
            values.put(key, links);
        });
        for (Digest.TagGroup group : digest.tags()) {
            put(values, group, before, now, () -> tagValues(group, pageSize));
        }
        for (Story s : digest.stories()) {
            put(values, s, before, now, () -> new Object[]{story(s.slug()), s, storyArticles(s.slug()), slugs(s.articles())});
        }
        List<Edition> editions = digest.editions();
        for (int i = 0; i < editions.size(); i++) {
            Edition e = editions.get(i);
            values.put(edition(e.slug()), new EditionPage(e, i > 0 ? editions.get(i - 1).slug() : null,
                    i + 1 < editions.size() ? editions.get(i + 1).slug() : null));
            values.put(editionLink(e.slug()), new EditionLinkInput(e.slug(), e.start(), e.end(), e.size()));
            values.put(editionLeads(e.slug()), e.groups().stream().map(g -> g.lead().slug()).toList());
        }
        for (Digest.Month m : digest.months()) {
            put(values, m, before, now, () -> new Object[]{month(m.month()), new MonthPage(m.month(), slugs(m.articles()))});
        }
        values.put(PAGE_INDEX, new PageIndex(digest.tags().stream().map(g -> g.tag().slug()).toList(),
                editions.stream().map(Edition::slug).toList(), digest.stories().stream().map(Story::slug).toList(),
                digest.months().stream().map(Digest.Month::month).toList()));
        List<String> all = slugs(digest.articles());
        for (int chunk = 0; chunk * SearchIndex.DOCS_PER_CHUNK < all.size(); chunk++) {
            values.put(searchDocs(chunk), List.copyOf(all.subList(chunk * SearchIndex.DOCS_PER_CHUNK,
                    Math.min(all.size(), (chunk + 1) * SearchIndex.DOCS_PER_CHUNK))));
        }
        return new SiteData(values, now);
    }

    /** Puts the keys and values made from {@code source} (alternating), taken from {@code before} when it has them. */
    private static void put(Map<String, Object> values, Object source, Parts before, Parts now,
                            java.util.function.Supplier<Object[]> make) {
        Object[] made = before == null ? null : before.bySource().get(source);
        if (made == null) {
            made = make.get();
        }
        now.bySource().put(source, made);
        for (int i = 0; i < made.length; i += 2) {
            values.put((String) made[i], made[i + 1]);
        }
    }

    /** A tag's link and each page of its list. */
    private static Object[] tagValues(Digest.TagGroup group, int pageSize) {
        String slug = group.tag().slug();
        List<String> slugs = slugs(group.articles());
        int pages = pages(slugs.size(), pageSize);
        Object[] made = new Object[2 + 2 * pages];
        made[0] = tag(slug);
        made[1] = new TagLinkInput(group.tag(), group.articles().size());
        for (int n = 1; n <= pages; n++) {
            made[2 * n] = tagPage(slug, n);
            made[2 * n + 1] = new TagPage(List.copyOf(
                    slugs.subList((n - 1) * pageSize, Math.min(slugs.size(), n * pageSize))), pages);
        }
        return made;
    }

    /** How many pages a list of {@code size} items takes: at least one, even when empty. */
    static int pages(int size, int pageSize) {
        return Math.max(1, (size + pageSize - 1) / pageSize);
    }

    private static List<String> slugs(List<Article> articles) {
        return articles.stream().map(Article::slug).toList();
    }
}
