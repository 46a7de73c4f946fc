package dev.gazette.render;

import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import dev.gazette.model.DigestChange;
import dev.gazette.model.Edition;
import dev.gazette.model.Story;
import dev.gazette.model.Tag;
import dev.gazette.output.SiteData;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The digest as pages read it ({@link SiteData}): each article, its neighbours, each tag's link
 * and each page of its list, each story, edition and month, and each chunk of the search index's
 * documents under a key of its own, so that a page
 * records exactly the parts it read. Lists hold slugs, not articles: a page of a tag's list
 * depends on which articles it shows, and on each shown article only through that article's key.
 */
final class PageData {
    private PageData() {
    }

    /** What a tag's link is made from: the tag and how many articles carry it. */
    record TagLinkInput(Tag tag, int count) {
    }

    /** Page {@code number} of the list of the tag {@code tag}: the slugs it shows, and how many pages the list has. */
    record TagPage(String tag, int number, List<String> slugs, int pages) {
    }

    /** Chunk {@code chunk} of the search index's documents: the slugs of its articles. */
    record SearchDocs(int chunk, List<String> slugs) {
    }

    /** An edition with the slugs of its newer and older neighbours (null at either end). */
    record EditionPage(Edition edition, String newer, String older) {
    }

    /** What an edition's link is made from. */
    record EditionLinkInput(String slug, LocalDate start, LocalDate end, int size) {
    }

    /** A month of the archive: the slugs of its articles, newest first. */
    record MonthPage(YearMonth month, List<String> slugs) {
    }

    /**
     * Which lists have pages: the slugs of every tag, edition and story, and every month, in
     * the digest's order. It changes only when one of them comes or goes.
     */
    record PageIndex(List<String> tags, List<String> editions, List<String> stories, List<YearMonth> months) {
    }

    /** The index of the site's lists. */
    static final String PAGE_INDEX = "pages";

    /** An article's date; there is no such key for an undated article. */
    static String date(String slug) {
        return "d:" + slug;
    }

    /** The slugs of the lead articles of an edition's groups, in order. */
    static String editionLeads(String slug) {
        return "ed:" + slug;
    }

    /** The slugs of a story's articles, in order. */
    static String storyArticles(String slug) {
        return "sa:" + slug;
    }

    static String article(String slug) {
        return "a:" + slug;
    }

    static String links(String slug) {
        return "l:" + slug;
    }

    static String tag(String slug) {
        return "t:" + slug;
    }

    static String tagPage(String slug, int page) {
        return "tp:" + page + ":" + slug;
    }

    static String story(String slug) {
        return "s:" + slug;
    }

    static String edition(String slug) {
        return "e:" + slug;
    }

    static String editionLink(String slug) {
        return "el:" + slug;
    }

    static String month(YearMonth month) {
        return "m:" + month;
    }

    /** Chunk {@code chunk} of the search index's documents ({@link SearchDocs}). */
    static String searchDocs(int chunk) {
        return "sd:" + chunk;
    }

    /** Every value of {@code digest} a page may read, with lists cut into pages of {@code pageSize}. */
    static SiteData of(Digest digest, int pageSize) {
        return of(digest, pageSize, null);
    }

    /** What a build keeps of its site data ({@link SiteData#parts}): the digest it was made from, and the page size. */
    private record Parts(int pageSize, Digest digest) {
    }

    /**
     * Every value of {@code digest} a page may read, with lists cut into pages of {@code pageSize}.
     * When {@code last} was made from another digest with the same page size, the values are
     * {@code last}'s with those of the parts of the digest that are not the very objects of
     * {@code last}'s digest (articles, tags' lists, stories, editions, months, links) put again or
     * taken away: every other value is {@code last}'s object, and the keys whose values may differ
     * are told with the data ({@link SiteData#changedSince}), so the memory compares only those.
     * Values are functions of their part and the page size alone, so this equals data made from nothing.
     */
    static SiteData of(Digest digest, int pageSize, SiteData last) {
        return of(digest, pageSize, last, null);
    }

    /**
     * As {@link #of(Digest, int, SiteData)}; when there is no {@code last} to make the values from,
     * and {@code change} says what of the digest may differ from the last build's (null: anything
     * may), the data names the keys made from those parts ({@link SiteData#sinceLastBuild}): every
     * other value is a function of the page size and parts equal to the last build's, so equal to
     * the value the last build's pages read.
     */
    static SiteData of(Digest digest, int pageSize, SiteData last, DigestChange change) {
        Parts before = last != null && last.parts() instanceof Parts p && p.pageSize() == pageSize ? p : null;
        Parts now = new Parts(pageSize, digest);
        if (before != null) {
            return new Patch(last, digest, pageSize).made(now);
        }
        if (change != null && last == null) {
            // Read through a sink that fingerprints (it keeps no last data): after one edit, pages and the
            // sink ask for a few hundred of the ~45,000 values, so each is made when first asked for.
            return SiteData.sinceLastBuild(new OnDemand(digest, pageSize), now, touched(digest, pageSize, change));
        }
        Map<String, Object> values = every(digest, pageSize);
        return change == null ? new SiteData(values, now) : SiteData.sinceLastBuild(values, now, touched(digest, pageSize, change));
    }

    /**
     * Where a part's values go, each under its key. Key and value come as the functions that make
     * them, so that the keys can be counted without making either ({@link OnDemand#size}).
     */
    private interface Sink {
        void put(Supplier<String> key, Supplier<?> value);
    }

    /** A sink that puts each value, made, under its key into {@code values}. */
    private static Sink into(BiConsumer<String, Object> values) {
        return (key, value) -> values.accept(key.get(), value.get());
    }

    /** Every value of {@code digest}, by key. */
    private static Map<String, Object> every(Digest digest, int pageSize) {
        Map<String, Object> values = new HashMap<>(4 * digest.articles().size() + 64);
        everyPart(digest, pageSize, into(values::put));
        return values;
    }

    /** The values of every part of {@code digest}, into {@code sink}. */
    private static void everyPart(Digest digest, int pageSize, Sink sink) {
        digest.articles().forEach(a -> articleValues(a, sink));
        digest.links().forEach((slug, links) -> sink.put(() -> links(slug), () -> links));
        digest.tags().forEach(g -> tagValues(g, pageSize, sink));
        digest.stories().forEach(s -> storyValues(s, sink));
        editionValues(digest.editions(), 0, digest.editions().size(), sink);
        digest.months().forEach(m -> monthValues(m, sink));
        sink.put(() -> PAGE_INDEX, () -> pageIndex(digest));
        for (int chunk = 0; chunk * SearchIndex.DOCS_PER_CHUNK < digest.articles().size(); chunk++) {
            searchDocs(digest.articles(), chunk, sink);
        }
    }

    /**
     * The values of a digest as a map that makes each part's values when one of its keys is first
     * looked up (by the same functions as {@link #every}, so they are equal to those), and every
     * value only when walked. Its size is the count of the keys {@link #everyPart} puts, made without their values.
     */
    private static final class OnDemand extends AbstractMap<String, Object> {
        private final Digest digest;
        private final int pageSize;
        private final Map<String, Object> made = new ConcurrentHashMap<>();
        private final BySlug<Article> articles;
        private final BySlug<Digest.TagGroup> tags;
        private final BySlug<Story> stories;
        private final BySlug<Edition> editions;
        private final BySlug<Digest.Month> months;
        private volatile Map<String, Object> whole;
        private int size = -1;

        OnDemand(Digest digest, int pageSize) {
            this.digest = digest;
            this.pageSize = pageSize;
            articles = new BySlug<>(digest.articles(), Article::slug);
            tags = new BySlug<>(digest.tags(), g -> g.tag().slug());
            stories = new BySlug<>(digest.stories(), Story::slug);
            editions = new BySlug<>(digest.editions(), Edition::slug);
            months = new BySlug<>(digest.months(), m -> m.month().toString());
        }

        @Override
        public Object get(Object key) {
            Map<String, Object> all = whole;
            if (all != null) {
                return all.get(key);
            }
            if (!(key instanceof String k)) {
                return null;
            }
            Object value = made.get(k);
            if (value == null && make(k)) {
                value = made.get(k);
            }
            return value;
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public synchronized int size() {
            if (size < 0) {
                int[] keys = {0};
                everyPart(digest, pageSize, (key, value) -> keys[0]++);
                size = keys[0];
            }
            return size;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            Map<String, Object> all = whole;
            if (all == null) {
                synchronized (this) {
                    if (whole == null) {
                        whole = every(digest, pageSize);
                    }
                    all = whole;
                }
            }
            return all.entrySet();
        }

        /** Puts the values of the part {@code key} belongs to among those made; false when no part has that key. */
        private boolean make(String key) {
            if (key.equals(PAGE_INDEX)) {
                made.putIfAbsent(key, pageIndex(digest));
                return true;
            }
            int colon = key.indexOf(':');
            if (colon < 0) {
                return false;
            }
            String slug = key.substring(colon + 1);
            Sink put = into(made::putIfAbsent);
            switch (key.substring(0, colon)) {
                case "a", "d" -> {
                    int i = articles.position(slug);
                    if (i < 0) {
                        return false;
                    }
                    articleValues(digest.articles().get(i), put);
                }
                case "l" -> {
                    Digest.ArticleLinks links = digest.links().get(slug);
                    if (links == null) {
                        return false;
                    }
                    put.put(() -> key, () -> links);
                }
                case "t", "tp" -> {
                    int i = tags.position(key.startsWith("tp:") ? slug.substring(slug.indexOf(':') + 1) : slug);
                    if (i < 0) {
                        return false;
                    }
                    tagValues(digest.tags().get(i), pageSize, put);
                }
                case "s", "sa" -> {
                    int i = stories.position(slug);
                    if (i < 0) {
                        return false;
                    }
                    storyValues(digest.stories().get(i), put);
                }
                case "e", "el", "ed" -> {
                    int i = editions.position(slug);
                    if (i < 0) {
                        return false;
                    }
                    editionValues(digest.editions(), i, i + 1, put);
                }
                case "m" -> {
                    int i = months.position(slug);
                    if (i < 0) {
                        return false;
                    }
                    monthValues(digest.months().get(i), put);
                }
                case "sd" -> {
                    int chunk;
                    try {
                        chunk = Integer.parseInt(slug);
                    } catch (NumberFormatException e) {
                        return false;
                    }
                    if (chunk < 0 || (long) chunk * SearchIndex.DOCS_PER_CHUNK >= digest.articles().size()) {
                        return false;
                    }
                    searchDocs(digest.articles(), chunk, put);
                }
                default -> {
                    return false;
                }
            }
            return made.containsKey(key);
        }
    }

    /** Positions in a list of parts by their slugs, indexed when first asked. */
    private static final class BySlug<T> {
        private final List<T> parts;
        private final Function<T, String> slug;
        private volatile Map<String, Integer> index;

        BySlug(List<T> parts, Function<T, String> slug) {
            this.parts = parts;
            this.slug = slug;
        }

        /** The position of the part {@code slug} names, or -1. */
        int position(String slug) {
            Map<String, Integer> made = index;
            if (made == null) {
                made = new HashMap<>(parts.size() * 4 / 3 + 1);
                for (int i = 0; i < parts.size(); i++) {
                    made.putIfAbsent(this.slug.apply(parts.get(i)), i);
                }
                index = made;
            }
            return made.getOrDefault(slug, -1);
        }
    }

    /**
     * Site data made from the last build's: its values copied, then those of the parts that
     * changed taken away and put again, each key noted as touched.
     */
    private static final class Patch {
        private final SiteData last;
        private final Map<String, Object> values;
        private final Set<String> touched = new HashSet<>();
        private final Digest was;
        private final Digest digest;
        private final int pageSize;

        Patch(SiteData last, Digest digest, int pageSize) {
            this.last = last;
            this.values = new HashMap<>(last.values());
            this.was = ((Parts) last.parts()).digest();
            this.digest = digest;
            this.pageSize = pageSize;
        }

        SiteData made(Parts now) {
            Diff<Article> articles = patch(was.articles(), digest.articles(), Article::slug, PageData::articleValues);
            patchLinks();
            Diff<Digest.TagGroup> tags = patch(was.tags(), digest.tags(), g -> g.tag().slug(),
                    (g, put) -> tagValues(g, pageSize, put));
            Diff<Story> stories = patch(was.stories(), digest.stories(), Story::slug, PageData::storyValues);
            Diff<Edition> editions = Diff.of(was.editions(), digest.editions(), Edition::slug);
            if (editions.inPlace()) {
                // The same editions in the same order: only the changed ones' values, neighbours as they were.
                editions.gone().forEach(e -> editionKeys(e, this::remove));
                List<Edition> list = digest.editions();
                for (int i : editions.positions()) {
                    editionValues(list, i, i + 1, into(this::put));
                }
            } else if (!editions.gone().isEmpty() || !editions.came().isEmpty()) {
                // Neighbours may have moved: every edition's values again (the unchanged ones equal and cheap).
                was.editions().forEach(e -> editionKeys(e, this::remove));
                editionValues(digest.editions(), 0, digest.editions().size(), into(this::put));
            }
            Diff<Digest.Month> months = patch(was.months(), digest.months(), m -> m.month(), PageData::monthValues);
            if (!tags.inPlace() || !stories.inPlace() || !editions.inPlace() || !months.inPlace()) {
                put(PAGE_INDEX, pageIndex(digest));
            }
            if (!articles.inPlace()) {
                for (int chunk = 0; chunk * SearchIndex.DOCS_PER_CHUNK < was.articles().size(); chunk++) {
                    remove(searchDocs(chunk), null);
                }
                for (int chunk = 0; chunk * SearchIndex.DOCS_PER_CHUNK < digest.articles().size(); chunk++) {
                    searchDocs(digest.articles(), chunk, into(this::put));
                }
            }
            return new SiteData(values, now, last, touched);
        }

        /** Takes away the values of the parts of {@code before} that {@code now} lacks, and puts those of the new ones. */
        private <T> Diff<T> patch(List<T> before, List<T> now, Function<T, Object> id, BiConsumer<T, Sink> valuesOf) {
            Diff<T> diff = Diff.of(before, now, id);
            Sink removed = (key, value) -> remove(key.get(), null);
            diff.gone().forEach(t -> valuesOf.accept(t, removed));
            diff.came().forEach(t -> valuesOf.accept(t, into(this::put)));
            return diff;
        }

        /** Each article's links, compared by identity with the last digest's. */
        private void patchLinks() {
            Map<String, Digest.ArticleLinks> before = was.links();
            if (before == digest.links()) {
                return;   // the link stage hands over the last map when every article's links are the same
            }
            int kept = 0;
            for (Map.Entry<String, Digest.ArticleLinks> e : digest.links().entrySet()) {
                Digest.ArticleLinks old = before.get(e.getKey());
                if (old != null) {
                    kept++;
                }
                if (old != e.getValue()) {
                    put(links(e.getKey()), e.getValue());
                }
            }
            if (kept < before.size()) {
                before.keySet().forEach(slug -> {
                    if (!digest.links().containsKey(slug)) {
                        remove(links(slug), null);
                    }
                });
            }
        }

        private void put(String key, Object value) {
            values.put(key, value);
            touched.add(key);
        }

        private void remove(String key, Object value) {
            values.remove(key);
            touched.add(key);
        }
    }

    /**
     * How a list of parts changed, by identity: the elements of the old list the new one lacks,
     * those of the new one the old lacks, and whether the lists are the same size with the
     * same ids at every position (then {@code positions} are where they differ).
     */
    private record Diff<T>(List<T> gone, List<T> came, boolean inPlace, int[] positions) {
        static <T> Diff<T> of(List<T> before, List<T> now, Function<T, Object> id) {
            int start = 0;
            int endBefore = before.size();
            int endNow = now.size();
            while (start < endBefore && start < endNow && before.get(start) == now.get(start)) {
                start++;
            }
            while (endBefore > start && endNow > start && before.get(endBefore - 1) == now.get(endNow - 1)) {
                endBefore--;
                endNow--;
            }
            List<T> gone = new ArrayList<>();
            List<T> came = new ArrayList<>();
            if (endBefore - start == endNow - start) {
                // As many in the middle: an element that is in both lists is at a differing position in both
                // (else one list would hold it twice), so comparing the differing positions is enough.
                List<Integer> at = new ArrayList<>();
                boolean sameIds = true;
                for (int i = start; i < endNow; i++) {
                    if (before.get(i) != now.get(i)) {
                        at.add(i);
                        gone.add(before.get(i));
                        came.add(now.get(i));
                        sameIds &= id.apply(before.get(i)).equals(id.apply(now.get(i)));
                    }
                }
                if (!sameIds) {
                    dropCommon(gone, came);
                }
                return new Diff<>(gone, came, sameIds, at.stream().mapToInt(Integer::intValue).toArray());
            }
            gone.addAll(before.subList(start, endBefore));
            came.addAll(now.subList(start, endNow));
            dropCommon(gone, came);
            return new Diff<>(gone, came, false, new int[0]);
        }

        /** Removes from both lists the elements (by identity) that are in both. */
        private static <T> void dropCommon(List<T> gone, List<T> came) {
            Set<T> before = Collections.newSetFromMap(new IdentityHashMap<>());
            before.addAll(gone);
            Set<T> both = Collections.newSetFromMap(new IdentityHashMap<>());
            came.forEach(t -> {
                if (before.contains(t)) {
                    both.add(t);
                }
            });
            if (!both.isEmpty()) {
                gone.removeIf(both::contains);
                came.removeIf(both::contains);
            }
        }
    }

    /**
     * The keys whose values are made from the parts {@code change} names (those of parts that are
     * gone need not be among them). The page size is the last build's: it is part of the build's
     * environment, in which the last build's data was made.
     */
    private static Set<String> touched(Digest digest, int pageSize, DigestChange change) {
        Set<String> keys = new HashSet<>();
        for (String slug : change.articles()) {
            keys.add(article(slug));
            keys.add(date(slug));
        }
        change.links().forEach(slug -> keys.add(links(slug)));
        for (Digest.TagGroup g : digest.tags()) {
            String slug = g.tag().slug();
            if (change.tags().contains(slug)) {
                keys.add(tag(slug));
                for (int n = 1; n <= pages(g.articles().size(), pageSize); n++) {
                    keys.add(tagPage(slug, n));
                }
            }
        }
        for (String slug : change.stories()) {
            keys.add(story(slug));
            keys.add(storyArticles(slug));
        }
        for (Edition e : digest.editions()) {
            if (change.editionsMoved() || change.editions().contains(e.slug())) {
                editionKeys(e, (key, value) -> keys.add(key));
            }
        }
        change.months().forEach(m -> keys.add(month(m)));
        // Which lists there are: one small value, told from the lists alone.
        keys.add(PAGE_INDEX);
        // A chunk of documents holds the slugs at its positions.
        int chunk = SearchIndex.DOCS_PER_CHUNK;
        for (int c = change.movedFrom() / chunk; change.movedFrom() < change.movedTo() && c * chunk < change.movedTo(); c++) {
            keys.add(searchDocs(c));
        }
        return keys;
    }

    private static void articleValues(Article a, Sink put) {
        put.put(() -> article(a.slug()), () -> a);
        if (a.date() != null) {
            put.put(() -> date(a.slug()), a::date);
        }
    }

    private static void storyValues(Story s, Sink put) {
        put.put(() -> story(s.slug()), () -> s);
        put.put(() -> storyArticles(s.slug()), () -> slugs(s.articles()));
    }

    private static void monthValues(Digest.Month m, Sink put) {
        put.put(() -> month(m.month()), () -> new MonthPage(m.month(), slugs(m.articles())));
    }

    /** The values of the editions {@code from} (inclusive) to {@code to} of {@code editions}, with their neighbours. */
    private static void editionValues(List<Edition> editions, int from, int to, Sink put) {
        for (int i = from; i < to; i++) {
            Edition e = editions.get(i);
            String newer = i > 0 ? editions.get(i - 1).slug() : null;
            String older = i + 1 < editions.size() ? editions.get(i + 1).slug() : null;
            put.put(() -> edition(e.slug()), () -> new EditionPage(e, newer, older));
            put.put(() -> editionLink(e.slug()), () -> new EditionLinkInput(e.slug(), e.start(), e.end(), e.size()));
            put.put(() -> editionLeads(e.slug()), () -> e.groups().stream().map(g -> g.lead().slug()).toList());
        }
    }

    private static void editionKeys(Edition e, BiConsumer<String, Object> key) {
        key.accept(edition(e.slug()), null);
        key.accept(editionLink(e.slug()), null);
        key.accept(editionLeads(e.slug()), null);
    }

    private static PageIndex pageIndex(Digest digest) {
        return new PageIndex(digest.tags().stream().map(g -> g.tag().slug()).toList(),
                digest.editions().stream().map(Edition::slug).toList(), digest.stories().stream().map(Story::slug).toList(),
                digest.months().stream().map(Digest.Month::month).toList());
    }

    /** Chunk {@code chunk} of the search index's documents: the slugs of its slice of the articles. */
    private static void searchDocs(List<Article> articles, int chunk, Sink put) {
        put.put(() -> searchDocs(chunk), () -> new SearchDocs(chunk, slugs(articles.subList(chunk * SearchIndex.DOCS_PER_CHUNK,
                Math.min(articles.size(), (chunk + 1) * SearchIndex.DOCS_PER_CHUNK)))));
    }

    /** A tag's link and each page of its list. */
    private static void tagValues(Digest.TagGroup group, int pageSize, Sink put) {
        String slug = group.tag().slug();
        List<Article> articles = group.articles();
        int pages = pages(articles.size(), pageSize);
        put.put(() -> tag(slug), () -> new TagLinkInput(group.tag(), articles.size()));
        for (int n = 1; n <= pages; n++) {
            int page = n;
            put.put(() -> tagPage(slug, page), () -> new TagPage(slug, page,
                    slugs(articles.subList((page - 1) * pageSize, Math.min(articles.size(), page * pageSize))), pages));
        }
    }

    /** How many pages a list of {@code size} items takes: at least one, even when empty. */
    static int pages(int size, int pageSize) {
        return Math.max(1, (size + pageSize - 1) / pageSize);
    }

    private static List<String> slugs(List<Article> articles) {
        return articles.stream().map(Article::slug).toList();
    }
}
