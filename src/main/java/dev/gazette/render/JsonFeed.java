package dev.gazette.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gazette.model.Article;

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

    private final FeedItems items;

    JsonFeed(FeedItems items) {
        this.items = items;
    }

    byte[] write(List<Article> articles, String title, String description, String listPath, String feedPath) {
        ObjectNode feed = JSON.createObjectNode();
        feed.put("version", VERSION);
        feed.put("title", title);
        feed.put("home_page_url", items.urls().absolute(listPath));
        feed.put("feed_url", items.urls().absolute(feedPath));
        feed.put("description", description);
        feed.put("language", items.site().language());
        if (items.site().author() != null) {
            authors(feed, items.site().author());
        }
        ArrayNode list = feed.putArray("items");
        for (Article a : items.newest(articles)) {
            list.add(item(a));
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

    private ObjectNode item(Article a) {
        ObjectNode item = JSON.createObjectNode();
        item.put("id", a.guid());
        item.put("url", items.link(a));
        if (a.sourceUrl() != null) {
            item.put("external_url", a.sourceUrl());
        }
        item.put("title", a.title());
        item.put("content_html", items.content(a));
        if (a.summary() != null) {
            item.put("summary", a.summary());
        }
        if (a.image() != null) {
            item.put("image", a.image());
        }
        if (a.date() != null) {
            item.put("date_published", FeedItems.rfc3339(a.date()));
        }
        String creator = FeedItems.creator(a);
        if (creator != null) {
            authors(item, creator);
        }
        if (!a.tags().isEmpty()) {
            ArrayNode tags = item.putArray("tags");
            items.categories(a).forEach(tags::add);
        }
        item.put("language", a.lang());
        return item;
    }

    private static void authors(ObjectNode node, String name) {
        node.putArray("authors").addObject().put("name", name);
    }
}
