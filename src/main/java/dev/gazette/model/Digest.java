package dev.gazette.model;

import java.util.List;

/**
 * The whole linked digest, ready to render: articles newest first and each tag with its
 * articles. The contract between the link and render stages.
 */
public record Digest(List<Article> articles, List<TagGroup> tags) {
    public Digest {
        articles = List.copyOf(articles);
        tags = List.copyOf(tags);
    }

    /** A tag and the articles that carry it, newest first. */
    public record TagGroup(Tag tag, List<Article> articles) {
        public TagGroup {
            articles = List.copyOf(articles);
        }
    }
}
