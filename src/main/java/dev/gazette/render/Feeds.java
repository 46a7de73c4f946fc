package dev.gazette.render;

import dev.gazette.config.SiteConfig;
import dev.gazette.output.OutputSink;
import dev.gazette.output.SiteData;

import java.util.List;
import java.util.function.Function;

/**
 * Every feed of the site: RSS 2.0, Atom and JSON Feed for the whole digest, RSS per tag and
 * RSS per edition.
 * Owns where they live, and the links pages use to announce them.
 */
public final class Feeds {
    public static final String RSS = Urls.FEED;
    public static final String ATOM = "atom.xml";
    public static final String JSON = "feed.json";
    public static final String EDITIONS = Urls.EDITIONS + Urls.FEED;
    static final String RSS_TYPE = "application/rss+xml";
    static final String ATOM_TYPE = "application/atom+xml";
    static final String JSON_TYPE = "application/feed+json";

    private final SiteConfig site;
    private final Urls urls;

    public Feeds(SiteConfig site, Urls urls) {
        this.site = site;
        this.urls = urls;
    }

    /** Everything one RSS feed is made from, beside the site's configuration. */
    private record Rss(List<FeedItem> items, String title, String description, String listPath, String feedPath) {
    }

    /** The site's feeds in one format: its entries, beside the site's configuration. */
    private record SiteFeed(String format, List<FeedItem> items) {
    }

    /** Site path of a tag's RSS feed, beside the tag's page: {@code tags/<slug>/feed.xml}. */
    public static String tag(String slug) {
        return Urls.tag(slug) + RSS;
    }

    /** Writes {@code feed.xml}, {@code atom.xml} and {@code feed.json} with the site's entries. */
    public void writeSite(List<FeedItem> items, OutputSink out) {
        rss(out, new Rss(items, site.title(), site.description(), "", RSS));
        out.write(ATOM, new SiteFeed(ATOM, items), f -> new AtomFeed(site, urls).write(f.items(), site.title(), site.description(), "", ATOM));
        out.write(JSON, new SiteFeed(JSON, items), f -> new JsonFeed(site, urls).write(f.items(), site.title(), site.description(), "", JSON));
    }

    /** What a tag's RSS feed shows of the site data: the tag's name and description, and its newest entries. */
    record TagEntries(String name, String description, List<FeedItems.Entry> entries) {
    }

    /**
     * Writes the RSS feed of one tag's articles beside the tag's page, made from what {@code read}
     * reads of {@code data} ({@code page}, the tag's key, first): a sink that records the keys each
     * file read skips a feed none of whose keys changed. Its items are made only when the file is.
     */
    void writeTag(String slug, SiteData data, String page, Function<SiteData.Reader, TagEntries> read,
                  FeedItems items, OutputSink out) {
        out.write(tag(slug), data, page, r -> {
                    TagEntries t = read.apply(r);
                    return new TagFeed<>(t.entries(), tagTitle(t.name()), t.description(), Urls.tag(slug), tag(slug));
                },
                f -> new RssFeed(site, urls, items.rss()).write(items.items(f.entries()), f.title(), f.description(),
                        f.listPath(), f.feedPath()));
    }

    /** Everything a tag's RSS feed is made from, beside the site's configuration: what its items are made from. */
    private record TagFeed<E>(List<E> entries, String title, String description, String listPath, String feedPath) {
    }

    /** Writes {@code editions/feed.xml}: one item per edition. */
    public void writeEditions(List<FeedItem> items, OutputSink out) {
        rss(out, new Rss(items, site.title() + ": editions", "Every edition of " + site.title() + ", one item each.",
                Urls.EDITIONS, EDITIONS));
    }

    /** The editions feed, announced on the editions page. */
    public PageMetadata.FeedLink editionsLink() {
        return new PageMetadata.FeedLink(RSS_TYPE, site.title() + ": editions", urls.absolute(EDITIONS));
    }

    private void rss(OutputSink out, Rss feed) {
        out.write(feed.feedPath(), feed, f -> new RssFeed(site, urls).write(f.items(), f.title(), f.description(), f.listPath(), f.feedPath()));
    }

    private String tagTitle(String tagName) {
        return site.title() + ": " + tagName;
    }

    /** The site-wide feeds, for {@code <link rel="alternate">} on every page. */
    public List<PageMetadata.FeedLink> siteLinks() {
        return List.of(
                new PageMetadata.FeedLink(RSS_TYPE, site.title(), urls.absolute(RSS)),
                new PageMetadata.FeedLink(ATOM_TYPE, site.title() + " (Atom)", urls.absolute(ATOM)),
                new PageMetadata.FeedLink(JSON_TYPE, site.title() + " (JSON Feed)", urls.absolute(JSON)));
    }

    /** A tag's feed, announced on the tag's pages. */
    public PageMetadata.FeedLink tagLink(String slug, String tagName) {
        return new PageMetadata.FeedLink(RSS_TYPE, tagTitle(tagName), urls.absolute(tag(slug)));
    }
}
