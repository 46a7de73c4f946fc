package dev.gazette.enrich;

import dev.gazette.model.Article;
import dev.gazette.model.Problem;
import dev.gazette.model.ProblemSink;
import dev.gazette.model.Slugs;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Names of article pages ({@code articles/<name>/}). As in Hugo and Jekyll a page is named after
 * its source file, not its headline, so editing a headline never moves a page; two sources that
 * want the same name are told apart by a short hash of their paths, so the same input always
 * gives the same names and adding an article never renames another.
 */
public final class PageNames {
    /** Jekyll's {@code 2025-02-17-name.md}: the date is the article's, not part of its name. */
    private static final Pattern DATE_PREFIX = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}[-_]");
    /** Hex digits of the path hash added to a name wanted by several sources; lengthened only if that clashes too. */
    static final int HASH_LENGTH = 6;

    /**
     * Who keeps a wanted name: the article published first (it has had that address longest, and
     * a newly added article is almost always newer), then the undated, then by source path.
     */
    private static final Comparator<Article> CLAIM = Comparator
            .comparing(Article::date, Comparator.nullsLast(Comparator.<ZonedDateTime>naturalOrder()))
            .thenComparing(Article::sourcePath);

    private PageNames() {
    }

    /**
     * The page name a source file gives: its file name without extension and date prefix, or its
     * folder's name for a page bundle ({@code name/index.md}); empty when no letters or digits are left.
     *
     * @param sourcePath the path inside the content folder, '/'-separated
     */
    public static String fromPath(String sourcePath) {
        String[] parts = sourcePath.split("/");
        String name = parts[parts.length - 1].replaceFirst("\\.[^.]*$", "");
        if ((name.equals("index") || name.equals("_index")) && parts.length > 1) {
            name = parts[parts.length - 2];
        }
        return Slugs.of(DATE_PREFIX.matcher(name).replaceFirst(""));
    }

    /** A name for a source whose path and title give none: the hash of its path. */
    static String fallback(String sourcePath) {
        return "article-" + hash(sourcePath, 10);
    }

    /**
     * Gives every article a name of its own. Articles that want the same name: the first by
     * {@link #CLAIM} keeps it, each other one gets {@code name-<hash of its source path>}, with
     * a warning naming both files.
     *
     * @return the articles in the same order; unchanged ones are the same objects
     */
    public static List<Article> unique(List<Article> articles, ProblemSink problems) {
        // Names almost always differ: counted distinct, with no list per name (the preview asks on every
        // save); as a stream, whose per-article steps are compiled, where a loop run once stays interpreted.
        if (articles.stream().map(Article::slug).distinct().count() == articles.size()) {
            return articles;
        }
        Map<String, List<Article>> byName = new TreeMap<>();
        for (Article a : articles) {
            byName.computeIfAbsent(a.slug(), k -> new ArrayList<>()).add(a);
        }
        Set<String> taken = new HashSet<>(byName.keySet());
        Map<Article, String> renamed = new IdentityHashMap<>();
        for (Map.Entry<String, List<Article>> wanted : byName.entrySet()) {
            List<Article> claimants = wanted.getValue();
            if (claimants.size() == 1) {
                continue;
            }
            claimants.sort(CLAIM);
            Article keeper = claimants.get(0);
            for (Article other : claimants.subList(1, claimants.size())) {
                String name = suffixed(wanted.getKey(), other.sourcePath(), taken);
                taken.add(name);
                renamed.put(other, name);
                problems.report(Problem.warning(other.sourceFile(), 0, "page name '" + wanted.getKey()
                        + "' is already used by " + keeper.sourceFile() + ": published as articles/" + name
                        + "/; set 'slug:' in the front matter to choose another name"));
            }
        }
        return articles.stream().map(a -> renamed.containsKey(a) ? a.withSlug(renamed.get(a)) : a).toList();
    }

    private static String suffixed(String name, String sourcePath, Set<String> taken) {
        for (int length = HASH_LENGTH; ; length += 2) {
            String candidate = name + "-" + hash(sourcePath, length);
            if (!taken.contains(candidate) || length >= 64) { // 64: the whole SHA-256; never reached in practice
                return candidate;
            }
        }
    }

    private static String hash(String text, int length) {
        return ArticleBuilder.sha256(text).substring(0, length);
    }
}
