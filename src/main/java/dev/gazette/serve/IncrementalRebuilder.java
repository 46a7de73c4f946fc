package dev.gazette.serve;

import dev.gazette.pipeline.Diagnostics;
import dev.gazette.pipeline.LocalImages;
import dev.gazette.pipeline.Pipeline;
import dev.gazette.config.SiteConfig;
import dev.gazette.config.SiteConfigLoader;
import dev.gazette.enrich.ArticleBuilder;
import dev.gazette.enrich.Publishing;
import dev.gazette.link.LinkMemo;
import dev.gazette.link.Linker;
import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import dev.gazette.model.Problem;
import dev.gazette.render.ArticleMemo;
import dev.gazette.render.PageMemo;
import dev.gazette.render.SiteRenderer;
import dev.gazette.render.Theme;
import dev.gazette.source.SourceReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A {@link Rebuilder} that keeps the previous build in memory and redoes only what changed:
 * <ul>
 *   <li>sources: each one's article (read, cleaned, enriched) and problems are kept by path and
 *       read again only when the watcher reports that path (or a folder above it) changed; the
 *       whole cache goes when {@code site.yml} changes, since every article depends on it;</li>
 *   <li>linking: redone every time, but what depends on one article alone (its tags, terms,
 *       linked body) is remembered by the {@link LinkMemo}, and on a large site the similarity
 *       index is updated for the changed articles only;</li>
 *   <li>pages: a page is rendered again only when its template or its context (the records the
 *       template sees, summed up in a key) differs from last time ({@link PageMemo}); a theme
 *       change renders all;</li>
 *   <li>files: only files whose bytes changed are written (each atomically), removed pages are
 *       deleted, into one folder that is served throughout.</li>
 * </ul>
 * Nothing is written unless the whole build succeeds, so a failed build leaves the served folder
 * as it was. The output is byte-identical to a full {@link Pipeline} build with the same options.
 */
public final class IncrementalRebuilder implements Rebuilder {
    private record Read(Optional<Article> article, List<Problem> problems) {
    }

    private final Pipeline.Options options;
    private final Path site;
    private final Path siteYml;
    private final Path contentRoot;
    private final Path templatesRoot;
    private final Map<Path, Read> sources = new ConcurrentHashMap<>();
    private final Memo memo = new Memo();
    private LinkMemo linkMemo = new LinkMemo();
    private ArticleMemo articleMemo = new ArticleMemo();
    private final Pipeline pipeline = new Pipeline(new Diagnostics());
    private List<Path> files;
    private Set<Path> keys = Set.of();
    private SiteConfig config;
    private Theme theme;
    private Map<String, byte[]> served = Map.of();

    /** @param options what to build; {@code out} is the working folder, the site goes to {@code out/site} */
    public IncrementalRebuilder(Pipeline.Options options) {
        this.options = options;
        this.site = options.out().resolve("site");
        this.contentRoot = options.content().toAbsolutePath().normalize();
        this.siteYml = contentRoot.resolve(SiteConfigLoader.FILE_NAME);
        this.templatesRoot = options.templates().toAbsolutePath().normalize();
    }

    @Override
    public Rebuild rebuild(Set<Path> changed) {
        Pipeline.Timer timer = new Pipeline.Timer();
        List<Path> paths = changed.stream().map(IncrementalRebuilder::key).toList();
        // A path the watcher spelled differently (a symbolic link on the way, macOS's /private)
        // cannot be matched to the cache: start again from scratch rather than serve stale pages.
        boolean unknown = paths.stream().anyMatch(p -> !p.startsWith(contentRoot) && !p.startsWith(templatesRoot));
        boolean configChanged = config == null || unknown || paths.stream().anyMatch(siteYml::startsWith);
        boolean themeChanged = theme == null || unknown || paths.stream().anyMatch(p -> p.startsWith(templatesRoot));
        SiteConfig newConfig = configChanged ? Pipeline.config(options) : config;
        if (configChanged) {
            sources.clear();
            linkMemo = new LinkMemo();
            articleMemo = new ArticleMemo();
            memo.clear(); // page keys leave out what the configuration decides for every page
        }
        // What changed paths held before, so an article read again unchanged stays the same object
        // and everything the link and render stages remember about it stays valid.
        Map<Path, Read> previous = new HashMap<>();
        for (Path path : paths) {
            sources.entrySet().removeIf(e -> {
                if (e.getKey().startsWith(path)) {
                    previous.put(e.getKey(), e.getValue());
                    return true;
                }
                return false;
            });
        }
        // A new, deleted or moved source (or folder) changes the list of sources; an edit does not.
        boolean listChanged = files == null || paths.stream().anyMatch(p -> p.startsWith(contentRoot)
                && !p.equals(siteYml) && (!Files.isRegularFile(p) || !keys.contains(p)));
        SourceReader reader = new SourceReader(options.content());
        if (configChanged || listChanged) {
            files = reader.discover();
            keys = files.stream().map(IncrementalRebuilder::key).collect(Collectors.toUnmodifiableSet());
            sources.keySet().retainAll(keys);
        }
        config = newConfig;
        timer.lap("config");

        AtomicInteger read = new AtomicInteger();
        ArticleBuilder builder = new ArticleBuilder(config);
        files.parallelStream().forEach(file -> sources.computeIfAbsent(key(file), k -> {
            read.incrementAndGet();
            Diagnostics problems = new Diagnostics();
            Read fresh = new Read(pipeline.article(reader, builder, file, problems), problems.sorted());
            Read before = previous.get(k);
            return fresh.equals(before) ? before : fresh;
        }));
        Diagnostics diagnostics = new Diagnostics();
        List<Article> articles = new ArrayList<>();
        Publishing publishing = Publishing.asOfNow(options.drafts(), options.future());
        for (Path file : files) {
            Read source = sources.get(key(file));
            diagnostics.reportAll(source.problems());
            source.article().filter(publishing::publishes).ifPresent(articles::add);
        }
        timer.lap("read+clean");
        diagnostics.failOnErrors();
        Digest digest = new Linker(config, linkMemo).link(articles, diagnostics);
        diagnostics.failOnErrors();
        timer.lap("link");

        if (themeChanged) {
            theme = Theme.load(options.templates());
            memo.clear();
            articleMemo = new ArticleMemo();
        }
        Map<String, byte[]> output = new ConcurrentHashMap<>();
        int before = memo.rendered();
        new SiteRenderer(config, theme, memo, articleMemo).render(digest, output::put);
        LocalImages.copy(options.content(), digest.articles(), output::put);
        memo.retain(output.keySet());
        int rendered = memo.rendered() - before;
        timer.lap("render");

        List<String> changedFiles = write(output);
        timer.lap("write");
        return new Rebuild(site, changedFiles, read.get(), digest.articles().size(), rendered, changedFiles.size(),
                timer.laps(), diagnostics.warnings());
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /** Writes the files whose bytes changed and deletes the ones that are gone; returns both, sorted. */
    private List<String> write(Map<String, byte[]> output) {
        List<String> changed = new ArrayList<>();
        output.forEach((path, bytes) -> {
            byte[] before = served.get(path);
            if (before != bytes && !Arrays.equals(before, bytes)) {
                changed.add(path);
            }
        });
        List<String> removed = served.keySet().stream().filter(path -> !output.containsKey(path)).toList();
        try {
            Files.createDirectories(site);
            for (String path : changed) {
                Path file = site.resolve(path).normalize();
                if (!file.startsWith(site)) {
                    throw new IllegalArgumentException("output path escapes the site folder: " + path);
                }
                Files.createDirectories(file.getParent());
                Path temp = file.resolveSibling(file.getFileName() + ".tmp-gazette");
                Files.write(temp, output.get(path));
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            for (String path : removed) {
                Files.deleteIfExists(site.resolve(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the preview site", e);
        }
        served = Map.copyOf(output);
        changed.addAll(removed);
        changed.sort(null);
        return changed;
    }

    /** Pages by file: the template and context they were rendered from, and their bytes. */
    private static final class Memo implements PageMemo {
        private record Page(Object key, byte[] bytes) {
        }

        private final Map<String, Page> pages = new ConcurrentHashMap<>();
        private final AtomicInteger rendered = new AtomicInteger();

        @Override
        public byte[] keyed(String path, Object key, Supplier<byte[]> render) {
            Page before = pages.get(path);
            if (before != null && before.key().equals(key)) {
                return before.bytes();
            }
            byte[] bytes = render.get();
            if (path.endsWith(".html")) {
                rendered.incrementAndGet();
            }
            pages.put(path, new Page(key, bytes));
            return bytes;
        }

        int rendered() {
            return rendered.get();
        }

        void retain(Set<String> paths) {
            pages.keySet().retainAll(paths);
        }

        void clear() {
            pages.clear();
        }
    }
}
