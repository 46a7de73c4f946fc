package dev.gazette.render;

import dev.gazette.model.Article;
import dev.gazette.model.Same;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Per-article render work kept between builds of one preview session: the body with its links
 * resolved, the page's metadata and the feed entry. Keyed by the identity of the linked article,
 * which the link stage keeps while nothing about the article changed; valid only for one site
 * configuration and theme.
 */
public final class ArticleMemo {
    enum Part { PAGE_HTML, HEAD, FEED_ITEM, CARD, SEARCH_TERMS }

    private record Key(Same article, Part part) {
    }

    private final Map<Key, Object> values = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    <T> T get(Article article, Part part, Supplier<T> compute) {
        Key key = new Key(new Same(article), part);
        Object value = values.get(key);
        if (value == null) {
            value = compute.get();
            values.put(key, value);
        }
        return (T) value;
    }

    @SuppressWarnings("unchecked")
    <T> T peek(Article article, Part part) {
        return (T) values.get(new Key(new Same(article), part));
    }

    void put(Article article, Part part, Object value) {
        values.put(new Key(new Same(article), part), value);
    }

    /** Forgets articles that are no longer part of the site. */
    void retain(List<Article> articles) {
        Set<Same> live = new java.util.HashSet<>();
        articles.forEach(a -> live.add(new Same(a)));
        values.keySet().removeIf(k -> !live.contains(k.article()));
    }
}
