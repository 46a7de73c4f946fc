package dev.gazette.serve;

import dev.gazette.pipeline.Pipeline;
import dev.gazette.config.SiteConfigLoader;
import dev.gazette.model.GazetteException;
import dev.gazette.model.Problem;
import dev.gazette.render.Urls;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code gazette serve} as a whole: builds the site into a private temporary folder with the
 * preview's own base URL ({@code http://127.0.0.1:PORT/<base path>/}, so sub-path mistakes show
 * up locally), serves it, watches the content and theme folders, and after each burst of saves
 * rebuilds through the {@link Rebuilder} seam and reloads open pages, or shows the build's
 * errors over them while the last good build stays served.
 */
public final class Preview implements AutoCloseable {
    /** How long sources must stay quiet before a rebuild: long enough to take an editor's write,
     * rename and touch of one save as one change. */
    public static final Duration DEBOUNCE = Duration.ofMillis(50);

    /**
     * @param baseUrl  overrides {@code site.yml}'s base URL (only its path is used), or null
     * @param address  where to listen; port 0 picks a free one
     * @param debounce how long the sources must stay quiet before a rebuild
     * @param future   also show articles dated in the future, which a build holds back by default
     */
    public record Options(Path content, Path templates, URI baseUrl, boolean drafts, boolean future,
                          InetSocketAddress address, Duration debounce) {
        public Options(Path content, Path templates, URI baseUrl, boolean drafts, InetSocketAddress address,
                       Duration debounce) {
            this(content, templates, baseUrl, drafts, false, address, debounce);
        }
    }

    private final SiteServer server;
    private final WorkFolder work;
    private final Rebuilder rebuilder;
    private final URI url;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Debouncer<Path> debouncer;
    private SourceWatcher watcher;
    private Set<String> warned = Set.of();
    private int goodBuilds;

    private Preview(SiteServer server, WorkFolder work, Rebuilder.Factory factory, Options options,
                    PrintWriter out, PrintWriter err) {
        this.server = server;
        this.work = work;
        this.url = server.url(host(options.address()));
        this.out = out;
        this.err = err;
        this.rebuilder = factory.create(new Pipeline.Options(options.content(), options.templates(), work.path(),
                url, options.drafts(), options.future()));
        this.debouncer = new Debouncer<>(options.debounce(), "gazette-rebuild", this::rebuild);
    }

    /**
     * Starts serving (a placeholder page until the first build), builds the site once and
     * watches for changes. Returns after the first build, good or bad.
     */
    public static Preview start(Options options, Rebuilder.Factory factory, PrintWriter out, PrintWriter err)
            throws IOException {
        String basePath = basePath(options, err);
        SiteServer server = SiteServer.start(options.address(), basePath);
        WorkFolder work = null;
        Preview preview = null;
        try {
            work = WorkFolder.create();
            preview = new Preview(server, work, factory, options, out, err);
            out.println("Serving " + preview.url + " (Ctrl-C to stop)");
            preview.watcher = SourceWatcher.start(List.of(options.content(), options.templates()),
                    preview.debouncer::add);
            preview.rebuild(Set.of());
            return preview;
        } catch (IOException | RuntimeException | Error e) {
            // Also an Error (a StackOverflowError in the first build): stop serving, delete the folder.
            if (preview != null) {
                preview.close();
            } else {
                server.close();
                if (work != null) {
                    work.close();
                }
            }
            throw e;
        }
    }

    /** Starts with the {@link IncrementalRebuilder}. */
    public static Preview start(Options options, PrintWriter out, PrintWriter err) throws IOException {
        return start(options, IncrementalRebuilder::new, out, err);
    }

    /** The home page, e.g. {@code http://127.0.0.1:4000/gazette/}. */
    public URI url() {
        return url;
    }

    /** How many good builds have been served so far. */
    public synchronized int goodBuilds() {
        return goodBuilds;
    }

    /** How many open pages listen for live-reload events. */
    public int liveClients() {
        return server.liveClients();
    }

    /** The base path from {@code --base-url} or {@code site.yml}; "/" when site.yml cannot be read yet. */
    private static String basePath(Options options, PrintWriter err) {
        if (options.baseUrl() != null) {
            return new Urls(options.baseUrl()).basePath();
        }
        try {
            return new Urls(SiteConfigLoader.load(options.content()).baseUrl()).basePath();
        } catch (GazetteException e) {
            err.println("warning: cannot read the base path from " + SiteConfigLoader.FILE_NAME
                    + " yet; serving under / until gazette serve is restarted");
            return "/";
        }
    }

    private static String host(InetSocketAddress address) {
        if (address.getAddress() == null || address.getAddress().isAnyLocalAddress()) {
            return "127.0.0.1";
        }
        return address.getAddress().getHostAddress();
    }

    private synchronized void rebuild(Set<Path> changed) {
        long start = System.nanoTime();
        try {
            Rebuild build = rebuilder.rebuild(changed);
            long ms = (System.nanoTime() - start) / 1_000_000;
            // Said before the browsers are told to reload, so the log never lags the page.
            warn(build.warnings());
            out.println(changed.isEmpty() ? firstLine(build, ms) : rebuildLine(changed, build, ms));
            server.publish(build.root(), build.changedFiles());
            goodBuilds++;
        } catch (GazetteException e) {
            List<Problem> problems = e.problems();
            String text = problems.isEmpty() ? e.getMessage()
                    : problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
            err.println(text);
            err.println("gazette: the build failed; " + (goodBuilds == 0 ? "nothing to serve yet"
                    : "still serving the last good build") + ". Fix the problem and save again.");
            server.failed(text);
        } catch (RuntimeException e) {
            String text = "internal error: " + e;
            err.println("gazette: " + text);
            if (System.getenv("GAZETTE_DEBUG") != null) {
                e.printStackTrace(err);
            }
            server.failed(text);
        }
    }

    /** Prints warnings not printed after the previous build, so a rebuild does not repeat them all. */
    private void warn(List<Problem> warnings) {
        Set<String> now = new HashSet<>();
        for (Problem warning : warnings) {
            String text = warning.toString();
            now.add(text);
            if (!warned.contains(text)) {
                err.println(text);
            }
        }
        warned = now;
    }

    private static String firstLine(Rebuild build, long ms) {
        return "built " + count(build.articles(), "article") + " in " + ms + " ms: " + count(build.filesWritten(), "file") + " ["
                + stages(build.millis()) + "]";
    }

    /** E.g. {@code rebuilt in 84 ms: content/a.md changed; 1 source read, 7 pages rendered, 5 files written [...]}. */
    private static String rebuildLine(Set<Path> changed, Rebuild build, long ms) {
        String what = changed.stream().limit(3).map(Preview::display).collect(Collectors.joining(", "))
                + (changed.size() > 3 ? " and " + (changed.size() - 3) + " more" : "");
        return "rebuilt in " + ms + " ms: " + what + " changed; " + count(build.sourcesRead(), "source") + " read, "
                + count(build.pagesRendered(), "page") + " rendered, " + count(build.filesWritten(), "file")
                + " written [" + stages(build.millis()) + "]";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String stages(Map<String, Long> millis) {
        return millis.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String display(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = path.toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    /** Stops watching and serving and deletes the temporary build folder. */
    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        debouncer.close();
        server.close();
        synchronized (this) {
            rebuilder.close();
        }
        work.close();
    }
}
