package dev.gazette.render;

import dev.gazette.text.Slices;

import java.util.function.UnaryOperator;

/**
 * Resolves the link stage's internal references ({@code gazette:tag/<slug>},
 * {@code gazette:article/<slug>}) and the build's local images ({@code gazette:file/<path>}) in
 * article HTML into URLs of this site's scheme.
 */
final class InternalRefs {
    /** Where an internal reference starts: {@code href="gazette:(tag|article)/<slug>"}. */
    private static final String REF_START = "href=\"gazette:";
    /** A curated article's own image, by its path in the content folder (clean.Sanitizer.LOCAL_FILE). */
    static final String LOCAL_FILE = "gazette:file/";

    private InternalRefs() {
    }

    /** @param link turns a site path into the URL to write (with the base path, or absolute) */
    static String resolve(String html, UnaryOperator<String> link) {
        return links(html, link);
    }

    /** The address of an article's lead image: local ones under media/, others as they are. */
    static String image(String image, UnaryOperator<String> link) {
        return image != null && image.startsWith(LOCAL_FILE) ? link.apply(Urls.MEDIA + image.substring(LOCAL_FILE.length())) : image;
    }

    /** Each {@code src="gazette:file/<path>"} made the address of its copy under media/, the whole path encoded as a URL's. */
    private static String localFiles(String html, UnaryOperator<String> link) {
        String start = "src=\"" + LOCAL_FILE;
        StringBuilder out = new StringBuilder(html.length() + 64);
        int copied = 0;
        for (int at = html.indexOf(start); at >= 0; at = html.indexOf(start, copied)) {
            int path = at + start.length();
            int end = html.indexOf('"', path);
            if (end < 0) {
                break;
            }
            out.append(html, copied, at).append("src=\"").append(link.apply(Urls.MEDIA + html.substring(path, end))).append('"');
            copied = end + 1;
        }
        return out.append(html, copied, html.length()).toString();
    }

    private static String links(String html, UnaryOperator<String> link) {
        if (html.indexOf("gazette:") < 0) {
            return html;
        }
        if (html.contains(LOCAL_FILE)) {
            html = localFiles(html, link);
        }
        // What the pattern href="gazette:(tag|article)/([a-z0-9-]+)" finds, found with indexOf: a
        // regular expression over every body of every build costs several times more.
        StringBuilder out = null;
        int copied = 0;
        for (int at = html.indexOf(REF_START); at >= 0; at = html.indexOf(REF_START, at + 1)) {
            int kind = at + REF_START.length();
            String prefix = html.startsWith("tag/", kind) ? "tag/" : html.startsWith("article/", kind) ? "article/" : null;
            if (prefix == null) {
                continue;
            }
            int start = kind + prefix.length();
            int end = start;
            while (end < html.length() && slugChar(html.charAt(end))) {
                end++;
            }
            if (end == start || end == html.length() || html.charAt(end) != '"') {
                continue;
            }
            String slug = html.substring(start, end);
            out = Slices.append(out, html, copied, at, html.length() + 64);
            out.append("href=\"")
                    .append(link.apply(prefix.equals("tag/") ? Urls.tag(slug) : Urls.article(slug))).append('"');
            copied = end + 1;
            at = end;
        }
        return out == null ? html : out.append(html, copied, html.length()).toString();
    }

    private static boolean slugChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-';
    }
}
