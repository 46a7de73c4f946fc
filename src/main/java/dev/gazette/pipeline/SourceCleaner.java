package dev.gazette.pipeline;

import dev.gazette.clean.Cleaner;
import dev.gazette.clean.Embeds;
import dev.gazette.clean.Extraction;
import dev.gazette.enrich.ArticleBuilder;
import dev.gazette.model.GazetteException;
import dev.gazette.model.Problem;
import dev.gazette.model.ProblemSink;
import dev.gazette.source.Source;
import dev.gazette.source.SourceFormat;
import dev.gazette.source.SourceReader;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The per-file front half of the pipeline: read one source and clean it. Shared by
 * {@code build}, {@code extract} and {@code import} so that all three see the same article.
 */
public final class SourceCleaner {
    /** A source as read, and what the cleaner found in it. */
    public record Cleaned(Source source, Extraction extraction) {
    }

    private final Cleaner cleaner = new Cleaner();

    /**
     * @return empty, with a warning in {@code problems}, for files that hold no text
     * @throws GazetteException when the file cannot be read or its front matter is broken
     */
    public Optional<Cleaned> read(SourceReader reader, Path file, ProblemSink problems) {
        return read(reader, file, reader.bytes(file), problems);
    }

    /** As {@link #read(SourceReader, Path, ProblemSink)}, from the file's bytes read before. */
    public Optional<Cleaned> read(SourceReader reader, Path file, byte[] bytes, ProblemSink problems) {
        Optional<Source> source = reader.read(file, bytes, problems);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        Source s = source.get();
        if (s.format() == SourceFormat.MARKDOWN) {
            for (Embeds.Embed embed : Embeds.inMarkdown(s.body())) {
                problems.report(Problem.warning(s.displayPath(), s.bodyLine() + embed.line(), embed.message()));
            }
        }
        // The original URL, when the curator gave it, resolves the page's relative links.
        String sourceUrl = s.frontMatter().string(s.frontMatter().firstKey(ArticleBuilder.SOURCE_URL.toArray(String[]::new)));
        try {
            Extraction found = cleaner.clean(s.format(), s.body(), ArticleBuilder.isAbsoluteHttp(sourceUrl) ? sourceUrl : null);
            return Optional.of(new Cleaned(s, LocalImages.resolve(s, reader.contentDir(), found, problems)));
        } catch (RuntimeException | StackOverflowError e) {
            // A page the cleaner cannot handle is one bad source, not a failed run: name it and go on.
            throw new GazetteException(s.displayPath(), 0, "the cleaner failed on this page (" + e + "); please report it");
        }
    }
}
