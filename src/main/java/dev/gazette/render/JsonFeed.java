package dev.gazette.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gazette.config.SiteConfig;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * JSON Feed 1.1 written with Jackson: item {@code id} is the article's stable guid, {@code url}
 * its page here and {@code external_url} the original; dates are RFC 3339 and left out when
 * unknown. Keys are written in a fixed order with '\n' line ends, so output is reproducible.
 */
final class JsonFeed {
    static final String VERSION = "https://jsonfeed.org/version/1.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SiteConfig site;
    private final Urls urls;

    JsonFeed(SiteConfig site, Urls urls) {
        this.site = site;
        this.urls = urls;
    }

    byte[] write(List<FeedItem> items, String title, String description, String listPath, String feedPath) {
        ObjectNode feed = JSON.createObjectNode();
        feed.put("version", VERSION);
        feed.put("title", title);
        feed.put("home_page_url", urls.absolute(listPath));
        feed.put("feed_url", urls.absolute(feedPath));
        feed.put("description", description);
        feed.put("language", site.language());
        if (site.author() != null) {
            authors(feed, site.author());
        }
        ArrayNode list = feed.putArray("items");
        for (FeedItem item : items) {
            list.add(item(item));
        }
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return (JSON.writer(pretty).writeValueAsString(feed) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON Feed: " + e.getMessage(), e);
        }
    }

    private static ObjectNode item(FeedItem entry) {
        ObjectNode item = JSON.createObjectNode();
        item.put("id", entry.guid());
        item.put("url", entry.link());
        if (entry.externalUrl() != null) {
            item.put("external_url", entry.externalUrl());
        }
        item.put("title", entry.title());
        item.put("content_html", entry.html());
        if (entry.summary() != null) {
            item.put("summary", entry.summary());
        }
        if (entry.image() != null) {
            item.put("image", entry.image());
        }
        if (entry.date() != null) {
            item.put("date_published", FeedItems.rfc3339(entry.date()));
        }
        if (entry.author() != null) {
            authors(item, entry.author());
        }
        if (!entry.categories().isEmpty()) {
            ArrayNode tags = item.putArray("tags");
            entry.categories().forEach(c -> tags.add(c.label()));
        }
        item.put("language", entry.lang());
        return item;
    }

    private static void authors(ObjectNode node, String name) {
        node.putArray("authors").addObject().put("name", name);
    }
}
