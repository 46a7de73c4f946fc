package dev.gazette.model;

import java.util.List;

/**
 * A canonical tag: {@code slug} names its page, {@code name} is what readers see,
 * {@code aliases} are the spellings that auto-tagging looks for in articles.
 */
public record Tag(String slug, String name, String description, List<String> aliases) {
    public Tag {
        aliases = List.copyOf(aliases);
    }
}
