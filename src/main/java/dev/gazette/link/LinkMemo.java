package dev.gazette.link;

import dev.gazette.model.Article;
import dev.gazette.model.Same;
import dev.gazette.model.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the link stage keeps between builds of one preview session, so that editing one article
 * costs work for that article, not for the whole site. Keyed by the identity of the articles the
 * stage receives: a preview keeps the same {@link Article} object for every source that did not
 * change. A {@code gazette build} uses a fresh memo and gains nothing from it.
 */
public final class LinkMemo {
    /** Below this many articles, everything is recomputed exactly: it is fast enough. */
    static final int INCREMENTAL_FROM = 2000;
    /** More changed articles than this in one rebuild, and the similarity index is built anew. */
    private static final int MAX_INCREMENTAL_CHANGES = 50;

    /** Derived values of one article, computed once. */
    static final class Derived {
        volatile Map<String, EntityFinder.Entity> entities;
        volatile List<String> terms;
        volatile List<String> hrefs;
        volatile String source;
        volatile AutoTagger taggedBy;
        volatile List<String> autoTags;
        volatile Object linkedKey;
        volatile Article linked;
    }

    private final Map<Same, Derived> derived = new ConcurrentHashMap<>();
    private AutoTagger tagger;
    private SimilarityIndex index;
    /** The slot of each article's terms in {@link #index}, and each slot's candidate neighbours. */
    private final Map<List<String>, Integer> slots = new IdentityHashMap<>();
    private final Map<Integer, List<SimilarityIndex.Match>> neighbours = new HashMap<>();

    Derived of(Article article) {
        return derived.computeIfAbsent(new Same(article), k -> new Derived());
    }

    /** The tagger for this vocabulary: the previous one when the vocabulary is the same. */
    AutoTagger tagger(List<Tag> vocabulary) {
        if (tagger == null || !tagger.vocabulary().equals(vocabulary)) {
            tagger = new AutoTagger(vocabulary);
        }
        return tagger;
    }

    /** Forgets articles that are no longer part of the site. */
    void retain(List<Article> articles) {
        Set<Same> live = ConcurrentHashMap.newKeySet();
        articles.forEach(a -> live.add(new Same(a)));
        derived.keySet().retainAll(live);
    }

    /**
     * Each document's most similar others, by position in {@code terms}. Small sites and large
     * changes build the index anew; a preview of a large site adds and removes only the
     * documents that changed, and updates the neighbours of the documents they touch.
     */
    List<List<SimilarityIndex.Match>> similar(List<List<String>> terms, int limit, double minScore) {
        int changed = 0;
        for (List<String> t : terms) {
            if (!slots.containsKey(t)) {
                changed++;
            }
        }
        int gone = slots.size() - (terms.size() - changed);
        boolean incremental = index != null && terms.size() >= INCREMENTAL_FROM
                && changed + gone <= MAX_INCREMENTAL_CHANGES;
        if (!incremental) {
            index = new SimilarityIndex(terms);
            slots.clear();
            neighbours.clear();
            for (int i = 0; i < terms.size(); i++) {
                slots.put(terms.get(i), i);
            }
            List<List<SimilarityIndex.Match>> all = java.util.stream.IntStream.range(0, terms.size()).parallel()
                    .mapToObj(i -> index.similar(i, limit, minScore)).toList();
            for (int i = 0; i < all.size(); i++) {
                neighbours.put(i, all.get(i));
            }
            return all;
        }
        Set<List<String>> current = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        current.addAll(terms);
        List<Integer> removed = new ArrayList<>();
        slots.entrySet().removeIf(e -> {
            if (!current.contains(e.getKey())) {
                removed.add(e.getValue());
                return true;
            }
            return false;
        });
        removed.forEach(index::remove);
        Set<Integer> dead = Set.copyOf(removed);
        removed.forEach(neighbours::remove);
        List<Integer> added = new ArrayList<>();
        for (List<String> t : terms) {
            if (!slots.containsKey(t)) {
                int slot = index.add(t);
                slots.put(t, slot);
                added.add(slot);
            }
        }
        // The others keep their neighbours, minus the removed, plus the added where they rank.
        for (Map.Entry<Integer, List<SimilarityIndex.Match>> e : neighbours.entrySet()) {
            if (e.getValue().stream().anyMatch(m -> dead.contains(m.doc()))) {
                e.setValue(e.getValue().stream().filter(m -> !dead.contains(m.doc())).toList());
            }
        }
        for (int slot : added) {
            List<SimilarityIndex.Match> found = index.similar(slot, limit, minScore);
            neighbours.put(slot, found);
            for (SimilarityIndex.Match m : found) {
                List<SimilarityIndex.Match> list = new ArrayList<>(neighbours.getOrDefault(m.doc(), List.of()));
                list.add(new SimilarityIndex.Match(slot, m.score()));
                list.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score()) : Integer.compare(a.doc(), b.doc()));
                neighbours.put(m.doc(), list.size() > limit ? List.copyOf(list.subList(0, limit)) : list);
            }
        }
        // Back from slots to positions.
        Map<Integer, Integer> position = new HashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            position.put(slots.get(terms.get(i)), i);
        }
        Function<SimilarityIndex.Match, SimilarityIndex.Match> toPosition =
                m -> new SimilarityIndex.Match(position.get(m.doc()), m.score());
        List<List<SimilarityIndex.Match>> out = new ArrayList<>(terms.size());
        for (List<String> t : terms) {
            out.add(neighbours.get(slots.get(t)).stream().map(toPosition).toList());
        }
        return out;
    }
}
