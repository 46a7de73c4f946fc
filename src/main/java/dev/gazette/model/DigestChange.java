package dev.gazette.model;

import java.time.YearMonth;
import java.util.Set;

/**
 * What of a digest may differ from the digest the link stage's state was made with before it was
 * brought up to date (the last build's digest): every part this does not name, under the same
 * key, is equal to that digest's. Made by the link stage's update, which knows by position which
 * articles and lists it kept; the render takes the last build's fingerprints of what pages read
 * of the other parts instead of fingerprinting them again. A part that is new counts as changed;
 * a part that is gone need not be named (its keys are missing now).
 *
 * @param articles    slugs of the articles that may differ (their value, date included)
 * @param links       slugs of the articles whose neighbours ({@link Digest.ArticleLinks}) may differ
 * @param tags        slugs of the tags whose group (the tag, its articles in order) may differ
 * @param stories     slugs of the stories that may differ
 * @param editions    slugs of the editions that may differ
 * @param editionsMoved whether the editions' first days are not the last digest's (so any edition's neighbours may differ)
 * @param months      months whose articles may differ
 * @param movedFrom   the first position in {@link Digest#articles} whose article's slug may differ from
 *                    the last digest's at that position (or whose position is new or gone)
 * @param movedTo     just past the last such position; {@code movedFrom == movedTo} when there is none
 */
public record DigestChange(Set<String> articles, Set<String> links, Set<String> tags, Set<String> stories,
                           Set<String> editions, boolean editionsMoved, Set<YearMonth> months, int movedFrom, int movedTo) {
    public DigestChange {
        articles = Set.copyOf(articles);
        links = Set.copyOf(links);
        tags = Set.copyOf(tags);
        stories = Set.copyOf(stories);
        editions = Set.copyOf(editions);
        months = Set.copyOf(months);
    }
}
