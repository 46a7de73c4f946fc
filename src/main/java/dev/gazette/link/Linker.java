package dev.gazette.link;

import dev.gazette.config.SiteConfig;
import dev.gazette.enrich.PageNames;
import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import dev.gazette.model.Edition;
import dev.gazette.model.Problem;
import dev.gazette.model.ProblemSink;
import dev.gazette.model.Story;
import dev.gazette.model.Tag;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
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
    /** Candidates looked at per article: enough for stories and for tag boosts to reorder. */
    private static final int CANDIDATES = 20;
    private static final double MIN_SIMILARITY = 0.005;
    /** A related article must be at least this close, tags included, to be worth a reader's click. */
    private static final double MIN_RELATED = 0.05;
    /** Each tag two articles share adds this much to their similarity, up to three tags. */
    static final double SHARED_TAG_BOOST = 0.05;

    private static final TermAnalyzer ANALYZER = new TermAnalyzer();
    private static final EntityFinder ENTITIES = new EntityFinder();

    private final SiteConfig site;
    private final TagVocabulary vocabulary;
    private final LinkMemo memo;

    public Linker(SiteConfig site) {
        this(site, new LinkMemo());
    }

    /** @param memo what an earlier build of the same site computed, reused where its articles are unchanged */
    public Linker(SiteConfig site, LinkMemo memo) {
        this.site = site;
        this.vocabulary = new TagVocabulary(site.vocabulary());
        this.memo = memo;
    }

    public Digest link(List<Article> input, ProblemSink problems) {
        List<Article> sorted = new ArrayList<>(PageNames.unique(input, problems));
        sorted.sort(NEWEST_FIRST);

        // Tags: the curator's, then the strongest the vocabulary finds in the text.
        TagVocabulary automatic = vocabulary.isEmpty()
                ? new TagVocabulary(TagSuggestions.asVocabulary(TagSuggestions.suggest(sorted, vocabulary, this::entities)))
                : vocabulary;
        AutoTagger tagger = memo.tagger(automatic.tags());
        sorted.parallelStream().forEach(a -> autoTags(a, tagger));
        Map<String, Tag> tags = new TreeMap<>();
        Map<String, String> firstUse = new HashMap<>();
        List<Article> articles = new ArrayList<>();
        for (Article article : sorted) {
            Set<String> slugs = new LinkedHashSet<>();
            for (String written : article.tags()) {
                Tag tag = vocabulary.resolve(written);
                if (tag.slug().isEmpty()) {
                    problems.report(Problem.warning(article.sourceFile(), 0,
                            "tag '" + written + "' has no letters or digits to name a page after: ignored"));
                    continue;
                }
                register(tag, article, tags, firstUse, problems);
                slugs.add(tag.slug());
            }
            for (String slug : memo.of(article).autoTags) {
                if (slugs.add(slug)) {
                    register(automatic.resolve(slug), article, tags, firstUse, problems);
                }
            }
            articles.add(article.withTags(List.copyOf(slugs)));
        }
        List<Article> inputs = sorted;

        // Links in bodies: tag mentions, and sources that cite another article's original.
        Map<String, String> slugBySource = new HashMap<>();
        for (Article a : inputs) {
            if (a.sourceUrl() != null) {
                LinkMemo.Derived d = memo.of(a);
                if (d.source == null) {
                    d.source = InBodyLinks.normalise(a.sourceUrl());
                }
                slugBySource.putIfAbsent(d.source, a.slug());
            }
        }
        Map<String, Tag> tagsView = Map.copyOf(tags);
        List<Article> tagged = articles;
        articles = IntStream.range(0, tagged.size()).parallel()
                .mapToObj(i -> linkBody(inputs.get(i), tagged.get(i), tagger, tagsView, slugBySource)).toList();

        // Related articles and stories, from one similarity index over the cleaned texts.
        List<List<String>> terms = inputs.parallelStream().map(this::terms).toList();
        List<List<SimilarityIndex.Match>> similar = memo.similar(terms, CANDIDATES, MIN_SIMILARITY);
        memo.retain(inputs);
        Stories stories = new Stories(articles);
        for (int i = 0; i < articles.size(); i++) {
            for (SimilarityIndex.Match m : similar.get(i)) {
                stories.consider(i, m.doc(), m.score(), boosted(articles.get(i), articles.get(m.doc()), m.score()));
            }
        }
        List<Story> storyList = stories.stories();
        Map<String, Story> storyOf = new HashMap<>();
        for (Story story : storyList) {
            for (Article a : story.articles()) {
                storyOf.put(a.slug(), story);
            }
        }

        List<Edition> editions = Editions.editions(articles, site.edition(), storyOf);
        Map<String, String> editionOf = new HashMap<>();
        for (Edition e : editions) {
            e.groups().forEach(g -> g.articles().forEach(a -> editionOf.put(a.slug(), e.slug())));
        }
        List<Article> linked = articles;
        List<List<String>> related = IntStream.range(0, linked.size()).parallel()
                .mapToObj(i -> related(i, linked, similar.get(i))).toList();
        Map<String, Digest.ArticleLinks> links = new HashMap<>();
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            Story story = storyOf.get(a.slug());
            links.put(a.slug(), new Digest.ArticleLinks(
                    related.get(i),
                    story == null ? null : story.slug(),
                    editionOf.get(a.slug()),
                    i > 0 ? articles.get(i - 1).slug() : null,
                    i + 1 < articles.size() ? articles.get(i + 1).slug() : null));
        }
        Map<String, List<Article>> bySlug = new HashMap<>();
        for (Article a : articles) {
            for (String slug : a.tags()) {
                bySlug.computeIfAbsent(slug, k -> new ArrayList<>()).add(a);
            }
        }
        List<Digest.TagGroup> groups = new ArrayList<>();
        for (Tag tag : tags.values()) {
            groups.add(new Digest.TagGroup(tag, bySlug.getOrDefault(tag.slug(), List.of())));
        }
        return new Digest(articles, groups, storyList, editions, Editions.months(articles), links);
    }

    /** The best related articles: content similarity boosted by shared tags, ties by date then slug. */
    private static List<String> related(int i, List<Article> articles, List<SimilarityIndex.Match> candidates) {
        Article a = articles.get(i);
        record Scored(Article article, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (SimilarityIndex.Match m : candidates) {
            Article other = articles.get(m.doc());
            double score = boosted(a, other, m.score());
            if (score >= MIN_RELATED) {
                scored.add(new Scored(other, score));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(Scored::article, NEWEST_FIRST));
        return scored.stream().limit(RELATED).map(s -> s.article().slug()).toList();
    }

    /** Text similarity plus a little for each tag the two articles share. */
    static double boosted(Article a, Article b, double similarity) {
        long shared = b.tags().stream().filter(a.tags()::contains).count();
        return similarity + SHARED_TAG_BOOST * Math.min(3, shared);
    }

    private Map<String, EntityFinder.Entity> entities(Article a) {
        LinkMemo.Derived d = memo.of(a);
        if (d.entities == null) {
            d.entities = ENTITIES.find(a.title(), a.text());
        }
        return d.entities;
    }

    private static void autoTagsOf(Article a, AutoTagger tagger, LinkMemo.Derived d) {
        if (d.taggedBy != tagger) {
            d.autoTags = tagger.tags(a.title(), a.text());
            d.taggedBy = tagger;
        }
    }

    private void autoTags(Article a, AutoTagger tagger) {
        autoTagsOf(a, tagger, memo.of(a));
    }

    private List<String> terms(Article a) {
        LinkMemo.Derived d = memo.of(a);
        if (d.terms == null) {
            d.terms = ANALYZER.terms(a.title() + "\n" + a.title() + "\n" + a.text(), a.lang());
        }
        return d.terms;
    }

    /**
     * The article with links in its body; remembered while the article, its tags and the
     * articles its links point to stay the same.
     */
    private Article linkBody(Article input, Article a, AutoTagger tagger, Map<String, Tag> tags,
                             Map<String, String> slugBySource) {
        List<Tag> own = a.tags().stream().map(tags::get).toList();
        Map<String, String> cited = new HashMap<>();
        LinkMemo.Derived d = memo.of(input);
        if (d.hrefs == null) {
            d.hrefs = InBodyLinks.hrefs(input.html());
        }
        for (String href : d.hrefs) {
            String slug = slugBySource.get(InBodyLinks.normalise(href));
            if (slug != null) {
                cited.put(href, slug);
            }
        }
        List<Object> key = List.of(own, cited, a.slug());
        if (d.linked == null || !d.linkedKey.equals(key)) {
            d.linked = linkBody(a, tagger, tags, slugBySource);
            d.linkedKey = key;
        }
        return d.linked;
    }

    private static Article linkBody(Article a, AutoTagger tagger, Map<String, Tag> tags, Map<String, String> slugBySource) {
        String html = InBodyLinks.rewriteSourceLinks(a.html(), slugBySource, a.slug());
        if (a.linkTags()) {
            Map<String, Pattern> patterns = new LinkedHashMap<>();
            for (String slug : a.tags()) {
                patterns.put(slug, tagger.pattern(tags.get(slug)));
            }
            html = InBodyLinks.linkFirstMentions(html, patterns);
        }
        return html.equals(a.html()) ? a : a.withHtml(html);
    }

    private void register(Tag tag, Article article, Map<String, Tag> tags, Map<String, String> firstUse, ProblemSink problems) {
        Tag seen = tags.putIfAbsent(tag.slug(), tag);
        if (seen != null && !seen.name().equals(tag.name()) && !vocabulary.isCanonical(tag.slug())) {
            problems.report(Problem.warning(article.sourceFile(), 0, "tag '" + tag.name() + "' and tag '"
                    + seen.name() + "' (" + firstUse.get(tag.slug()) + ") share the page tags/" + tag.slug()
                    + "/: merged as '" + seen.name() + "'"));
        }
        firstUse.putIfAbsent(tag.slug(), article.sourceFile());
    }
}
