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
        return withSlice(text, 0, 0, capacity);
    }

    /**
     * {@code out} with {@code text}'s characters from {@code from} to {@code to} appended; when
     * {@code out} is null, a new builder for slices of {@code text} holding them, with room for
     * {@code capacity} characters. The usual first slice, the text up to the first change, is
     * then not copied a second time.
     */
    public static StringBuilder append(StringBuilder out, String text, int from, int to, int capacity) {
        return out != null ? out.append(text, from, to) : withSlice(text, from, to, capacity);
    }

    private static StringBuilder withSlice(String text, int from, int to, int capacity) {
        // The whole text appended in one array copy gives the builder the text's coder, which it
        // keeps when cut back; sized first, so the builder's array is not grown (and copied) after.
        StringBuilder out = new StringBuilder(Math.max(capacity, text.length()));
        out.append(text);
        if (from == 0) {
            out.setLength(to);
        } else {
            out.setLength(0);
            out.append(text, from, to);
        }
        return out;
    }
}
