package dev.gazette.serve;

import dev.gazette.pipeline.Diagnostics;
import dev.gazette.pipeline.Pipeline;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preview's oracle, property style: after each edit of a random sequence (a body, a title,
 * a summary, tags, a date (into the future and back), an article added or deleted, the configuration, a template) the incremental
 * rebuild is byte-identical to a full build of the same content. Run on every path: updating
 * the site in place or writing a new one, and incremental steps updating their state one
 * article at a time or making it afresh; told the files that changed (as the watcher tells
 * them) or only the folder (as after lost events). A failure names the seed and the edits so far.
 */
@Tag("slow")
class IncrementalOracleTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "in place up to {0} sources, updates up to {1} articles, told the files {2}, seed {3}, {4} a page, "
            + "the site's own tags: {5}")
    @CsvSource({"2147483647, 2147483647, true, 11, 10, true", "2147483647, 0, true, 12, 10, true",
            "-1, 2147483647, false, 13, 10, true", "2147483647, 1, true, 14, 2, true", "2147483647, 2147483647, true, 15, 3, false"})
    void everyEditGivesTheSiteOfAFullBuild(int inPlaceUpTo, int updateUpTo, boolean toldFiles, long seed, int pageSize,
                                           boolean vocabulary) throws Exception {
        Path content = Trees.copy(Path.of("content"), tmp.resolve("content"));
        if (!vocabulary) {
            Trees.withoutVocabulary(content);
        }
        // Short lists give every tag several pages, so an edit moves articles between pages of a list.
        Path siteYml = content.resolve("site.yml");
        Files.writeString(siteYml, Files.readString(siteYml).replace("page_size: 10", "page_size: " + pageSize));
        Path templates = Trees.copy(Path.of("templates"), tmp.resolve("templates"));
        Pipeline.Options options = new Pipeline.Options(content, templates, tmp.resolve("work"),
                IncrementalRebuilderTest.BASE, false);
        Random random = new Random(seed);
        List<String> done = new ArrayList<>();
        try (IncrementalRebuilder rebuilder = new IncrementalRebuilder(options, inPlaceUpTo, updateUpTo)) {
            rebuilder.rebuild(Set.of());
            for (int step = 0; step < 6; step++) {
                Edit edit = edit(content, templates, random, step);
                done.add(edit.what());
                Rebuild build = rebuilder.rebuild(toldFiles ? edit.files() : Set.of(content));
                Path full = tmp.resolve("full-" + step);
                new Pipeline(new Diagnostics()).build(new Pipeline.Options(content, templates, full,
                        IncrementalRebuilderTest.BASE, false));
                assertThat(Trees.hashes(build.root())).as("seed %d after %s", seed, done)
                        .isEqualTo(Trees.hashes(full));
                Trees.delete(full);
            }
        }
    }

    /** What an edit did, and the files it changed. */
    private record Edit(String what, Set<Path> files) {
        Edit(String what, Path file) {
            this(what, Set.of(file));
        }
    }

    /** Makes one random edit. */
    private static Edit edit(Path content, Path templates, Random random, int step) throws IOException {
        List<Path> articles;
        try (Stream<Path> files = Files.list(content.resolve("articles"))) {
            articles = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        Path article = articles.get(random.nextInt(articles.size()));
        String text = Files.readString(article);
        String name = article.getFileName().toString();
        switch (random.nextInt(13)) {
            case 0 -> {
                Files.writeString(article, text + "\nA closing line about the harbour, edit " + step + ".\n");
                return new Edit("body of " + name, article);
            }
            case 1 -> {
                Files.writeString(article, text.replaceFirst("title: \"?([^\"\\n]*)\"?\\n",
                        "title: \"Update " + step + ": $1\"\n"));
                return new Edit("title of " + name, article);
            }
            case 2 -> {
                Files.writeString(article, text.replaceFirst("tags: \\[", "tags: [oceans, transport, "));
                return new Edit("tags of " + name, article);
            }
            case 3 -> {
                Files.writeString(article, text.replaceFirst("date: [^\\n]+", "date: 2025-0" + (1 + random.nextInt(4))
                        + "-1" + random.nextInt(10)));
                return new Edit("date of " + name, article);
            }
            case 4 -> {
                Path added = content.resolve("articles/added-" + step + ".md");
                Files.writeString(added, "---\ntitle: Trams and ferries on the Kestrel Line, report " + step
                        + "\ndate: 2025-03-0" + (1 + random.nextInt(9)) + "\ntags: [transport]\n---\n"
                        + "The Kestrel Line trams ran late again as the Saltmarsh Quay ferry was cancelled.\n");
                return new Edit("added " + added.getFileName(), added);
            }
            case 5 -> {
                if (articles.size() > 6) {
                    Files.delete(article);
                    return new Edit("deleted " + name, article);
                }
                return new Edit("nothing", Set.of());
            }
            case 6 -> {
                Path siteYml = content.resolve("site.yml");
                Files.writeString(siteYml, Files.readString(siteYml).replaceFirst("title: ([^\\n]+)",
                        "title: The Wire " + step));
                return new Edit("site.yml", siteYml);
            }
            case 11 -> {
                // Held back, then published again: a date moved far into the future, and back.
                if (text.contains("date: 2099-")) {
                    Files.writeString(article, text.replaceFirst("date: 2099-", "date: 2025-"));
                    return new Edit("date of " + name + " back from the future", article);
                }
                Files.writeString(article, text.replaceFirst("date: \\d{4}-", "date: 2099-"));
                return new Edit("date of " + name + " in the future", article);
            }
            case 12 -> {
                // A tag new to the site: it has a first article, and no other tag changes (no warning either).
                Files.writeString(article, text.replaceFirst("tags: \\[", "tags: [Harbour Works, "));
                return new Edit("a new tag on " + name, article);
            }
            case 10 -> {
                // Seen only on cards: the pages that show this article's card, not its own body.
                Files.writeString(article, text.replaceFirst("(?m)^summary: [^\\n]+", "summary: \"Summary of edit " + step + ".\""));
                return new Edit("summary of " + name, article);
            }
            case 8 -> {
                // Every tag taken away: a tag's last article may leave it, and its page goes.
                Files.writeString(article, text.replaceFirst("tags: \\[[^\\]]*\\]", "tags: []"));
                return new Edit("no tags on " + name, article);
            }
            case 9 -> {
                // A story key given or taken away: a story is made, joined or split.
                Files.writeString(article, text.contains("\nstory: ") ? text.replaceFirst("\nstory: [^\n]+", "")
                        : text.replaceFirst("(?m)^date: ", "story: kestrel-line\ndate: "));
                return new Edit("story key of " + name, article);
            }
            default -> {
                Path card = templates.resolve("_card.peb");
                Files.writeString(card, Files.readString(card) + "\n<!-- edit " + step + " -->\n");
                return new Edit("_card.peb", card);
            }
        }
    }
}
