package dev.gazette.render;

import dev.gazette.model.Article;

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
    enum Part { PAGE_HTML, HEAD, FEED_ITEM, CARD }

    private record Key(Article article, Part part) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.article == article && k.part == part;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(article) * 31 + part.ordinal();
        }
    }

    private final Map<Key, Object> values = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    <T> T get(Article article, Part part, Supplier<T> compute) {
        Key key = new Key(article, part);
        Object value = values.get(key);
        if (value == null) {
            value = compute.get();
            values.put(key, value);
        }
        return (T) value;
    }

    @SuppressWarnings("unchecked")
    <T> T peek(Article article, Part part) {
        return (T) values.get(new Key(article, part));
    }

    void put(Article article, Part part, Object value) {
        values.put(new Key(article, part), value);
    }

    /** Forgets articles that are no longer part of the site. */
    void retain(List<Article> articles) {
        Set<Article> live = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        live.addAll(articles);
        values.keySet().removeIf(k -> !live.contains(k.article()));
    }
}
