package dev.gazette.pipeline;

import dev.gazette.config.SiteConfig;
import dev.gazette.config.SiteConfigLoader;
import dev.gazette.enrich.ArticleBuilder;
import dev.gazette.enrich.Publishing;
import dev.gazette.link.Linker;
import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import dev.gazette.model.GazetteException;
import dev.gazette.model.Problem;
import dev.gazette.output.OutputSink;
import dev.gazette.output.SiteWriter;
import dev.gazette.render.SiteRenderer;
import dev.gazette.render.Theme;
import dev.gazette.source.SourceReader;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wires the stages: config → source → clean → enrich → link → render → output. Per-article
 * stages run in parallel; site-wide ones run once. Holds no logic of its own beyond order,
 * error collection and timing.
 */
public final class Pipeline {

    /**
     * @param baseUrl overrides {@code site.yml}'s base URL when not null
     * @param future  also publish articles dated after the build's "now" ({@link Publishing})
     */
    public record Options(Path content, Path templates, Path out, URI baseUrl, boolean drafts, boolean future) {
        /** Future-dated articles held back. */
        public Options(Path content, Path templates, Path out, URI baseUrl, boolean drafts) {
            this(content, templates, out, baseUrl, drafts, false);
        }
    }

    /**
     * What a build did, for the console.
     *
     * @param heldBack the sources of future-dated articles not published
     */
    public record Result(int articles, int files, List<String> heldBack, Map<String, Long> millis) {
        public Result {
            heldBack = List.copyOf(heldBack);
        }
    }

    private final Diagnostics diagnostics;
    private final Progress progress;
    private final SourceCleaner cleaner = new SourceCleaner();

    public Pipeline(Diagnostics diagnostics) {
        this(diagnostics, new Progress());
    }

    /** @param progress moved forward as the build goes, for a console's progress line */
    public Pipeline(Diagnostics diagnostics, Progress progress) {
        this.diagnostics = diagnostics;
        this.progress = progress;
    }

    public Result build(Options options) {
        Timer timer = new Timer();
        SiteConfig site = config(options);
        timer.lap("config");
        List<Article> read = articles(options.content(), site, options.drafts(), timer);
        Publishing publishing = Publishing.asOfNow(options.drafts(), options.future());
        List<Article> articles = read.stream().filter(publishing::publishes).toList();
        progress.start("linking", articles.size());
        Digest digest = new Linker(site).link(articles, diagnostics);
        timer.lap("link");
        diagnostics.failOnErrors();
        SiteRenderer renderer = new SiteRenderer(site, Theme.load(options.templates()));
        AtomicInteger files = new AtomicInteger();
        try (SiteWriter writer = SiteWriter.open(options.out())) {
            progress.start("rendering", 0);
            OutputSink counting = (path, bytes) -> {
                files.incrementAndGet();
                progress.advance();
                writer.write(path, bytes);
            };
            renderer.render(digest, counting);
            LocalImages.copy(options.content(), digest.articles(), counting);
            timer.lap("render");
            progress.start("writing", files.get());
            writer.commit();
            timer.lap("write");
        }
        List<String> heldBack = read.stream().filter(a -> !publishing.publishes(a)).map(Article::sourceFile).toList();
        return new Result(digest.articles().size(), files.get(), heldBack, timer.laps());
    }

    /** Reads site.yml and applies command-line overrides. */
    public static SiteConfig config(Options options) {
        SiteConfig site = SiteConfigLoader.load(options.content());
        return options.baseUrl() == null ? site : site.withBaseUrl(options.baseUrl());
    }

    /**
     * Reads, cleans and enriches every source in parallel; problems go to the diagnostics and
     * the build stops after this stage if any source had an error, so all are reported at once.
     */
    public List<Article> articles(Path content, SiteConfig site, boolean drafts, Timer timer) {
        SourceReader reader = new SourceReader(content);
        List<Path> files = reader.discover();
        ArticleBuilder builder = new ArticleBuilder(site);
        progress.start("reading", files.size());
        List<Article> articles = files.parallelStream()
                .map(file -> {
                    Optional<Article> article = article(reader, builder, file, diagnostics);
                    progress.advance();
                    return article;
                })
                .flatMap(Optional::stream)
                .filter(a -> drafts || !a.draft())
                .toList();
        timer.lap("read+clean");
        diagnostics.failOnErrors();
        return articles;
    }

    /**
     * Reads, cleans and enriches one source; its problems go to {@code diagnostics}. Public so a
     * rebuilder can redo only the sources that changed.
     */
    public Optional<Article> article(SourceReader reader, ArticleBuilder builder, Path file, Diagnostics diagnostics) {
        try {
            Optional<SourceCleaner.Cleaned> cleaned = cleaner.read(reader, file, diagnostics);
            if (cleaned.isEmpty()) {
                return Optional.empty();
            }
            return builder.build(cleaned.get().source(), cleaned.get().extraction(), diagnostics);
        } catch (GazetteException e) {
            diagnostics.reportAll(e.problems().isEmpty()
                    ? List.of(Problem.error(file.toString(), 0, e.getMessage())) : e.problems());
            return Optional.empty();
        }
    }

    /** Wall-clock time per stage, for the build report (never written into the site). */
    public static final class Timer {
        private final Map<String, Long> laps = new LinkedHashMap<>();
        private long last = System.nanoTime();

        public void lap(String stage) {
            long now = System.nanoTime();
            laps.merge(stage, (now - last) / 1_000_000, Long::sum);
            last = now;
        }

        public Map<String, Long> laps() {
            return laps;
        }
    }
}
