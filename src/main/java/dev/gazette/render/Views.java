package dev.gazette.render;

import java.util.List;

/**
 * What templates see: plain records with every value already formatted (dates in the site's
 * time zone and language, URLs with the base path), so templates hold no logic that could
 * make output depend on the machine.
 */
public final class Views {
    private Views() {
    }

    /** Site-wide values, available to every template as {@code site}. */
    public record Site(
            String title,
            String description,
            String url,
            String basePath,
            String language,
            String author,
            String copyright,
            String homeUrl,
            String tagsUrl,
            String feedUrl,
            String feedAbsoluteUrl,
            String stylesheetUrl,
            String generator) {
    }

    /** The page being rendered, available as {@code page}. */
    public record Page(
            String title,
            String description,
            String url,
            String canonicalUrl,
            String lang,
            String kind) {
    }

    public record TagLink(String name, String url, String description, int count) {
    }

    public record ArticleCard(
            String url,
            String title,
            String summary,
            String author,
            String publication,
            String sourceUrl,
            String dateIso,
            String dateDisplay,
            int readingMinutes,
            List<TagLink> tags,
            String lang) {
    }

    /** Everything an article page shows; {@code dek} is null when the summary merely repeats the lead. */
    public record ArticleView(
            ArticleCard card,
            String dek,
            String html,
            String image,
            int wordCount) {
    }

    /** Links between the pages of a paginated list; null URLs where there is no such page. */
    public record Pagination(int page, int pages, String previousUrl, String nextUrl) {
        public boolean isPaged() {
            return pages > 1;
        }
    }
}
