package dev.gazette.render;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
        return basePath + encode(sitePath);
    }

    public String absolute(String sitePath) {
        return baseUrl + encode(sitePath);
    }

    /**
     * A site path as it goes into a URL: slugs in other scripts ("tags/москва/") are written
     * percent-encoded as UTF-8, which feeds and sitemaps require and every server decodes back
     * to the file name; so are the spaces and the characters a URL gives a meaning ("%", "#", "?")
     * of a content file's name under media/ ("media/raw/Ferry vote_files/quay.png").
     */
    static String encode(String sitePath) {
        if (sitePath.chars().allMatch(Urls::plain)) {
            return sitePath;
        }
        StringBuilder out = new StringBuilder(sitePath.length() * 3);
        for (byte b : sitePath.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (plain(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Whether a character stands in a URL's path as it is: printable ASCII that is no delimiter and no unsafe character. */
    private static boolean plain(int c) {
        return c < PLAIN.length && PLAIN[c];
    }

    private static final boolean[] PLAIN = new boolean[0x7F];

    static {
        for (int c = 0x21; c < 0x7F; c++) {
            PLAIN[c] = "%#?\"<>\\^`{|}".indexOf(c) < 0;
        }
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

    public static String month(YearMonth month) {
        return ARCHIVE + String.format(Locale.ROOT, "%04d/%02d/", month.getYear(), month.getMonthValue());
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
    /**
     * Smaller copies of local lead images, {@code sized/<width>/<path in the content folder>}:
     * outside {@link #MEDIA}, so no content file's path can name one.
     */
    public static final String SIZED = "sized/";
    /** The widths of those copies, for a {@code srcset}: a phone's column, and a desktop's at 2x. */
    private static final int[] LEAD_WIDTHS = {480, 960};

    /**
     * The widths of the copies the build makes of the local lead image at {@code contentPath},
     * {@code width} pixels wide: those smaller than itself, for PNG and JPEG (an SVG scales by
     * itself; the JDK writes no WebP, AVIF or animated GIF).
     */
    public static List<Integer> leadWidths(String contentPath, int width) {
        if (scalableFormat(contentPath) == null) {
            return List.of();
        }
        return Arrays.stream(LEAD_WIDTHS).filter(w -> w < width).boxed().toList();
    }

    /** The ImageIO format name ("png", "jpeg") of an image the build makes smaller copies of, or null for any other. */
    public static String scalableFormat(String contentPath) {
        String name = contentPath.toLowerCase(Locale.ROOT);
        return name.endsWith(".png") ? "png" : name.endsWith(".jpg") || name.endsWith(".jpeg") ? "jpeg" : null;
    }

    /** The site path of a local lead image's copy {@code width} pixels wide. */
    public static String sized(String contentPath, int width) {
        return SIZED + width + "/" + contentPath;
    }
}
