package dev.gazette.render;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * One entry of a feed, whatever it stands for (an article or an edition), with absolute URLs.
 *
 * @param guid stable identity that survives slug and base URL changes
 * @param date publication date, or null when unknown
 * @param html full content with absolute URLs
 */
public record FeedItem(
        String title,
        String link,
        String guid,
        ZonedDateTime date,
        String author,
        List<String> categories,
        String summary,
        String html) {

    public FeedItem {
        categories = List.copyOf(categories);
    }
}
