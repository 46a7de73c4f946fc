package dev.gazette.render;

import dev.gazette.config.SiteConfig;
import dev.gazette.model.Article;

import javax.xml.stream.XMLStreamException;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * RSS 2.0 written with a real XML writer: absolute links, RFC 822 dates in English whatever
 * the machine's locale, a {@code lastBuildDate} taken from the newest item (never the clock),
 * stable non-permalink guids, the summary as {@code description} and the full article in
 * {@code content:encoded} with absolute URLs.
 */
public final class RssFeed {
    static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
    static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    private final FeedItems items;

    /** @param tagNames display name of each tag slug, for {@code category} elements */
    public RssFeed(SiteConfig site, Urls urls, Map<String, String> tagNames) {
        this(new FeedItems(site, urls, tagNames));
    }

    RssFeed(FeedItems items) {
        this.items = items;
    }

    /** The feed of the newest articles of {@code articles} (already newest first). */
    public byte[] write(List<Article> articles) {
        SiteConfig site = items.site();
        return write(articles, site.title(), site.description(), "", Urls.FEED);
    }

    /**
     * @param listPath site path of the HTML page the feed mirrors
     * @param feedPath site path the feed is served at, for {@code atom:link rel=self}
     */
    public byte[] write(List<Article> articles, String title, String description, String listPath, String feedPath) {
        List<Article> newest = items.newest(articles);
        return XmlOut.document(x -> {
            x.start(0, "rss").attribute("version", "2.0");
            x.raw().writeNamespace("atom", ATOM_NS);
            x.raw().writeNamespace("content", CONTENT_NS);
            x.raw().writeNamespace("dc", DC_NS);
            x.start(0, "channel");
            x.element(1, "title", title);
            x.element(1, "link", items.urls().absolute(listPath));
            x.element(1, "description", description);
            x.element(1, "language", items.site().language());
            x.element(1, "generator", SiteRenderer.GENERATOR);
            ZonedDateTime lastBuild = FeedItems.newestDate(newest);
            if (lastBuild != null) {
                x.element(1, "lastBuildDate", FeedItems.rfc822(lastBuild));
            }
            x.empty(1, "atom", "link", ATOM_NS).attribute("href", items.urls().absolute(feedPath))
                    .attribute("rel", "self").attribute("type", "application/rss+xml");
            for (Article a : newest) {
                item(x, a);
            }
            x.end(0).end(0);
        });
    }

    private void item(XmlOut x, Article a) throws XMLStreamException {
        x.start(1, "item");
        x.element(2, "title", a.title());
        x.element(2, "link", items.link(a));
        x.start(2, "guid").attribute("isPermaLink", "false").text(a.guid()).end(-1);
        if (a.date() != null) {
            x.element(2, "pubDate", FeedItems.rfc822(a.date()));
        }
        x.element(2, "dc", "creator", DC_NS, FeedItems.creator(a));
        for (String category : items.categories(a)) {
            x.element(2, "category", category);
        }
        x.element(2, "description", a.summary());
        x.element(2, "content", "encoded", CONTENT_NS, items.content(a));
        x.end(1);
    }
}
