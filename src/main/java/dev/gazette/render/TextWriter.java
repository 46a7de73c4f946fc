package dev.gazette.render;

import java.io.Writer;

/**
 * A writer into a string builder, without the lock {@link java.io.StringWriter} takes on every
 * call: StAX and Pebble write escaped text one character at a time.
 */
final class TextWriter extends Writer {
    final StringBuilder text;

    TextWriter(int capacity) {
        text = new StringBuilder(capacity);
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
