package dev.gazette.clean;

import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a sanitized body refers to, as a scan of its HTML finds it: its links' targets and its
 * local images' content paths. The writer of a body may note both as it writes them
 * ({@link Extraction#links()}, {@link Extraction#images()}); these scans are for a body whose
 * writer did not, and the measure its notes are held to ({@code SafeMarkdownHtmlTest}).
 */
public final class BodyRefs {
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    /**
     * The {@code src} of an {@code <img>} tag: sanitized HTML writes {@code <} and {@code >} as
     * references in text and attribute values, so {@code <img} opens a tag and {@code >} ends it.
     * Not any {@code src="} (a text may name {@code src="gazette:file/../x"}: no file it names may be copied).
     */
    private static final Pattern LOCAL_IMAGE = Pattern.compile("<img\\b[^>]*?\\ssrc=\"" + Pattern.quote(Sanitizer.LOCAL_FILE) + "([^\"]+)\"");

    private BodyRefs() {
    }

    /** The targets of the links in sanitized HTML (whose attributes are always double-quoted), in their order. */
    public static List<String> links(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            out.add(Parser.unescapeEntities(m.group(1), true));
        }
        return out;
    }

    /**
     * The content paths of the local images ({@link Sanitizer#LOCAL_FILE}) sanitized HTML shows, in
     * their order: those of its {@code <img>} elements, which the read checked are files inside the content folder.
     */
    public static List<String> images(String html) {
        if (!html.contains(Sanitizer.LOCAL_FILE)) {
            return List.of();
        }
        List<String> paths = new ArrayList<>();
        Matcher m = LOCAL_IMAGE.matcher(html);
        while (m.find()) {
            paths.add(Parser.unescapeEntities(m.group(1), true));
        }
        return List.copyOf(paths);
    }
}
