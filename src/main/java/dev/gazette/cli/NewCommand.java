package dev.gazette.cli;

import dev.gazette.config.SiteConfig;
import dev.gazette.config.SiteConfigLoader;
import dev.gazette.enrich.ArticleBuilder;
import dev.gazette.model.GazetteException;
import dev.gazette.model.Slugs;
import dev.gazette.source.FrontMatterWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "new",
        description = {"Starts a new article: a Markdown file in the content folder's articles/ folder, named after "
                + "the title, with its front matter filled in (the date is now, in the site's time zone) and marked "
                + "'draft: true', so it is published only once you remove that line.",
                "Prints the path of the new file."},
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  gazette new \"Trams reach the docks\"",
                "  gazette new \"Ferry enters service\" --source https://soundandshore.example/ferry --tags transport,energy",
                "  $EDITOR \"$(gazette new 'Reef survey')\""})
final class NewCommand implements Callable<Integer> {
    /** Where new entries go inside the content folder, as in the sample digest and 'gazette init'. */
    static final String FOLDER = "articles";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TITLE", description = "The headline.")
    String title;

    @Option(names = "--source", paramLabel = "URL", description = "Absolute URL of the original article.")
    String sourceUrl;

    @Option(names = "--tags", paramLabel = "TAG", split = ",", description = "Tags, separated by commas.")
    List<String> tags = List.of();

    @Option(names = "--slug", paramLabel = "NAME",
            description = "File (and page) name instead of one made from the title.")
    String slug;

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
            description = "The content folder (default: ${DEFAULT-VALUE}); its site.yml gives the time zone.")
    Path content;

    @Override
    public Integer call() {
        if (sourceUrl != null && !ArticleBuilder.isAbsoluteHttp(sourceUrl)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--source must be an absolute http(s) URL, not '" + sourceUrl + "'");
        }
        String name = Slugs.of(slug != null ? slug : title);
        if (name.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), (slug != null ? "--slug" : "the title")
                    + " has no letters or digits to name a file after; give one with --slug");
        }
        if (!Files.isDirectory(content)) {
            throw new GazetteException(content.toString(), 0,
                    "content folder not found: run the command where it is, give --content, or start a digest with 'gazette init'");
        }
        SiteConfig site = SiteConfigLoader.load(content);
        ZonedDateTime now = ZonedDateTime.now(Clock.system(site.timeZone())).truncatedTo(ChronoUnit.SECONDS);

        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", title.strip());
        fields.put("date", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now));
        // Empty placeholders say what is still to fill; an empty value counts as absent.
        fields.put("source", "");
        fields.put("source_url", sourceUrl != null ? sourceUrl : "");
        fields.put("author", "");
        fields.put("tags", tags.stream().map(String::strip).filter(t -> !t.isEmpty()).toList());
        fields.put("summary", "");
        fields.put("draft", true);

        Path file = content.resolve(FOLDER).resolve(name + ".md");
        try {
            Files.createDirectories(file.getParent());
            // CREATE_NEW: never overwrite an entry, even one written a moment ago by someone else.
            Files.writeString(file, FrontMatterWriter.write(fields, ""), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new GazetteException(file.toString(), 0, "already exists: choose another title, or a name with --slug");
        } catch (IOException e) {
            throw new GazetteException(file.toString(), 0, "cannot write: " + e.getMessage());
        }
        spec.commandLine().getOut().println(file);
        spec.commandLine().getErr().println("gazette: a draft: fill in its front matter and text, then remove "
                + "'draft: true' to publish it (preview drafts with 'gazette serve --drafts')");
        return Main.OK;
    }
}
