package dev.gazette.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A generated folder ({@code base}) and the same folder with one deliberate mistake in one
 * source's front matter or in site.yml, with the lines the error message may name: the
 * mistake's own line, or (for an unclosed quote, which YAML notices only later) any line up
 * to the end of the block.
 */
record Defects(ContentFolder base, ContentFolder folder, String path, int firstLine, int lastLine) {

    /** Mistakes in front matter: each a line whose own line number the error must give. */
    private static final List<String> FRONT_MATTER = List.of(
            "title: again",                       // set twice: the curated title comes first
            "date: someday soon",
            "source_url: ftp://wire.example/a",
            "draft: perhaps",
            "slug: \"!!!\"",
            "tags: {one: 1}",
            // Once dropped silently: a list or map where text is expected.
            "summary: [one, two]",
            "lang: {x: 1}",
            "source: [a, b]",
            "unclosed: \"quote");
    private static final List<String> SITE_YML = List.of(
            "page_size: 0",
            "timezone: Mars/Olympus_Mons",
            "language: \"en_US and more\"",
            "edition: fortnightly",
            "canonical: elsewhere",
            "unknown_setting: 1",
            "feed_items: many");

    /** A folder from {@link ContentFolders} with one defect added to a new Markdown file or to site.yml. */
    static Defects inject(Draw draw) {
        ContentFolder base = ContentFolders.folder(draw);
        List<String> names = Names.pool(draw);
        List<ContentFolder.File> files = new ArrayList<>(base.files());
        boolean inSite = draw.chance(30);
        String path;
        List<String> lines;
        String defect;
        if (inSite) {
            path = "site.yml";
            ContentFolder.File existing = files.stream().filter(f -> f.path().equals(path)).findFirst().orElse(null);
            files.remove(existing);
            lines = new ArrayList<>(existing == null ? List.of() : Arrays.asList(existing.text().split("\n")));
            defect = draw.pick(SITE_YML);
        } else {
            path = "zz-defect/broken.md";
            lines = new ArrayList<>();
            lines.add("---");
            lines.addAll(Arrays.asList(ContentFolders.frontMatter(draw, names, 999, true).split("\n")));
            lines.removeIf(l -> l.startsWith("title: again"));
            // A tab after "title:" is refused by SnakeYAML with its own line: it would hide the defect.
            lines.replaceAll(l -> l.replace("title:\t", "title: "));
            defect = draw.pick(FRONT_MATTER);
        }
        // The defect's key is set once, so that the error is about the defect and not a repeat.
        String key = defect.substring(0, defect.indexOf(':') + 1);
        if (!defect.startsWith("title:")) {
            // ...and an alias of an anchor on a removed line goes too ("source: &s ..." and "author: *s").
            List<String> anchors = lines.stream().filter(line -> line.startsWith(key))
                    .flatMap(line -> Pattern.compile("&(\\w+)").matcher(line).results().map(m -> "*" + m.group(1)))
                    .toList();
            lines = withoutEntries(lines, line -> line.startsWith(key) || anchors.stream().anyMatch(line::contains));
        }
        // site.yml: anywhere but inside the tags block; front matter: after the title line
        int from = inSite ? 0 : 2;
        int to = inSite ? firstNested(lines) : lines.size();
        // ...and never inside a block (the indented lines under "summary: |" or "authors:", and
        // the blank lines a block scalar may hold between them).
        List<Integer> starts = new ArrayList<>();
        for (int i = from; i <= Math.max(from, to); i++) {
            if (i >= lines.size() || !(lines.get(i).startsWith(" ") || lines.get(i).isBlank())) {
                starts.add(i);
            }
        }
        int at = draw.pick(starts);
        lines.add(at, defect);
        int lastLine = at + 1;
        if (!inSite) {
            lines.add("---");
            lines.add(ContentFolders.sentence(draw, names));
            if (defect.startsWith("unclosed")) {
                lastLine = lines.size() - 1; // the closing fence
            }
        }
        String text = String.join(draw.chance(20) ? "\r\n" : "\n", lines) + "\n";
        files.add(new ContentFolder.File(path, text.getBytes(StandardCharsets.UTF_8)));
        return new Defects(base, new ContentFolder(files, base.baseUrl(), base.options()), path, at + 1, lastLine);
    }

    /**
     * The lines without the entries whose first line matches {@code removed}, each with the
     * indented and blank lines under it ("summary: |" and its text): left behind, they would
     * continue the entry before and make a YAML error of their own on another line.
     */
    private static List<String> withoutEntries(List<String> lines, Predicate<String> removed) {
        List<String> kept = new ArrayList<>();
        boolean inRemoved = false;
        for (String line : lines) {
            boolean continues = line.startsWith(" ") || line.isBlank();
            if (!continues) {
                inRemoved = removed.test(line);
            }
            if (!inRemoved) {
                kept.add(line);
            }
        }
        return kept;
    }

    /** The index of the first indented line (the tags block of site.yml), or the end. */
    private static int firstNested(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(" ") || lines.get(i).startsWith("tags:")) {
                return i;
            }
        }
        return lines.size();
    }

    @Override
    public String toString() {
        return "defect in " + path + " at line " + firstLine + (lastLine > firstLine ? "-" + lastLine : "") + "\n" + folder;
    }
}
