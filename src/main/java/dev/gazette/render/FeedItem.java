package dev.gazette.render;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * One entry of a feed, whatever it stands for (an article or an edition), with every URL
 * absolute. All feed formats are written from these.
 *
 * @param guid        stable identity that survives slug and base URL changes
 * @param date        publication date, or null when unknown
 * @param author      who to credit, or null
 * @param html        full content with absolute URLs
 * @param externalUrl the original the entry republishes, or null
 * @param image       absolute URL of a lead image, or null
 */
public record FeedItem(
        String title,
        String link,
        String guid,
        ZonedDateTime date,
        String author,
        List<Category> categories,
        String summary,
        String html,
        String externalUrl,
        String image,
        String lang) {

    /** A tag as feeds carry it: its slug as the term, its display name as the label. */
    public record Category(String term, String label) {
    }

    public FeedItem {
        categories = List.copyOf(categories);
    }
}
