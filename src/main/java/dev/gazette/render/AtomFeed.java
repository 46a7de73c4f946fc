package dev.gazette.render;

import dev.gazette.config.SiteConfig;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Atom 1.0 (RFC 4287) written with StAX. Entry ids are the articles' stable guids (the source
 * URL or a {@code urn:}), so they survive slug and domain changes. Atom requires {@code updated}
 * everywhere; an undated entry takes the feed's, which is the newest article's date — derived
 * from content, never from the clock.
 */
final class AtomFeed {
    static final String NS = "http://www.w3.org/2005/Atom";
    /** {@code updated} of a feed in which no article has a date: fixed, so builds stay reproducible. */
    static final ZonedDateTime NO_DATE = ZonedDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final SiteConfig site;
    private final Urls urls;

    AtomFeed(SiteConfig site, Urls urls) {
        this.site = site;
        this.urls = urls;
    }

    /**
     * @param listPath site path of the HTML page the feed mirrors
     * @param feedPath site path the feed is served at
     */
    byte[] write(List<FeedItem> items, String title, String subtitle, String listPath, String feedPath) {
        ZonedDateTime newestDate = FeedItems.newestDate(items);
        String updated = FeedItems.rfc3339(newestDate != null ? newestDate : NO_DATE);
        String author = site.author() != null ? site.author() : site.title();
        return XmlOut.document(x -> {
            x.raw().setDefaultNamespace(NS);
            x.start(0, "feed");
            x.raw().writeDefaultNamespace(NS);
            x.raw().writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", site.language());
            x.element(1, "id", urls.absolute(feedPath));
            x.element(1, "title", title);
            x.element(1, "subtitle", subtitle);
            x.element(1, "updated", updated);
            link(x, 1, "self", "application/atom+xml", urls.absolute(feedPath));
            link(x, 1, "alternate", "text/html", urls.absolute(listPath));
            x.start(1, "author").element(2, "name", author).end(1);
            x.element(1, "generator", SiteRenderer.GENERATOR);
            for (FeedItem item : items) {
                entry(x, item, updated);
            }
            x.end(0);
        });
    }

    private static void entry(XmlOut x, FeedItem item, String feedUpdated) throws XMLStreamException {
        x.start(1, "entry");
        x.element(2, "id", item.guid());
        x.element(2, "title", item.title());
        link(x, 2, "alternate", "text/html", item.link());
        if (item.externalUrl() != null) {
            link(x, 2, "via", "text/html", item.externalUrl());
        }
        if (item.date() != null) {
            x.element(2, "published", FeedItems.rfc3339(item.date()));
        }
        x.element(2, "updated", item.date() != null ? FeedItems.rfc3339(item.date()) : feedUpdated);
        if (item.author() != null) {
            x.start(2, "author").element(3, "name", item.author()).end(2);
        }
        for (FeedItem.Category category : item.categories()) {
            x.empty(2, "category").attribute("term", category.term()).attribute("label", category.label());
        }
        x.element(2, "summary", item.summary());
        x.start(2, "content").attribute("type", "html").text(item.html()).end(-1);
        x.end(1);
    }

    private static void link(XmlOut x, int depth, String rel, String type, String href) throws XMLStreamException {
        x.empty(depth, "link").attribute("rel", rel).attribute("type", type).attribute("href", href);
    }
}
