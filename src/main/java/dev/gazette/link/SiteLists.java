package dev.gazette.link;

import dev.gazette.config.SiteConfig;
import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import dev.gazette.model.DigestChange;
import dev.gazette.model.Edition;
import dev.gazette.model.Story;
import dev.gazette.model.Tag;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The digest's site-wide lists (related articles, stories, editions, months, tag pages, each
 * article's neighbours), made from the linked articles and their similar candidates, or brought up
 * to date from the last build's lists: only the keys (edition, month, tag) an added, changed or
 * removed article belongs to get their list made again, an article's related list only when its
 * candidates or their tags changed, and the stories only when a changed article or a changed
 * candidate list touches one. An article counts as unchanged when it is the very object of the
 * last build; everything unchanged is kept as the very object it was, so that what is made from
 * it downstream is recognised by identity. Either way the digest is the one a build from nothing makes.
 */
final class SiteLists {
    /** An empty site: everything of a site made from nothing is "added". */
    private static final SiteLists NONE = new SiteLists(new Digest(List.of(), List.of(), List.of(), List.of(), List.of(), Map.of()),
            new Near[0], new Digest.ArticleLinks[0], Map.of(), new TreeMap<>(), new TreeMap<>(),
            new TreeMap<>(), new TreeMap<>(), 0, null);

    /**
     * What an article's similar candidates gave it.
     *
     * @param articles   the articles the candidates are among (the articles as they were when this was made),
     *                   one array shared by every article's
     * @param at         the candidates' positions in {@code articles}, best first
     * @param scores     their text similarities
     * @param related    the related articles' slugs
     * @param sameEvent  bit k set when candidate k looks like a report of the same event
     */
    private record Near(Article[] articles, int[] at, double[] scores, List<String> related, long sameEvent) {
        int count() {
            return at.length;
        }

        Article candidate(int j) {
            return articles[at[j]];
        }
    }

    private final Digest digest;
    /** By position in the digest's articles. */
    private final Near[] near;
    /**
     * Each article's neighbours, by position. For lists read back (which keep none), those that can
     * be told from what they keep; null where they cannot.
     */
    private final Digest.ArticleLinks[] links;
    private final Map<String, Story> storyOf;
    /** Each edition's articles newest first, and the editions, by first day, newest first. */
    private final TreeMap<LocalDate, List<Article>> editionMembers;
    private final TreeMap<LocalDate, Edition> editions;
    private final TreeMap<YearMonth, Digest.Month> months;
    private final TreeMap<String, Digest.TagGroup> tagGroups;
    /** The lists as a build cache read them back (by position, no articles); null once bound to articles. */
    private final Saved saved;
    /** How many articles' related lists this build made (the rest were kept): what tests see of the path taken. */
    private final int remade;
    /** What of the digest may differ from the last build's; null when the lists were made from nothing. */
    private final DigestChange change;

    private SiteLists(Digest digest, Near[] near, Digest.ArticleLinks[] links, Map<String, Story> storyOf,
                      TreeMap<LocalDate, List<Article>> editionMembers, TreeMap<LocalDate, Edition> editions,
                      TreeMap<YearMonth, Digest.Month> months, TreeMap<String, Digest.TagGroup> tagGroups, int remade,
                      DigestChange change) {
        this.digest = digest;
        this.near = near;
        this.links = links;
        this.storyOf = storyOf;
        this.editionMembers = editionMembers;
        this.editions = editions;
        this.months = months;
        this.tagGroups = tagGroups;
        this.saved = null;
        this.remade = remade;
        this.change = change;
    }

    private SiteLists(Saved saved) {
        this.digest = null;
        this.near = null;
        this.links = null;
        this.storyOf = null;
        this.editionMembers = null;
        this.editions = null;
        this.months = null;
        this.tagGroups = null;
        this.saved = saved;
        this.remade = 0;
        this.change = null;
    }

    /** How many articles' related lists were made for these lists rather than kept from the last build's. */
    int remade() {
        return remade;
    }

    /** What of the digest may differ from the last build's; null when these lists were made from nothing. */
    DigestChange change() {
        return change;
    }

    /** The digest; null for lists read back from a build cache until they are updated. */
    Digest digest() {
        return digest;
    }

    /**
     * The lists of {@code articles}.
     *
     * @param articles     the linked articles, newest first
     * @param similar      each article's similar candidates, by position in {@code articles}
     * @param tags         every tag the articles carry, by slug
     * @param last         the last build's lists, or null
     * @param lastPosition for each article, the position in {@code last}'s articles of the one it
     *                     came from (an unchanged article is that very object), or -1
     * @param limit        the most added, changed or removed articles worth updating the lists for;
     *                     with more they are made from nothing
     */
    static SiteLists of(SiteConfig.Edition kind, List<Article> articles, SimilarityIndex.Matches similar,
                        Map<String, Tag> tags, SiteLists last, int[] lastPosition, int limit) {
        int n = articles.size();
        int sizeBefore = last == null ? 0 : last.saved != null ? last.saved.size() : last.digest.articles().size();
        int[] oldAt = new int[n];
        boolean[] kept = new boolean[sizeBefore];
        List<Integer> arriving = new ArrayList<>();
        // The loops over every article run as lambdas, compiled after a few hundred calls: a loop in a
        // method run once a build stays in the interpreter (see Linker.make).
        IntStream.range(0, n).forEach(k -> {
            int p = sizeBefore == 0 ? -1 : lastPosition[k];
            // Lists read back hold no articles to compare: the position alone says the article is the same.
            oldAt[k] = p >= 0 && (last.saved != null || last.digest.articles().get(p) == articles.get(k)) ? p : -1;
            if (oldAt[k] >= 0) {
                kept[oldAt[k]] = true;
            } else {
                arriving.add(k);
            }
        });
        List<Integer> leaving = new ArrayList<>();
        for (int p = 0; p < kept.length; p++) {
            if (!kept[p]) {
                leaving.add(p);
            }
        }
        if (last == null || (last != NONE && arriving.size() + leaving.size() > limit)) {
            return of(kind, articles, similar, tags, NONE, new int[n], Integer.MAX_VALUE);
        }
        if (last.saved != null) {
            Article[] nowAt = new Article[sizeBefore];
            for (int k = 0; k < n; k++) {
                if (oldAt[k] >= 0) {
                    nowAt[oldAt[k]] = articles.get(k);
                }
            }
            Bound bound = last.saved.bound(nowAt, kind, leaving);
            return bound.lists().updated(kind, articles, similar, tags, oldAt, arriving, bound.left());
        }
        return last.updated(kind, articles, similar, tags, oldAt, arriving, last.left(leaving, kind));
    }

    /**
     * What the articles that left took with them: the keys whose lists they were in, and
     * whether a story may have lost a report.
     *
     * @param articles     the articles that left, still in the lists (they are taken out by identity)
     * @param editions     the editions they were in
     * @param months       the months they were in
     * @param tags         the tags they carried
     * @param stories      whether a story may have lost one of them
     * @param storiesBefore the stories a story made now may be the same as
     * @param restoried    articles of stories that lost one of them, already taken out of {@code storiesBefore}
     */
    private record Left(Set<Article> articles, Set<LocalDate> editions, Set<YearMonth> months, Set<String> tags,
                        boolean stories, List<Story> storiesBefore, List<Article> restoried) {
    }

    /** What the articles at positions {@code leaving} of these lists take with them. */
    private Left left(List<Integer> leaving, SiteConfig.Edition kind) {
        List<Article> was = digest.articles();
        Set<Article> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        leaving.forEach(p -> gone.add(was.get(p)));
        Set<LocalDate> editionKeys = new TreeSet<>();
        Set<YearMonth> monthKeys = new TreeSet<>();
        Set<String> tagKeys = new HashSet<>();
        boolean stories = false;
        for (int p : leaving) {
            Article a = was.get(p);
            if (a.hasDate()) {
                editionKeys.add(Editions.editionStart(a, kind));
                monthKeys.add(Editions.month(a));
            }
            tagKeys.addAll(a.tags());
            stories |= near[p].sameEvent() != 0 || a.story() != null;
        }
        return new Left(gone, editionKeys, monthKeys, tagKeys, stories, digest.stories(), List.of());
    }

    private SiteLists updated(SiteConfig.Edition kind, List<Article> articles, SimilarityIndex.Matches similar,
                              Map<String, Tag> tags, int[] oldAt, List<Integer> arriving, Left left) {
        int n = articles.size();
        Set<Article> gone = left.articles();
        List<Article> added = arriving.stream().map(articles::get).toList();

        // Related lists and same-event pairs: kept while an article's candidates are the same articles, equally scored.
        Near[] nearNow = new Near[n];
        List<Integer> remade = new ArrayList<>();
        // When every article that came or changed was indexed again, a document whose matches the
        // index's update kept names only articles kept here: its candidates are the same without a look.
        boolean keptIsSame = true;
        for (int k : arriving) {
            keptIsSame &= !similar.kept(k);
        }
        boolean candidatesKept = keptIsSame;
        IntStream.range(0, n).forEach(k -> {
            if (oldAt[k] >= 0 && (candidatesKept && similar.kept(k) || sameCandidates(near[oldAt[k]], articles, similar, k))) {
                nearNow[k] = near[oldAt[k]];
            } else {
                remade.add(k);
            }
        });
        int[][] tagIds = new int[n][];
        Stories.Instants instants = new Stories.Instants(articles);
        read(articles, tags, remade, similar, tagIds, instants);
        Article[] all = remade.isEmpty() ? null : articles.toArray(new Article[0]);
        (remade.size() > 64 ? remade.parallelStream() : remade.stream())
                .forEach(k -> nearNow[k] = near(all, k, similar, tagIds, instants));

        // Stories: made again only when a pair of the same event, or a curator's story key, may have come or gone.
        boolean storiesChanged = false;
        for (int k : remade) {
            storiesChanged |= !sameEvents(oldAt[k] >= 0 ? near[oldAt[k]] : null, nearNow[k]);
        }
        storiesChanged |= left.stories();
        for (Article a : added) {
            storiesChanged |= a.story() != null;
        }
        List<Story> storyList = left.storiesBefore();
        Map<String, Story> storyOfNow = storyOf;
        List<Article> restoried = new ArrayList<>(left.restoried());
        if (storiesChanged) {
            storyList = stories(articles, similar, nearNow, left.storiesBefore(), restoried);
            storyOfNow = new HashMap<>();
            for (Story story : storyList) {
                for (Article a : story.articles()) {
                    storyOfNow.put(a.slug(), story);
                }
            }
        }

        // Editions, months and tag pages: remade for the keys an article came to or left.
        TreeMap<LocalDate, List<Article>> membersNow = new TreeMap<>(editionMembers);
        TreeMap<LocalDate, Edition> editionsNow = new TreeMap<>(editions);
        Function<Article, LocalDate> start = a -> Editions.editionStart(a, kind);
        Set<LocalDate> editionKeys = new TreeSet<>(left.editions());
        for (List<Article> some : List.of(added, restoried)) {
            some.stream().filter(Article::hasDate).map(start).forEach(editionKeys::add);
        }
        Map<LocalDate, List<Article>> addedByEdition = byKey(added, start);
        for (LocalDate key : editionKeys) {
            List<Article> members = patched(membersNow.getOrDefault(key, List.of()), gone,
                    addedByEdition.getOrDefault(key, List.of()));
            if (members.isEmpty()) {
                membersNow.remove(key);
                editionsNow.remove(key);
            } else {
                membersNow.put(key, members);
                editionsNow.put(key, Editions.edition(key, members, kind, storyOfNow));
            }
        }
        TreeMap<YearMonth, Digest.Month> monthsNow = new TreeMap<>(months);
        Map<YearMonth, List<Article>> addedByMonth = byKey(added, Editions::month);
        Set<YearMonth> monthKeys = new TreeSet<>(addedByMonth.keySet());
        monthKeys.addAll(left.months());
        for (YearMonth key : monthKeys) {
            Digest.Month before = monthsNow.get(key);
            List<Article> members = patched(before == null ? List.of() : before.articles(), gone,
                    addedByMonth.getOrDefault(key, List.of()));
            if (members.isEmpty()) {
                monthsNow.remove(key);
            } else {
                monthsNow.put(key, new Digest.Month(key, members));
            }
        }
        Set<String> tagKeys = new HashSet<>(left.tags());
        Map<String, List<Article>> addedByTag = new LinkedHashMap<>();
        for (Article a : added) {
            for (String slug : a.tags()) {
                addedByTag.computeIfAbsent(slug, s -> new ArrayList<>()).add(a);
                tagKeys.add(slug);
            }
        }
        TreeMap<String, Digest.TagGroup> groupsNow = new TreeMap<>();
        for (Tag tag : tags.values()) {
            Digest.TagGroup before = tagGroups.get(tag.slug());
            if (before != null && !tagKeys.contains(tag.slug()) && before.tag().equals(tag)) {
                groupsNow.put(tag.slug(), before);
            } else {
                groupsNow.put(tag.slug(), new Digest.TagGroup(tag, patched(before == null ? List.of() : before.articles(),
                        gone, addedByTag.getOrDefault(tag.slug(), List.of()))));
            }
        }

        // Each article's place among the others.
        Digest.ArticleLinks[] linksNow = new Digest.ArticleLinks[n];
        // The last digest's map of them, when every article has the same place as then: made again
        // only when one changed (a map of every article costs as much as the rest of a save's lists).
        Map<String, Digest.ArticleLinks> lastLinks = digest == null ? null : digest.links();
        boolean storiesRemade = storiesChanged;
        Map<String, Story> storyOfAll = storyOfNow;
        IntStream.range(0, n).forEach(k -> {
            Article a = articles.get(k);
            Digest.ArticleLinks before = oldAt[k] >= 0 ? links[oldAt[k]] : null;
            Story story = storiesRemade || before == null ? storyOfAll.get(a.slug()) : null;
            String storySlug = storiesRemade || before == null ? (story == null ? null : story.slug()) : before.story();
            String edition = before != null ? before.edition() : a.hasDate() ? start.apply(a).toString() : null;
            String newer = k > 0 ? articles.get(k - 1).slug() : null;
            String older = k + 1 < n ? articles.get(k + 1).slug() : null;
            linksNow[k] = before != null && before.related().equals(nearNow[k].related()) && Objects.equals(before.story(), storySlug)
                    && Objects.equals(before.newer(), newer) && Objects.equals(before.older(), older) ? before
                    : new Digest.ArticleLinks(nearNow[k].related(), storySlug, edition, newer, older);
        });
        // Up to the first article whose links are not equal to the last map's, each equal one is the last map's.
        boolean sameLinks = lastLinks != null && lastLinks.size() == n && IntStream.range(0, n).allMatch(k -> {
            if (oldAt[k] >= 0 && linksNow[k] == links[oldAt[k]]) {
                return true;
            }
            Digest.ArticleLinks was = lastLinks.get(articles.get(k).slug());
            linksNow[k] = linksNow[k].equals(was) ? was : linksNow[k];
            return linksNow[k] == was;
        });
        Map<String, Digest.ArticleLinks> bySlug = sameLinks ? lastLinks : new Digest.LinksBySlug(articles, linksNow);
        Digest made = new Digest(articles, List.copyOf(groupsNow.values()), storyList,
                List.copyOf(editionsNow.descendingMap().values()), List.copyOf(monthsNow.descendingMap().values()), bySlug);
        DigestChange change = this == NONE ? null
                : change(made, oldAt, linksNow, List.copyOf(left.storiesBefore()), groupsNow, editionsNow, monthsNow);
        return new SiteLists(made, nearNow, linksNow, storyOfNow, membersNow, editionsNow, monthsNow, groupsNow,
                remade.size(), change);
    }

    /**
     * What of {@code made} may differ from the last build's digest, these lists being the last
     * build's (or bound to this build's articles from a build cache). Each part is named unless it
     * is known equal: an article kept ({@code oldAt}, the very article or, read back, one the link
     * stage found the same as then); neighbours equal to the last ones at the article's last
     * position; a tag group, story, edition or month that is still the very object of these lists,
     * which {@link #updated} keeps only while none of its articles came, went or changed (a list
     * read back keeps one only when each of its articles is still here, unchanged).
     */
    private DigestChange change(Digest made, int[] oldAt, Digest.ArticleLinks[] linksNow, List<Story> storiesBefore,
                                TreeMap<String, Digest.TagGroup> groupsNow, TreeMap<LocalDate, Edition> editionsNow,
                                TreeMap<YearMonth, Digest.Month> monthsNow) {
        List<Article> articles = made.articles();
        int n = articles.size();
        int sizeBefore = near.length;
        Set<String> changedArticles = new HashSet<>();
        Set<String> changedLinks = new HashSet<>();
        // Positions whose slug may not be the last one's: where an article is not the one kept from
        // there, and those only one of the two digests has.
        int movedFrom = n == sizeBefore ? n : Math.min(n, sizeBefore);
        int movedTo = n == sizeBefore ? 0 : Math.max(n, sizeBefore);
        for (int k = 0; k < n; k++) {
            String slug = articles.get(k).slug();
            if (oldAt[k] < 0) {
                changedArticles.add(slug);
            }
            if (oldAt[k] < 0 || linksNow[k] != links[oldAt[k]] && !linksNow[k].equals(links[oldAt[k]])) {
                changedLinks.add(slug);
            }
            if (oldAt[k] != k) {
                movedFrom = Math.min(movedFrom, k);
                movedTo = Math.max(movedTo, k + 1);
            }
        }
        if (movedFrom >= movedTo) {
            movedFrom = movedTo = n;   // none
        }
        Set<String> changedTags = new HashSet<>();
        groupsNow.forEach((slug, group) -> {
            if (group != tagGroups.get(slug)) {
                changedTags.add(slug);
            }
        });
        Set<Story> keptStories = Collections.newSetFromMap(new IdentityHashMap<>());
        keptStories.addAll(storiesBefore);
        Set<String> changedStories = new HashSet<>();
        for (Story story : made.stories()) {
            if (!keptStories.contains(story)) {
                changedStories.add(story.slug());
            }
        }
        Set<String> changedEditions = new HashSet<>();
        editionsNow.forEach((key, edition) -> {
            if (edition != editions.get(key)) {
                changedEditions.add(edition.slug());
            }
        });
        Set<YearMonth> changedMonths = new HashSet<>();
        monthsNow.forEach((key, month) -> {
            if (month != months.get(key)) {
                changedMonths.add(key);
            }
        });
        // The editions' neighbours are the last ones when the same editions are there.
        boolean editionsMoved = !editionsNow.keySet().equals(editionMembers.keySet());
        return new DigestChange(changedArticles, changedLinks, changedTags, changedStories, changedEditions, editionsMoved,
                changedMonths, movedFrom, movedTo);
    }

    /** Whether {@code near} was made from the very candidates {@code matches} names, scored the same. */
    private static boolean sameCandidates(Near near, List<Article> articles, SimilarityIndex.Matches matches, int k) {
        if (near.count() != matches.count(k)) {
            return false;
        }
        for (int j = 0; j < near.count(); j++) {
            if (near.candidate(j) != articles.get(matches.doc(k, j)) || near.scores()[j] != matches.score(k, j)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code before} (or null: none) and {@code now} join an article to the very same others as reports of one event. */
    private static boolean sameEvents(Near before, Near now) {
        if (before == null || before.sameEvent() == 0 || now.sameEvent() == 0) {
            return (before == null || before.sameEvent() == 0) && now.sameEvent() == 0;
        }
        Set<Article> joined = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int j = 0; j < before.count(); j++) {
            if ((before.sameEvent() & 1L << j) != 0) {
                joined.add(before.candidate(j));
            }
        }
        int count = 0;
        for (int j = 0; j < now.count(); j++) {
            if ((now.sameEvent() & 1L << j) != 0) {
                count++;
                if (!joined.contains(now.candidate(j))) {
                    return false;
                }
            }
        }
        return count == joined.size();
    }

    /** What article {@code k}'s candidates give it: related articles, and reports of the same event. */
    private static Near near(Article[] articles, int k, SimilarityIndex.Matches matches, int[][] tagIds,
                             Stories.Instants instants) {
        int[] at = new int[matches.count(k)];
        double[] scores = new double[at.length];
        record Scored(Article article, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        long sameEvent = 0;
        for (int j = 0; j < at.length; j++) {
            int other = matches.doc(k, j);
            at[j] = other;
            scores[j] = matches.score(k, j);
            double boosted = Linker.boosted(shared(tagIds[k], tagIds[other]), scores[j]);
            if (boosted >= Linker.MIN_RELATED) {
                scored.add(new Scored(articles[other], boosted));
            }
            if (instants.sameEvent(k, other, scores[j], boosted)) {
                sameEvent |= 1L << j;
            }
        }
        // The best related articles: content similarity boosted by shared tags, ties by date then slug.
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::article, Linker.NEWEST_FIRST));
        List<String> related = scored.stream().limit(Linker.RELATED).map(s -> s.article().slug()).toList();
        return new Near(articles, at, scores, List.copyOf(related), sameEvent);
    }

    /**
     * The stories, from the curators' keys and the same-event pairs; a story equal to one of
     * {@code before} is that very object. The articles of every story not kept, in it now or
     * before, are added to {@code restoried}.
     */
    private static List<Story> stories(List<Article> articles, SimilarityIndex.Matches similar, Near[] near,
                                       List<Story> before, List<Article> restoried) {
        Stories stories = new Stories(articles);
        for (int k = 0; k < near.length; k++) {
            long pairs = near[k].sameEvent();
            for (int j = 0; pairs != 0; j++, pairs >>>= 1) {
                if ((pairs & 1) != 0) {
                    stories.join(k, similar.doc(k, j));
                }
            }
        }
        Map<String, Story> bySlug = new HashMap<>();
        before.forEach(s -> bySlug.put(s.slug(), s));
        List<Story> out = new ArrayList<>();
        Set<Story> keptStories = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Story story : stories.stories()) {
            Story old = bySlug.get(story.slug());
            if (old != null && old.title().equals(story.title()) && sameElements(old.articles(), story.articles())) {
                out.add(old);
                keptStories.add(old);
            } else {
                out.add(story);
                restoried.addAll(story.articles());
            }
        }
        before.stream().filter(s -> !keptStories.contains(s)).forEach(s -> restoried.addAll(s.articles()));
        return out;
    }

    private static boolean sameElements(List<Article> a, List<Article> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code articles} (newest first) by key, each list newest first. */
    private static <K> Map<K, List<Article>> byKey(List<Article> articles, Function<Article, K> key) {
        Map<K, List<Article>> out = new HashMap<>();
        for (Article a : articles) {
            if (a.hasDate()) {
                out.computeIfAbsent(key.apply(a), k -> new ArrayList<>()).add(a);
            }
        }
        return out;
    }

    /** {@code before} (newest first) without the articles {@code gone} and with {@code arriving}, newest first. */
    private static List<Article> patched(List<Article> before, Set<Article> gone, List<Article> arriving) {
        if (before.isEmpty()) {
            return arriving;
        }
        List<Article> out = new ArrayList<>(before.size() + arriving.size());
        for (Article a : before) {
            if (!gone.contains(a)) {
                out.add(a);
            }
        }
        for (Article a : arriving) {
            int at = Collections.binarySearch(out, a, Linker.NEWEST_FIRST);
            out.add(at < 0 ? -at - 1 : at, a);
        }
        return out;
    }

    /**
     * What the pairs of the articles {@code remade} and their candidates are compared by, taken
     * for those articles only: their tags as the ranks of their slugs among {@code tags},
     * ascending, into {@code tagIds} (shared tags are then counted by merging two short arrays
     * of numbers), and their instants. The other articles' entries stay empty.
     */
    private static void read(List<Article> articles, Map<String, Tag> tags, List<Integer> remade,
                             SimilarityIndex.Matches similar, int[][] tagIds, Stories.Instants instants) {
        Map<String, Integer> rank = new HashMap<>();
        for (String slug : tags.keySet()) {
            rank.put(slug, rank.size());
        }
        boolean[] needed = new boolean[articles.size()];
        for (int k : remade) {
            needed[k] = true;
            for (int j = 0; j < similar.count(k); j++) {
                needed[similar.doc(k, j)] = true;
            }
        }
        IntStream.range(0, tagIds.length).filter(k -> needed[k]).parallel().forEach(k -> {
            tagIds[k] = articles.get(k).tags().stream().mapToInt(rank::get).distinct().sorted().toArray();
            instants.take(k);
        });
    }

    /** How many numbers two ascending arrays share. */
    private static int shared(int[] a, int[] b) {
        int n = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                n++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }

    /** Writes the lists by position among the digest's articles (the articles are the input's), for a build cache. */
    void write(StateStrings.Out strings) throws IOException {
        DataOutput out = strings.data;
        Saved s = saved();
        out.writeInt(s.size());
        for (int k = 0; k < s.size(); k++) {
            out.writeInt(s.candidates()[k].length);
            for (int j = 0; j < s.candidates()[k].length; j++) {
                out.writeInt(s.candidates()[k][j]);
                out.writeDouble(s.scores()[k][j]);
            }
            strings.strings(s.related().get(k));
            out.writeLong(s.sameEvent()[k]);
        }
        out.writeInt(s.stories().size());
        for (SavedStory story : s.stories()) {
            strings.string(story.slug());
            strings.string(story.title());
            writePositions(out, story.members());
        }
        out.writeInt(s.editions().size());
        for (Map.Entry<LocalDate, int[]> e : s.editions().entrySet()) {
            out.writeLong(e.getKey().toEpochDay());
            writePositions(out, e.getValue());
        }
        out.writeInt(s.months().size());
        for (Map.Entry<YearMonth, int[]> e : s.months().entrySet()) {
            out.writeInt(e.getKey().getYear());
            out.writeInt(e.getKey().getMonthValue());
            writePositions(out, e.getValue());
        }
        strings.tags(s.tags().stream().map(SavedTag::tag).toList());
        for (SavedTag tag : s.tags()) {
            writePositions(out, tag.members());
        }
    }

    /** Lists written by {@link #write}: bound to the articles of the build that updates them. */
    static SiteLists read(StateStrings.In strings) throws IOException {
        DataInput in = strings.data;
        int n = LinkState.count(in);
        int[][] candidates = new int[n][];
        double[][] scores = new double[n][];
        List<List<String>> related = new ArrayList<>(n);
        long[] sameEvent = new long[n];
        for (int k = 0; k < n; k++) {
            int c = LinkState.count(in);
            if (c > 64) {
                throw new IOException(c + " candidates");
            }
            candidates[k] = new int[c];
            scores[k] = new double[c];
            for (int j = 0; j < c; j++) {
                candidates[k][j] = position(in.readInt(), n);
                scores[k][j] = in.readDouble();
            }
            related.add(strings.strings());
            sameEvent[k] = in.readLong();
        }
        List<SavedStory> stories = new ArrayList<>();
        for (int c = LinkState.count(in); c > 0; c--) {
            stories.add(new SavedStory(strings.string(), strings.string(), readPositions(in, n)));
        }
        TreeMap<LocalDate, int[]> editions = new TreeMap<>();
        for (int c = LinkState.count(in); c > 0; c--) {
            editions.put(LocalDate.ofEpochDay(in.readLong()), readPositions(in, n));
        }
        TreeMap<YearMonth, int[]> months = new TreeMap<>();
        for (int c = LinkState.count(in); c > 0; c--) {
            try {
                months.put(YearMonth.of(in.readInt(), in.readInt()), readPositions(in, n));
            } catch (DateTimeException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        List<SavedTag> tags = new ArrayList<>();
        for (Tag tag : strings.tags()) {
            tags.add(new SavedTag(tag, readPositions(in, n)));
        }
        return new SiteLists(new Saved(candidates, scores, related, sameEvent, stories, editions, months, tags));
    }

    private static void writePositions(DataOutput out, int[] positions) throws IOException {
        out.writeInt(positions.length);
        for (int p : positions) {
            out.writeInt(p);
        }
    }

    private static int[] readPositions(DataInput in, int n) throws IOException {
        int[] positions = new int[LinkState.count(in)];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = position(in.readInt(), n);
        }
        return positions;
    }

    private static int position(int p, int n) throws IOException {
        if (p < 0 || p >= n) {
            throw new IOException("position " + p + " among " + n + " articles");
        }
        return p;
    }

    /** These lists by position among the digest's articles. */
    private Saved saved() {
        if (saved != null) {
            return saved;
        }
        List<Article> articles = digest.articles();
        int n = articles.size();
        Map<Article, Integer> at = new IdentityHashMap<>(n * 2);
        for (int k = 0; k < n; k++) {
            at.put(articles.get(k), k);
        }
        int[][] candidates = new int[n][];
        double[][] scores = new double[n][];
        List<List<String>> related = new ArrayList<>(n);
        long[] sameEvent = new long[n];
        // A Near's candidates are positions in the array of articles it was made with (this build's, or
        // the saved lists' bound to this build): each such position is looked up once, not once a candidate.
        Map<Article[], int[]> renumbered = new IdentityHashMap<>();
        for (int k = 0; k < n; k++) {
            candidates[k] = new int[near[k].count()];
            int[] now = renumbered.computeIfAbsent(near[k].articles(), a -> new int[a.length]);   // position + 1; 0: not looked up
            for (int j = 0; j < candidates[k].length; j++) {
                int i = near[k].at()[j];
                if (now[i] == 0) {
                    now[i] = position(at, near[k].candidate(j)) + 1;
                }
                candidates[k][j] = now[i] - 1;
            }
            scores[k] = near[k].scores();
            related.add(near[k].related());
            sameEvent[k] = near[k].sameEvent();
        }
        List<SavedStory> stories = digest.stories().stream()
                .map(s -> new SavedStory(s.slug(), s.title(), positions(at, s.articles()))).toList();
        TreeMap<LocalDate, int[]> editionsAt = new TreeMap<>();
        editionMembers.forEach((key, members) -> editionsAt.put(key, positions(at, members)));
        TreeMap<YearMonth, int[]> monthsAt = new TreeMap<>();
        months.forEach((key, month) -> monthsAt.put(key, positions(at, month.articles())));
        List<SavedTag> tags = tagGroups.values().stream().map(g -> new SavedTag(g.tag(), positions(at, g.articles()))).toList();
        return new Saved(candidates, scores, related, sameEvent, stories, editionsAt, monthsAt, tags);
    }

    private static int[] positions(Map<Article, Integer> at, List<Article> articles) {
        int[] out = new int[articles.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = position(at, articles.get(i));
        }
        return out;
    }

    private static int position(Map<Article, Integer> at, Article article) {
        Integer p = at.get(article);
        if (p == null) {
            throw new IllegalStateException("a list holds an article the digest does not: " + article.slug());
        }
        return p;
    }

    /**
     * The lists by position among the digest's articles, newest first: what a build cache keeps.
     *
     * @param candidates each article's similar candidates; {@code scores}, {@code related} and
     *                   {@code sameEvent} as in {@link Near}
     * @param editions   each edition's members, by first day
     */
    private record Saved(int[][] candidates, double[][] scores, List<List<String>> related, long[] sameEvent,
                         List<SavedStory> stories, TreeMap<LocalDate, int[]> editions, TreeMap<YearMonth, int[]> months,
                         List<SavedTag> tags) {
        int size() {
            return candidates.length;
        }

        /**
         * The lists with the articles of this build: {@code nowAt} holds, by position in the
         * saved lists, the article of this build that is the same (null for those that left,
         * the positions {@code leaving}). The articles that left are taken out of every list
         * now, and what they took with them is said in the result's {@link Left}.
         */
        Bound bound(Article[] nowAt, SiteConfig.Edition kind, List<Integer> leaving) {
            int n = size();
            Near[] near = new Near[n];
            IntStream.range(0, n).forEach(p -> {
                if (nowAt[p] != null) {
                    near[p] = new Near(nowAt, candidates[p], scores[p], related.get(p), sameEvent[p]);
                }
            });
            boolean storiesTouched = false;
            for (int p : leaving) {
                storiesTouched |= sameEvent[p] != 0;
            }
            List<Story> before = new ArrayList<>();
            List<Article> restoried = new ArrayList<>();
            Map<String, Story> storyOf = new HashMap<>();
            // The same by position, for the editions kept whole: no look-up by slug per article.
            Story[] storyAt = new Story[n];
            for (SavedStory saved : stories) {
                List<Article> members = live(saved.members(), nowAt);
                if (members.size() == saved.members().length) {
                    Story story = new Story(saved.slug(), saved.title(), members);
                    before.add(story);
                    members.forEach(a -> storyOf.put(a.slug(), story));
                    for (int p : saved.members()) {
                        storyAt[p] = story;
                    }
                } else {
                    storiesTouched = true;
                    restoried.addAll(members);
                }
            }
            TreeMap<LocalDate, List<Article>> editionMembers = new TreeMap<>();
            TreeMap<LocalDate, Edition> editionsNow = new TreeMap<>();
            Set<LocalDate> editionKeys = new TreeSet<>();
            editions.forEach((key, positions) -> {
                List<Article> members = live(positions, nowAt);
                editionMembers.put(key, members);
                if (members.size() < positions.length) {
                    editionKeys.add(key);
                } else {
                    Story[] memberStories = new Story[positions.length];
                    for (int i = 0; i < positions.length; i++) {
                        memberStories[i] = storyAt[positions[i]];
                    }
                    editionsNow.put(key, Editions.edition(key, members, memberStories, kind));
                }
            });
            TreeMap<YearMonth, Digest.Month> monthsNow = new TreeMap<>();
            Set<YearMonth> monthKeys = new TreeSet<>();
            months.forEach((key, positions) -> {
                List<Article> members = live(positions, nowAt);
                monthsNow.put(key, new Digest.Month(key, members));
                if (members.size() < positions.length) {
                    monthKeys.add(key);
                }
            });
            TreeMap<String, Digest.TagGroup> groups = new TreeMap<>();
            Set<String> tagKeys = new HashSet<>();
            for (SavedTag tag : tags) {
                List<Article> members = live(tag.members(), nowAt);
                groups.put(tag.tag().slug(), new Digest.TagGroup(tag.tag(), members));
                if (members.size() < tag.members().length) {
                    tagKeys.add(tag.tag().slug());
                }
            }
            SiteLists lists = new SiteLists(null, near, lastLinks(nowAt), storyOf, editionMembers, editionsNow, monthsNow,
                    groups, 0, null);
            return new Bound(lists, new Left(Set.of(), editionKeys, monthKeys, tagKeys, storiesTouched, before, restoried));
        }

        /**
         * The last digest's neighbours of the articles still here, by position, as that build made
         * them: its related list as saved, its story (the last saved story that holds it, as the
         * build's map of stories by article kept the last), its edition (the saved one that holds
         * it), and the slugs of the articles beside it then, known when those are still here
         * (the same articles, so the same slugs); null for an article whose neighbour then left.
         */
        private Digest.ArticleLinks[] lastLinks(Article[] nowAt) {
            int n = size();
            String[] storyAt = new String[n];
            for (SavedStory story : stories) {
                for (int p : story.members()) {
                    storyAt[p] = story.slug();
                }
            }
            // A dated article is a member of the edition its date starts, undated ones of none: named once an edition.
            String[] editionAt = new String[n];
            editions.forEach((key, positions) -> {
                String edition = key.toString();
                for (int p : positions) {
                    editionAt[p] = edition;
                }
            });
            Digest.ArticleLinks[] was = new Digest.ArticleLinks[n];
            IntStream.range(0, n).forEach(p -> {
                Article a = nowAt[p];
                boolean besideKnown = (p == 0 || nowAt[p - 1] != null) && (p + 1 == n || nowAt[p + 1] != null);
                if (a != null && besideKnown) {
                    was[p] = new Digest.ArticleLinks(related.get(p), storyAt[p], editionAt[p],
                            p > 0 ? nowAt[p - 1].slug() : null, p + 1 < n ? nowAt[p + 1].slug() : null);
                }
            });
            return was;
        }

        /** The articles at {@code positions} that are still here. */
        private static List<Article> live(int[] positions, Article[] nowAt) {
            List<Article> out = new ArrayList<>(positions.length);
            for (int p : positions) {
                if (nowAt[p] != null) {
                    out.add(nowAt[p]);
                }
            }
            return out;
        }
    }

    private record SavedStory(String slug, String title, int[] members) {
    }

    private record SavedTag(Tag tag, int[] members) {
    }

    /** Saved lists bound to a build's articles, and what the articles that left took with them. */
    private record Bound(SiteLists lists, Left left) {
    }
}
