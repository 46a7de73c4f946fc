package dev.gazette.pipeline;

import dev.gazette.clean.Cleaner;
import dev.gazette.clean.Embeds;
import dev.gazette.clean.Extraction;
import dev.gazette.clean.TooDeepException;
import dev.gazette.enrich.ArticleBuilder;
import dev.gazette.model.GazetteException;
import dev.gazette.model.Problem;
import dev.gazette.model.ProblemSink;
import dev.gazette.source.Source;
import dev.gazette.source.SourceFormat;
import dev.gazette.source.SourceReader;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The per-file front half of the pipeline: read one source and clean it. Shared by
 * {@code build}, {@code extract} and {@code import} so that all three see the same article.
 */
public final class SourceCleaner {
    /** A source as read, and what the cleaner found in it. */
    public record Cleaned(Source source, Extraction extraction) {
    }

    /** Reserved address space, touched only as deep as a source needs. */
    private static final long DEEP_STACK_BYTES = 512L << 20;

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
        String url = ArticleBuilder.isAbsoluteHttp(sourceUrl) ? sourceUrl : null;
        try {
            Extraction found = cleanDeep(s, url);
            return Optional.of(new Cleaned(s, LocalImages.resolve(s, reader.contentDir(), found, problems)));
        } catch (GazetteException e) {
            throw e;
        } catch (TooDeepException e) {
            throw new GazetteException(s.displayPath(), e.line() > 0 ? s.bodyLine() + e.line() - 1 : 0, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // A page the cleaner cannot handle is one bad source, not a failed run: name it and go on.
            throw new GazetteException(s.displayPath(), 0, "the cleaner failed on this page (" + e + "); please report it");
        }
    }

    /**
     * Cleans on the calling thread, and when the libraries' recursive parsers run out of stack
     * (a link title of thousands of characters in flexmark's regular expressions), once more on
     * a thread with a stack large enough for any source within the size limit.
     */
    private Extraction cleanDeep(Source s, String url) {
        try {
            return cleaner.clean(s.format(), s.body(), url);
        } catch (StackOverflowError e) {
            AtomicReference<Object> result = new AtomicReference<>();
            Thread deep = new Thread(null, () -> {
                try {
                    result.set(cleaner.clean(s.format(), s.body(), url));
                } catch (RuntimeException | StackOverflowError failure) {
                    result.set(failure);
                }
            }, "gazette-deep-clean", DEEP_STACK_BYTES);
            deep.start();
            try {
                deep.join();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while cleaning " + s.displayPath(), interrupted);
            }
            if (result.get() instanceof Extraction found) {
                return found;
            }
            if (result.get() instanceof StackOverflowError) {
                throw new GazetteException(s.displayPath(), 0, "nested too deeply or with too long a construct to read, "
                        + "even with a " + (DEEP_STACK_BYTES >> 20) + " MB stack");
            }
            throw (RuntimeException) result.get();
        }
    }
}
