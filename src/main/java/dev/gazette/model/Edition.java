package dev.gazette.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One issue of the digest: the articles dated from {@code start} to {@code end} inclusive,
 * grouped by story, the group with the newest article first.
 *
 * @param slug the start date as {@code YYYY-MM-DD}, which names the edition's page
 */
public record Edition(String slug, LocalDate start, LocalDate end, List<Group> groups) {
    public Edition {
        groups = List.copyOf(groups);
    }

    /** Articles of one story in this edition (one article for a story covered once); story is null then. */
    public record Group(Story story, List<Article> articles) {
        public Group {
            articles = List.copyOf(articles);
        }

        public Article lead() {
            return articles.get(0);
        }
    }

    public int size() {
        return groups.stream().mapToInt(g -> g.articles().size()).sum();
    }
}
