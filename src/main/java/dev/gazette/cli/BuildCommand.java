package dev.gazette.cli;

import dev.gazette.incremental.BuildCache;
import dev.gazette.pipeline.Diagnostics;
import dev.gazette.pipeline.Pipeline;
import dev.gazette.config.SiteConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
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

    @Option(names = "--no-cache", description = "Build from nothing, without reading or writing the build cache ("
            + BuildCache.FOLDER + "/ beside the content folder).")
    boolean noCache;

    @Override
    public Integer call() {
        Diagnostics diagnostics = new Diagnostics();
        Pipeline.Options options = site.options(out);
        Pipeline.Result result;
        try {
            if (noCache) {
                result = new Pipeline(diagnostics).build(options);
            } else {
                result = new Pipeline(diagnostics).build(options, Pipeline.cacheFolder(options.content()));
            }
        } finally {
            Main.printWarnings(diagnostics, spec.commandLine().getErr());
        }
        String stages = result.millis().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        long total = result.millis().values().stream().mapToLong(Long::longValue).sum();
        spec.commandLine().getOut().printf("Built %d articles into %s (%d files) in %d ms: %s%n",
                result.articles(), out, result.files(), total, stages);
        return Main.OK;
    }

    /** Options every command that reads the content folder shares. */
    static final class SiteOptions {
        @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
                description = "Content folder with article sources and " + SiteConfigLoader.FILE_NAME + " (default: ${DEFAULT-VALUE}).")
        Path content;

        @Option(names = "--templates", paramLabel = "DIR", defaultValue = "templates",
                description = "Theme folder with Pebble templates; the built-in theme is used when it does not exist (default: ${DEFAULT-VALUE}).")
        Path templates;

        @Option(names = "--base-url", paramLabel = "URL", defaultValue = "${env:GAZETTE_BASE_URL}",
                description = "Absolute URL the site is served from, overriding site.yml (also GAZETTE_BASE_URL).")
        String baseUrl;

        @Option(names = "--drafts", description = "Also publish articles marked 'draft: true'.")
        boolean drafts;

        Pipeline.Options options(Path out) {
            URI base = baseUrl == null || baseUrl.isBlank() ? null : SiteConfigLoader.parseBaseUrl(baseUrl.strip(), null, null);
            return new Pipeline.Options(content, templates, out, base, drafts);
        }
    }

}
