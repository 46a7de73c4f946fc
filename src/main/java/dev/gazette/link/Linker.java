package dev.gazette.link;

import dev.gazette.clean.BodyRefs;
import dev.gazette.clean.Language;
import dev.gazette.config.SiteConfig;
import dev.gazette.enrich.PageNames;
import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import dev.gazette.model.DigestChange;
import dev.gazette.model.LongText;
import dev.gazette.model.UpdatableStep;
import dev.gazette.model.Problem;
import dev.gazette.model.ProblemSink;
import dev.gazette.model.Step;
import dev.gazette.model.Steps;
import dev.gazette.model.Tag;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The link stage: everything that needs all articles at once. Canonical and automatic tags,
 * related articles, stories, editions, the archive, neighbours, and links inside bodies.
 */
public final class Linker {
    /** Newest first; undated articles after dated ones; ties broken by title then slug so order never varies. */
    public static final Comparator<Article> NEWEST_FIRST = Comparator
            .comparing(Article::date, Comparator.nullsLast(Comparator.<ZonedDateTime>reverseOrder()))
            .thenComparing(Article::title)
            .thenComparing(Article::slug);

    static final int RELATED = 5;
    /**
     * Candidates looked at per article: enough for stories and for tag boosts to reorder (at most
     * 64: {@link SiteLists} keeps which of them are the same event as bits of a long).
     */
    private static final int CANDIDATES = 20;
    private static final double MIN_SIMILARITY = 0.005;
    /** A related article must be at least this close, tags included, to be worth a reader's click. */
    static final double MIN_RELATED = 0.05;
    /** Each tag two articles share adds this much to their similarity, up to three tags. */
    static final double SHARED_TAG_BOOST = 0.05;

    private static final TermAnalyzer ANALYZER = new TermAnalyzer();
    private static final EntityFinder ENTITIES = new EntityFinder();

    /** What an article's text is about: its title and body. */
    record Text(String title, LongText text) {
    }

    /** The text with its language, for the word statistics. */
    record Words(String title, LongText text, String lang) {
    }

    /** What automatic tagging reads: the vocabulary, and the text. */
    record Tagging(List<Tag> vocabulary, String title, LongText text) {
    }

    /** Everything an article's in-body links are made from: its body, its own tags (when linked) and the articles it cites. */
    record Body(LongText html, String slug, List<Tag> tags, Map<String, String> cited) {
    }

    // The per-article steps of this stage; each a function of its input alone.
    /** Only the entities strong enough to be suggested as tags are kept: most are named once in passing. */
    static final Step<Text, Map<String, EntityFinder.Entity>> ENTITIES_STEP =
            new Step<>("link.entities", t -> ENTITIES.find(t.title(), t.text().value(), AutoTagger.MIN_SCORE));
    static final Step<Words, Terms> TERMS_STEP = new Step<>("link.terms",
            w -> ANALYZER.counted(w.title(), w.text().value(), w.lang()));

    /** An article's entities ({@link #ENTITIES_STEP}'s) and similarity terms ({@link #TERMS_STEP}'s). */
    record Scanned(Map<String, EntityFinder.Entity> entities, Terms terms) {
    }

    /**
     * Both of an article's text at once, where it needs both (a site without a vocabulary): the
     * two scanners read one copy of the text, in one pass over the articles.
     */
    static final Step<Words, Scanned> TEXT_STEP = new Step<>("link.text", w -> {
        String body = w.text().value();
        char[] chars = TermAnalyzer.laidOut(w.title(), body);
        Terms terms = ANALYZER.counted(chars, w.title(), body, w.lang());
        return new Scanned(ENTITIES.find(w.title(), body, AutoTagger.MIN_SCORE, chars, 0, 2 * w.title().length() + 2),
                terms);
    });
    static final Step<Tagging, List<String>> TAGS_STEP = new Step<>("link.tags",
            t -> AutoTagger.of(t.vocabulary()).tags(t.title(), t.text().value()));
    /** The normalised targets of a body's links, scanned: for a body whose links were not noted when it was written. */
    static final Step<LongText, List<String>> HREFS_STEP = new Step<>("link.hrefs",
            html -> normalised(BodyRefs.links(html.value())));
    static final Step<Body, LongText> BODY_STEP = new Step<>("link.body", Linker::linkBody);
    /** An article with the tags it ended up with. */
    record Tagged(Article article, List<String> tags) {
    }

    /** An article with its body's links made. */
    record Linked(Article article, LongText html) {
    }

    /*
     * Steps that only copy an article with one part replaced: cheap to run, but run as steps so
     * that an unchanged article comes out as the very object of the last build, whose
     * fingerprint (and everything made from it downstream) the incremental layer finds by
     * identity instead of hashing it again.
     */
    static final Step<Tagged, Article> TAGGED_STEP = new Step<>("link.tagged",
            t -> t.tags().equals(t.article().tags()) ? t.article() : t.article().withTags(t.tags()));
    static final Step<Linked, Article> LINKED_STEP = new Step<>("link.linked",
            l -> l.html() == l.article().bodyHtml() ? l.article() : l.article().withLinkedHtml(l.html()));
    private final SiteConfig site;
    private final TagVocabulary vocabulary;
    private final Steps steps;
    /**
     * The whole stage as one state over the articles, brought up to date from the last build's
     * when few changed (kept in the preview's memory, and in a build cache by its codec).
     */
    private final UpdatableStep<Article, LinkState> state;

    public Linker(SiteConfig site) {
        this(site, Steps.DIRECT);
    }

    /** @param steps runs the per-article steps: directly, or reusing earlier builds' outputs */
    public Linker(SiteConfig site, Steps steps) {
        this.site = site;
        this.vocabulary = new TagVocabulary(site.vocabulary());
        this.steps = steps;
        this.state = new UpdatableStep<>("link.digest", (articles, calls) -> make(articles, null, null, 0, calls),
                (last, now, change, limit, calls) -> update(last, now, change, limit, calls), LinkState.CODEC);
    }

    /**
     * Sets up what a changed article's word statistics read, once a run: the language data (its word
     * lists parsed) and {@code lang}'s analyzer. A build that sees few changes calls it ahead, on a
     * core its main thread leaves idle, rather than paying for it inside the link stage.
     */
    public static void prepare(String lang) {
        Language.terms("", lang);
    }

    /** Lets the layer read the last build's state back while the articles are still being read. */
    public void readAhead() {
        steps.readAhead(state);
    }

    public Digest link(List<Article> input, ProblemSink problems) {
        return linked(input, problems).digest();
    }

    /**
     * The linked digest, and what of it may differ from the digest of the state it was brought up
     * to date from (null when it was made from nothing): the last build's, for the render to reuse
     * what it made from the rest.
     */
    public record Result(Digest digest, DigestChange change) {
    }

    /** As {@link #link}, with what of the digest changed since the last build's. */
    public Result linked(List<Article> input, ProblemSink problems) {
        LinkState made = steps.update(state, PageNames.unique(input, problems));
        made.problems().forEach(problems::report);
        return new Result(made.digest(), made.lists().change());
    }

    /**
     * The state for {@code now} made from {@code last}'s: the articles the same as before keep
     * their entries where what they were made from is unchanged; null (made afresh) when more
     * than {@code limit} articles were added, changed or removed.
     */
    private LinkState update(LinkState last, List<Article> now, UpdatableStep.Change<Article> change, int limit,
                             Steps steps) {
        int[] from = new int[now.size()];
        int kept = 0;
        for (int i = 0; i < from.length; i++) {
            // In the same place as the article from the same source: that one changed, and finding
            // where else it might have been would hash every article of the last input.
            from[i] = change.sameAt(i) ? i
                    : i < last.entries().length && last.entries()[i].file().equals(now.get(i).sourceFile()) ? -1
                    : change.before(now.get(i));
            kept += from[i] >= 0 ? 1 : 0;
        }
        if (now.size() - kept + change.sizeBefore() - kept > limit) {
            return null;
        }
        return make(now, last, from, limit, steps);
    }

    /**
     * The stage's state for {@code now}. {@code last} null: made from nothing. Else each article
     * at position i with {@code from[i] >= 0} is the one at that position of {@code last}'s input
     * and keeps each value of its entry whose inputs are the same as then (its own tags, the
     * vocabulary, the tags and originals its body links to); every other value is made as a build
     * from nothing makes it, so both give the same digest. The similarity index is {@code last}'s
     * updated; null when that takes more than {@code limit} documents weighed again. Its steps run
     * through {@code steps}, the update's own (see {@link UpdatableStep}).
     */
    private LinkState make(List<Article> now, LinkState last, int[] from, int limit, Steps steps) {
        int n = now.size();
        int[] order = last == null ? order(now) : reordered(now, from, last.order());
        List<Article> sorted = new ArrayList<>(n);
        LinkState.Entry[] prior = new LinkState.Entry[n];
        // The last input's articles that are the same now, by their position then.
        boolean[] keptBefore = new boolean[last == null ? 0 : last.entries().length];
        // The loops over every article run as lambdas: make runs once a build, so a loop written in it
        // stays in the interpreter (the client compiler takes a loop after 60,000 turns), where a
        // lambda is compiled after a few hundred calls.
        IntStream.range(0, n).forEach(k -> {
            sorted.add(now.get(order[k]));
            if (last != null && from[order[k]] >= 0) {
                prior[k] = last.entries()[from[order[k]]];
                keptBefore[from[order[k]]] = true;
            }
        });

        // Tags: the curator's, then the strongest the vocabulary finds in the text.
        List<Map<String, EntityFinder.Entity>> found = null;
        TagSuggestions.Index suggestions = null;
        TagVocabulary suggested = vocabulary;
        // The similarity terms of the articles whose entities and terms were read together, kept for the index.
        Terms[] scannedTerms = new Terms[n];
        if (vocabulary.isEmpty()) {
            found = IntStream.range(0, n).parallel().mapToObj(k -> {
                if (prior[k] != null && prior[k].entities() != null) {
                    return prior[k].entities();
                }
                Article a = sorted.get(k);
                if (prior[k] != null) {
                    // Its terms are in the last index: only its entities are asked for.
                    return steps.run(ENTITIES_STEP, new Text(a.title(), a.bodyText()));
                }
                Scanned scanned = steps.run(TEXT_STEP, new Words(a.title(), a.bodyText(), a.lang()));
                scannedTerms[k] = scanned.terms();
                return scanned.entities();
            }).toList();
            suggestions = suggestions(last, keptBefore, prior, found);
            suggested = new TagVocabulary(TagSuggestions.asVocabulary(suggestions.suggestions()));
        }
        List<Map<String, EntityFinder.Entity>> entities = found;
        TagVocabulary automatic = suggested;
        boolean sameVocabulary = last != null && automatic.tags().equals(last.automaticTags());
        List<Tag> automaticTags = sameVocabulary ? last.automaticTags() : automatic.tags();
        List<List<String>> autoTags = IntStream.range(0, n).parallel().mapToObj(k -> sameVocabulary && prior[k] != null
                ? prior[k].autoTags()
                : steps.run(TAGS_STEP, new Tagging(automaticTags, sorted.get(k).title(), sorted.get(k).bodyText()))).toList();
        List<Problem> problems = new ArrayList<>();
        Map<String, Tag> tags = new TreeMap<>();
        Map<String, String> firstUse = new HashMap<>();
        List<List<String>> slugLists = new ArrayList<>(n);
        List<List<Tag>> writtenTags = new ArrayList<>(n);
        // The articles kept whole; the others are tagged after the loop, on every core.
        Article[] keptTagged = new Article[n];
        // What each tag as written resolves to: thousands of articles write the same few hundred.
        Map<String, Tag> resolved = new HashMap<>();
        boolean inPlace = inPlace(last, sameVocabulary, from, order, prior);
        // The articles registered below in place of the last build's at their rank (when in place).
        List<Integer> registered = new ArrayList<>();
        IntStream.range(0, n).forEach(k -> {
            if (prior[k] != null && prior[k].written() != null && autoTags.get(k) == prior[k].autoTags()) {
                // The same article with the same automatic tags has the same tags as then: they are
                // registered again, in the same order (or, in place, found below to be the last
                // map's). Its tagged copy is kept when the entry holds one (the preview's memory),
                // else made below from these slugs.
                if (!inPlace) {
                    keptTags(prior[k].written(), prior[k].slugs(), sorted.get(k), automatic, tags, firstUse, problems);
                }
                writtenTags.add(prior[k].written());
                slugLists.add(prior[k].slugs());
                keptTagged[k] = prior[k].tagged();
                return;
            }
            Article article = sorted.get(k);
            registered.add(k);
            // A few tags an article: a list told apart by equality costs less than a set.
            List<String> slugs = new ArrayList<>(article.tags().size() + autoTags.get(k).size());
            // The same article wrote the same tags, which the same vocabulary resolves as before.
            List<Tag> written = prior[k] != null && prior[k].written() != null ? prior[k].written()
                    : article.tags().stream().map(w -> resolved.computeIfAbsent(w, vocabulary::resolve)).toList();
            writtenTags.add(written);
            for (int w = 0; w < written.size(); w++) {
                Tag tag = written.get(w);
                if (tag.slug().isEmpty()) {
                    problems.add(nameless(article.sourceFile(), article.tags().get(w)));
                    continue;
                }
                register(tag, article.sourceFile(), tags, firstUse, problems);
                if (!slugs.contains(tag.slug())) {
                    slugs.add(tag.slug());
                }
            }
            for (String slug : autoTags.get(k)) {
                if (!slugs.contains(slug)) {
                    slugs.add(slug);
                    register(automatic.resolve(slug), article.sourceFile(), tags, firstUse, problems);
                }
            }
            List<String> list = prior[k] != null && prior[k].slugs().equals(slugs) ? prior[k].slugs() : List.copyOf(slugs);
            slugLists.add(list);
            keptTagged[k] = prior[k] != null && prior[k].tagged() != null && prior[k].slugs().equals(list) ? prior[k].tagged()
                    : null;
        });
        if (inPlace && !sameTags(last, registered, writtenTags, slugLists, automatic, problems)) {
            // Some tag's first article, or its name, may differ from the last map's: all registered again.
            tags.clear();
            firstUse.clear();
            problems.clear();
            for (int k = 0; k < n; k++) {
                keptTags(writtenTags.get(k), slugLists.get(k), sorted.get(k), automatic, tags, firstUse, problems);
            }
        } else if (inPlace) {
            tags.putAll(last.tags());
        }
        // An article the same as then (same fingerprint: same tags as written) with the same slugs is
        // tagged from the same input as then: its call is the last build's by position.
        int[] before = IntStream.range(0, n)
                .map(k -> prior[k] != null && prior[k].slugs().equals(slugLists.get(k)) ? from[order[k]] : -1).toArray();
        List<Article> tagged = IntStream.range(0, n).parallel().mapToObj(k -> keptTagged[k] != null ? keptTagged[k]
                : steps.runAt(TAGGED_STEP, new Tagged(sorted.get(k), slugLists.get(k)), order[k], before[k])).toList();

        // Links in bodies: tag mentions, and sources that cite another article's original.
        List<String> sources = IntStream.range(0, n).parallel().mapToObj(k -> prior[k] != null ? prior[k].source()
                : sorted.get(k).sourceUrl() == null ? null : InBodyLinks.normalise(sorted.get(k).sourceUrl())).toList();
        // Each original is cited as the first article (newest first) that has it.
        Map<String, String> slugBySource = slugBySource(last, keptBefore, prior, sorted, sources);
        boolean sameSources = last != null && slugBySource == last.slugBySource();
        Map<String, Tag> tagsView = Map.copyOf(tags);
        // An article kept as it was keeps its links while the tags and the originals are the same as then.
        boolean sameLinks = sameSources && tagsView.equals(last.tags());
        // same: the linked article is the same as the last build's (told by what it is made from,
        // since an article read back from a build cache is a new object).
        record InBody(List<String> hrefs, List<Tag> own, Map<String, String> cited, Article linked, boolean same) {
        }
        List<InBody> bodies = IntStream.range(0, n).parallel().mapToObj(k -> {
            Article a = tagged.get(k);
            boolean sameTagged = prior[k] != null && prior[k].slugs().equals(slugLists.get(k));
            if (sameLinks && sameTagged && prior[k].linked() != null) {
                return new InBody(prior[k].hrefs(), prior[k].own(), prior[k].cited(), prior[k].linked(), true);
            }
            if (sameLinks && sameTagged) {
                // A state read back keeps no linked article. The article is the same (its
                // fingerprint), with the same tags, and every tag and original is as then: its own
                // tags and citations are the entry's, so its body gets the same links from them.
                // Those are the very inputs of its body's and its linked copy's calls then (the
                // entry holds what its body was linked with): both are the last build's by position.
                int at = order[k];
                return new InBody(prior[k].hrefs(), prior[k].own(), prior[k].cited(), steps.runAt(LINKED_STEP,
                        new Linked(a, steps.runAt(BODY_STEP, new Body(a.bodyHtml(), a.slug(), prior[k].own(), prior[k].cited()),
                                at, before[k])), at, before[k]), true);
            }
            List<String> hrefs = prior[k] != null ? prior[k].hrefs()
                    : a.links() != null ? normalised(a.links()) : steps.run(HREFS_STEP, a.bodyHtml());
            Map<String, String> cited = new TreeMap<>();
            for (String href : hrefs) {
                String slug = slugBySource.get(href);
                if (slug != null && !slug.equals(a.slug())) {
                    cited.put(href, slug);
                }
            }
            List<Tag> own = a.linkTags() ? a.tags().stream().map(tagsView::get).toList() : List.of();
            boolean same = sameTagged && prior[k].own().equals(own) && prior[k].cited().equals(cited);
            // The same inputs as then when its own tags and citations are the entry's, as above.
            int was = same ? before[k] : -1;
            return new InBody(hrefs, own, cited, same && prior[k].linked() != null ? prior[k].linked() : steps.runAt(LINKED_STEP,
                    new Linked(a, steps.runAt(BODY_STEP, new Body(a.bodyHtml(), a.slug(), own, cited), order[k], was)),
                    order[k], was), same);
        }).toList();
        List<Article> articles = bodies.stream().map(InBody::linked).toList();

        // Related articles and stories, from one similarity index over the cleaned texts: an
        // unchanged article's terms are in the last index already. A fresh index gets each
        // document's terms as ids given here, on every core, not looked up one by one as it adds them.
        SimilarityIndex.Numbering numbering = last == null ? new SimilarityIndex.Numbering() : null;
        List<SimilarityIndex.Doc> docs = IntStream.range(0, n).parallel().mapToObj(k -> {
            Terms terms = prior[k] != null ? null : scannedTerms[k] != null ? scannedTerms[k] : steps.run(TERMS_STEP,
                    new Words(sorted.get(k).title(), sorted.get(k).bodyText(), sorted.get(k).lang()));
            return new SimilarityIndex.Doc(sorted.get(k).slug(), terms,
                    numbering == null || terms == null ? null : numbering.ids(terms));
        }).toList();
        SimilarityIndex similarity = last == null ? SimilarityIndex.of(docs, numbering, CANDIDATES, MIN_SIMILARITY)
                : last.similarity().update(docs, new Unchanged(prior, last.entries().length), limit);
        if (similarity == null) {
            return null;
        }
        int[] lastPosition = new int[n];
        if (last != null && last.lists() != null) {
            int[] lastOrder = last.order();
            int[] lastRank = new int[lastOrder.length];
            IntStream.range(0, lastRank.length).forEach(k -> lastRank[lastOrder[k]] = k);
            IntStream.range(0, n).forEach(k -> lastPosition[k] = bodies.get(k).same() ? lastRank[from[order[k]]] : -1);
        }
        SiteLists lists = SiteLists.of(site.edition(), articles, similarity.matches(docs), tags,
                last == null ? null : last.lists(), lastPosition, limit);

        LinkState.Entry[] entries = new LinkState.Entry[n];
        IntStream.range(0, n).forEach(k -> {
            InBody body = bodies.get(k);
            LinkState.Entry was = prior[k];
            Map<String, EntityFinder.Entity> its = entities == null ? null : entities.get(k);
            // An entry whose every value is the very one it held is kept as it is (the preview's usual case).
            boolean same = was != null && was.entities() == its && was.autoTags() == autoTags.get(k)
                    && was.slugs() == slugLists.get(k) && was.tagged() == tagged.get(k) && was.source() == sources.get(k)
                    && was.hrefs() == body.hrefs() && was.own() == body.own() && was.cited() == body.cited()
                    && was.linked() == body.linked() && was.written() == writtenTags.get(k);
            entries[order[k]] = same ? was : new LinkState.Entry(was != null ? was.file() : sorted.get(k).sourceFile(),
                    its, autoTags.get(k), slugLists.get(k), tagged.get(k), sources.get(k), body.hrefs(), body.own(),
                    body.cited(), body.linked(), writtenTags.get(k));
        });
        return new LinkState(entries, order, automaticTags, List.copyOf(problems), similarity, lists, suggestions, tagsView,
                slugBySource, last == null ? null : last.read());
    }

    /**
     * The article each normalised original belongs to: the first (newest first) that has it.
     * {@code last}'s very map when the articles that came and went change no original's article;
     * else the originals they had or have are looked up again.
     */
    private static Map<String, String> slugBySource(LinkState last, boolean[] keptBefore, LinkState.Entry[] prior,
                                                    List<Article> sorted, List<String> sources) {
        Map<String, String> made = last == null ? null : last.slugBySource();
        Set<String> touched = new HashSet<>();
        for (int k = 0; k < prior.length && made != null; k++) {
            if (prior[k] == null && sources.get(k) != null) {
                touched.add(sources.get(k));
            }
        }
        for (int p = 0; p < keptBefore.length && made != null; p++) {
            if (!keptBefore[p] && last.entries()[p].source() != null) {
                touched.add(last.entries()[p].source());
            }
        }
        Map<String, String> out = new HashMap<>();
        IntStream.range(0, sources.size()).forEach(k -> {
            String source = sources.get(k);
            if (source != null && (made == null || touched.contains(source))) {
                out.putIfAbsent(source, sorted.get(k).slug());
            }
        });
        if (made == null) {
            return out;
        }
        boolean same = true;
        for (String source : touched) {
            same &= Objects.equals(out.get(source), made.get(source));
        }
        if (same) {
            return made;
        }
        Map<String, String> patched = new HashMap<>(made);
        for (String source : touched) {
            if (out.containsKey(source)) {
                patched.put(source, out.get(source));
            } else {
                patched.remove(source);
            }
        }
        return patched;
    }

    /** The documents of the articles that keep their entry (newest first) are the index's as they are. */
    private record Unchanged(LinkState.Entry[] prior, int sizeBefore) implements UpdatableStep.Change<SimilarityIndex.Doc> {

        @Override
        public boolean sameAt(int position) {
            return prior[position] != null;
        }

        @Override
        public int before(SimilarityIndex.Doc doc) {
            return -1;
        }
    }

    /**
     * The positions of the articles in {@link #NEWEST_FIRST} order, each date's instant taken
     * once: comparing two zoned dates computes both instants, and a sort compares each article many times.
     */
    private static int[] order(List<Article> articles) {
        record Dated(int position, Article article, long second, int nano) {
        }
        List<Dated> dated = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            dated.add(a.date() == null ? new Dated(i, a, 0, 0)
                    : new Dated(i, a, a.date().toEpochSecond(), a.date().getNano()));
        }
        dated.sort((x, y) -> {
            if (x.article().date() != null && y.article().date() != null
                    && (x.second() != y.second() || x.nano() != y.nano())) {
                // Different instants: newer first, as NEWEST_FIRST orders them.
                return x.second() != y.second() ? Long.compare(y.second(), x.second()) : Integer.compare(y.nano(), x.nano());
            }
            return NEWEST_FIRST.compare(x.article(), y.article());
        });
        return dated.stream().mapToInt(Dated::position).toArray();
    }

    /**
     * The order of {@code now} from the last one: the articles kept stay in their order (no key
     * of theirs changed), and the others are merged in. Names are unique, so the order is total
     * and the same as sorting afresh.
     */
    private static int[] reordered(List<Article> now, int[] from, int[] lastOrder) {
        int[] to = new int[lastOrder.length];
        Arrays.fill(to, -1);
        List<Article> arriving = new ArrayList<>();
        List<Integer> arrivingAt = new ArrayList<>();
        for (int i = 0; i < from.length; i++) {
            if (from[i] >= 0) {
                to[from[i]] = i;
            } else {
                arriving.add(now.get(i));
                arrivingAt.add(i);
            }
        }
        int[] arrivingOrder = order(arriving);
        // The kept ones in order, by position now (no list of them made: the usual edit keeps all but one).
        int[] keptAt = new int[now.size()];
        int kept = 0;
        for (int p : lastOrder) {
            if (to[p] >= 0) {
                keptAt[kept++] = to[p];
            }
        }
        int[] out = new int[now.size()];
        int k = 0;
        int next = 0;
        for (int a : arrivingOrder) {
            // Where it goes among the kept ones (before the first that sorts after it), found by
            // halving rather than compared with each.
            Article article = arriving.get(a);
            int until = kept;
            for (int low = next; low < until; ) {
                int mid = (low + until) >>> 1;
                if (NEWEST_FIRST.compare(now.get(keptAt[mid]), article) < 0) {
                    low = mid + 1;
                } else {
                    until = mid;
                }
            }
            while (next < until) {
                out[k++] = keptAt[next++];
            }
            out[k++] = arrivingAt.get(a);
        }
        while (next < kept) {
            out[k++] = keptAt[next++];
        }
        return out;
    }

    /**
     * For a site without a vocabulary: the named entities several articles are about, from
     * {@code entities} (by position, newest first). {@code last}'s suggestions, when it kept them,
     * are brought up to date by the entities of the articles that came and went ({@code prior}:
     * each article's entry in {@code last}, or null).
     */
    private TagSuggestions.Index suggestions(LinkState last, boolean[] keptBefore, LinkState.Entry[] prior,
                                             List<Map<String, EntityFinder.Entity>> entities) {
        if (last == null || last.suggestions() == null) {
            return new TagSuggestions.Index(vocabulary, entities);
        }
        List<Map<String, EntityFinder.Entity>> arriving = new ArrayList<>();
        for (int k = 0; k < prior.length; k++) {
            if (prior[k] == null) {
                arriving.add(entities.get(k));
            }
        }
        List<Map<String, EntityFinder.Entity>> leaving = new ArrayList<>();
        for (int p = 0; p < keptBefore.length; p++) {
            if (!keptBefore[p]) {
                leaving.add(last.entries()[p].entities());
            }
        }
        last.suggestions().update(leaving, arriving);
        return last.suggestions();
    }

    /** Text similarity plus a little for each tag the two articles share. */
    static double boosted(int shared, double similarity) {
        return similarity + SHARED_TAG_BOOST * Math.min(3, shared);
    }

    /** Each link target in the one key of its many spellings ({@link InBodyLinks#normalise}). */
    private static List<String> normalised(List<String> links) {
        return links.stream().map(InBodyLinks::normalise).toList();
    }

    /** The body with its links; the very text given when it has none to add. */
    private static LongText linkBody(Body body) {
        String html = body.html().value();
        String linked = InBodyLinks.link(html, body.cited(), body.slug(), body.tags());
        return linked.equals(html) ? body.html() : LongText.of(linked);
    }

    private void register(Tag tag, String file, Map<String, Tag> tags, Map<String, String> firstUse, List<Problem> problems) {
        Tag seen = tags.putIfAbsent(tag.slug(), tag);
        if (seen != null && !seen.name().equals(tag.name()) && !vocabulary.isCanonical(tag.slug())) {
            problems.add(Problem.warning(file, 0, "tag '" + tag.name() + "' and tag '"
                    + seen.name() + "' (" + firstUse.get(tag.slug()) + ") share the page tags/" + tag.slug()
                    + "/: merged as '" + seen.name() + "'"));
        }
        firstUse.putIfAbsent(tag.slug(), file);
    }

    private static Problem nameless(String file, String written) {
        return Problem.warning(file, 0, "tag '" + written + "' has no letters or digits to name a page after: ignored");
    }

    /**
     * Registers the tags of an article as the loop of {@link #make} does, from what it made of
     * them: its written tags in order (a nameless one reported), then the automatic ones its slugs add.
     */
    private void keptTags(List<Tag> written, List<String> slugs, Article article, TagVocabulary automatic,
                          Map<String, Tag> tags, Map<String, String> firstUse, List<Problem> problems) {
        String file = article.sourceFile();
        for (int w = 0; w < written.size(); w++) {
            if (written.get(w).slug().isEmpty()) {
                problems.add(nameless(file, article.tags().get(w)));
            } else {
                register(written.get(w), file, tags, firstUse, problems);
            }
        }
        // Its slugs are its written tags' (distinct), then the automatic ones not among them.
        for (String slug : slugs) {
            boolean isWritten = false;
            for (Tag tag : written) {
                isWritten |= tag.slug().equals(slug);
            }
            if (!isWritten) {
                register(automatic.resolve(slug), file, tags, firstUse, problems);
            }
        }
    }

    /**
     * Whether the tags can be the last map's without registering the kept articles' again: the
     * last build reported no tag, the automatic vocabulary is the same, and every kept article
     * holds its rank among as many articles as then. Each tag's articles are then the last ones
     * with only those at the other ranks changed (see {@link #sameTags}).
     */
    private static boolean inPlace(LinkState last, boolean sameVocabulary, int[] from, int[] order,
                                   LinkState.Entry[] prior) {
        if (last == null || !sameVocabulary || !last.problems().isEmpty() || order.length != last.order().length) {
            return false;
        }
        int[] lastOrder = last.order();
        return IntStream.range(0, order.length).allMatch(k -> prior[k] == null || from[order[k]] == lastOrder[k]);
    }

    /**
     * In place ({@link #inPlace}), whether the tags registered by the articles at ranks
     * {@code registered} ({@code problems}: theirs alone) leave the last map as it is: they report
     * nothing, each still carries every slug the article at its rank carried then, and each tag it
     * registers is the last map's for its slug, or one of the same name that the article at its
     * rank registered then (which was not the slug's first, so an earlier one still is). Then each
     * slug's first article registers a tag equal to the last map's, and every article of the slug
     * has its name (no report then), so a full registration makes the last map.
     */
    private static boolean sameTags(LinkState last, List<Integer> registered, List<List<Tag>> writtenTags,
                                    List<List<String>> slugLists, TagVocabulary automatic, List<Problem> problems) {
        if (!problems.isEmpty()) {
            return false;
        }
        for (int k : registered) {
            LinkState.Entry was = last.entries()[last.order()[k]];
            if (!slugLists.get(k).containsAll(was.slugs())) {
                return false;
            }
            for (String slug : slugLists.get(k)) {
                Tag now = registeredAs(slug, writtenTags.get(k), automatic);
                Tag first = last.tags().get(slug);
                if (!now.equals(first) && (first == null || !now.name().equals(first.name())
                        || !was.slugs().contains(slug) || !now.equals(registeredAs(slug, was.written(), automatic)))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The tag an article registers first for one of its slugs: its first written one of that slug, else the automatic one. */
    private static Tag registeredAs(String slug, List<Tag> written, TagVocabulary automatic) {
        for (Tag tag : written) {
            if (tag.slug().equals(slug)) {
                return tag;
            }
        }
        return automatic.resolve(slug);
    }
}
