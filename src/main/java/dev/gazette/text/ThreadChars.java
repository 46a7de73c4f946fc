package dev.gazette.text;

/**
 * An array of characters per thread, for a text copied out of its string to be read by index
 * (String.charAt checks its index on every call, which the client compiler keeps) without an
 * array of its own each time.
 */
public final class ThreadChars {
    /** An array grown past this many characters is not kept for the next text. */
    private static final int KEPT_UP_TO = 1 << 20;
    private final ThreadLocal<char[]> arrays;

    public ThreadChars(int initial) {
        arrays = ThreadLocal.withInitial(() -> new char[initial]);
    }

    /** The thread's array, of at least {@code n} characters: its content is the last user's. */
    public char[] atLeast(int n) {
        char[] chars = arrays.get();
        if (chars.length < n) {
            chars = new char[Math.max(n, 2 * chars.length)];
            if (chars.length <= KEPT_UP_TO) {
                arrays.set(chars);
            }
        }
        return chars;
    }
}
