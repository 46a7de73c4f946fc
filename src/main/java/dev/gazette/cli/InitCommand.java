package dev.gazette.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.config.SiteConfigLoader;
import dev.gazette.incremental.BuildCache;
import dev.gazette.model.GazetteException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Command(name = "init",
        description = {"Starts a new digest in DIR: content/site.yml, one example article in content/articles/, "
                + "the GitHub Pages workflow and a .gitignore. Never overwrites a file: a folder that already "
                + "holds a digest is refused."},
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  gazette init my-digest --title \"The Slow Wire\"",
                "  gazette init . --gazette-repo someone/gazette"})
final class InitCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "Folder of the new digest, created when missing (default: the current folder).")
    Path dir;

    @Option(names = "--title", paramLabel = "TITLE", description = "The digest's name (default: made from the folder's name).")
    String title;

    @Option(names = "--timezone", paramLabel = "ZONE",
            description = "Time zone dates are shown and read in, e.g. Europe/London (default: this computer's).")
    String timezone;

    @Option(names = "--gazette-repo", paramLabel = "OWNER/NAME[@REF]",
            description = "GitHub repository the Pages workflow builds Gazette from, with an optional branch, tag or commit "
                    + "(default: the one this Gazette was cloned from, and the branch it tracks).")
    String gazetteRepo;

    @Override
    public Integer call() {
        String name = title != null && !title.isBlank() ? title.strip() : titleFrom(dir);
        ZoneId zone = zone();
        String repository = "";
        String ref = "main";
        boolean derived = false;
        if (gazetteRepo == null) {
            // Without --gazette-repo: the GitHub repository this Gazette was cloned from, if any.
            Optional<GazetteCheckout.Repository> origin = GazetteCheckout.running().flatMap(GazetteCheckout::origin);
            if (origin.isPresent()) {
                repository = origin.get().name();
                ref = origin.get().ref();
                derived = true;
            }
        } else {
            String[] parts = gazetteRepo.strip().split("@", 2);
            if (!REPOSITORY.matcher(parts[0]).matches() || (parts.length == 2 && parts[1].isBlank())) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--gazette-repo must look like owner/name or owner/name@ref, not '" + gazetteRepo + "'");
            }
            repository = parts[0];
            ref = parts.length == 2 ? parts[1] : ref;
        }
        Path content = dir.resolve("content");
        Path siteYml = content.resolve(SiteConfigLoader.FILE_NAME);
        Path article = content.resolve(NewCommand.FOLDER).resolve("welcome.md");
        Path workflow = dir.resolve(".github/workflows/pages.yml");
        Path gitignore = dir.resolve(".gitignore");
        for (Path existing : List.of(siteYml, article, workflow)) {
            if (Files.exists(existing)) {
                throw new GazetteException(existing.toString(), 0, "already exists: 'gazette init' starts a new digest "
                        + "and never overwrites one; choose an empty folder");
            }
        }

        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", quoted(name));
        values.put("title_quoted", quoted("About " + name));
        values.put("title_md", name.replaceAll("([\\\\`*_\\[\\]<>#])", "\\\\$1"));
        values.put("timezone", zone.getId());
        values.put("date", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                ZonedDateTime.now(Clock.system(zone)).truncatedTo(ChronoUnit.SECONDS)));
        values.put("gazette_repository", quoted(repository));
        values.put("gazette_ref", quoted(ref));
        write(siteYml, fill("site.yml", values));
        write(article, fill("welcome.md", values));
        write(workflow, fill("pages.yml", values));
        if (!Files.exists(gitignore)) {
            write(gitignore, "# Gazette's build output and build cache, and the Gazette checkout the Pages workflow builds with.\nsite/\n" + BuildCache.FOLDER + "/\n.gazette/\n");
        }

        PrintWriter out = spec.commandLine().getOut();
        out.println("Started the digest " + name + " in " + dir + ":");
        for (Path file : List.of(siteYml, article, workflow)) {
            out.println("  " + file);
        }
        String where = dir.equals(Path.of(".")) ? "" : " --content " + content;
        out.println("Preview it with 'gazette serve" + where + "'; start a story with 'gazette new" + where + " \"Headline\"'.");
        if (repository.isEmpty()) {
            out.println("Before pushing: set GAZETTE_REPOSITORY in " + workflow + " to the GitHub repository Gazette "
                    + "is built from (or run init with --gazette-repo owner/name): this Gazette is not a clone of one.");
        } else if (derived) {
            out.println("The Pages workflow builds Gazette from " + repository + "@" + ref + ", the GitHub repository this "
                    + "Gazette was cloned from; change GAZETTE_REPOSITORY in " + workflow + " (or run init with "
                    + "--gazette-repo owner/name) for another.");
        }
        return Main.OK;
    }

    private ZoneId zone() {
        if (timezone == null) {
            ZoneId here = ZoneId.systemDefault();
            return here.normalized().equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : here;
        }
        try {
            return ZoneId.of(timezone.strip());
        } catch (DateTimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--timezone must be a zone such as Europe/London or UTC, not '" + timezone + "'");
        }
    }

    /** "my-digest" → "My digest"; the current folder's own name when DIR is ".". */
    static String titleFrom(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        String words = name == null ? "" : name.toString().replaceAll("[-_.]+", " ").strip();
        if (words.isEmpty()) {
            return "Gazette";
        }
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A YAML double-quoted scalar (JSON string syntax, which YAML reads the same). */
    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serialises", e);
        }
    }

    private static String fill(String resource, Map<String, String> values) {
        String template;
        try (InputStream in = InitCommand.class.getResourceAsStream("init/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("init/" + resource + " is missing from the jar");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            // GitHub's own ${{ ... }} expressions have a '$' and spaces: only {{word}} is ours.
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        return m.appendTail(out).toString();
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new GazetteException(file.toString(), 0, "cannot write: " + e.getMessage());
        }
    }
}
