package dev.gazette.model;

/**
 * An object compared by identity, never by content: stages that remember work between builds
 * key it by the articles they were given, which stay the same objects while unchanged, so a
 * lookup never hashes or compares an article's text.
 */
public record Same(Object value) {
    @Override
    public boolean equals(Object o) {
        return o instanceof Same s && s.value == value;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(value);
    }
}
