package dev.gazette.render;

import dev.gazette.model.Utf8;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A writer that encodes what it is given to UTF-8 bytes as it goes, without a lock: a page is
 * mostly ASCII template text around one long body, and encoding each piece as it comes costs
 * less than gathering all of it in a string (which turns to two bytes a character as soon as
 * one piece needs it) and encoding the whole of it at the end. The bytes are those
 * {@code String.getBytes(UTF_8)} gives for everything written, joined.
 */
final class Utf8Writer extends Writer {
    private byte[] bytes;
    private int size;
    /** A high surrogate written last, waiting for the low one that makes it a character. */
    private char pendingHigh;

    Utf8Writer(int capacity) {
        bytes = new byte[capacity];
    }

    @Override
    public void write(int c) {
        char ch = (char) c;
        if (pendingHigh == 0 && ch < 0x80) {
            room(1);
            bytes[size++] = (byte) ch;
        } else {
            write(String.valueOf(ch));
        }
    }

    /**
     * Pebble writes a template's text as arrays: ASCII goes straight into the buffer, not first
     * into a string to be encoded and copied; anything else as a string.
     */
    @Override
    public void write(char[] chars, int offset, int length) {
        if (pendingHigh == 0) {
            room(length);
            int at = size;
            for (int i = offset, end = offset + length; i < end; i++) {
                char c = chars[i];
                if (c >= 0x80) {
                    // The bytes written past size are not kept: the string is encoded over them.
                    write(new String(chars, offset, length));
                    return;
                }
                bytes[at++] = (byte) c;
            }
            size = at;
            return;
        }
        write(new String(chars, offset, length));
    }

    @Override
    public void write(String s, int offset, int length) {
        write(offset == 0 && length == s.length() ? s : s.substring(offset, offset + length));
    }

    @Override
    public void write(String s) {
        if (s.isEmpty()) {
            return;
        }
        if (pendingHigh != 0) {
            s = pendingHigh + s;
            pendingHigh = 0;
        }
        char last = s.charAt(s.length() - 1);
        if (Character.isHighSurrogate(last)) {
            // Its low half may come with the next piece: encoded together, as in one string.
            pendingHigh = last;
            s = s.substring(0, s.length() - 1);
        }
        if (s.length() < LONG_PIECE) {
            byte[] encoded = s.getBytes(StandardCharsets.UTF_8);
            room(encoded.length);
            System.arraycopy(encoded, 0, bytes, size, encoded.length);
            size += encoded.length;
        } else {
            encode(s);
        }
    }

    /** Pieces at least this long (a body, not template text) are encoded straight into the buffer. */
    static final int LONG_PIECE = 512;

    /** Characters copied out of a long piece at a time. */
    private final char[] chars = new char[Utf8.CHUNK];

    /** Encodes {@code s} into the buffer, without an encoded copy of the whole piece. */
    private void encode(String s) {
        room(3 * s.length());
        size = Utf8.encode(s, bytes, size, chars);
    }

    @Override
    public Writer append(CharSequence s) {
        write(String.valueOf(s));
        return this;
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    /** Everything written, in UTF-8 (a high surrogate left alone at the end as {@code ?}, as a string encodes it). */
    byte[] toByteArray() {
        if (pendingHigh != 0) {
            byte[] lone = String.valueOf(pendingHigh).getBytes(StandardCharsets.UTF_8);
            pendingHigh = 0;
            room(lone.length);
            System.arraycopy(lone, 0, bytes, size, lone.length);
            size += lone.length;
        }
        return Arrays.copyOf(bytes, size);
    }

    /**
     * Empties the writer for the next text, keeping its buffer when it is at most {@code keep}
     * bytes; returns whether it did (else the writer is not to be used again).
     */
    boolean clear(int keep) {
        size = 0;
        pendingHigh = 0;
        return bytes.length <= keep;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
