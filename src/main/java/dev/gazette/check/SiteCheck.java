package dev.gazette.check;

import dev.gazette.model.GazetteException;
import dev.gazette.model.Problem;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Verifies a built site the way readers, crawlers and feed readers will meet it: broken
 * internal links (href, src, srcset and {@code #fragment} targets), links escaping the base
 * path, feeds that fail to parse, images without alt text and duplicate ids. External links
 * are never fetched. Problems are {@code path:line: message}, sorted.
 */
public final class SiteCheck {
    /** What a check found. */
    public record Result(URI baseUrl, boolean baseUrlKnown, int pages, int feeds, List<Problem> problems) {
        /** Nothing broken; warnings do not count. */
        public boolean ok() {
            return problems.stream().noneMatch(Problem::isError);
        }

        public long errors() {
            return problems.stream().filter(Problem::isError).count();
        }
    }

    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line).thenComparing(Problem::message);

    private SiteCheck() {
    }

    /**
     * @param dir     the built site
     * @param baseUrl the URL it is served from, or null to read it from the site's own canonical and feed links
     */
    public static Result run(Path dir, URI baseUrl) {
        if (!Files.isDirectory(dir)) {
            throw new GazetteException(dir.toString(), 0, "no such folder: build the site first with 'gazette build'");
        }
        BuiltSite site = BuiltSite.open(dir, baseUrl);
        PageCheck pages = new PageCheck(site);
        FeedCheck feeds = new FeedCheck(site, pages);
        List<String> html = site.files().stream().filter(f -> f.endsWith(".html")).toList();
        List<String> machine = site.files().stream().filter(FeedCheck::applies).toList();
        List<Problem> problems = Stream.concat(
                        html.parallelStream().flatMap(f -> pages.check(f).stream()),
                        machine.parallelStream().flatMap(f -> feeds.check(f).stream()))
                .map(p -> new Problem(dir.resolve(p.file()).toString(), p.line(), p.message(), p.severity()))
                .sorted(ORDER).distinct().toList();
        return new Result(site.base(), site.baseKnown(), html.size(), machine.size(), problems);
    }
}
