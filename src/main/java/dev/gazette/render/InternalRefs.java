package dev.gazette.render;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the link stage's internal references ({@code gazette:tag/<slug>},
 * {@code gazette:article/<slug>}) and the build's local images ({@code gazette:file/<path>}) in
 * article HTML into URLs of this site's scheme.
 */
final class InternalRefs {
    private static final Pattern REF = Pattern.compile("href=\"gazette:(tag|article)/([a-z0-9-]+)\"");
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

    private static String links(String html, UnaryOperator<String> link) {
        if (html.indexOf("gazette:") < 0) {
            return html;
        }
        if (html.contains(LOCAL_FILE)) {
            html = html.replace("src=\"" + LOCAL_FILE, "src=\"" + link.apply(Urls.MEDIA));
        }
        Matcher m = REF.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 64);
        while (m.find()) {
            String path = m.group(1).equals("tag") ? Urls.tag(m.group(2)) : Urls.article(m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement("href=\"" + link.apply(path) + "\""));
        }
        m.appendTail(out);
        return out.toString();
    }
}
