package dev.gazette.link;

import dev.gazette.model.Article;
import dev.gazette.model.Slugs;
import dev.gazette.model.Story;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Groups articles that cover the same event into stories: two articles are one story when
 * their texts and names are similar and they were published within a few days of each other
 * (by content alone when either date is unknown). A curator can also
 * group articles by giving them the same {@code story} key. Groups are the connected components
 * of these links.
 */
final class Stories {
    /**
     * Two reports of one event by different outlets share both words and names: their text
     * similarity, boosted by the tags they share, reaches this; articles that merely share a
     * topic stay below it.
     */
    static final double SAME_EVENT = 0.20;
    /** Below this text similarity, shared tags alone never make two articles one story. */
    static final double MIN_TEXT_SIMILARITY = 0.10;
    static final Duration WINDOW = Duration.ofDays(3);

    private final int[] parent;
    private final List<Article> articles;

    Stories(List<Article> articles) {
        this.articles = articles;
        this.parent = new int[articles.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<String, Integer> byKey = new HashMap<>();
        for (int i = 0; i < articles.size(); i++) {
            String key = articles.get(i).story();
            if (key != null) {
                Integer first = byKey.putIfAbsent(Slugs.orHash(key, "story"), i);
                if (first != null) {
                    union(first, i);
                }
            }
        }
    }

    /**
     * The articles' publication instants, taken once each where asked for: a build looks at
     * every candidate pair, and each comparison would otherwise convert two zoned dates.
     */
    static final class Instants {
        private final List<Article> articles;
        private final long[] seconds;
        private final int[] nanos;

        Instants(List<Article> articles) {
            this.articles = articles;
            this.seconds = new long[articles.size()];
            this.nanos = new int[articles.size()];
        }

        /** Takes the instant of the article at {@code i}; before {@link #sameEvent} reads it. */
        void take(int i) {
            ZonedDateTime date = articles.get(i).date();
            if (date != null) {
                seconds[i] = date.toEpochSecond();
                nanos[i] = date.getNano();
            }
        }

        /**
         * Whether the similar pair of articles at {@code a} and {@code b} looks like the same
         * event: similar enough, and published within the window unless a date is unknown.
         */
        boolean sameEvent(int a, int b, double textSimilarity, double boosted) {
            if (textSimilarity < MIN_TEXT_SIMILARITY || boosted < SAME_EVENT) {
                return false;
            }
            return articles.get(a).date() == null || articles.get(b).date() == null || withinWindow(a, b);
        }

        /** Whether the two dated articles were published at most {@link #WINDOW} apart, to the nanosecond. */
        private boolean withinWindow(int a, int b) {
            long apart = seconds[a] - seconds[b];
            if (Math.abs(apart) > WINDOW.getSeconds() + 1) {
                return false;
            }
            return Math.abs(apart * 1_000_000_000L + (nanos[a] - nanos[b])) <= WINDOW.toNanos();
        }
    }

    /** Joins the articles at positions {@code a} and {@code b} into one story. */
    void join(int a, int b) {
        union(a, b);
    }

    /** Every group of two or more articles, each newest first; the list newest story first. */
    List<Story> stories() {
        // Most articles are in no story: only roots with two or more members get a list.
        int[] members = new int[articles.size()];
        for (int i = 0; i < articles.size(); i++) {
            members[find(i)]++;
        }
        Map<Integer, List<Article>> groups = new TreeMap<>();
        for (int i = 0; i < articles.size(); i++) {
            int root = find(i);
            if (members[root] >= 2) {
                groups.computeIfAbsent(root, k -> new ArrayList<>()).add(articles.get(i));
            }
        }
        List<List<Article>> kept = new ArrayList<>();
        for (List<Article> group : groups.values()) {
            if (group.size() >= 2) {
                group.sort(Linker.NEWEST_FIRST);
                kept.add(group);
            }
        }
        // Stories the curator named claim their slugs first; a clash gets the next free "-n".
        Map<List<Article>, String> wanted = new IdentityHashMap<>();
        for (List<Article> group : kept) {
            String key = group.stream().map(Article::story).filter(s -> s != null).findFirst().orElse(null);
            wanted.put(group, key != null ? Slugs.orHash(key, "story") : null);
        }
        Set<String> used = new HashSet<>();
        Map<List<Article>, String> slugs = new IdentityHashMap<>();
        for (boolean keyed : new boolean[] {true, false}) {
            for (List<Article> group : kept) {
                if ((wanted.get(group) != null) == keyed) {
                    String slug = keyed ? wanted.get(group) : earliest(group).slug();
                    String unique = slug;
                    for (int n = 2; !used.add(unique); n++) {
                        unique = slug + "-" + n;
                    }
                    slugs.put(group, unique);
                }
            }
        }
        List<Story> out = new ArrayList<>();
        for (List<Article> group : kept) {
            out.add(new Story(slugs.get(group), earliest(group).title(), group));
        }
        out.sort(Comparator.comparing((Story s) -> s.articles().get(0), Linker.NEWEST_FIRST));
        return out;
    }

    /** The first report of the event: the story is named after it. */
    private static Article earliest(List<Article> group) {
        return group.stream().min(Comparator.comparing(Article::date,
                Comparator.nullsLast(Comparator.<ZonedDateTime>naturalOrder()))
                .thenComparing(Article::slug)).orElseThrow();
    }

    private int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra != rb) {
            // The smaller index is the root, so components come out in article order.
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
