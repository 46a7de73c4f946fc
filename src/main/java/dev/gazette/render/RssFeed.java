package dev.gazette.render;

import dev.gazette.config.SiteConfig;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

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

    private final SiteConfig site;
    private final Urls urls;

    public RssFeed(SiteConfig site, Urls urls) {
        this.site = site;
        this.urls = urls;
    }

    /**
     * @param items    the entries, newest first, already cut to the feed's length
     * @param listPath site path of the HTML page the feed mirrors
     * @param feedPath site path the feed is served at, for {@code atom:link rel=self}
     */
    public byte[] write(List<FeedItem> items, String title, String description, String listPath, String feedPath) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(bytes, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("rss");
            x.writeAttribute("version", "2.0");
            x.writeNamespace("atom", ATOM_NS);
            x.writeNamespace("content", CONTENT_NS);
            x.writeNamespace("dc", DC_NS);
            x.writeCharacters("\n");
            x.writeStartElement("channel");
            element(x, 1, "title", title);
            element(x, 1, "link", urls.absolute(listPath));
            element(x, 1, "description", description);
            element(x, 1, "language", site.language());
            element(x, 1, "generator", SiteRenderer.GENERATOR);
            ZonedDateTime newest = items.stream().map(FeedItem::date).filter(Objects::nonNull)
                    .max(ZonedDateTime::compareTo).orElse(null);
            if (newest != null) {
                element(x, 1, "lastBuildDate", rfc822(newest));
            }
            indent(x, 1);
            x.writeEmptyElement("atom", "link", ATOM_NS);
            x.writeAttribute("href", urls.absolute(feedPath));
            x.writeAttribute("rel", "self");
            x.writeAttribute("type", "application/rss+xml");
            for (FeedItem item : items) {
                item(x, item);
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write feed: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private void item(XMLStreamWriter x, FeedItem item) throws XMLStreamException {
        indent(x, 1);
        x.writeStartElement("item");
        element(x, 2, "title", item.title());
        element(x, 2, "link", item.link());
        indent(x, 2);
        x.writeStartElement("guid");
        x.writeAttribute("isPermaLink", "false");
        x.writeCharacters(xmlSafe(item.guid()));
        x.writeEndElement();
        if (item.date() != null) {
            element(x, 2, "pubDate", rfc822(item.date()));
        }
        if (item.author() != null) {
            indent(x, 2);
            x.writeStartElement("dc", "creator", DC_NS);
            x.writeCharacters(xmlSafe(item.author()));
            x.writeEndElement();
        }
        for (String category : item.categories()) {
            element(x, 2, "category", category);
        }
        element(x, 2, "description", item.summary());
        indent(x, 2);
        x.writeStartElement("content", "encoded", CONTENT_NS);
        x.writeCharacters(xmlSafe(item.html()));
        x.writeEndElement();
        indent(x, 1);
        x.writeEndElement();
    }

    /** RFC 822 as RSS wants it: English names and a numeric offset, never the JVM's locale. */
    static String rfc822(ZonedDateTime date) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(date);
    }

    private static void element(XMLStreamWriter x, int depth, String name, String text) throws XMLStreamException {
        if (text == null) {
            return;
        }
        indent(x, depth);
        x.writeStartElement(name);
        x.writeCharacters(xmlSafe(text));
        x.writeEndElement();
    }

    private static void indent(XMLStreamWriter x, int depth) throws XMLStreamException {
        x.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** Drops the control characters XML 1.0 forbids; a stray one would make the whole feed unreadable. */
    static String xmlSafe(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || Character.isSurrogate(c);
            if (!ok) {
                if (sb == null) {
                    sb = new StringBuilder(text.substring(0, i));
                }
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }
}
