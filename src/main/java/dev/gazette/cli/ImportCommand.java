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
import java.util.concurrent.Callable;

@Command(name = "import",
        description = "Cleans raw sources (.txt dumps, saved .html pages) into reviewable Markdown files in the "
                + "content folder, with front matter filled from what the cleaner found. The raw files are not changed.",
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  gazette import ~/saved/ferry.html", "  gazette import --content content/articles dump.txt"})
final class ImportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    RawFiles raw;

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
            description = "Folder the Markdown files are written to (default: ${DEFAULT-VALUE}).")
    Path content;

    @Option(names = "--force", description = "Overwrite a Markdown file that already exists.")
    boolean force;

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
                        out.println(file + " -> " + written);
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
        fields.put("source", firstNonNull(curated(fm, ArticleBuilder.SOURCE), found.siteName()));
        fields.put("source_url", firstNonNull(curated(fm, ArticleBuilder.SOURCE_URL), found.url()));
        String tagsKey = fm.firstKey(ArticleBuilder.TAGS.toArray(String[]::new));
        fields.put("tags", fm.has(tagsKey) ? fm.strings(tagsKey) : List.of());
        fields.put("summary", firstNonNull(curated(fm, ArticleBuilder.SUMMARY), Summaries.of(found.text(), Summaries.MAX_LENGTH)));

        String slug = Slugs.of(title);
        if (slug.isEmpty()) {
            slug = Slugs.of(file.getFileName().toString().replaceAll("\\.[^.]+$", ""));
        }
        Path target = content.resolve(slug + ".md");
        if (Files.exists(target) && !force) {
            problems.report(Problem.error(file.toString(), 0, target + " already exists; use --force to overwrite it"));
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

    private static String curated(YamlMap fm, List<String> keys) {
        return fm.string(fm.firstKey(keys.toArray(String[]::new)));
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
