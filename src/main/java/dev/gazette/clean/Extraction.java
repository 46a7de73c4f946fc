package dev.gazette.clean;

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
        String text) {

    public Extraction withHtml(String newHtml) {
        return new Extraction(title, byline, date, siteName, lang, image, url, newHtml, text);
    }

    public Extraction withImage(String newImage) {
        return new Extraction(title, byline, date, siteName, lang, newImage, url, html, text);
    }

    public boolean isEmpty() {
        return text == null || text.isBlank();
    }
}
