package dev.gazette.render;

import java.util.List;
import java.util.Locale;
import java.util.Set;

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
            String editionsUrl,
            String tagsUrl,
            String archiveUrl,
            String feedUrl,
            String feedAbsoluteUrl,
            String stylesheetUrl,
            String assetsUrl,
            String searchUrl,
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
        /** "rtl" for a page in a language written right to left (the theme sets {@code dir} on it), else null. */
        public String dir() {
            return direction(lang);
        }
    }

    /** Languages written right to left, by primary subtag: Arabic, Hebrew, Persian, Urdu, Pashto, Sindhi, Uyghur, Yiddish, Dhivehi, Sorani, Syriac. */
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "he", "iw", "fa", "ur", "ps", "sd", "ug", "yi",
            "dv", "ckb", "syr");

    /** "rtl" for a language written right to left, else null. */
    static String direction(String lang) {
        String primary = lang == null ? "" : lang.toLowerCase(Locale.ROOT).split("[-_]")[0];
        return RIGHT_TO_LEFT.contains(primary) ? "rtl" : null;
    }

    public record TagLink(String name, String url, String description, int count) {
    }

    /**
     * An article as lists and its own page show it. {@code origin} says what the page may credit:
     * {@code digest} (written for this digest), {@code outlet} (named by the curator), {@code page}
     * (named by the page, or only its URL's host) or {@code unrecorded}; {@code sourceName} is the
     * outlet's name, else the host of the original's URL, else null; {@code lang} is the
     * article's language where it is not the site's (the theme marks the card with it), else null.
     */
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
            String lang,
            String origin,
            String sourceName,
            Picture image) {
        /** "rtl" for an article in a language written right to left, else null. */
        public String dir() {
            return direction(lang);
        }
    }

    /**
     * A lead image as pages show it: its address, its size in pixels when known (0 otherwise: the
     * theme then reserves a 16:9 box, so nothing moves when it loads), and a {@code srcset} of
     * the build's smaller copies for a local image (empty for remote ones: they are never fetched).
     */
    public record Picture(String src, int width, int height, String srcset) {
        public boolean sized() {
            return width > 0 && height > 0;
        }

        /** The address: a theme written when the lead image was a plain URL ({@code src="{{ card.image }}"}) still works. */
        @Override
        public String toString() {
            return src;
        }
    }

    /** Another outlet's report of the same story: its publication (or title) and page. */
    public record Coverage(String label, String url) {
    }

    /** Everything an article page shows; {@code dek} is null when the summary merely repeats the lead. */
    public record ArticleView(
            ArticleCard card,
            String dek,
            String html,
            Picture image,
            int wordCount,
            List<Coverage> alsoCoveredBy,
            String storyUrl,
            List<ArticleCard> related,
            ArticleCard newer,
            ArticleCard older,
            EditionLink edition) {
    }

    /** One story as an edition shows it: the newest report, then the others. */
    public record Group(ArticleCard lead, List<Coverage> alsoCoveredBy, String storyUrl) {
    }

    /** How to point at an edition: its page, its dates and its size. */
    public record EditionLink(String url, String startDisplay, String endDisplay, boolean weekly, int articles) {
    }

    public record EditionView(EditionLink link, List<Group> groups, EditionLink newer, EditionLink older) {
    }

    /** A story page: every source's coverage, newest first. */
    public record StoryView(String title, List<ArticleCard> coverage) {
    }

    public record MonthLink(String url, String title, int count) {
    }

    /** An entry of the topic index: the tag and its newest article. */
    public record TagSummary(TagLink tag, ArticleCard latest) {
    }

    /** An entry of the archive or the editions index: where it is, and the first few headlines in it. */
    public record Summary<L>(L link, List<ArticleCard> headlines) {
    }

    /** Links between the pages of a paginated list; null URLs where there is no such page. */
    public record Pagination(int page, int pages, String previousUrl, String nextUrl) {
        public boolean isPaged() {
            return pages > 1;
        }
    }
}
