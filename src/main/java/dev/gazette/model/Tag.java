package dev.gazette.model;

import java.util.List;
import java.util.Objects;

/**
 * A canonical tag: {@code slug} names its page, {@code name} is what readers see,
 * {@code aliases} are the spellings that auto-tagging looks for in articles.
 */
public record Tag(String slug, String name, String description, List<String> aliases) {
    public Tag {
        aliases = List.copyOf(aliases);
    }

    /*
     * Written out: the record's own methods go through method handles, which the client compiler
     * does not inline, and tags are keys of the maps the tagger fills for every article. The same
     * values as the record's: components compared in order, hashes combined as 31 * h + hash.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Tag t && Objects.equals(slug, t.slug) && Objects.equals(name, t.name)
                && Objects.equals(description, t.description) && aliases.equals(t.aliases);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(slug);
        h = 31 * h + Objects.hashCode(name);
        h = 31 * h + Objects.hashCode(description);
        return 31 * h + aliases.hashCode();
    }
}
