package dev.gazette.cli;

import dev.gazette.check.SiteCheck;
import dev.gazette.config.SiteConfigLoader;
import dev.gazette.model.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "check",
        description = {"Checks a built site: broken internal links (href, src, srcset and #fragment targets), "
                + "links that escape the base path, feeds that do not parse, images without alt text and duplicate ids.",
                "Articles that do not name their outlet are warnings. External links are not fetched. Exits with 1 when anything is broken."},
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  gazette check", "  gazette check /tmp/site --base-url https://user.github.io/repo/"})
final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "site",
            description = "The built site (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The URL the site is served from; by default read from the home page's canonical link or the feed.")
    String baseUrl;

    @Override
    public Integer call() {
        URI base = baseUrl == null || baseUrl.isBlank() ? null : SiteConfigLoader.parseBaseUrl(baseUrl.strip(), null, null);
        if (!Files.isDirectory(dir)) {
            spec.commandLine().getErr().println(dir + ": no such folder: build the site first with 'gazette build'");
            return Main.INPUT_ERROR;
        }
        SiteCheck.Result result = SiteCheck.run(dir, base);
        PrintWriter out = spec.commandLine().getOut();
        for (Problem problem : result.problems()) {
            out.println(problem);
        }
        String shown = result.baseUrlKnown() ? result.baseUrl().toString() : "unknown (root-relative links taken as internal)";
        long errors = result.errors();
        long warnings = result.problems().size() - errors;
        out.printf("%s: %s%s in %s and %s (base URL %s)%n", dir, Plural.of(errors, "problem"),
                warnings == 0 ? "" : ", " + Plural.of(warnings, "warning"), Plural.of(result.pages(), "page"),
                Plural.of(result.feeds(), "feed or sitemap", "feeds or sitemaps"), shown);
        return result.ok() ? Main.OK : Main.INPUT_ERROR;
    }
}
