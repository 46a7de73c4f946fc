package dev.gazette.link;

import dev.gazette.model.Tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds vocabulary tags in an article: each tag's name and aliases are matched on word
 * boundaries (so "OpenAI’s" counts for OpenAI and "Chinaware" does not count for China),
 * acronyms only in capitals, other names with their capital letter; mentions are weighted by
 * where they stand, and the strongest few tags are kept.
 */
final class AutoTagger {
    /** Tags added automatically to one article at most. */
    static final int MAX_TAGS = 5;
    /** One mention in the headline, or in the lead plus one more, or three in passing. */
    static final int MIN_SCORE = 3;

    private record TagPattern(Tag tag, Pattern pattern) {
    }

    private final List<TagPattern> matchers = new ArrayList<>();

    AutoTagger(List<Tag> vocabulary) {
        for (Tag tag : vocabulary) {
            List<String> names = new ArrayList<>(tag.aliases());
            names.add(tag.name());
            names.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
            StringBuilder alternation = new StringBuilder();
            for (String name : names.stream().distinct().toList()) {
                if (name.isBlank()) {
                    continue;
                }
                if (!alternation.isEmpty()) {
                    alternation.append('|');
                }
                alternation.append(aliasPattern(name.strip()));
            }
            if (!alternation.isEmpty()) {
                matchers.add(new TagPattern(tag, Pattern.compile(
                        "(?<![\\p{L}\\p{N}])(?:" + alternation + ")(?![\\p{L}\\p{N}])")));
            }
        }
    }

    /** A tag found in an article, with its weighted mention score. */
    record Scored(Tag tag, int score) {
    }

    /** Every vocabulary tag mentioned in the article, strongest first, ties by slug. */
    List<Scored> score(String title, String text) {
        Mentions.Parts parts = Mentions.Parts.of(title, text);
        List<Scored> out = new ArrayList<>();
        for (TagPattern m : matchers) {
            int score = 0;
            for (Mentions where : Mentions.values()) {
                Matcher found = m.pattern.matcher(parts.part(where));
                while (found.find()) {
                    score += where.weight;
                }
            }
            if (score > 0) {
                out.add(new Scored(m.tag, score));
            }
        }
        out.sort(Comparator.comparingInt(Scored::score).reversed().thenComparing(s -> s.tag().slug()));
        return out;
    }

    /** The slugs of the strongest tags, at most {@link #MAX_TAGS}. */
    List<String> tags(String title, String text) {
        return score(title, text).stream()
                .filter(s -> s.score() >= MIN_SCORE)
                .limit(MAX_TAGS)
                .map(s -> s.tag().slug())
                .toList();
    }

    /** The pattern matching any of the tag's names, or null for a tag outside this vocabulary. */
    Pattern pattern(String slug) {
        for (TagPattern m : matchers) {
            if (m.tag.slug().equals(slug)) {
                return m.pattern;
            }
        }
        return null;
    }

    /**
     * Acronyms ("AI", "EU") match only in capitals; other names match whatever the case of
     * their later letters but keep a leading capital ("Apple" is not "apple"). Spaces in a
     * name match any run of white space.
     */
    static String aliasPattern(String alias) {
        boolean acronym = alias.length() <= 6 && alias.equals(alias.toUpperCase(java.util.Locale.ROOT))
                && alias.chars().anyMatch(Character::isLetter);
        String[] words = alias.split("\\s+");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                sb.append("\\s+");
            }
            String w = words[i];
            if (acronym) {
                sb.append(Pattern.quote(w));
            } else if (i == 0 && Character.isUpperCase(w.charAt(0))) {
                sb.append(Pattern.quote(w.substring(0, 1)));
                if (w.length() > 1) {
                    sb.append("(?iu:").append(Pattern.quote(w.substring(1))).append(')');
                }
            } else {
                sb.append("(?iu:").append(Pattern.quote(w)).append(')');
            }
        }
        return sb.toString();
    }
}
