package dev.gazette.enrich;

import dev.gazette.model.Article;

import java.time.Instant;

/**
 * Which articles a build publishes: drafts only when asked for, and articles dated in the future
 * only when asked for (as Hugo's {@code --buildDrafts} and {@code --buildFuture}), so a piece
 * scheduled for Friday neither appears early nor becomes the home page's edition.
 *
 * @param drafts publish articles marked {@code draft: true}
 * @param future publish articles dated after {@code now}
 * @param now    the moment the build counts as "now"
 */
public record Publishing(boolean drafts, boolean future, Instant now) {
    /** The reproducible-builds variable: a build given it never depends on the clock. */
    public static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

    /** Publishing as a build started now sees it. */
    public static Publishing asOfNow(boolean drafts, boolean future) {
        return new Publishing(drafts, future, clock(System.getenv(SOURCE_DATE_EPOCH)));
    }

    /** {@code SOURCE_DATE_EPOCH} (seconds since 1970) when set and valid, else the system clock. */
    static Instant clock(String sourceDateEpoch) {
        if (sourceDateEpoch != null && sourceDateEpoch.strip().matches("\\d{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(sourceDateEpoch.strip()));
        }
        return Instant.now();
    }

    public boolean publishes(Article article) {
        return (drafts || !article.draft()) && (future || !isFuture(article));
    }

    /** Dated after now (undated articles never are). */
    public boolean isFuture(Article article) {
        return article.date() != null && article.date().toInstant().isAfter(now);
    }
}
