package dev.gazette.render;

import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import dev.gazette.model.Edition;
import dev.gazette.model.Story;
import dev.gazette.model.Tag;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * A small stand-in for the link stage, for tests of what the render makes of a digest: tags,
 * daily editions, stories and months grouped plainly, and, as the link stage hands them over,
 * every part whose contents are unchanged is the very object of the last digest.
 */
final class MiniLinker {
    private MiniLinker() {
    }

    /** The digest of {@code articles}, reusing the parts of {@code last} (may be null) whose contents are the same objects. */
    static Digest link(List<Article> articles, Digest last) {
        List<Article> sorted = new ArrayList<>(articles);
        sorted.sort(Comparator.comparing((Article a) -> a.date() == null ? 1 : 0)
                .thenComparing(a -> a.date() == null ? null : a.date().toInstant(), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Article::slug));
        List<Article> dated = sorted.stream().filter(a -> a.date() != null).toList();

        Map<String, List<Article>> byTag = new TreeMap<>();
        sorted.forEach(a -> a.tags().forEach(t -> byTag.computeIfAbsent(t, k -> new ArrayList<>()).add(a)));
        List<Digest.TagGroup> tags = reuse(byTag, last == null ? List.of() : last.tags(), g -> g.tag().slug(),
                Digest.TagGroup::articles, (slug, list) -> new Digest.TagGroup(new Tag(slug, slug.toUpperCase(), null,
                        List.of()), list));

        Map<String, List<Article>> byStory = new TreeMap<>();
        sorted.forEach(a -> {
            if (a.story() != null) {
                byStory.computeIfAbsent(a.story(), k -> new ArrayList<>()).add(a);
            }
        });
        byStory.values().removeIf(list -> list.size() < 2);
        List<Story> stories = reuse(byStory, last == null ? List.of() : last.stories(), Story::slug, Story::articles,
                (slug, list) -> new Story(slug, list.get(list.size() - 1).title(), list));

        Map<String, List<Article>> byDay = new TreeMap<>(Comparator.reverseOrder());
        dated.forEach(a -> byDay.computeIfAbsent(a.date().toLocalDate().toString(), k -> new ArrayList<>()).add(a));
        List<Edition> editions = reuse(byDay, last == null ? List.of() : last.editions(), Edition::slug,
                e -> e.groups().stream().map(Edition.Group::lead).toList(),
                (slug, list) -> new Edition(slug, LocalDate.parse(slug), LocalDate.parse(slug),
                        list.stream().map(a -> new Edition.Group(null, List.of(a))).toList()));

        Map<String, List<Article>> byMonth = new TreeMap<>(Comparator.reverseOrder());
        dated.forEach(a -> byMonth.computeIfAbsent(YearMonth.from(a.date()).toString(), k -> new ArrayList<>()).add(a));
        List<Digest.Month> months = reuse(byMonth, last == null ? List.of() : last.months(), m -> m.month().toString(),
                Digest.Month::articles, (month, list) -> new Digest.Month(YearMonth.parse(month), list));

        Map<String, Digest.ArticleLinks> links = new LinkedHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            Article a = sorted.get(i);
            Digest.ArticleLinks made = new Digest.ArticleLinks(List.of(), a.story() != null && byStory.containsKey(a.story()) ? a.story() : null,
                    a.date() == null ? null : a.date().toLocalDate().toString(), i > 0 ? sorted.get(i - 1).slug() : null,
                    i + 1 < sorted.size() ? sorted.get(i + 1).slug() : null);
            Digest.ArticleLinks before = last == null ? null : last.links().get(a.slug());
            links.put(a.slug(), made.equals(before) ? before : made);
        }
        return new Digest(sorted, tags, stories, editions, months, links);
    }

    /** A part per group, the last digest's where it held the very same articles. */
    private static <T> List<T> reuse(Map<String, List<Article>> groups, List<T> last, Function<T, String> id,
                                     Function<T, List<Article>> articles, BiFunction<String, List<Article>, T> make) {
        Map<String, T> before = new LinkedHashMap<>();
        last.forEach(t -> before.put(id.apply(t), t));
        List<T> parts = new ArrayList<>();
        groups.forEach((slug, list) -> {
            T old = before.get(slug);
            parts.add(old != null && sameObjects(articles.apply(old), list) ? old : make.apply(slug, list));
        });
        return parts;
    }

    private static boolean sameObjects(List<Article> a, List<Article> b) {
        return a.size() == b.size() && IntStream.range(0, a.size()).allMatch(i -> a.get(i) == b.get(i));
    }
}
