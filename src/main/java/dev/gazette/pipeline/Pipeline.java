package dev.gazette.pipeline;

import dev.gazette.config.SiteConfig;
import dev.gazette.config.SiteConfigLoader;
import dev.gazette.enrich.ArticleBuilder;
import dev.gazette.enrich.Publishing;
import dev.gazette.incremental.BuildCache;
import dev.gazette.incremental.BuildMemory;
import dev.gazette.incremental.Fingerprint;
import dev.gazette.incremental.Fingerprints;
import dev.gazette.incremental.LastBuild;
import dev.gazette.link.Linker;
import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import dev.gazette.concurrent.Futures;
import dev.gazette.model.GazetteException;
import dev.gazette.model.Problem;
import dev.gazette.model.Step;
import dev.gazette.model.Steps;
import dev.gazette.output.OutputSink;
import dev.gazette.output.SiteUpdater;
import dev.gazette.output.SiteWriter;
import dev.gazette.render.SiteRenderer;
import dev.gazette.render.Theme;
import dev.gazette.source.SourceReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Wires the stages: config → source → clean → enrich → link → render → output. Per-article
 * stages run in parallel; site-wide ones run once. Holds no logic of its own beyond order,
 * error collection, timing, and the choice of how the output is written.
 *
 * <p>A build either starts from nothing, or runs its steps through a {@link BuildMemory} that
 * reuses what earlier builds made from equal inputs; both give the same bytes.
 */
public final class Pipeline {
    /** More changed sources than this, and a build with a memory writes a whole new site instead of updating it in place. */
    public static final int IN_PLACE_UP_TO = 2_000;

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
     * @param files        files in the site built
     * @param sourcesRead  sources read and cleaned (not reused)
     * @param pagesMade    pages (HTML files) rendered through a template, not reused
     * @param changedFiles site paths written or deleted by a build with a memory (every file when it wrote a new site); else empty
     * @param heldBack     the sources of future-dated articles not published
     */
    public record Result(int articles, int files, int sourcesRead, int pagesMade, List<String> changedFiles,
                         List<String> heldBack, Map<String, Long> millis) {
        public Result {
            heldBack = List.copyOf(heldBack);
        }
    }

    /**
     * One source read from its bytes, and the fingerprint of the content folder's other files
     * (their names, sizes and times): a source's local images are looked up among them.
     */
    record SourceFile(String display, String relative, byte[] bytes, Fingerprint assets) {
    }

    /** What a source became: its article (none for a skipped or broken source) and its problems. */
    record Read(Optional<Article> article, List<Problem> problems) {
    }

    private final Diagnostics diagnostics;
    private final Progress progress;
    /** Made when the first source is cleaned (its models take a while to load): a build that reads none never makes it. */
    private SourceCleaner cleaner;
    private final int inPlaceUpTo;
    private final int updateUpTo;
    /** The moment a build counts as "now" ({@link Publishing}): the system's clock, or {@code SOURCE_DATE_EPOCH}. */
    private final Supplier<Instant> clock;

    public Pipeline(Diagnostics diagnostics) {
        this(diagnostics, new Progress());
    }

    /** @param progress moved forward as the build goes, for a console's progress line */
    public Pipeline(Diagnostics diagnostics, Progress progress) {
        this(diagnostics, progress, IN_PLACE_UP_TO);
    }

    /** @param inPlaceUpTo how many changed sources a build with a memory still updates in place (tests set it to reach each path) */
    public Pipeline(Diagnostics diagnostics, int inPlaceUpTo) {
        this(diagnostics, new Progress(), inPlaceUpTo, BuildMemory.UPDATE_UP_TO);
    }

    /**
     * @param inPlaceUpTo see {@link #Pipeline(Diagnostics, int)}
     * @param updateUpTo  how many changed articles a build through the build cache updates its saved
     *                    site-wide states with one by one (tests set it to 0 and the maximum to reach each path)
     */
    public Pipeline(Diagnostics diagnostics, int inPlaceUpTo, int updateUpTo) {
        this(diagnostics, new Progress(), inPlaceUpTo, updateUpTo);
    }

    private Pipeline(Diagnostics diagnostics, Progress progress, int inPlaceUpTo) {
        this(diagnostics, progress, inPlaceUpTo, BuildMemory.UPDATE_UP_TO);
    }

    private Pipeline(Diagnostics diagnostics, Progress progress, int inPlaceUpTo, int updateUpTo) {
        this(diagnostics, progress, inPlaceUpTo, updateUpTo, () -> Publishing.asOfNow(false, false).now());
    }

    private Pipeline(Diagnostics diagnostics, Progress progress, int inPlaceUpTo, int updateUpTo, Supplier<Instant> clock) {
        this.diagnostics = diagnostics;
        this.progress = progress;
        this.inPlaceUpTo = inPlaceUpTo;
        this.updateUpTo = updateUpTo;
        this.clock = clock;
    }

    /** This pipeline with builds that count {@code clock}'s moment as "now" (tests move time with it). */
    public Pipeline withClock(Supplier<Instant> clock) {
        return new Pipeline(diagnostics, progress, inPlaceUpTo, updateUpTo, clock);
    }

    /** A build from nothing into a new {@code out} folder, swapped in when it succeeded. */
    public Result build(Options options) {
        Timer timer = new Timer();
        checkApart(options);
        SiteConfig site = config(options);
        timer.lap("config");
        AtomicInteger read = new AtomicInteger();
        Linked linked = link(options, site, new Linker(site), Steps.DIRECT, null, null, null, read, timer);
        Digest digest = linked.result().digest();
        Theme theme = Theme.load(options.templates());
        diagnostics.reportAll(theme.warnings());
        SiteRenderer renderer = new SiteRenderer(site, theme);
        Set<String> written = ConcurrentHashMap.newKeySet();
        progress.start("rendering", 0);
        writeNewSite(options, renderer, linked.result(), Steps.DIRECT, sink -> recording(sink, written), written, timer);
        return new Result(digest.articles().size(), written.size(), read.get(), written.size(), List.of(),
                linked.heldBack(), timer.laps());
    }

    /**
     * Renders the site and copies the local images its articles use. The images (a scan of every
     * body) are found beside the render rather than after it: they read the digest alone, and the
     * render begins with work on one thread (its site data), so in a preview save they cost no wait.
     */
    private static void renderWithImages(SiteRenderer renderer, Linker.Result linked, Path content, OutputSink sink,
                                         Steps steps) {
        Digest digest = linked.digest();
        CompletableFuture<Void> images = CompletableFuture.runAsync(
                () -> LocalImages.copy(content, digest.articles(), sink, steps));
        try {
            renderer.render(digest, linked.change(), sink);
        } catch (RuntimeException | Error e) {
            images.exceptionally(x -> null).join();   // done writing before the caller abandons the site
            throw e;
        }
        Futures.joined(images);
    }

    /**
     * Renders the whole site into a new folder beside {@code out}, swapped in when it succeeded;
     * {@code wrap} puts the build's recording (and a memory's, when there is one) around the writer.
     */
    private void writeNewSite(Options options, SiteRenderer renderer, Linker.Result linked, Steps steps,
            UnaryOperator<OutputSink> wrap, Set<String> written, Timer timer) {
        try (SiteWriter writer = SiteWriter.open(options.out())) {
            OutputSink sink = wrap.apply(writer);
            renderWithImages(renderer, linked, options.content(), sink, steps);
            timer.lap("render");
            progress.start("writing", written.size());
            writer.commit();
            timer.lap("write");
        }
    }

    /**
     * A build that reuses what {@code memory} recorded and records what it makes. When the
     * memory's files are the ones in {@code out} (the site its last build wrote, by the time of
     * the site's marker) and few sources changed, only the files whose bytes changed are written
     * and the ones that are gone deleted; otherwise a whole new site is swapped in. After a
     * failed build {@code out} and the memory's record of it are unchanged.
     */
    public Result build(Options options, BuildMemory memory) {
        return build(options, memory, null);
    }

    /**
     * As {@link #build(Options, BuildMemory)}, told which files changed since the memory's last
     * build (by a file watcher, for the preview): the content folder is not listed again, nor
     * are the other sources' files looked at, unless a change may be more than sources edited,
     * added or deleted. {@code changed} null means unknown: every source is looked at.
     */
    public Result build(Options options, BuildMemory memory, Collection<Path> changedFiles) {
        return made(options, memory, changedFiles, null, null, null).result();
    }

    /** A build's result, and the moment it counted as "now" with the earliest date of the articles it held back (null when none). */
    private record Built(Result result, Instant now, Instant nextHeldBack) {
    }

    /**
     * @param listed  the content folder as this build is listing it already; null: listed by the build
     * @param setting the configuration and environment as this build is reading them already; null: read by the build
     * @param untouched whether the site is as the memory's last build left it, as this build is looking already; null:
     *                  looked at by the build when it needs to know
     */
    private Built made(Options options, BuildMemory memory, Collection<Path> changedFiles,
                       CompletableFuture<Walked> listed, CompletableFuture<Setting> setting, CompletableFuture<Boolean> untouched) {
        Timer timer = new Timer();
        checkApart(options);
        Setting given = setting == null ? setting(options) : Futures.joined(setting);
        SiteConfig site = given.site();
        memory.start(given.environment());
        try {
            // The last build's link state is decoded on a thread of its own from here on, beside the
            // theme's load and the sources: the link stage waited for it when it began with the sources.
            Linker linker = new Linker(site, memory.steps());
            linker.readAhead();
            // The theme is made from the environment alone: a memory that outlives builds keeps it,
            // with the templates it compiled, until the environment changes.
            Theme theme = memory.ofEnvironment("theme", () -> Theme.load(options.templates()));
            // What a template's {% cache %} tag kept belongs to the last build: each build starts without it.
            theme.engine().getTagCache().invalidateAll();
            diagnostics.reportAll(theme.warnings());
            timer.lap("config");
            AtomicInteger read = new AtomicInteger();
            Linked linked = link(options, site, linker, memory.steps(), memory, changedFiles, listed, read, timer);
            Digest digest = linked.result().digest();
            SiteRenderer renderer = new SiteRenderer(site, theme, memory.steps());
            // Tens of MB decoded beside the render's first pages, not on its way.
            renderer.readAhead();
            Path out = options.out().toAbsolutePath().normalize();
            // Updating in place holds the changed files in memory until the build succeeded: a new
            // environment or many changed sources make many files, which a new site writes as they come.
            // A caller told what changed (the preview) watches the sources and owns its output folder:
            // its site's files are not looked at one by one in every rebuild.
            boolean update = memory.filesAt(place(out)) && read.get() <= inPlaceUpTo
                    && (changedFiles != null || (untouched != null ? Futures.joined(untouched) : intact(out, memory.fileSizes())));
            Set<String> written = ConcurrentHashMap.newKeySet();
            List<String> changed;
            progress.start("rendering", 0);
            if (update) {
                SiteUpdater updater = new SiteUpdater(out);
                OutputSink sink = memory.files(recording(updater, written), true);
                renderWithImages(renderer, linked.result(), options.content(), sink, memory.steps());
                timer.lap("render");
                changed = updater.commit(memory.removedFiles());
                timer.lap("write");
            } else {
                writeNewSite(options, renderer, linked.result(), memory.steps(),
                        sink -> memory.files(recording(sink, written), false), written, timer);
                changed = written.stream().sorted().toList();
            }
            memory.finish();
            memory.filesNowAt(place(out));
            return new Built(new Result(digest.articles().size(), memory.fileCount(), read.get(), memory.filesMade(),
                    changed, linked.heldBack(), timer.laps()), linked.now(), linked.nextHeldBack());
        } catch (RuntimeException e) {
            memory.abandon();
            throw e;
        }
    }

    /**
     * A build through the build cache in {@code cacheFolder}: reuses what the last build
     * recorded there, then saves what this one made (when anything changed). A cache that
     * cannot be saved is a warning: it costs the next build its speed, not this one its result.
     * When nothing the last build was made from changed, its result is reported again and
     * nothing else is done (see {@link #sameAsLastBuild}).
     */
    public Result build(Options options, Path cacheFolder) {
        long start = System.nanoTime();
        // Listed while the index is read (the two use a core each): the check for "nothing changed" and the build need it.
        CompletableFuture<Walked> walking = ahead("gazette-walk", () -> walk(new SourceReader(options.content())));
        // Read and hashed beside the index too: the theme's bytes go through MD5 before its code is compiled.
        CompletableFuture<Setting> setting = ahead("gazette-setting", () -> setting(options));
        // And what a changed article's link steps set up (seconds of class set-up, tens of ms), ahead of a build's need.
        ahead("gazette-prepare", () -> {
            Linker.prepare(Futures.joined(setting).site().language());
            return null;
        });
        try (BuildCache.Loaded loaded = BuildCache.load(cacheFolder, updateUpTo)) {
            if (loaded.damaged()) {
                diagnostics.report(Problem.warning(cacheFolder.toString(), 0, loaded.ignored() + ": building without it"));
            }
            long loading = (System.nanoTime() - start) / 1_000_000;
            // What this build reports is recorded for the next one (the cache's own warnings are not).
            Set<Problem> before = new HashSet<>(diagnostics.sorted());
            // Whether the site is as the last build left it: a stat of each of its files, looked at beside the rest.
            Path out = options.out().toAbsolutePath().normalize();
            CompletableFuture<Boolean> untouched = loaded.memory().filesAt(place(out))
                    ? intactAhead(out, loaded.memory().fileSizes()) : CompletableFuture.completedFuture(false);
            Result same = sinceLastBuild(options, loaded.memory(), walking, setting, untouched);
            if (same != null) {
                Map<String, Long> millis = new LinkedHashMap<>(same.millis());
                millis.put("cache", loading);
                return new Result(same.articles(), same.files(), 0, 0, List.of(), same.heldBack(), millis);
            }
            Built built = made(options, loaded.memory(), null, walking, setting, untouched);
            Result result = built.result();
            loaded.memory().reported(new LastBuild(inputs(options), millisUp(built.now()),
                    built.nextHeldBack() == null ? Long.MAX_VALUE : built.nextHeldBack().toEpochMilli(), result.articles(),
                    result.heldBack(), diagnostics.sorted().stream().filter(p -> !before.contains(p)).toList()));
            if (loaded.memory().damagedOutputs() > 0) {
                diagnostics.report(Problem.warning(cacheFolder.toString(), 0, "the build cache had "
                        + loaded.memory().damagedOutputs() + " damaged entries: made again"));
            }
            start = System.nanoTime();
            try {
                if (loaded.memory().changed()) {
                    BuildCache.save(loaded, cacheFolder);
                }
            } catch (IOException | RuntimeException e) {
                diagnostics.report(Problem.warning(cacheFolder.toString(), 0, "cannot save the build cache: " + e.getMessage()));
            }
            Map<String, Long> millis = new LinkedHashMap<>(result.millis());
            millis.put("cache", loading + (System.nanoTime() - start) / 1_000_000);
            return new Result(result.articles(), result.files(), result.sourcesRead(), result.pagesMade(),
                    result.changedFiles(), result.heldBack(), millis);
        }
    }

    /**
     * The content folder as a build walked it ({@link SourceReader#list}), the fingerprint of its
     * other files, and when the walk began (ns since the epoch): the sizes and times it gave
     * were looked at no earlier than that.
     */
    private record Walked(SourceReader.Listed listed, Fingerprint assets, long at, List<Problem> problems) {
    }

    /** Walks the content folder; its problems (links to folders) are the build's to report. */
    private static Walked walk(SourceReader reader) {
        long at = System.currentTimeMillis() * 1_000_000;
        Diagnostics problems = new Diagnostics();
        SourceReader.Listed listed = reader.list(problems);
        return new Walked(listed, assets(listed.others()), at, problems.sorted());
    }

    /** The site's configuration, and the fingerprint of the environment it makes with the options. */
    private record Setting(SiteConfig site, Fingerprint environment) {
    }

    private static Setting setting(Options options) {
        SiteConfig site = config(options);
        return new Setting(site, environment(options, site));
    }

    /** Runs {@code work} on a thread of its own; what it throws is thrown where the result is joined. */
    private static <T> CompletableFuture<T> ahead(String name, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /**
     * The result of the last build {@code memory} recorded, its warnings reported again, when
     * nothing that build was made from changed: the same environment and request, a clock that
     * publishes the same articles, the site as that build left it (by the time of its marker and
     * every file's size, as an update in place trusts it), the content folder's other files as
     * they were, no source added or gone, and every source as it was read (size and time, as
     * {@link BuildMemory#source} trusts them). Null when anything may have changed, or when every
     * build writes a new site: then the build runs, reusing what it can. Nothing is decoded,
     * linked or rendered, so it costs the listing, a look at each file and the cache's index.
     */
    private Result sinceLastBuild(Options options, BuildMemory memory, CompletableFuture<Walked> walking,
                                  CompletableFuture<Setting> setting, CompletableFuture<Boolean> untouched) {
        LastBuild last = memory.lastBuild();
        if (last == null || inPlaceUpTo < 0 || !last.inputs().equals(inputs(options))
                || !last.publishesTheSameAt(clock.get().toEpochMilli())) {
            return null;
        }
        Timer timer = new Timer();
        checkApart(options);
        Path out = options.out().toAbsolutePath().normalize();
        if (!memory.isIn(Futures.joined(setting).environment()) || !memory.filesAt(place(out))) {
            return null;
        }
        // Its problems are the last build's when nothing changed, else the build's, which uses this walk.
        Walked walked = Futures.joined(walking);   // what the walk threw is thrown here
        SourceReader.Listed listed = walked.listed();
        if (listed.sources().size() != memory.sourceCount()) {
            return null;
        }
        boolean same = IntStream.range(0, listed.sources().size()).parallel().allMatch(i -> {
            long size = listed.sizes()[i];
            long modified = listed.modified()[i];
            if (size < 0) {
                try {
                    BasicFileAttributes stat = Files.readAttributes(listed.sources().get(i), BasicFileAttributes.class);
                    size = stat.size();
                    modified = stat.lastModifiedTime().to(TimeUnit.NANOSECONDS);
                } catch (IOException e) {
                    return false;
                }
            }
            return memory.sourceAsRead(listed.names().get(i), size, modified, walked.assets());
        });
        if (!same || !Futures.joined(untouched)) {
            return null;
        }
        diagnostics.reportAll(last.problems());
        timer.lap("unchanged");
        return new Result(last.articles(), memory.fileCount(), 0, 0, List.of(), last.heldBack(), timer.laps());
    }

    /** What a build is asked for beyond its environment: the folders as given, the base URL, and what it publishes. */
    private static Fingerprint inputs(Options options) {
        return new Fingerprints().of(Arrays.asList(String.valueOf(options.content()),
                String.valueOf(options.templates()), String.valueOf(options.out()), String.valueOf(options.baseUrl()),
                options.drafts(), options.future()));
    }

    /** {@code t} in ms since the epoch, rounded up: a clock at that ms or later is not before {@code t}. */
    private static long millisUp(Instant t) {
        return Math.addExact(t.toEpochMilli(), t.getNano() % 1_000_000 == 0 ? 0 : 1);
    }

    /** The build cache's folder for a content folder: beside it, so one cache serves one site. */
    public static Path cacheFolder(Path content) {
        Path parent = content.toAbsolutePath().normalize().getParent();
        return (parent == null ? content.toAbsolutePath() : parent).resolve(BuildCache.FOLDER);
    }

    /**
     * Everything every output depends on beside the content: Gazette's code, the configuration,
     * the theme's files and the options. A memory from another environment is not used.
     */
    private static Fingerprint environment(Options options, SiteConfig site) {
        Path templates = options.templates() == null ? null : options.templates().toAbsolutePath().normalize();
        return Fingerprints.environment(templates, BuildCache.code(), site.toString(), options.drafts(),
                templates == null || !Files.isDirectory(templates) ? "embedded theme" : templates.toString());
    }

    /** {@link #intact} on a thread of its own. */
    private static CompletableFuture<Boolean> intactAhead(Path out, Map<String, Long> sizes) {
        return ahead("gazette-intact", () -> intact(out, sizes));
    }

    /** Whether every file the last build wrote is still in {@code out} with its size ({@code sizes}): nobody touched the site. */
    private static boolean intact(Path out, Map<String, Long> sizes) {
        return sizes.entrySet().parallelStream().allMatch(e -> {
            try {
                return Files.size(out.resolve(e.getKey())) == e.getValue();
            } catch (IOException x) {
                return false;
            }
        });
    }

    /** Where a site is, and which build wrote it (the time of its marker). */
    private static String place(Path out) {
        try {
            return out + "@" + Files.getLastModifiedTime(out.resolve(SiteWriter.MARKER)).to(TimeUnit.NANOSECONDS);
        } catch (IOException e) {
            return out + "@none";
        }
    }

    /** Passes files on to {@code target}, noting their paths in {@code written} and moving the progress on. */
    private OutputSink recording(OutputSink target, Set<String> written) {
        return (path, bytes) -> {
            written.add(path);
            progress.advance();
            target.write(path, bytes);
        };
    }

    /**
     * The linked digest (with what of it changed since the last build's), the sources of the
     * articles held back (future-dated), the moment the build counted as "now", and the earliest
     * date of the articles held back (null when none was).
     */
    private record Linked(Linker.Result result, List<String> heldBack, Instant now, Instant nextHeldBack) {
    }

    /**
     * Reads, cleans and links. The articles as read are garbage once this returns: only the
     * digest's linked ones (with their in-body links) are kept while the site is rendered.
     */
    private Linked link(Options options, SiteConfig site, Linker linker, Steps steps, BuildMemory memory,
                        Collection<Path> changed, CompletableFuture<Walked> listed, AtomicInteger read, Timer timer) {
        List<Article> all = articles(options, site, steps, memory, changed, listed, read, timer);
        Publishing publishing = new Publishing(options.drafts(), options.future(), clock.get());
        // Kept between builds by a memory: a save decides only for the articles it changed.
        PublishedArticles published = steps.update(PublishedArticles.step(publishing), all);
        List<Article> articles = published.published();
        progress.start("linking", articles.size());
        Linker.Result linked = linker.linked(articles, diagnostics);
        timer.lap("link");
        diagnostics.failOnErrors();
        List<Article> heldBack = published.heldBack();
        Instant next = published.next();
        return new Linked(linked, heldBack.stream().map(Article::sourceFile).toList(), publishing.now(), next);
    }

    /** The output folder may neither hold nor sit inside what the build reads. */
    private static void checkApart(Options options) {
        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put("content", options.content());
        if (options.templates() != null && Files.isDirectory(options.templates())) {
            inputs.put("templates", options.templates());
        }
        SiteWriter.checkApart(options.out(), inputs);
    }

    /** Reads site.yml and applies command-line overrides. */
    public static SiteConfig config(Options options) {
        SiteConfig site = SiteConfigLoader.load(options.content());
        return options.baseUrl() == null ? site : site.withBaseUrl(options.baseUrl());
    }

    /** Every published article of the content folder, read, cleaned and enriched, for commands that need no site. */
    public List<Article> articles(Path content, SiteConfig site, boolean drafts, Timer timer) {
        return articles(new Options(content, null, null, null, drafts), site, Steps.DIRECT, null, null, null,
                new AtomicInteger(), timer);
    }

    /**
     * Reads, cleans and enriches every source in parallel; problems go to the diagnostics and
     * the build stops after this stage if any source had an error, so all are reported at once.
     */
    private List<Article> articles(Options options, SiteConfig site, Steps steps, BuildMemory memory,
                                   Collection<Path> changed, CompletableFuture<Walked> listed, AtomicInteger read,
                                   Timer timer) {
        SourceReader reader = new SourceReader(options.content(), site.maxSourceBytes());
        ArticleBuilder builder = new ArticleBuilder(site);
        Step<SourceFile, Read> clean = new Step<>("pipeline.source", f -> {
            read.incrementAndGet();
            return read(reader, builder, f);
        });
        BuildMemory.Listing before = memory == null ? null : memory.takeListing();
        // The usual save in the preview: every change is an edit of a listed source.
        int[] edited = before == null || changed == null ? null : reader.editedAt(before.sources(), changed);
        List<Path> relisted = edited != null ? before.sources()
                : before == null || changed == null ? null : reader.relistedNotOnlyEdited(before.sources(), changed);
        Walked walked = listed != null ? Futures.joined(listed) : relisted != null ? null : walk(reader);
        if (walked != null) {
            diagnostics.reportAll(walked.problems());
        }
        List<Path> files = walked != null ? walked.listed().sources() : relisted;
        Fingerprint assets = memory == null ? null : walked != null ? walked.assets() : before.assets();
        @SuppressWarnings("unchecked")   // the listing holds what this method made from each source
        List<Read> kept = edited == null ? null : (List<Read>) (List<?>) memory.keptSources(before, edited);
        List<Read> reads;
        if (kept != null) {
            // The other sources are what the last build read from them: neither named nor looked up.
            progress.start("reading", edited.length);
            List<Read> again = Arrays.stream(edited).parallel()
                    .mapToObj(at -> source(reader, files.get(at), clean, memory, assets)).toList();
            for (int i = 0; i < edited.length; i++) {
                kept.set(edited[i], again.get(i));
                progress.advance();
            }
            reads = kept;
        } else {
            // Files the watcher did not report are as they were: not even looked at.
            Set<String> changedNames = relisted == null ? null : names(reader, changed);
            progress.start("reading", files.size());
            reads = IntStream.range(0, files.size()).parallel()
                    .mapToObj(i -> {
                        Path file = files.get(i);
                        String name = changedNames == null ? null : reader.relative(file);
                        Read r = name != null && !changedNames.contains(name) ? memory.unchanged(name, assets) : null;
                        if (r == null) {
                            r = walked == null ? source(reader, file, clean, memory, assets)
                                    : source(reader, file, walked, i, clean, memory, assets);
                        }
                        progress.advance();
                        return r;
                    })
                    .toList();
        }
        List<Article> articles = new ArrayList<>(reads.size());
        for (Read r : reads) {
            if (!r.problems().isEmpty()) {
                diagnostics.reportAll(r.problems());
            }
            r.article().filter(a -> options.drafts() || !a.draft()).ifPresent(articles::add);
        }
        timer.lap("read+clean");
        if (memory != null) {
            memory.listed(new BuildMemory.Listing(files, assets, reads));
        }
        diagnostics.failOnErrors();
        return articles;
    }

    /** The names of the {@code changed} files, as sources inside the content folder are named. */
    private static Set<String> names(SourceReader reader, Collection<Path> changed) {
        Set<String> names = new HashSet<>();
        Path root = reader.contentDir().toAbsolutePath().normalize();
        for (Path p : changed) {
            names.add(root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/'));
        }
        return names;
    }

    /** The source at {@code position} of a walk, with the size and time the walk gave (looked at again when it gave none). */
    private Read source(SourceReader reader, Path file, Walked walked, int position, Step<SourceFile, Read> clean,
                        BuildMemory memory, Fingerprint assets) {
        long size = walked.listed().sizes()[position];
        if (memory == null || size < 0) {
            return source(reader, file, clean, memory, assets);
        }
        String relative = walked.listed().names().get(position);
        try {
            return memory.source(relative, size, walked.listed().modified()[position], walked.at(), assets,
                    () -> new SourceFile(file.toString(), relative, reader.bytes(file), assets), clean);
        } catch (GazetteException e) {
            return new Read(Optional.empty(), e.problems().isEmpty()
                    ? List.of(Problem.error(file.toString(), 0, e.getMessage())) : e.problems());
        }
    }

    /** One source, through the memory when there is one. */
    private Read source(SourceReader reader, Path file, Step<SourceFile, Read> clean, BuildMemory memory,
                        Fingerprint assets) {
        String relative = reader.relative(file);
        try {
            if (memory == null) {
                return clean.apply(new SourceFile(file.toString(), relative, reader.bytes(file), null));
            }
            BasicFileAttributes stat;
            long at = System.currentTimeMillis() * 1_000_000;
            try {
                stat = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (IOException e) {
                // Reading it says why it cannot be read, in the words every unreadable source gets.
                return clean.apply(new SourceFile(file.toString(), relative, reader.bytes(file), assets));
            }
            return memory.source(relative, stat.size(), stat.lastModifiedTime().to(TimeUnit.NANOSECONDS), at, assets,
                    () -> new SourceFile(file.toString(), relative, reader.bytes(file), assets), clean);
        } catch (GazetteException e) {
            return new Read(Optional.empty(), e.problems().isEmpty()
                    ? List.of(Problem.error(file.toString(), 0, e.getMessage())) : e.problems());
        }
    }

    /** The fingerprint of the names, sizes and times of the content folder's files that are not sources. */
    private static Fingerprint assets(List<SourceReader.Other> others) {
        List<Object> seen = new ArrayList<>(3 * others.size());
        for (SourceReader.Other other : others) {
            seen.add(other.name());
            seen.add(other.size());
            seen.add(other.modified());
        }
        return new Fingerprints().of(seen);
    }

    /** Reads, cleans and enriches one source from its bytes: a function of the file and the configuration. */
    private Read read(SourceReader reader, ArticleBuilder builder, SourceFile file) {
        Diagnostics problems = new Diagnostics();
        Path path = Path.of(file.display());
        try {
            Optional<SourceCleaner.Cleaned> cleaned = cleaner().read(reader, path, file.bytes(), problems);
            Optional<Article> article = cleaned.isEmpty() ? Optional.empty()
                    : builder.build(cleaned.get().source(), cleaned.get().extraction(), problems)
                            .map(a -> LocalImages.measured(a, reader.contentDir()));
            return new Read(article, problems.sorted());
        } catch (GazetteException e) {
            problems.reportAll(e.problems().isEmpty()
                    ? List.of(Problem.error(file.display(), 0, e.getMessage())) : e.problems());
            return new Read(Optional.empty(), problems.sorted());
        } catch (RuntimeException | StackOverflowError e) {
            // A bug that only this source triggers still names the source and lets the others be
            // reported, instead of ending the whole run as an internal error.
            problems.report(Problem.error(file.display(), 0, "could not be read (" + e + "); please report it"));
            return new Read(Optional.empty(), problems.sorted());
        }
    }

    private synchronized SourceCleaner cleaner() {
        if (cleaner == null) {
            cleaner = new SourceCleaner();
        }
        return cleaner;
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
