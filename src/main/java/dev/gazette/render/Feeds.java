package dev.gazette.render;

import dev.gazette.config.SiteConfig;
import dev.gazette.model.Article;
import dev.gazette.output.OutputSink;

import java.util.List;
import java.util.Map;

/**
 * Every feed of the site: RSS 2.0, Atom and JSON Feed for the whole digest, and RSS per tag.
 * Owns where they live, and the links pages use to announce them.
 */
public final class Feeds {
    public static final String RSS = Urls.FEED;
    public static final String ATOM = "atom.xml";
    public static final String JSON = "feed.json";
    static final String RSS_TYPE = "application/rss+xml";
    static final String ATOM_TYPE = "application/atom+xml";
    static final String JSON_TYPE = "application/feed+json";

    private final SiteConfig site;
    private final Urls urls;
    private final FeedItems items;

    /** @param tagNames display name of each tag slug */
    public Feeds(SiteConfig site, Urls urls, Map<String, String> tagNames) {
        this.site = site;
        this.urls = urls;
        this.items = new FeedItems(site, urls, tagNames);
    }

    /** Site path of a tag's RSS feed, beside the tag's page: {@code tags/<slug>/feed.xml}. */
    public static String tag(String slug) {
        return Urls.tag(slug) + RSS;
    }

    /** Writes {@code feed.xml}, {@code atom.xml} and {@code feed.json} for the newest of {@code articles}. */
    public void writeSite(List<Article> articles, OutputSink out) {
        out.write(RSS, new RssFeed(items).write(articles, site.title(), site.description(), "", RSS));
        out.write(ATOM, new AtomFeed(items).write(articles, site.title(), site.description(), "", ATOM));
        out.write(JSON, new JsonFeed(items).write(articles, site.title(), site.description(), "", JSON));
    }

    /** Writes the RSS feed of one tag's articles beside the tag's page. */
    public void writeTag(String slug, String title, String description, List<Article> articles, OutputSink out) {
        out.write(tag(slug), new RssFeed(items).write(articles, title, description, Urls.tag(slug), tag(slug)));
    }
}
