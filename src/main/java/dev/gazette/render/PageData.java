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
        Map<String, Object> values = new HashMap<>(4 * digest.articles().size() + 64);
        for (Article a : digest.articles()) {
            values.put(article(a.slug()), a);
        }
        digest.links().forEach((slug, links) -> values.put(links(slug), links));
        for (Digest.TagGroup group : digest.tags()) {
            String slug = group.tag().slug();
            values.put(tag(slug), new TagLinkInput(group.tag(), group.articles().size()));
            List<String> slugs = slugs(group.articles());
            int pages = pages(slugs.size(), pageSize);
            for (int n = 1; n <= pages; n++) {
                values.put(tagPage(slug, n), new TagPage(List.copyOf(
                        slugs.subList((n - 1) * pageSize, Math.min(slugs.size(), n * pageSize))), pages));
            }
        }
        for (Story s : digest.stories()) {
            values.put(story(s.slug()), s);
        }
        List<Edition> editions = digest.editions();
        for (int i = 0; i < editions.size(); i++) {
            Edition e = editions.get(i);
            values.put(edition(e.slug()), new EditionPage(e, i > 0 ? editions.get(i - 1).slug() : null,
                    i + 1 < editions.size() ? editions.get(i + 1).slug() : null));
            values.put(editionLink(e.slug()), new EditionLinkInput(e.slug(), e.start(), e.end(), e.size()));
        }
        for (Digest.Month m : digest.months()) {
            values.put(month(m.month()), new MonthPage(m.month(), slugs(m.articles())));
        }
        List<String> all = slugs(digest.articles());
        for (int chunk = 0; chunk * SearchIndex.DOCS_PER_CHUNK < all.size(); chunk++) {
            values.put(searchDocs(chunk), List.copyOf(all.subList(chunk * SearchIndex.DOCS_PER_CHUNK,
                    Math.min(all.size(), (chunk + 1) * SearchIndex.DOCS_PER_CHUNK))));
        }
        return new SiteData(values);
    }

    /** How many pages a list of {@code size} items takes: at least one, even when empty. */
    static int pages(int size, int pageSize) {
        return Math.max(1, (size + pageSize - 1) / pageSize);
    }

    private static List<String> slugs(List<Article> articles) {
        return articles.stream().map(Article::slug).toList();
    }
}
