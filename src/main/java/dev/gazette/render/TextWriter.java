package dev.gazette.render;

import java.io.Writer;

/**
 * A writer into a string builder, without the lock {@link java.io.StringWriter} takes on every
 * call: StAX and Pebble write escaped text one character at a time.
 */
final class TextWriter extends Writer {
    final StringBuilder text;

    /** Each thread's writer while it is not lent ({@link #borrowed}); one grown past {@link #KEPT_UP_TO} is not kept. */
    private static final ThreadLocal<TextWriter> SPARE = new ThreadLocal<>();
    private static final int KEPT_UP_TO = 1 << 19;

    TextWriter(int capacity) {
        text = new StringBuilder(capacity);
    }

    /**
     * The thread's writer, emptied (a new one while it is lent): its array, and its two-byte
     * characters once it met some, serve one feed item after another. Give it back once read.
     */
    static TextWriter borrowed(int capacity) {
        TextWriter spare = SPARE.get();
        if (spare == null) {
            return new TextWriter(capacity);
        }
        SPARE.set(null);
        spare.text.setLength(0);
        return spare;
    }

    /** Gives a {@link #borrowed} writer back to its thread; not to be used after. */
    void giveBack() {
        if (text.capacity() <= KEPT_UP_TO) {
            SPARE.set(this);
        }
    }

    @Override
    public void write(int c) {
        text.append((char) c);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
    }

    @Override
    public void write(String s, int offset, int length) {
        text.append(s, offset, offset + length);
    }

    @Override
    public Writer append(CharSequence s) {
        text.append(s);
        return this;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
