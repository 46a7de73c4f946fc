package dev.gazette.model;

import java.time.YearMonth;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The whole linked digest, ready to render: the contract between the link and render stages.
 *
 * @param articles every published article, newest first (undated last)
 * @param tags     each tag with its articles, by slug
 * @param stories  every story covered by more than one article, newest first
 * @param editions editions newest first; undated articles belong to none
 * @param months   the archive: months newest first
 * @param links    each article's neighbours, by article slug
 */
public record Digest(
        List<Article> articles,
        List<TagGroup> tags,
        List<Story> stories,
        List<Edition> editions,
        List<Month> months,
        Map<String, ArticleLinks> links) {

    public Digest {
        articles = List.copyOf(articles);
        tags = List.copyOf(tags);
        stories = List.copyOf(stories);
        editions = List.copyOf(editions);
        months = List.copyOf(months);
        links = links instanceof LinksBySlug ? links : Map.copyOf(links);
    }

    /**
     * Each article's links by its slug, a view of the articles and their links by position: the
     * link stage makes it without hashing every slug (a build through the cache after one edit
     * made a map of 10,000 and copied it, for a render that only walks it). Looked up by slug,
     * it makes an index once.
     */
    public static final class LinksBySlug extends AbstractMap<String, ArticleLinks> {
        private final List<Article> articles;
        private final ArticleLinks[] links;
        private volatile Map<String, ArticleLinks> index;

        /** @param links the links of {@code articles}' article at each position (articles have unique slugs) */
        public LinksBySlug(List<Article> articles, ArticleLinks[] links) {
            if (articles.size() != links.length) {
                throw new IllegalArgumentException(links.length + " links for " + articles.size() + " articles");
            }
            this.articles = List.copyOf(articles);
            this.links = links.clone();
        }

        @Override
        public int size() {
            return links.length;
        }

        @Override
        public ArticleLinks get(Object slug) {
            return index().get(slug);
        }

        @Override
        public boolean containsKey(Object slug) {
            return index().containsKey(slug);
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super ArticleLinks> action) {
            for (int k = 0; k < links.length; k++) {
                action.accept(articles.get(k).slug(), links[k]);
            }
        }

        @Override
        public Set<Entry<String, ArticleLinks>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return links.length;
                }

                @Override
                public Iterator<Entry<String, ArticleLinks>> iterator() {
                    return new Iterator<>() {
                        private int k;

                        @Override
                        public boolean hasNext() {
                            return k < links.length;
                        }

                        @Override
                        public Entry<String, ArticleLinks> next() {
                            if (k == links.length) {
                                throw new NoSuchElementException();
                            }
                            k++;
                            return Map.entry(articles.get(k - 1).slug(), links[k - 1]);
                        }
                    };
                }
            };
        }

        private Map<String, ArticleLinks> index() {
            Map<String, ArticleLinks> made = index;
            if (made == null) {
                made = new HashMap<>(links.length * 4 / 3 + 1);
                for (int k = 0; k < links.length; k++) {
                    if (made.put(articles.get(k).slug(), links[k]) != null) {
                        throw new IllegalStateException("two articles named " + articles.get(k).slug());
                    }
                }
                index = made;
            }
            return made;
        }
    }

    /** A tag and the articles that carry it, newest first. */
    public record TagGroup(Tag tag, List<Article> articles) {
        public TagGroup {
            articles = List.copyOf(articles);
        }
    }

    /** Articles of one calendar month, newest first. */
    public record Month(YearMonth month, List<Article> articles) {
        public Month {
            articles = List.copyOf(articles);
        }
    }

    /**
     * Where an article stands among the others: its most related articles (best first), its
     * story, the edition it appeared in, and its newer and older neighbours; slugs or null.
     */
    public record ArticleLinks(List<String> related, String story, String edition, String newer, String older) {
        public ArticleLinks {
            related = List.copyOf(related);
        }
    }

    public List<Article> undated() {
        return articles.stream().filter(a -> !a.hasDate()).toList();
    }
}
