package dev.gazette.render;

import dev.gazette.config.SiteConfig;

import javax.xml.stream.XMLStreamException;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * RSS 2.0 written with a real XML writer: absolute links, RFC 822 dates in English whatever
 * the machine's locale, a {@code lastBuildDate} taken from the newest item (never the clock),
 * stable non-permalink guids, the summary as {@code description} (escaped, since readers
 * render it as HTML) and the full article in
 * {@code content:encoded} with absolute URLs.
 */
final class RssFeed {
    static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
    static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    private final SiteConfig site;
    private final Urls urls;
    private final Items items;

    RssFeed(SiteConfig site, Urls urls) {
        this(site, urls, null);
    }

    /** @param items each item's XML, written once and copied into every feed that lists the item; null: written in place */
    RssFeed(SiteConfig site, Urls urls, Items items) {
        this.site = site;
        this.urls = urls;
        this.items = items;
    }

    /**
     * The XML of items, by item (the very object: a build makes one item per article): an article
     * is in the site's feed and in the feed of each of its tags, and its item, with its whole
     * body escaped, is the same text in each.
     */
    static final class Items {
        /** In UTF-8: encoded once, and half the memory of a string of curly quotes and dashes. */
        private final Map<FeedItem, byte[]> xml = Collections.synchronizedMap(new IdentityHashMap<>());

        byte[] of(FeedItem item) {
            byte[] written = xml.get(item);
            if (written == null) {
                written = XmlOut.fragment(x -> item(x, item));
                xml.put(item, written);
            }
            return written;
        }
    }

    /**
     * @param items    the entries, newest first, already cut to the feed's length
     * @param listPath site path of the HTML page the feed mirrors
     * @param feedPath site path the feed is served at, for {@code atom:link rel=self}
     */
    byte[] write(List<FeedItem> items, String title, String description, String listPath, String feedPath) {
        return XmlOut.document(x -> {
            x.start(0, "rss").attribute("version", "2.0");
            x.raw().writeNamespace("atom", ATOM_NS);
            x.raw().writeNamespace("content", CONTENT_NS);
            x.raw().writeNamespace("dc", DC_NS);
            x.start(0, "channel");
            x.element(1, "title", title);
            x.element(1, "link", urls.absolute(listPath));
            x.element(1, "description", description == null ? null : FeedItems.escape(description));
            x.element(1, "language", site.language());
            x.element(1, "generator", SiteRenderer.GENERATOR);
            ZonedDateTime lastBuild = FeedItems.newestDate(items);
            if (lastBuild != null) {
                x.element(1, "lastBuildDate", FeedItems.rfc822(lastBuild));
            }
            x.empty(1, "atom", "link", ATOM_NS).attribute("href", urls.absolute(feedPath))
                    .attribute("rel", "self").attribute("type", "application/rss+xml");
            for (FeedItem item : items) {
                if (this.items == null) {
                    item(x, item);
                } else {
                    x.xml(this.items.of(item));
                }
            }
            x.end(0).end(0);
        });
    }

    private static void item(XmlOut x, FeedItem item) throws XMLStreamException {
        x.start(1, "item");
        x.element(2, "title", item.title());
        x.element(2, "link", item.link());
        x.start(2, "guid").attribute("isPermaLink", "false").text(item.guid()).end(-1);
        if (item.date() != null) {
            x.element(2, "pubDate", FeedItems.rfc822(item.date()));
        }
        x.element(2, "dc", "creator", DC_NS, item.author());
        for (FeedItem.Category category : item.categories()) {
            x.element(2, "category", category.label());
        }
        // Readers take an RSS description as HTML: the plain-text summary is escaped for it.
        x.element(2, "description", item.summary() == null ? null : FeedItems.escape(item.summary()));
        x.element(2, "content", "encoded", CONTENT_NS, item.html());
        x.end(1);
    }
}
