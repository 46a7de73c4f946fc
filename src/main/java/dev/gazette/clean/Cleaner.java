package dev.gazette.clean;

import dev.gazette.source.SourceFormat;
import com.vladsch.flexmark.util.ast.Document;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Optional;

/**
 * The clean stage: turns the body of any source into sanitized article HTML, plain text and
 * whatever metadata the source itself reveals. Stateless and safe to share between threads.
 */
public final class Cleaner {
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final Sanitizer curated = Sanitizer.curated();

    /**
     * The extractors of text dumps and saved pages, made when a build first meets one: loading
     * their models was a twentieth of a cold build of 1,000 Markdown articles, which never use them.
     * Both are stateless, so one of each serves every cleaner.
     */
    private static final class Dumps {
        static final TextExtractor TEXT = new TextExtractor();
    }

    private static final class Pages {
        static final HtmlExtractor HTML = new HtmlExtractor();
    }

    /**
     * @param sourceUrl the original page's URL when known, to resolve relative links; may be null
     */
    public Extraction clean(SourceFormat format, String body, String sourceUrl) {
        return switch (format) {
            case MARKDOWN -> markdown(body);
            case TEXT -> Dumps.TEXT.extract(body);
            case HTML -> Pages.HTML.extract(body, sourceUrl);
        };
    }

    /**
     * Each line of a text dump with the model's probability that it is article text and the
     * features that decided it; empty for other formats, whose blocks are read by their markup.
     */
    public Optional<List<String>> explain(SourceFormat format, String body) {
        return format == SourceFormat.TEXT ? Optional.of(Dumps.TEXT.explain(body)) : Optional.empty();
    }

    private Extraction markdown(String body) {
        Document document = markdown.parse(body);
        // Most articles are only text, lists, quotes, web links and inline tags: written safe from the tree
        // (with no lone surrogate: a text holding one takes the sanitizer's path).
        Optional<SafeMarkdownHtml.Body> direct = SafeMarkdownHtml.of(document, curated);
        if (direct.isPresent()) {
            // Its words and links as written; it writes no image.
            SafeMarkdownHtml.Body written = direct.get();
            return new Extraction(null, null, null, null, writtenIn(written.text().text()), null, null, written.html(),
                    written.text().text(), written.text().words(), written.links(), List.of());
        }
        // The rest through the sanitizer; its tree gives both the HTML and the plain text.
        Element clean = curated.cleanBody(markdown.render(document), null);
        String safe = clean.html().strip();
        PlainText.Counted plain = PlainText.of(clean);
        return Extraction.of(null, null, null, null, writtenIn(plain.text()), null, null, safe, plain.text(), plain.words());
    }

    /** What a text's opening is enough to tell its language by (some 150 words). */
    static final int LANGUAGE_SAMPLE = 1_000;

    /**
     * The language an article's text is written in ({@link Words#languageOf}), told by its opening: a curator's digest may
     * mix languages, and a piece whose front matter names none is not always in the site's.
     */
    private static String writtenIn(String text) {
        int end = Math.min(text.length(), LANGUAGE_SAMPLE);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return Words.languageOf(Words.tokens(text.substring(0, end)));
    }
}
