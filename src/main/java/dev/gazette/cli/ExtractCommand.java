package dev.gazette.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.pipeline.Diagnostics;
import dev.gazette.pipeline.SourceCleaner;
import dev.gazette.clean.Cleaner;
import dev.gazette.clean.Extraction;
import dev.gazette.enrich.Summaries;
import dev.gazette.model.Article;
import dev.gazette.model.GazetteException;
import dev.gazette.model.Problem;
import dev.gazette.source.Source;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "extract",
        description = "Shows what the cleaner finds in raw sources (.txt dumps, saved .html pages): "
                + "metadata, summary, and the body as HTML and plain text.",
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  gazette extract content/raw/page.html", "  gazette extract --json saved/*.txt > found.jsonl"})
final class ExtractCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    RawFiles raw;

    @Option(names = "--json", description = "One JSON object per file and line (keys: file, title, byline, date, site, "
            + "lang, summary, html, text, image, url, words, reading_minutes).")
    boolean json;

    @Option(names = "--explain", description = "For .txt dumps: print each line with the model's probability that it "
            + "is article text (p), whether it was kept (*) and the features that decided it; then the byline and date "
            + "candidates with their probabilities, the chosen one marked (>).")
    boolean explain;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (explain) {
            Cleaner cleaner = new Cleaner();
            return eachFile(err, (file, diagnostics) -> {
                Optional<Source> source = RawFiles.readerFor(file).read(file, diagnostics);
                if (source.isPresent()) {
                    Optional<List<String>> rows = cleaner.explain(source.get().format(), source.get().body());
                    if (rows.isPresent()) {
                        out.println("== " + file);
                        rows.get().forEach(out::println);
                    } else {
                        diagnostics.report(Problem.warning(file.toString(), 0,
                                "--explain reads text dumps; a saved page is cleaned by its markup, not line by line"));
                    }
                }
            });
        }
        SourceCleaner cleaner = new SourceCleaner();
        int code = eachFile(err, (file, diagnostics) -> {
            Optional<SourceCleaner.Cleaned> cleaned = cleaner.read(RawFiles.readerFor(file), file, diagnostics);
            if (cleaned.isPresent()) {
                Extraction found = cleaned.get().extraction();
                if (found.isEmpty()) {
                    diagnostics.report(Problem.warning(file.toString(), 0, "no article text found in this page"));
                }
                Map<String, Object> fields = fields(file, found);
                if (json) {
                    out.println(JSON.writeValueAsString(fields));
                } else {
                    printReadable(out, fields);
                }
            }
        });
        out.flush();
        return code;
    }

    /** What is done with one file; its problems and warnings are reported by {@link #eachFile}. */
    private interface PerFile {
        void read(Path file, Diagnostics diagnostics) throws JsonProcessingException;
    }

    /** Runs the action on every file, printing each file's problems and warnings; INPUT_ERROR if any failed. */
    private int eachFile(PrintWriter err, PerFile action) throws JsonProcessingException {
        boolean failed = false;
        for (Path file : raw.files) {
            Diagnostics diagnostics = new Diagnostics();
            try {
                action.read(file, diagnostics);
            } catch (GazetteException e) {
                failed = true;
                e.problems().forEach(err::println);
            }
            diagnostics.warnings().forEach(err::println);
        }
        spec.commandLine().getOut().flush();
        return failed ? Main.INPUT_ERROR : Main.OK;
    }

    static Map<String, Object> fields(Path file, Extraction found) {
        int words = found.words();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("file", file.toString());
        fields.put("title", found.title());
        fields.put("byline", found.byline());
        fields.put("date", found.date());
        fields.put("site", found.siteName());
        fields.put("lang", found.lang());
        fields.put("summary", Summaries.of(found.text(), Summaries.MAX_LENGTH));
        fields.put("image", found.image());
        fields.put("url", found.url());
        fields.put("words", words);
        fields.put("reading_minutes", Article.readingMinutes(words));
        fields.put("html", found.html());
        fields.put("text", found.text());
        return fields;
    }

    private static void printReadable(PrintWriter out, Map<String, Object> fields) {
        out.println("== " + fields.get("file"));
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            String key = e.getKey();
            if (!key.equals("file") && !key.equals("html") && !key.equals("text")) {
                out.printf("%-16s %s%n", key + ":", e.getValue() == null ? "-" : e.getValue());
            }
        }
        out.println();
        out.println("-- html --");
        out.println(fields.get("html"));
        out.println();
        out.println("-- text --");
        out.println(fields.get("text"));
        out.println();
    }
}
