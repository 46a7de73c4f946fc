package dev.gazette.model;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A long string, such as an article's body or its plain text, that may be held in its UTF-8
 * encoding, left in a build cache, or left to the step that makes it, until someone reads it: a
 * build that takes its articles back from the build cache decodes (or links) only the bodies a
 * step or a page actually reads, not every article's. Equal when
 * their strings are; immutable, and safe to share between threads.
 */
public final class LongText {
    private volatile String value;
    /** The UTF-8 bytes not decoded yet; null once decoded (or when made from a string). */
    private volatile byte[] utf8;
    /** Where the UTF-8 bytes are fetched from when first needed (a build cache); null once fetched, or when there is none. */
    private Supplier<byte[]> stored;
    /** What makes the string when first needed (a step not run yet); null once made, or when there is none. */
    private Supplier<String> later;

    private LongText(String value, byte[] utf8, Supplier<byte[]> stored, Supplier<String> later) {
        this.value = value;
        this.utf8 = utf8;
        this.stored = stored;
        this.later = later;
    }

    public static LongText of(String value) {
        if (value == null) {
            throw new NullPointerException("a long text of nothing");
        }
        return new LongText(value, null, null, null);
    }

    /** A text decoded from {@code utf8} when first read; the array is the text's own from now on. */
    public static LongText ofUtf8(byte[] utf8) {
        return new LongText(null, utf8, null, null);
    }

    /**
     * A text whose UTF-8 bytes {@code stored} fetches the first time it is read (once, from
     * whichever thread reads first): a build that reuses ten thousand stored texts reads from
     * the cache only those a page reads. The supplier must always give the same bytes.
     */
    public static LongText ofStored(Supplier<byte[]> stored) {
        if (stored == null) {
            throw new NullPointerException("a long text stored nowhere");
        }
        return new LongText(null, null, stored, null);
    }

    /**
     * A text whose string {@code make} makes the first time it is read (once, from whichever
     * thread reads first), and which holds it from then on: a build that takes ten thousand
     * linked bodies makes only those a page reads. {@code make} must always make the same string.
     */
    public static LongText later(Supplier<String> make) {
        if (make == null) {
            throw new NullPointerException("a long text made by nothing");
        }
        return new LongText(null, null, null, make);
    }

    /** The string, decoded on first use. */
    public String value() {
        String v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = later != null ? made() : new String(fetched(), StandardCharsets.UTF_8);
                    value = v;
                    utf8 = null;
                }
            }
        }
        return v;
    }

    /** The string when the text holds it (made from one, or read already), else null: for a writer that encodes it itself. */
    public String ifDecoded() {
        return value;
    }

    /** The UTF-8 encoding, without decoding a text that was never read (do not change the array). */
    public byte[] utf8() {
        byte[] b = utf8;
        if (b != null) {
            return b;
        }
        synchronized (this) {
            if (value == null && later == null) {
                return fetched();
            }
        }
        return value().getBytes(StandardCharsets.UTF_8);
    }

    /** The string made, its maker let go; under the lock. */
    private String made() {
        String v = later.get();
        later = null;
        return v;
    }

    /** The UTF-8 bytes held, fetched from where they are stored first if need be; under the lock, with no string yet. */
    private byte[] fetched() {
        if (utf8 == null) {
            utf8 = stored.get();
            stored = null;
        }
        return utf8;
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
