package dev.gazette.clean;

import java.util.List;

/**
 * What the cleaner found in one source. Every field but {@code html} and {@code text} may be
 * {@code null} when the source does not say.
 *
 * @param title    the headline
 * @param byline   author name(s), several joined by " and "
 * @param date     publication date as ISO 8601 ({@code 2025-02-12} or with a time and offset)
 * @param siteName the publication
 * @param lang     BCP 47 language tag
 * @param image    absolute URL of the lead image
 * @param url      canonical URL of the page, when it names one
 * @param html     the sanitized article body
 * @param text     the body as plain text, paragraphs separated by blank lines
 * @param words    the words of {@code text}, as {@link WordCount#of} counts them for reading time
 * @param links    the targets of the body's links as its writer noted them, just what
 *                 {@link BodyRefs#links} finds in {@code html}; null when not noted (scan the body)
 * @param images   the body's local images as its writer noted them, just what
 *                 {@link BodyRefs#images} finds in {@code html}; null when not noted
 */
public record Extraction(
        String title,
        String byline,
        String date,
        String siteName,
        String lang,
        String image,
        String url,
        String html,
        String text,
        int words,
        List<String> links,
        List<String> images) {

    /**
     * Half a character (a lone surrogate, from {@code &#xD800;} in a page) is no text any file
     * can hold: it becomes U+FFFD, the replacement character, rather than failing a write. The
     * long {@code html} and {@code text} are scanned by {@link #of}; {@code SafeMarkdownHtml}'s
     * body, which never holds one (it declines a text that does), is spared the scan.
     */
    public Extraction {
        title = wellFormed(title);
        byline = wellFormed(byline);
        siteName = wellFormed(siteName);
        image = wellFormed(image);
        url = wellFormed(url);
        links = links == null ? null : List.copyOf(links);
        images = images == null ? null : List.copyOf(images);
    }

    /**
     * An extraction of a body that was not written by a maker that notes what it writes: its words
     * are counted here, its links and images are not noted.
     */
    public Extraction(String title, String byline, String date, String siteName, String lang, String image, String url,
            String html, String text) {
        this(title, byline, date, siteName, lang, image, url, html, text, WordCount.of(text), null, null);
    }

    /**
     * An extraction whose {@code html} and {@code text} may hold lone surrogates: each becomes U+FFFD
     * (one character for one, so the words counted are the same); its links and images not noted.
     */
    static Extraction of(String title, String byline, String date, String siteName, String lang, String image, String url,
            String html, String text, int words) {
        return new Extraction(title, byline, date, siteName, lang, image, url, wellFormed(html), wellFormed(text), words, null, null);
    }

    static String wellFormed(String s) {
        if (s == null || !hasSurrogate(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** A plain loop: bodies are long, and a stream of chars costs a call per character. */
    private static boolean hasSurrogate(String s) {
        // Read in chunks copied out of the string: the client compiler keeps String.charAt's checks.
        char[] chunk = new char[Math.min(s.length(), 1024)];
        for (int from = 0; from < s.length(); from += chunk.length) {
            int count = Math.min(chunk.length, s.length() - from);
            s.getChars(from, from + count, chunk, 0);
            for (int i = 0; i < count; i++) {
                if (Character.isSurrogate(chunk[i])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The extraction with another body, whose links and images are not noted. */
    public Extraction withHtml(String newHtml) {
        return of(title, byline, date, siteName, lang, image, url, newHtml, text, words);
    }

    public Extraction withImage(String newImage) {
        return new Extraction(title, byline, date, siteName, lang, newImage, url, html, text, words, links, images);
    }

    public boolean isEmpty() {
        return text == null || text.isBlank();
    }
}
