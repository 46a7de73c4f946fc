package dev.gazette.cli;

import dev.gazette.incremental.BuildCache;
import dev.gazette.pipeline.Diagnostics;
import dev.gazette.pipeline.Pipeline;
import dev.gazette.pipeline.Progress;
import dev.gazette.config.SiteConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "build",
        description = "Builds the site from the content folder into the output folder.",
        mixinStandardHelpOptions = true)
final class BuildCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    SiteOptions site;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "site",
            description = "Output folder, replaced as a whole when the build succeeds (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--future", description = "Also publish articles dated in the future (held back by default).")
    boolean future;

    @Option(names = "--no-cache", description = "Build from nothing, without reading or writing the build cache ("
            + BuildCache.FOLDER + "/ beside the content folder).")
    boolean noCache;

    @Option(names = {"-q", "--quiet"}, description = "Print only warnings and errors.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Also print the time each stage took and which articles were held back.")
    boolean verbose;

    @Override
    public Integer call() {
        if (quiet && verbose) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--quiet and --verbose cannot be used together");
        }
        PrintWriter err = spec.commandLine().getErr();
        Console console = Console.detect();
        Diagnostics diagnostics = new Diagnostics();
        Progress progress = new Progress();
        Pipeline.Result result;
        try (ProgressLine line = console.interactive() && !quiet ? new ProgressLine(err, progress) : null) {
            Pipeline.Options options = site.options(out, future);
            Pipeline pipeline = new Pipeline(diagnostics, progress);
            result = noCache ? pipeline.build(options) : pipeline.build(options, Pipeline.cacheFolder(options.content()));
        } finally {
            Main.printWarnings(diagnostics, err, console);
        }
        if (quiet) {
            return Main.OK;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        long total = result.millis().values().stream().mapToLong(Long::longValue).sum();
        stdout.printf("Built %s into %s (%s) in %s%n", Plural.of(result.articles(), "article"), out,
                Plural.of(result.files(), "file"), duration(total));
        if (!result.heldBack().isEmpty()) {
            stdout.println("Held back " + Plural.of(result.heldBack().size(), "future-dated article")
                    + " (publish with --future)" + (verbose ? ":" : ""));
        }
        if (verbose) {
            result.heldBack().forEach(file -> stdout.println("  " + file));
            stdout.println("Stages: " + result.millis().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue() + " ms").collect(Collectors.joining(", ")));
        }
        return Main.OK;
    }

    /** "840 ms", "3.8 s": the same in every locale. */
    static String duration(long millis) {
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** Options every command that reads the content folder shares. */
    static final class SiteOptions {
        @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
                description = "Content folder with article sources and " + SiteConfigLoader.FILE_NAME + " (default: ${DEFAULT-VALUE}).")
        Path content;

        // The launcher sets GAZETTE_TEMPLATES to its own templates/ when the current folder has none,
        // so edited templates take effect at once, without rebuilding the jar.
        @Option(names = "--templates", paramLabel = "DIR", defaultValue = "${env:GAZETTE_TEMPLATES:-templates}",
                description = "Theme folder with Pebble templates; the built-in theme is used when it does not exist (default: ${DEFAULT-VALUE}).")
        Path templates;

        @Option(names = "--base-url", paramLabel = "URL", defaultValue = "${env:GAZETTE_BASE_URL}",
                description = "Absolute URL the site is served from, overriding site.yml (also GAZETTE_BASE_URL).")
        String baseUrl;

        @Option(names = "--drafts", description = "Also publish articles marked 'draft: true'.")
        boolean drafts;

        Pipeline.Options options(Path out) {
            return options(out, false);
        }

        /** @param future also publish future-dated articles */
        Pipeline.Options options(Path out, boolean future) {
            URI base = baseUrl == null || baseUrl.isBlank() ? null : SiteConfigLoader.parseBaseUrl(baseUrl.strip(), null, null);
            return new Pipeline.Options(content, templates, out, base, drafts, future);
        }
    }

}
