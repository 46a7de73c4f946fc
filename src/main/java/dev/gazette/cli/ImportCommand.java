package dev.gazette.cli;

import dev.gazette.pipeline.Diagnostics;
import dev.gazette.pipeline.SourceCleaner;
import dev.gazette.clean.Extraction;
import dev.gazette.clean.HtmlToMarkdown;
import dev.gazette.enrich.ArticleBuilder;
import dev.gazette.enrich.Summaries;
import dev.gazette.model.GazetteException;
import dev.gazette.model.Problem;
import dev.gazette.model.Slugs;
import dev.gazette.source.FrontMatterWriter;
import dev.gazette.source.YamlMap;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

@Command(name = "import",
        description = {"Cleans raw sources (.txt dumps, saved .html pages) into reviewable Markdown files, with front "
                + "matter filled from what the cleaner found ('source:' and 'source_url:' left empty to fill when "
                + "nothing was found).",
                "A raw file from outside the content folder becomes DIR/<name from its title>.md and is left alone. "
                + "A raw file inside it becomes a .md of the same name beside it (so its page keeps its address), and "
                + "is moved to imported/ next to the content folder, or with --keep renamed to <name>.orig, so it is "
                + "not built twice."},
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  gazette import ~/saved/ferry.html", "  gazette import content/raw/*.txt",
                "  gazette import --keep content/raw/ferry.html"})
final class ImportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    RawFiles raw;

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
            description = "The content folder: where files from outside it are written (default: ${DEFAULT-VALUE}).")
    Path content;

    @Option(names = "--force", description = "Overwrite a Markdown file that already exists.")
    boolean force;

    @Option(names = "--keep", description = "Leave a raw file from the content folder where it is, renamed to <name>.orig.")
    boolean keep;

    /** The folder, beside the content folder, that raw files imported from inside it are moved to. */
    static final String IMPORTED = "imported";

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SourceCleaner cleaner = new SourceCleaner();
        HtmlToMarkdown markdown = new HtmlToMarkdown();
        boolean failed = false;
        for (Path file : raw.files) {
            Diagnostics diagnostics = new Diagnostics();
            try {
                Optional<SourceCleaner.Cleaned> cleaned = cleaner.read(RawFiles.readerFor(file), file, diagnostics);
                if (cleaned.isPresent()) {
                    Path written = write(file, cleaned.get(), markdown, diagnostics);
                    if (written != null) {
                        Path aside = setAside(file, written, diagnostics);
                        out.println(file + " -> " + written + (aside == null ? "" : " (raw file now " + aside + ")"));
                    }
                }
            } catch (GazetteException e) {
                diagnostics.reportAll(e.problems().isEmpty() ? List.of(Problem.error(file.toString(), 0, e.getMessage())) : e.problems());
            }
            diagnostics.sorted().forEach(err::println);
            failed |= !diagnostics.errors().isEmpty();
        }
        out.flush();
        return failed ? Main.INPUT_ERROR : Main.OK;
    }

    /** Writes the Markdown file; returns where, or null (with a problem reported) when nothing was written. */
    private Path write(Path file, SourceCleaner.Cleaned cleaned, HtmlToMarkdown markdown, Diagnostics problems) {
        Extraction found = cleaned.extraction();
        if (found.isEmpty()) {
            problems.report(Problem.warning(file.toString(), 0, "no article text found in this page: skipped"));
            return null;
        }
        YamlMap fm = cleaned.source().frontMatter();
        // What the curator wrote in the raw file's front matter wins over what was found.
        String title = firstNonNull(curated(fm, ArticleBuilder.TITLE), found.title());
        if (title == null) {
            problems.report(Problem.error(file.toString(), 0,
                    "no title found in this page; add a front matter block with 'title:' at its top, then import again"));
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("date", firstNonNull(curated(fm, ArticleBuilder.DATE), found.date()));
        fields.put("author", firstNonNull(curated(fm, ArticleBuilder.AUTHOR), found.byline()));
        // Empty when nothing was found: a placeholder that says what the curator should still fill.
        fields.put("source", firstNonNull(firstNonNull(curated(fm, ArticleBuilder.SOURCE), found.siteName()), ""));
        fields.put("source_url", firstNonNull(firstNonNull(curated(fm, ArticleBuilder.SOURCE_URL), found.url()), ""));
        String tagsKey = fm.firstKey(ArticleBuilder.TAGS.toArray(String[]::new));
        fields.put("tags", fm.has(tagsKey) ? fm.strings(tagsKey) : List.of());
        fields.put("summary", firstNonNull(curated(fm, ArticleBuilder.SUMMARY), Summaries.of(found.text(), Summaries.MAX_LENGTH)));
        // Everything else the curator wrote (slug, story, image, draft...) carries over as written:
        // losing 'slug:' would move the page.
        Set<String> written = Stream.of(ArticleBuilder.TITLE, ArticleBuilder.DATE, ArticleBuilder.AUTHOR, ArticleBuilder.SOURCE,
                ArticleBuilder.SOURCE_URL, ArticleBuilder.TAGS, ArticleBuilder.SUMMARY).flatMap(List::stream).collect(Collectors.toSet());
        for (String key : fm.keys()) {
            Object value = fm.raw(key);
            if (!written.contains(key) && value != null) {
                fields.put(key, value instanceof Boolean || value instanceof List ? value : fm.string(key));
            }
        }

        Path target = target(file, title);
        if (target == null) {
            problems.report(Problem.error(file.toString(), 0, "neither the title nor the file name has letters or digits "
                    + "to name the Markdown file after; add 'slug:' to a front matter block at its top"));
            return null;
        }
        if (Files.exists(target) && !force) {
            problems.report(Problem.error(file.toString(), 0, target + " already exists; use --force to overwrite it"));
            return null;
        }
        Path aside = asideOf(file);
        if (aside != null && Files.exists(aside)) {
            problems.report(Problem.error(file.toString(), 0, aside + " already exists: move it away, then import again"));
            return null;
        }
        try {
            Files.createDirectories(content);
            Files.writeString(target, FrontMatterWriter.write(fields, markdown.convert(found.html())), StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.report(Problem.error(target.toString(), 0, "cannot write: " + e.getMessage()));
            return null;
        }
        return target;
    }

    /**
     * Where the Markdown goes: beside a raw file that is a source itself, under the same name, so
     * its page keeps its address; otherwise into the content folder, named after the title.
     */
    private Path target(Path file, String title) {
        String base = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        if (insideContent(file)) {
            return file.resolveSibling(base + ".md");
        }
        String name = Slugs.of(title);
        if (name.isEmpty()) {
            name = Slugs.of(base);
        }
        return name.isEmpty() ? null : content.resolve(name + ".md");
    }

    private boolean insideContent(Path file) {
        return file.toAbsolutePath().normalize().startsWith(content.toAbsolutePath().normalize());
    }

    /** Where a raw file from the content folder is set aside, or null for one from outside it (not a source). */
    private Path asideOf(Path file) {
        if (!insideContent(file)) {
            return null;
        }
        if (keep) {
            return file.resolveSibling(file.getFileName() + ".orig");
        }
        Path root = content.toAbsolutePath().normalize();
        Path relative = root.relativize(file.toAbsolutePath().normalize());
        return content.resolveSibling(IMPORTED).resolve(relative.toString());
    }

    /**
     * Moves the raw file out of the sources once its Markdown is written, so the next build does
     * not publish it twice; when that fails, takes the Markdown back and reports why.
     *
     * @return where the raw file is now, or null when it was left alone
     */
    private Path setAside(Path file, Path written, Diagnostics problems) {
        Path aside = asideOf(file);
        if (aside == null) {
            return null;
        }
        try {
            Files.createDirectories(aside.toAbsolutePath().getParent());
            Files.move(file, aside);
            return aside;
        } catch (IOException e) {
            problems.report(Problem.error(file.toString(), 0, "cannot move the raw file to " + aside + " ("
                    + e.getMessage() + "); " + written + " was not kept, so nothing is published twice"));
            try {
                Files.deleteIfExists(written);
            } catch (IOException ignored) {
                // Reported above; the build will then name both files.
            }
            return null;
        }
    }

    private static String curated(YamlMap fm, List<String> keys) {
        return fm.string(fm.firstKey(keys.toArray(String[]::new)));
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
