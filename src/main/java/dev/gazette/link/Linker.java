package dev.gazette.link;

import dev.gazette.config.SiteConfig;
import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import dev.gazette.model.GazetteException;
import dev.gazette.model.Problem;
import dev.gazette.model.ProblemSink;
import dev.gazette.model.Tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The link stage: canonical tags, site-wide order and the checks that need every article at once. */
public final class Linker {
    /** Newest first; undated articles after dated ones; ties broken by title then slug so order never varies. */
    public static final Comparator<Article> NEWEST_FIRST = Comparator
            .comparing(Article::date, Comparator.nullsLast(Comparator.<java.time.ZonedDateTime>reverseOrder()))
            .thenComparing(Article::title)
            .thenComparing(Article::slug);

    private final TagVocabulary vocabulary;

    public Linker(SiteConfig site) {
        this.vocabulary = new TagVocabulary(site.vocabulary());
    }

    public Digest link(List<Article> input, ProblemSink problems) {
        checkUniqueSlugs(input);
        Map<String, Tag> tags = new TreeMap<>();
        Map<String, String> firstUse = new TreeMap<>();
        List<Article> articles = new ArrayList<>();
        for (Article article : input) {
            Set<String> slugs = new LinkedHashSet<>();
            for (String written : article.tags()) {
                Tag tag = vocabulary.resolve(written);
                if (tag.slug().isEmpty()) {
                    problems.report(Problem.warning(article.sourceFile(), 0,
                            "tag '" + written + "' has no letters or digits to name a page after: ignored"));
                    continue;
                }
                Tag seen = tags.putIfAbsent(tag.slug(), tag);
                if (seen != null && !seen.name().equals(tag.name()) && !vocabulary.isCanonical(tag.slug())) {
                    problems.report(Problem.warning(article.sourceFile(), 0, "tag '" + tag.name() + "' and tag '"
                            + seen.name() + "' (" + firstUse.get(tag.slug()) + ") share the page tags/" + tag.slug()
                            + "/: merged as '" + seen.name() + "'"));
                }
                firstUse.putIfAbsent(tag.slug(), article.sourceFile());
                slugs.add(tag.slug());
            }
            articles.add(article.withTags(List.copyOf(slugs)));
        }
        articles.sort(NEWEST_FIRST);
        List<Digest.TagGroup> groups = new ArrayList<>();
        for (Tag tag : tags.values()) {
            List<Article> tagged = articles.stream().filter(a -> a.tags().contains(tag.slug())).toList();
            groups.add(new Digest.TagGroup(tag, tagged));
        }
        return new Digest(articles, groups);
    }

    private static void checkUniqueSlugs(List<Article> articles) {
        Map<String, List<Article>> bySlug = new TreeMap<>();
        for (Article a : articles) {
            bySlug.computeIfAbsent(a.slug(), k -> new ArrayList<>()).add(a);
        }
        List<Problem> errors = new ArrayList<>();
        for (Map.Entry<String, List<Article>> e : bySlug.entrySet()) {
            List<Article> same = e.getValue();
            for (int i = 1; i < same.size(); i++) {
                errors.add(Problem.error(same.get(i).sourceFile(), 0, "slug '" + e.getKey() + "' is also used by "
                        + same.get(0).sourceFile() + "; give one of them a different 'slug:' in its front matter"));
            }
        }
        if (!errors.isEmpty()) {
            throw new GazetteException(errors);
        }
    }
}
