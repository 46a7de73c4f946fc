package dev.gazette.link;

import dev.gazette.model.Slugs;
import dev.gazette.model.Tag;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The site's canonical tags. Maps whatever a curator wrote ("OpenAI", "openai", "ChatGPT")
 * to one canonical tag; a tag outside the vocabulary is accepted and normalised to a slug.
 */
public final class TagVocabulary {
    private final List<Tag> ordered;
    private final Map<String, Tag> bySlug = new HashMap<>();
    private final Map<String, Tag> byName = new HashMap<>();

    public TagVocabulary(List<Tag> tags) {
        this.ordered = List.copyOf(tags);
        for (Tag tag : tags) {
            bySlug.put(tag.slug(), tag);
        }
        for (Tag tag : tags) {
            byName.putIfAbsent(fold(tag.name()), tag);
            for (String alias : tag.aliases()) {
                byName.putIfAbsent(fold(alias), tag);
            }
        }
    }

    /** The canonical tag for what a curator wrote, or a new tag named as written. */
    public Tag resolve(String written) {
        Tag known = bySlug.get(written);
        if (known == null) {
            known = byName.get(fold(written));
        }
        if (known == null) {
            known = bySlug.get(Slugs.of(written));
        }
        return known != null ? known : new Tag(Slugs.of(written), written.strip(), null, List.of());
    }

    /** Whether a tag of the vocabulary already has this name or alias. */
    public boolean covers(String name) {
        return byName.containsKey(fold(name));
    }

    /** The tags in the order the site lists them. */
    public List<Tag> tags() {
        return ordered;
    }

    public boolean isEmpty() {
        return bySlug.isEmpty();
    }

    public boolean isCanonical(String slug) {
        return bySlug.containsKey(slug);
    }

    private static String fold(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
