package dev.gazette.model;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * One published piece of the digest after cleaning and enrichment: everything later stages
 * need, and nothing about how it was read.
 *
 * @param sourceFile  the source's path as the user knows it, for messages
 * @param slug        URL-safe name, unique across the site
 * @param title       headline
 * @param summary     plain text, at most about 300 characters
 * @param bodyHtml    the sanitized article body ({@link #html()} as a string)
 * @param bodyText    the body as plain text, paragraphs separated by blank lines ({@link #text()} as a string);
 *                    both are {@link LongText}s, decoded only when read
 * @param author      byline of the original piece, or {@code null}
 * @param publication name of the original outlet, or {@code null}
 * @param sourceUrl   absolute URL of the original, or {@code null}
 * @param date        publication date in the site's time zone, or {@code null} when unknown
 * @param lang        BCP 47 language tag of the article
 * @param image       absolute URL of a lead image, or {@code null}
 * @param tags        canonical tag slugs chosen by the curator, in their order
 * @param story       story key set by the curator to group coverage by hand, or {@code null}
 * @param linkTags    whether the first mention of a tagged entity in the body links to its tag page
 * @param draft       drafts are built only with {@code --drafts}
 * @param wordCount   words in the body
 * @param guid        stable identity for feeds: the source URL, or a hash of the content
 * @param sourcePath  the source's path inside the content folder, '/'-separated: the same however
 *                    the folder was named on the command line, so names derived from it are stable
 * @param origin      where the piece was first published, as the curator or the page says
 * @param imageWidth  the lead image's width in pixels, 0 when unknown
 * @param imageHeight the lead image's height in pixels, 0 when unknown
 * @param links       the targets of the body's links as the cleaner's writer noted them (what a
 *                    scan of {@code bodyHtml} for them finds), or {@code null} when not noted
 * @param images      the content paths of the body's local images as noted, or {@code null}
 */
public record Article(
        String sourceFile,
        String slug,
        String title,
        String summary,
        LongText bodyHtml,
        LongText bodyText,
        String author,
        String publication,
        String sourceUrl,
        ZonedDateTime date,
        String lang,
        String image,
        List<String> tags,
        String story,
        boolean linkTags,
        boolean draft,
        int wordCount,
        String guid,
        String sourcePath,
        Origin origin,
        int imageWidth,
        int imageHeight,
        List<String> links,
        List<String> images) {

    /** Words per minute of an attentive reader of news prose. */
    private static final int WORDS_PER_MINUTE = 230;

    public Article {
        tags = List.copyOf(tags);
        links = links == null ? null : List.copyOf(links);
        images = images == null ? null : List.copyOf(images);
    }

    /** An article made from its body and text as strings. */
    public Article(String sourceFile, String slug, String title, String summary, String html, String text, String author,
                   String publication, String sourceUrl, ZonedDateTime date, String lang, String image, List<String> tags,
                   String story, boolean linkTags, boolean draft, int wordCount, String guid, String sourcePath, Origin origin,
                   int imageWidth, int imageHeight) {
        this(sourceFile, slug, title, summary, LongText.of(html), LongText.of(text), author, publication, sourceUrl, date,
                lang, image, tags, story, linkTags, draft, wordCount, guid, sourcePath, origin, imageWidth, imageHeight, null, null);
    }

    /** The sanitized body, decoded when first read. */
    public String html() {
        return bodyHtml.value();
    }

    /** The body as plain text, decoded when first read. */
    public String text() {
        return bodyText.value();
    }

    /** An article whose lead image's size is not known. */
    public Article(String sourceFile, String slug, String title, String summary, String html, String text, String author,
                   String publication, String sourceUrl, ZonedDateTime date, String lang, String image, List<String> tags,
                   String story, boolean linkTags, boolean draft, int wordCount, String guid, String sourcePath, Origin origin) {
        this(sourceFile, slug, title, summary, LongText.of(html), LongText.of(text), author, publication, sourceUrl, date,
                lang, image, tags, story, linkTags, draft, wordCount, guid, sourcePath, origin, 0, 0, null, null);
    }

    /** Whether the lead image's width and height are known. */
    public boolean hasImageSize() {
        return imageWidth > 0 && imageHeight > 0;
    }

    public Article withImageSize(int width, int height) {
        return new Article(sourceFile, slug, title, summary, bodyHtml, bodyText, author, publication, sourceUrl,
                date, lang, image, tags, story, linkTags, draft, wordCount, guid, sourcePath, origin, width, height, links, images);
    }

    public boolean hasDate() {
        return date != null;
    }

    /** Whole minutes, at least one. */
    public int readingMinutes() {
        return readingMinutes(wordCount);
    }

    /** Whole minutes to read {@code words} words, at least one. */
    public static int readingMinutes(int words) {
        return Math.max(1, (words + WORDS_PER_MINUTE / 2) / WORDS_PER_MINUTE);
    }

    public Article withTags(List<String> newTags) {
        return new Article(sourceFile, slug, title, summary, bodyHtml, bodyText, author, publication, sourceUrl,
                date, lang, image, newTags, story, linkTags, draft, wordCount, guid, sourcePath, origin, imageWidth, imageHeight,
                links, images);
    }

    public Article withSlug(String newSlug) {
        return new Article(sourceFile, newSlug, title, summary, bodyHtml, bodyText, author, publication, sourceUrl,
                date, lang, image, tags, story, linkTags, draft, wordCount, guid, sourcePath, origin, imageWidth, imageHeight,
                links, images);
    }

    public Article withHtml(String newHtml) {
        return withHtml(LongText.of(newHtml));
    }

    /** The article with another body, whose links and images are not noted. */
    public Article withHtml(LongText newHtml) {
        return withHtml(newHtml, null);
    }

    /**
     * The article with its body's in-body links made ({@code linkedHtml}): a link added, or one's
     * target rewritten, changes its links but not its images, which stay as noted.
     */
    public Article withLinkedHtml(LongText linkedHtml) {
        return withHtml(linkedHtml, images);
    }

    private Article withHtml(LongText newHtml, List<String> newImages) {
        return new Article(sourceFile, slug, title, summary, newHtml, bodyText, author, publication, sourceUrl,
                date, lang, image, tags, story, linkTags, draft, wordCount, guid, sourcePath, origin, imageWidth, imageHeight,
                null, newImages);
    }
}
