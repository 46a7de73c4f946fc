package dev.gazette.text;

/**
 * String builders that copy slices of one string as arrays. A new {@link StringBuilder} holds
 * one-byte characters until it meets another, and copies a slice of a two-byte string (most
 * bodies: one dash or curly quote makes the whole string so) character by character until then;
 * a builder that already holds characters as the string does copies the slice in one array copy.
 */
public final class Slices {
    private Slices() {
    }

    /** An empty builder for slices of {@code text}, with room for {@code capacity} characters. */
    public static StringBuilder builderFor(String text, int capacity) {
        // The copy takes the string's coder, which the builder keeps when emptied.
        StringBuilder out = new StringBuilder(text);
        out.setLength(0);
        out.ensureCapacity(capacity);
        return out;
    }
}
