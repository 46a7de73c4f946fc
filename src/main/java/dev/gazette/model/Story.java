package dev.gazette.model;

import java.util.List;

/**
 * Coverage of one event by several sources, newest first. {@code slug} names its page; the
 * title is the headline of the earliest report, which usually broke the news.
 */
public record Story(String slug, String title, List<Article> articles) {
    public Story {
        articles = List.copyOf(articles);
    }
}
