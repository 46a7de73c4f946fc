package dev.gazette.model;

import java.nio.charset.StandardCharsets;

/**
 * A long string, such as an article's body or its plain text, that may be held in its UTF-8
 * encoding until someone reads it: a build that takes its articles back from the build cache
 * decodes only the bodies a step or a page actually reads, not every article's. Equal when
 * their strings are; immutable, and safe to share between threads.
 */
public final class LongText {
    private volatile String value;
    /** The UTF-8 bytes not decoded yet; null once decoded (or when made from a string). */
    private volatile byte[] utf8;

    private LongText(String value, byte[] utf8) {
        this.value = value;
        this.utf8 = utf8;
    }

    public static LongText of(String value) {
        if (value == null) {
            throw new NullPointerException("a long text of nothing");
        }
        return new LongText(value, null);
    }

    /** A text decoded from {@code utf8} when first read; the array is the text's own from now on. */
    public static LongText ofUtf8(byte[] utf8) {
        return new LongText(null, utf8);
    }

    /** The string, decoded on first use. */
    public String value() {
        String v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = new String(utf8, StandardCharsets.UTF_8);
                    value = v;
                    utf8 = null;
                }
            }
        }
        return v;
    }

    /** The UTF-8 encoding, without decoding a text that was never read (do not change the array). */
    public byte[] utf8() {
        byte[] b = utf8;
        return b != null ? b : value().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof LongText t && value().equals(t.value());
    }

    @Override
    public int hashCode() {
        return value().hashCode();
    }

    @Override
    public String toString() {
        return value();
    }
}
