package dev.gazette.link;

import dev.gazette.model.Article;
import dev.gazette.model.Slugs;
import dev.gazette.model.Tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Named entities that several articles are about but no tag covers yet: what {@code gazette
 * tags} suggests, and the vocabulary of a site that has none of its own.
 */
public final class TagSuggestions {
    /** An entity worth a tag: its name, spellings, how many articles it is salient in and its total score. */
    public record Suggestion(String name, List<String> forms, int articles, int score) {
    }

    private TagSuggestions() {
    }

    /** Entities salient in at least two articles and not in the vocabulary, most widespread first. */
    public static List<Suggestion> suggest(List<Article> articles, TagVocabulary vocabulary) {
        EntityFinder finder = new EntityFinder();
        return suggest(articles, vocabulary, a -> finder.find(a.title(), a.text()));
    }

    /** @param entitiesOf each article's entities, perhaps remembered from an earlier build */
    static List<Suggestion> suggest(List<Article> articles, TagVocabulary vocabulary,
                                    Function<Article, Map<String, EntityFinder.Entity>> entitiesOf) {
        return new Index(vocabulary, articles.stream().map(entitiesOf).toList()).suggestions();
    }

    /**
     * The suggestions of a set of articles kept per entity: each entity's mentions across the
     * articles, and its suggestion when it makes one. Articles that come and go change only the
     * suggestions of the entities they name, so a build after an edit need not count every
     * article's entities again. Changed in place by {@link #update}.
     */
    static final class Index {
        private final TagVocabulary vocabulary;
        /** Each entity's strong mentions, one per article that names it. */
        private final Map<String, List<EntityFinder.Entity>> byKey = new HashMap<>();
        private final Map<String, Suggestion> suggestions = new HashMap<>();

        /** @param entities the entities of each article */
        Index(TagVocabulary vocabulary, List<Map<String, EntityFinder.Entity>> entities) {
            this.vocabulary = vocabulary;
            update(List.of(), entities);
        }

        /**
         * The index of {@code entities} whose suggestions were made before ({@link #byEntity}),
         * as a build cache reads it back: only the mentions are put back, no suggestion is made again.
         */
        Index(TagVocabulary vocabulary, List<Map<String, EntityFinder.Entity>> entities, Map<String, Suggestion> made) {
            this.vocabulary = vocabulary;
            for (Map<String, EntityFinder.Entity> each : entities) {
                each.forEach((key, entity) -> {
                    if (entity.score() >= AutoTagger.MIN_SCORE) {
                        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(entity);
                    }
                });
            }
            suggestions.putAll(made);
        }

        /** Each entity's suggestion, by the entity's key. */
        Map<String, Suggestion> byEntity() {
            return suggestions;
        }

        /**
         * Takes out the entities of the articles that left (the very maps they were added with)
         * and adds those of the articles that came.
         */
        void update(List<Map<String, EntityFinder.Entity>> leaving, List<Map<String, EntityFinder.Entity>> arriving) {
            Set<String> touched = new HashSet<>();
            for (Map<String, EntityFinder.Entity> entities : leaving) {
                entities.forEach((key, entity) -> {
                    List<EntityFinder.Entity> seen = byKey.get(key);
                    if (seen != null && entity.score() >= AutoTagger.MIN_SCORE) {
                        for (int i = 0; i < seen.size(); i++) {
                            if (seen.get(i) == entity) {
                                seen.remove(i);
                                break;
                            }
                        }
                        touched.add(key);
                    }
                });
            }
            for (Map<String, EntityFinder.Entity> entities : arriving) {
                entities.forEach((key, entity) -> {
                    if (entity.score() >= AutoTagger.MIN_SCORE) {
                        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(entity);
                        touched.add(key);
                    }
                });
            }
            for (String key : touched) {
                List<EntityFinder.Entity> seen = byKey.get(key);
                if (seen.isEmpty()) {
                    byKey.remove(key);
                }
                Suggestion suggestion = seen.isEmpty() ? null : suggestion(key, seen);
                if (suggestion == null) {
                    suggestions.remove(key);
                } else {
                    suggestions.put(key, suggestion);
                }
            }
        }

        /** Entities salient in at least two articles and not in the vocabulary, most widespread first. */
        List<Suggestion> suggestions() {
            List<Suggestion> out = new ArrayList<>(suggestions.values());
            // Ties broken down to the spellings, so the order never depends on the map's.
            out.sort(Comparator.comparingInt(Suggestion::articles).reversed()
                    .thenComparing(Comparator.comparingInt(Suggestion::score).reversed())
                    .thenComparing(Suggestion::name)
                    .thenComparing(s -> String.join("\n", s.forms())));
            return out;
        }

        /** What one entity, strongly mentioned by the articles of {@code seen}, suggests; null when nothing. */
        private Suggestion suggestion(String key, List<EntityFinder.Entity> seen) {
            long letters = key.chars().filter(Character::isLetter).count();
            if (seen.size() < 2 || letters < 3 || Slugs.of(key).isEmpty()) {
                return null;
            }
            TreeSet<String> forms = new TreeSet<>();
            Map<String, Integer> nameVotes = new HashMap<>();
            int score = 0;
            for (EntityFinder.Entity entity : seen) {
                forms.addAll(entity.forms());
                nameVotes.merge(entity.name(), entity.mentions(), Integer::sum);
                score += entity.score();
            }
            if (forms.stream().anyMatch(vocabulary::covers)) {
                return null;
            }
            String name = nameVotes.entrySet().stream()
                    .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .orElseThrow().getKey();
            return new Suggestion(name, List.copyOf(forms), seen.size(), score);
        }
    }

    /** Suggestions as tags, for a site without a vocabulary of its own. */
    static List<Tag> asVocabulary(List<Suggestion> suggestions) {
        List<Tag> tags = new ArrayList<>();
        for (Suggestion s : suggestions) {
            tags.add(new Tag(Slugs.of(s.name()), s.name(), null, s.forms()));
        }
        return tags;
    }
}
