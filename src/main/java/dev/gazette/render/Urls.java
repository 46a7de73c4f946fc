package dev.gazette.render;

import java.net.URI;

/**
 * The site's URL scheme. Every page lives at a directory path ending in '/' under the base URL;
 * links inside pages are written with the base path ("/repo/articles/x/") so they work at any
 * depth, in the 404 page, and under a GitHub Pages project sub-path. Feeds, canonical and
 * Open Graph URLs are absolute.
 */
public final class Urls {
    private final URI baseUrl;
    private final String basePath;

    public Urls(URI baseUrl) {
        String text = baseUrl.toString();
        this.baseUrl = URI.create(text.endsWith("/") ? text : text + "/");
        String path = this.baseUrl.getRawPath();
        this.basePath = path == null || path.isEmpty() ? "/" : path;
    }

    /** "/" or "/repo/": the path every internal link starts with. */
    public String basePath() {
        return basePath;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** Link for a site path such as "articles/x/" or "feed.xml". */
    public String link(String sitePath) {
        return basePath + sitePath;
    }

    public String absolute(String sitePath) {
        return baseUrl + sitePath;
    }

    /** The file a site path is written to: directories get an index.html. */
    public static String file(String sitePath) {
        if (sitePath.isEmpty() || sitePath.endsWith("/")) {
            return sitePath + "index.html";
        }
        return sitePath;
    }

    public static String article(String slug) {
        return "articles/" + slug + "/";
    }

    public static String tag(String slug) {
        return "tags/" + slug + "/";
    }

    /** Page {@code n} (1-based) of a paginated list rooted at {@code first}. */
    public static String page(String first, int n) {
        return n <= 1 ? first : first + "page/" + n + "/";
    }

    public static String story(String slug) {
        return "stories/" + slug + "/";
    }

    public static String edition(String slug) {
        return EDITIONS + slug + "/";
    }

    public static String month(java.time.YearMonth month) {
        return ARCHIVE + String.format("%04d/%02d/", month.getYear(), month.getMonthValue());
    }

    public static String tagFeed(String slug) {
        return tag(slug) + FEED;
    }

    public static final String TAGS = "tags/";
    public static final String EDITIONS = "editions/";
    public static final String ARCHIVE = "archive/";
    public static final String FEED = "feed.xml";
    public static final String NOT_FOUND = "404.html";
    public static final String ASSETS = "assets/";
    public static final String SEARCH = "search/";
    /** A curated article's own images, under their path in the content folder. */
    public static final String MEDIA = "media/";
}
