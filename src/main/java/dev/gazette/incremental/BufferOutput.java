package dev.gazette.incremental;

import dev.gazette.model.Utf8;

import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.UTFDataFormatException;
import java.util.Arrays;

/**
 * {@link DataOutput} into a growing byte array, big-endian as {@code DataOutputStream} writes
 * (what {@link BufferInput} reads): the build cache's index written value by value without a
 * stream's per-byte, synchronized calls; or, {@link #streaming}, through a fixed array to a file.
 */
final class BufferOutput implements DataOutput {
    /** Where a streaming buffer's bytes go once it is full (see {@link #streaming}). */
    interface Drain {
        void accept(byte[] bytes, int length) throws IOException;
    }

    private byte[] bytes;
    private int size;
    /** Where the bytes go when the array is full, rather than growing it; null: the array grows. */
    private final Drain drain;

    BufferOutput(int capacity) {
        this(capacity, null);
    }

    private BufferOutput(int capacity, Drain drain) {
        bytes = new byte[Math.max(16, capacity)];
        this.drain = drain;
    }

    /**
     * A buffer of {@code capacity} bytes that hands what was written to {@code drain} whenever it
     * is full, and at {@link #flush}: for tens of MB written forward only (no {@link #setLong} over
     * what was drained). A failed drain is thrown as an {@link UncheckedIOException}.
     */
    static BufferOutput streaming(int capacity, Drain drain) {
        return new BufferOutput(capacity, drain);
    }

    /** Hands a streaming buffer's bytes to its drain. */
    void flush() throws IOException {
        if (drain != null && size > 0) {
            drain.accept(bytes, size);
            size = 0;
        }
    }

    /** The bytes written so far (the array itself, valid up to {@link #size}). */
    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }

    /** Forgets what was written, keeping the array. */
    void clear() {
        size = 0;
    }

    /** Writes {@code v} over the eight bytes at {@code at}, written before: a number known only after what follows it. */
    void setLong(int at, long v) {
        for (int i = 7; i >= 0; i--) {
            bytes[at + i] = (byte) v;
            v >>>= 8;
        }
    }

    /** Writes {@code v} over the four bytes at {@code at}, written before. */
    void setInt(int at, int v) {
        bytes[at] = (byte) (v >>> 24);
        bytes[at + 1] = (byte) (v >>> 16);
        bytes[at + 2] = (byte) (v >>> 8);
        bytes[at + 3] = (byte) v;
    }

    /** Characters of a string being encoded, copied out a chunk at a time; made when first needed. */
    private char[] chars;

    /** Writes {@code s} in UTF-8, as {@code getBytes(UTF_8)} encodes it, without a copy of its own: how many bytes. */
    int writeUtf8(String s) {
        if (chars == null) {
            chars = new char[Utf8.CHUNK];
        }
        room(3 * s.length());
        int start = size;
        size = Utf8.encode(s, bytes, size, chars);
        return size - start;
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            if (drain != null) {
                try {
                    flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (more <= bytes.length) {
                    return;
                }
            }
            bytes = Arrays.copyOf(bytes, Math.max(size + more, 2 * bytes.length));
        }
    }

    @Override
    public void write(int b) {
        room(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        room(len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    @Override
    public void writeBoolean(boolean v) {
        write(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) {
        write(v);
    }

    @Override
    public void writeShort(int v) {
        room(2);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
    }

    @Override
    public void writeChar(int v) {
        writeShort(v);
    }

    @Override
    public void writeInt(int v) {
        room(4);
        bytes[size++] = (byte) (v >>> 24);
        bytes[size++] = (byte) (v >>> 16);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
    }

    @Override
    public void writeLong(long v) {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }

    @Override
    public void writeFloat(float v) {
        writeInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(double v) {
        writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeBytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            write(s.charAt(i));
        }
    }

    @Override
    public void writeChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            writeChar(s.charAt(i));
        }
    }

    /** Modified UTF-8 after its length in two bytes, as {@code DataOutputStream.writeUTF} writes it. */
    @Override
    public void writeUTF(String s) throws UTFDataFormatException {
        int length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            length += c >= 1 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        if (length > 0xFFFF) {
            throw new UTFDataFormatException("a text of " + length + " bytes");
        }
        room(2 + length);
        bytes[size++] = (byte) (length >>> 8);
        bytes[size++] = (byte) length;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 1 && c < 0x80) {
                bytes[size++] = (byte) c;
            } else if (c < 0x800) {
                bytes[size++] = (byte) (0xC0 | c >> 6);
                bytes[size++] = (byte) (0x80 | c & 0x3F);
            } else {
                bytes[size++] = (byte) (0xE0 | c >> 12);
                bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | c & 0x3F);
            }
        }
    }
}
