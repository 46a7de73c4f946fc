package dev.gazette.incremental;

import dev.gazette.model.UpdatableStep;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * {@link DataInput} over a byte buffer (big-endian, as {@code DataOutputStream} writes): reading
 * the build cache value by value without a stream's per-byte calls. Reading past the end is an
 * {@link EOFException}.
 */
final class BufferInput implements UpdatableStep.ByteInput {
    private final ByteBuffer buffer;

    BufferInput(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    /** The next {@code length} bytes decoded as UTF-8, without copying them first when the buffer has an array. */
    String readUtf8(int length) throws IOException {
        if (length < 0 || length > buffer.remaining()) {
            throw new EOFException();
        }
        if (!buffer.hasArray()) {
            byte[] bytes = new byte[length];
            buffer.get(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
        int at = buffer.position();
        buffer.position(at + length);
        return new String(buffer.array(), buffer.arrayOffset() + at, length, StandardCharsets.UTF_8);
    }

    /** Reads {@code ints.length} ints in one block (a page's reads are hundreds of thousands of them). */
    void readInts(int[] ints) throws IOException {
        if (ints.length > buffer.remaining() / 4) {
            throw new EOFException();
        }
        buffer.asIntBuffer().get(ints);
        buffer.position(buffer.position() + 4 * ints.length);
    }

    /** The CRC-32C of the next {@code length} bytes, which are not read. */
    int crc(int length) {
        CRC32C check = new CRC32C();
        check.update(buffer.slice(buffer.position(), length));
        return (int) check.getValue();
    }

    /** Where the next byte is read from. */
    @Override
    public int position() {
        return buffer.position();
    }

    @Override
    public ByteBuffer bytesSince(int from) {
        return buffer.slice(from, buffer.position() - from).asReadOnlyBuffer();
    }

    /** How many bytes are left to read. */
    int remaining() {
        return buffer.remaining();
    }

    /** Whether every byte was read. */
    boolean atEnd() {
        return !buffer.hasRemaining();
    }

    @Override
    public void readFully(byte[] b) throws IOException {
        readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        try {
            buffer.get(b, off, len);
        } catch (BufferUnderflowException e) {
            throw new EOFException();
        }
    }

    @Override
    public int skipBytes(int n) {
        int skipped = Math.min(n, buffer.remaining());
        buffer.position(buffer.position() + skipped);
        return skipped;
    }

    @Override
    public boolean readBoolean() throws IOException {
        return readByte() != 0;
    }

    @Override
    public byte readByte() throws IOException {
        try {
            return buffer.get();
        } catch (BufferUnderflowException e) {
            throw new EOFException();
        }
    }

    @Override
    public int readUnsignedByte() throws IOException {
        return readByte() & 0xFF;
    }

    @Override
    public short readShort() throws IOException {
        try {
            return buffer.getShort();
        } catch (BufferUnderflowException e) {
            throw new EOFException();
        }
    }

    @Override
    public int readUnsignedShort() throws IOException {
        return readShort() & 0xFFFF;
    }

    @Override
    public char readChar() throws IOException {
        return (char) readShort();
    }

    @Override
    public int readInt() throws IOException {
        try {
            return buffer.getInt();
        } catch (BufferUnderflowException e) {
            throw new EOFException();
        }
    }

    @Override
    public long readLong() throws IOException {
        try {
            return buffer.getLong();
        } catch (BufferUnderflowException e) {
            throw new EOFException();
        }
    }

    @Override
    public float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    @Override
    public String readLine() {
        throw new UnsupportedOperationException("the build cache holds no lines");
    }

    @Override
    public String readUTF() throws IOException {
        if (buffer.hasArray() && buffer.remaining() >= 2) {
            // Most texts of the cache are ASCII, which modified UTF-8 writes as they are: made straight from the buffer.
            int at = buffer.position();
            int length = (buffer.get(at) & 0xFF) << 8 | buffer.get(at + 1) & 0xFF;
            if (buffer.remaining() >= 2 + length) {
                byte[] bytes = buffer.array();
                int start = buffer.arrayOffset() + at + 2;
                boolean ascii = true;
                for (int i = start, end = start + length; i < end && ascii; i++) {
                    ascii = bytes[i] >= 0;
                }
                if (ascii) {
                    buffer.position(at + 2 + length);
                    return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
                }
            }
        }
        return DataInputStream.readUTF(this);
    }
}
