package dev.gazette.render;

import dev.gazette.config.SiteConfig;
import dev.gazette.model.Article;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What every feed format takes from a list of articles: the newest N, absolute links, the body
 * with every URL made absolute, tag display names, and dates in the formats feeds require —
 * all derived from content, never from the clock or the machine's locale.
 */
final class FeedItems {
    private static final DateTimeFormatter RFC_3339 =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

    private final SiteConfig site;
    private final Urls urls;
    private final Map<String, String> tagNames;

    FeedItems(SiteConfig site, Urls urls, Map<String, String> tagNames) {
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

    /** The first {@code feed_items} of {@code articles}, which are already newest first. */
    List<Article> newest(List<Article> articles) {
        return articles.stream().limit(site.feedItems()).toList();
    }

    /** Absolute URL of the article's page on this site. */
    String link(Article a) {
        return urls.absolute(Urls.article(a.slug()));
    }

    /** The article body with every href, src and srcset absolute, as feed readers need. */
    String content(Article a) {
        return AbsoluteUrls.rewrite(a.html(), link(a));
    }

    /** Who to credit as the item's creator: the author, else the original publication, else null. */
    static String creator(Article a) {
        return a.author() != null ? a.author() : a.publication();
    }

    /** Display names of the article's tags, in the article's order. */
    List<String> categories(Article a) {
        return a.tags().stream().map(t -> tagNames.getOrDefault(t, t)).toList();
    }

    /** The newest date among {@code items}, or null when none is dated. */
    static ZonedDateTime newestDate(List<Article> items) {
        return items.stream().map(Article::date).filter(Objects::nonNull).max(ZonedDateTime::compareTo).orElse(null);
    }

    /** RFC 822 as RSS wants it: English names and a numeric offset, never the JVM's locale. */
    static String rfc822(ZonedDateTime date) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(date);
    }

    /** RFC 3339 with seconds and an offset ({@code 2025-02-17T09:30:00Z}), as Atom and JSON Feed want it. */
    static String rfc3339(ZonedDateTime date) {
        return RFC_3339.format(date);
    }
}
