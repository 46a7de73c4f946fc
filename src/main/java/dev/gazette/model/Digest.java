package dev.gazette.model;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

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
        links = Map.copyOf(links);
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
