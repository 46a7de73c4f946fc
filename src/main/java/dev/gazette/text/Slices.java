package dev.gazette.text;

/**
 * String builders that copy slices of one string as arrays. A new {@link StringBuilder} holds
 * one-byte characters until it meets another, and copies a slice of a two-byte string (most
 * bodies: one dash or curly quote makes the whole string so) character by character until then;
 * a builder that already holds characters as the string does copies the slice in one array copy.
 *
 * <p>The builder handed out is the thread's own, emptied: it is to be read ({@code toString})
 * before the thread asks for another. It keeps its array, and its two-byte characters once it
 * met some, from one body to the next: a body costs its string, not a builder's arrays too.
 */
public final class Slices {
    /** A thread's builder grown past this many characters is not kept. */
    private static final int KEPT_UP_TO = 1 << 19;
    private static final ThreadLocal<StringBuilder> BUILDER = ThreadLocal.withInitial(StringBuilder::new);

    private Slices() {
    }

    /** The thread's builder, emptied, for slices of {@code text}, with room for {@code capacity} characters. */
    public static StringBuilder builderFor(String text, int capacity) {
        return withSlice(text, 0, 0, capacity);
    }

    /**
     * {@code out} with {@code text}'s characters from {@code from} to {@code to} appended; when
     * {@code out} is null, the thread's builder (see above) holding them, with room for
     * {@code capacity} characters.
     */
    public static StringBuilder append(StringBuilder out, String text, int from, int to, int capacity) {
        return out != null ? out.append(text, from, to) : withSlice(text, from, to, capacity);
    }

    private static StringBuilder withSlice(String text, int from, int to, int capacity) {
        StringBuilder out = BUILDER.get();
        if (out.capacity() > KEPT_UP_TO) {
            out = new StringBuilder();
            BUILDER.set(out);
        }
        out.setLength(0);
        // Sized first, so the array is not grown (and copied) while the slices come.
        out.ensureCapacity(Math.max(capacity, text.length()));
        return out.append(text, from, to);
    }
}
