package dev.gazette.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.gazette.check.SiteCheck;
import dev.gazette.cli.Cli;
import dev.gazette.cli.SiteChecks;
import dev.gazette.model.Problem;
import org.jsoup.Jsoup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a build of a generated folder must look like, whatever the folder holds: exit 0 or 1,
 * never 3; every line on stderr a {@code path:line: message} about a file of the folder; a
 * refused build writes nothing; a built site has no script, in pages or feeds, and no broken
 * internal link.
 */
final class BuildOutcome {
    /** {@code path:line: message} or, for a problem with a whole file, {@code path: message}. */
    private static final Pattern PROBLEM = Pattern.compile("(.+?)(?::(\\d+))?: (warning: )?(\\S.*)");
    private static final Pattern SUMMARY = Pattern.compile("gazette: \\d+ errors?; nothing was written");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CRASH_SIGNS = List.of("internal error", "please report", "Exception", "Error:",
            "\tat ", "StackOverflow", "OutOfMemory");

    private BuildOutcome() {
    }

    static Cli build(ContentFolder folder, Path content, Path out) {
        List<String> args = new ArrayList<>(List.of("build", "--content", content.toString(), "--out", out.toString()));
        args.addAll(folder.options());
        return Cli.run(args.toArray(String[]::new));
    }

    /** Checks everything a build must be; {@code folder} is shown when a check fails. */
    static void assertSound(Cli cli, ContentFolder folder, Path content, Path out) {
        assertReported(cli, folder, content);
        if (cli.code() == 0) {
            assertSafeAndLinked(cli, folder, out);
        } else {
            assertThat(out).as("a refused build wrote output\n" + cli + "\n" + folder).doesNotExist();
        }
    }

    /** Exit 0 or 1, no crash, and every stderr line a {@code path:line: message} about a file of the folder. */
    static void assertReported(Cli cli, ContentFolder folder, Path content) {
        String context = cli + "\n" + folder;
        assertThat(cli.code()).as("exit status\n" + context).isIn(0, 1);
        for (String sign : CRASH_SIGNS) {
            assertThat(cli.out() + cli.err()).as("a crash reached the user\n" + context).doesNotContain(sign);
        }
        for (String line : cli.err().split("\n")) {
            if (!line.isEmpty() && !SUMMARY.matcher(line).matches()) {
                assertThat(problemWith(line, content)).as(line + "\n" + context).isNull();
            }
        }
    }

    /** No script in any page or feed, and 'gazette check' finds no error. */
    static void assertSafeAndLinked(Cli cli, ContentFolder folder, Path out) {
        String context = cli + "\n" + folder;
        List<String> scripts = new ArrayList<>();
        for (Path page : SiteChecks.htmlFiles(out)) {
            for (String problem : ScriptFree.problems(SiteChecks.parse(page), BuildOutcome::theme)) {
                scripts.add(out.relativize(page) + ": " + problem);
            }
        }
        scripts.addAll(feedScripts(out));
        assertThat(scripts).as("script in the site\n" + context).isEmpty();
        assertThat(SiteCheck.run(out, URI.create(folder.baseUrl())).problems().stream().filter(Problem::isError))
                .as("gazette check on the site\n" + context).isEmpty();
    }

    /**
     * Script in what feed readers render: the HTML of every RSS and Atom entry (description and
     * content) and of every JSON Feed item, and every entry's link.
     */
    static List<String> feedScripts(Path site) {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                List<String> html = new ArrayList<>();
                List<String> links = new ArrayList<>();
                if (name.equals("feed.xml") || name.equals("atom.xml")) {
                    boolean atom = name.equals("atom.xml");
                    for (SyndEntry entry : new SyndFeedInput().build(new XmlReader(file.toFile())).getEntries()) {
                        if (entry.getDescription() != null && isHtml(entry.getDescription(), atom)) {
                            html.add(entry.getDescription().getValue());
                        }
                        entry.getContents().stream().filter(c -> isHtml(c, atom)).forEach(c -> html.add(c.getValue()));
                        links.add(entry.getLink());
                    }
                } else if (name.equals("feed.json")) {
                    for (JsonNode item : JSON.readTree(file.toFile()).path("items")) {
                        html.add(item.path("content_html").asText(""));
                        links.add(item.path("url").asText(""));
                    }
                } else {
                    continue;
                }
                for (String fragment : html) {
                    ScriptFree.problems(Jsoup.parseBodyFragment(fragment == null ? "" : fragment).body())
                            .forEach(p -> problems.add(site.relativize(file) + ": " + p));
                }
                for (String link : links) {
                    if (link != null && ScriptFree.runsScript(link)) {
                        problems.add(site.relativize(file) + ": entry link " + link);
                    }
                }
            }
        } catch (IOException | FeedException e) {
            problems.add("a feed does not parse: " + e);
        }
        return problems;
    }

    /** RSS descriptions are HTML to readers; Atom text is HTML only when its type says so. */
    private static boolean isHtml(SyndContent content, boolean atom) {
        String type = content.getType();
        return atom ? type != null && type.contains("html") : type == null || type.contains("html");
    }

    /**
     * What the theme writes on purpose: the search page's two scripts (files of the theme, no
     * inline code) and the GET search forms. Content never gets these past the sanitizer.
     */
    static boolean theme(org.jsoup.nodes.Element el) {
        String tag = el.normalName();
        if (tag.equals("script")) {
            String src = el.attr("src");
            return el.data().isBlank() && (src.endsWith("/assets/search.js") || src.endsWith("/assets/minisearch.js"));
        }
        return tag.equals("form") && el.hasClass("search-form") && el.attr("method").equals("get")
                && el.attr("action").endsWith("/search/");
    }

    /** What is wrong with one stderr line, or null when it is a well-formed problem about a file of the folder. */
    static String problemWith(String line, Path content) {
        Matcher m = PROBLEM.matcher(line);
        if (!m.matches()) {
            return "not 'path:line: message'";
        }
        Path file = Path.of(m.group(1));
        if (!file.startsWith(content) || !Files.exists(file)) {
            return "names no file of the content folder: " + m.group(1);
        }
        if (m.group(2) != null) {
            int number = Integer.parseInt(m.group(2));
            long lines = lineCount(file);
            if (number < 1 || number > lines + 1) {
                return "line " + number + " is outside the file's " + lines + " lines";
            }
        }
        return null;
    }

    private static long lineCount(Path file) {
        if (Files.isDirectory(file)) {
            return 0;
        }
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            return text.isEmpty() ? 0 : text.split("\r\n|\r|\n", -1).length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each file that differs between two trees, with the text around its first difference. */
    static List<String> differences(Map<String, String> one, Map<String, String> two) {
        List<String> out = new ArrayList<>();
        Set<String> paths = new TreeSet<>(one.keySet());
        paths.addAll(two.keySet());
        for (String path : paths) {
            String a = one.getOrDefault(path, "<missing>");
            String b = two.getOrDefault(path, "<missing>");
            if (!a.equals(b)) {
                int at = 0;
                while (at < Math.min(a.length(), b.length()) && a.charAt(at) == b.charAt(at)) {
                    at++;
                }
                int from = Math.max(0, at - 80);
                out.add(path + " at " + at + ":\n  " + a.substring(from, Math.min(a.length(), at + 80))
                        + "\n  " + b.substring(from, Math.min(b.length(), at + 80)));
            }
        }
        return out;
    }

    /** Every file under {@code dir} by relative path, for byte-for-byte comparison. */
    static Map<String, String> tree(Path dir) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
