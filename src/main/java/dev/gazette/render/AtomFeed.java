package dev.gazette.render;

import dev.gazette.model.Article;

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

    private final FeedItems items;

    AtomFeed(FeedItems items) {
        this.items = items;
    }

    /**
     * @param listPath site path of the HTML page the feed mirrors
     * @param feedPath site path the feed is served at
     */
    byte[] write(List<Article> articles, String title, String subtitle, String listPath, String feedPath) {
        List<Article> newest = items.newest(articles);
        ZonedDateTime newestDate = FeedItems.newestDate(newest);
        String updated = FeedItems.rfc3339(newestDate != null ? newestDate : NO_DATE);
        String author = items.site().author() != null ? items.site().author() : items.site().title();
        return XmlOut.document(x -> {
            x.raw().setDefaultNamespace(NS);
            x.start(0, "feed");
            x.raw().writeDefaultNamespace(NS);
            x.raw().writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", items.site().language());
            x.element(1, "id", items.urls().absolute(feedPath));
            x.element(1, "title", title);
            x.element(1, "subtitle", subtitle);
            x.element(1, "updated", updated);
            link(x, 1, "self", "application/atom+xml", items.urls().absolute(feedPath));
            link(x, 1, "alternate", "text/html", items.urls().absolute(listPath));
            x.start(1, "author").element(2, "name", author).end(1);
            x.element(1, "generator", SiteRenderer.GENERATOR);
            for (Article a : newest) {
                entry(x, a, updated);
            }
            x.end(0);
        });
    }

    private void entry(XmlOut x, Article a, String feedUpdated) throws XMLStreamException {
        x.start(1, "entry");
        x.element(2, "id", a.guid());
        x.element(2, "title", a.title());
        link(x, 2, "alternate", "text/html", items.link(a));
        if (a.sourceUrl() != null) {
            link(x, 2, "via", "text/html", a.sourceUrl());
        }
        if (a.date() != null) {
            x.element(2, "published", FeedItems.rfc3339(a.date()));
        }
        x.element(2, "updated", a.date() != null ? FeedItems.rfc3339(a.date()) : feedUpdated);
        String creator = FeedItems.creator(a);
        if (creator != null) {
            x.start(2, "author").element(3, "name", creator).end(2);
        }
        List<String> names = items.categories(a);
        for (int i = 0; i < names.size(); i++) {
            x.empty(2, "category").attribute("term", a.tags().get(i)).attribute("label", names.get(i));
        }
        x.element(2, "summary", a.summary());
        x.start(2, "content").attribute("type", "html").text(items.content(a)).end(-1);
        x.end(1);
    }

    private static void link(XmlOut x, int depth, String rel, String type, String href) throws XMLStreamException {
        x.empty(depth, "link").attribute("rel", rel).attribute("type", type).attribute("href", href);
    }
}
