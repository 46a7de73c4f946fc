package dev.gazette.link;

import dev.gazette.model.Article;
import dev.gazette.model.Slugs;
import dev.gazette.model.Tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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
                                    java.util.function.Function<Article, Map<String, EntityFinder.Entity>> entitiesOf) {
        Map<String, List<EntityFinder.Entity>> byKey = new HashMap<>();
        for (Article a : articles) {
            for (Map.Entry<String, EntityFinder.Entity> e : entitiesOf.apply(a).entrySet()) {
                if (e.getValue().score() >= AutoTagger.MIN_SCORE) {
                    byKey.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
                }
            }
        }
        List<Suggestion> out = new ArrayList<>();
        for (Map.Entry<String, List<EntityFinder.Entity>> e : byKey.entrySet()) {
            List<EntityFinder.Entity> seen = e.getValue();
            long letters = e.getKey().chars().filter(Character::isLetter).count();
            if (seen.size() < 2 || letters < 3 || Slugs.of(e.getKey()).isEmpty()) {
                continue;
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
                continue;
            }
            String name = nameVotes.entrySet().stream()
                    .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .orElseThrow().getKey();
            out.add(new Suggestion(name, List.copyOf(forms), seen.size(), score));
        }
        out.sort(Comparator.comparingInt(Suggestion::articles).reversed()
                .thenComparing(Comparator.comparingInt(Suggestion::score).reversed())
                .thenComparing(Suggestion::name));
        return out;
    }

    /** The entities of one article strong enough to count towards a suggestion; the same order. */
    static Map<String, EntityFinder.Entity> salient(Map<String, EntityFinder.Entity> entities) {
        Map<String, EntityFinder.Entity> out = new java.util.LinkedHashMap<>();
        entities.forEach((key, entity) -> {
            if (entity.score() >= AutoTagger.MIN_SCORE) {
                out.put(key, entity);
            }
        });
        return out;
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
