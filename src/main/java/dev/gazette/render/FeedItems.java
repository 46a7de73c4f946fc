package dev.gazette.render;

import dev.gazette.config.SiteConfig;
import dev.gazette.model.Article;
import dev.gazette.model.LongText;
import dev.gazette.model.Edition;
import dev.gazette.model.Step;
import dev.gazette.model.Steps;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What every feed format takes from the digest: the newest entries, absolute links, bodies with
 * every URL absolute, tag display names, and dates in the formats feeds require, all derived
 * from content, never from the clock or the machine's locale.
 */
final class FeedItems {
    private static final DateTimeFormatter RFC_3339 =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

    private final SiteConfig site;
    private final Urls urls;
    private final Map<String, String> tagNames;

    private final Steps steps;
    private final Map<String, FeedItem> items = new ConcurrentHashMap<>();
    private final RssFeed.Items rss = new RssFeed.Items();
    /** An article's body for feeds: internal references resolved and every URL absolute, which takes a parse. */
    private final Step<FeedBody, String> feedHtml;
    /** An edition's item in the editions' feed. */
    private final Step<EditionEntry, FeedItem> editionItem = new Step<>("render.edition-item", this::editionItem);

    /** What an article's feed body is made from, beside the base URL. */
    record FeedBody(LongText html, String slug) {
    }

    FeedItems(SiteConfig site, Urls urls, Map<String, String> tagNames, Steps steps) {
        this.steps = steps;
        AbsoluteUrls.Resolutions resolutions = new AbsoluteUrls.Resolutions();
        this.feedHtml = new Step<>("render.feed-html", b -> AbsoluteUrls.rewrite(
                InternalRefs.resolve(b.html().value(), urls::absolute), urls.absolute(Urls.article(b.slug())), resolutions));
        this.site = site;
        this.urls = urls;
        this.tagNames = tagNames;
    }

    SiteConfig site() {
        return site;
    }

    Urls urls() {
        return urls;
    }

    /** The RSS XML of the items made here, each written once. */
    RssFeed.Items rss() {
        return rss;
    }

    /**
     * Everything an article's item is made from, beside the configuration: cheap to make, so a
     * feed is recognised as unchanged by its entries without the parse its items' bodies take.
     */
    record Entry(Article article, List<FeedItem.Category> categories) {
    }

    /** The first {@code feed_items} of {@code articles}, which are already newest first. */
    List<FeedItem> articles(List<Article> articles) {
        return items(entries(articles));
    }

    /** The entries of the first {@code feed_items} of {@code articles}. */
    List<Entry> entries(List<Article> articles) {
        return entries(articles, t -> tagNames.getOrDefault(t, t));
    }

    /** The entries of the first {@code feed_items} of {@code articles}, their tags named by {@code tagName} (by slug). */
    List<Entry> entries(List<Article> articles, Function<String, String> tagName) {
        return articles.stream().limit(site.feedItems()).map(a -> new Entry(a, a.tags().stream()
                .map(t -> new FeedItem.Category(t, tagName.apply(t))).toList())).toList();
    }

    /**
     * The entries' items. An article is in the site's feed and in each of its tags' feeds: its
     * item (its body takes a parse) is made once per build, by slug, which is unique in a digest.
     */
    List<FeedItem> items(List<Entry> entries) {
        return entries.stream().map(e -> items.computeIfAbsent(e.article().slug(), slug -> item(e))).toList();
    }

    private FeedItem item(Entry e) {
        Article a = e.article();
        String link = urls.absolute(Urls.article(a.slug()));
        String html = steps.run(feedHtml, new FeedBody(a.bodyHtml(), a.slug()));
        String image = a.image() == null ? null : AbsoluteUrls.resolve(link, a.image());
        return new FeedItem(a.title(), link, a.guid(), a.date(), creator(a), e.categories(), a.summary(), html,
                a.sourceUrl(), image, a.lang());
    }

    /** What an edition's item is made from, beside the configuration: the edition and its title. */
    record EditionEntry(Edition edition, String title) {
    }

    /** One item per edition, newest first: its headlines with links and summaries. */
    List<FeedItem> editions(List<Edition> editions, Function<Edition, String> title) {
        // A step, though cheap: an unchanged edition's item is then the very object of the last build.
        return editions.stream().limit(site.feedItems()).map(e -> steps.run(editionItem, new EditionEntry(e, title.apply(e))))
                .toList();
    }

    private FeedItem editionItem(EditionEntry entry) {
        Edition e = entry.edition();
        StringBuilder html = new StringBuilder("<ul>\n");
        List<String> headlines = new ArrayList<>();
        for (Edition.Group g : e.groups()) {
            Article lead = g.lead();
            headlines.add(lead.title());
            html.append("<li><a href=\"").append(escape(urls.absolute(Urls.article(lead.slug())))).append("\">")
                    .append(escape(lead.title())).append("</a>");
            if (lead.summary() != null && !lead.summary().isBlank()) {
                html.append(" — ").append(escape(lead.summary()));
            }
            html.append("</li>\n");
        }
        html.append("</ul>");
        ZonedDateTime newest = e.groups().stream().flatMap(g -> g.articles().stream()).map(Article::date)
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        return new FeedItem(site.title() + ": " + entry.title(), urls.absolute(Urls.edition(e.slug())),
                "urn:gazette:edition:" + e.slug(), newest, site.author(), List.of(),
                String.join(" · ", headlines), html.toString(), null, null, site.language());
    }

    /** Articles and editions in one list, newest first, cut to the feed's length. */
    List<FeedItem> merged(List<FeedItem> first, List<FeedItem> second) {
        List<FeedItem> items = new ArrayList<>(first);
        items.addAll(second);
        items.sort(Comparator.comparing(FeedItem::date, Comparator.nullsLast(Comparator.<ZonedDateTime>reverseOrder()))
                .thenComparing(FeedItem::guid));
        return items.stream().limit(site.feedItems()).toList();
    }

    /** Who to credit as the item's creator: the author, else the original publication, else null. */
    static String creator(Article a) {
        return a.author() != null ? a.author() : a.publication();
    }

    /** The newest date among {@code items}, or null when none is dated. */
    static ZonedDateTime newestDate(List<FeedItem> items) {
        return items.stream().map(FeedItem::date).filter(Objects::nonNull).max(ZonedDateTime::compareTo).orElse(null);
    }

    /** RFC 822 as RSS wants it: English names and a numeric offset, never the JVM's locale. */
    static String rfc822(ZonedDateTime date) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(date);
    }

    /** RFC 3339 with seconds and an offset ({@code 2025-02-17T09:30:00Z}), as Atom and JSON Feed want it. */
    static String rfc3339(ZonedDateTime date) {
        return RFC_3339.format(date);
    }

    /** Plain text made safe to stand as HTML. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
