package dev.gazette.incremental;

import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A 128-bit hash of the bytes written to it: MurmurHash3's x64 128-bit function (Austin
 * Appleby's public-domain algorithm), seed 0. It replaced MD5 for fingerprints because the
 * client compiler the launcher runs builds with makes MD5's block function slow (a fifth of a
 * cached cold build's samples went into fingerprinting), while this one is plain arithmetic on
 * longs; like MD5 here, it guards against stale output, not against an attacker who could edit
 * the content anyway. Not thread-safe; {@link #reset} to use again.
 */
final class Hash128 extends OutputStream {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;
    /** A multiple of the 16-byte block; none for a hash of one array in place. */
    private final byte[] buffer;
    private int size;
    private long length;
    private long h1;
    private long h2;

    Hash128() {
        this(true);
    }

    private Hash128(boolean buffered) {
        buffer = buffered ? new byte[8192] : null;
    }

    @Override
    public void write(int b) {
        if (size == buffer.length) {
            blocks();
        }
        buffer[size++] = (byte) b;
    }

    /** Pieces at least this long are hashed where they are, not copied into the buffer first. */
    private static final int IN_PLACE = 64;

    @Override
    public void write(byte[] b, int off, int len) {
        if (len >= IN_PLACE) {
            // The buffer filled up to a block's end and hashed, then the piece's whole blocks hashed in place.
            int fill = -size & 15;
            System.arraycopy(b, off, buffer, size, fill);
            size += fill;
            off += fill;
            len -= fill;
            blocks();
            int whole = len & ~15;
            mix(b, off, off + whole);
            length += whole;
            off += whole;
            len -= whole;
        }
        while (len > 0) {
            if (size == buffer.length) {
                blocks();
            }
            int n = Math.min(len, buffer.length - size);
            System.arraycopy(b, off, buffer, size, n);
            size += n;
            off += n;
            len -= n;
        }
    }

    /** The hash of everything written since the last reset; resets. */
    Fingerprint finish() {
        int whole = size & ~15;
        mix(buffer, 0, whole);
        Fingerprint f = tail(buffer, whole, size - whole, length + size);
        reset();
        return f;
    }

    /** The hash of {@code len} bytes of {@code b} from {@code off}: what writing them and {@link #finish} give, hashed in place. */
    static Fingerprint of(byte[] b, int off, int len) {
        Hash128 h = new Hash128(false);
        int whole = len & ~15;
        h.mix(b, off, off + whole);
        return h.tail(b, off + whole, len - whole, len);
    }

    /** Mixes the last {@code tail} bytes (under a block) from {@code at} and the {@code total} length into the state: the hash. */
    private Fingerprint tail(byte[] bytes, int at, int tail, long total) {
        long k1 = 0;
        long k2 = 0;
        for (int i = tail - 1; i >= 8; i--) {
            k2 = (k2 << 8) | (bytes[at + i] & 0xFFL);
        }
        for (int i = Math.min(tail, 8) - 1; i >= 0; i--) {
            k1 = (k1 << 8) | (bytes[at + i] & 0xFFL);
        }
        if (tail > 8) {
            h2 ^= Long.rotateLeft(k2 * C2, 33) * C1;
        }
        if (tail > 0) {
            h1 ^= Long.rotateLeft(k1 * C1, 31) * C2;
        }
        long a = h1 ^ total;
        long b = h2 ^ total;
        a += b;
        b += a;
        a = fmix(a);
        b = fmix(b);
        a += b;
        b += a;
        return new Fingerprint(a, b);
    }

    void reset() {
        size = 0;
        length = 0;
        h1 = 0;
        h2 = 0;
    }

    /** Hashes the buffer, whose length is a multiple of the block. */
    private void blocks() {
        mix(buffer, 0, size);
        length += size;
        size = 0;
    }

    /** Mixes the 16-byte blocks of {@code b} from {@code from} to {@code end} into the state. */
    private void mix(byte[] b, int from, int end) {
        long x1 = h1;
        long x2 = h2;
        for (int i = from; i < end; i += 16) {
            long k1 = littleEndian(b, i);
            long k2 = littleEndian(b, i + 8);
            x1 ^= Long.rotateLeft(k1 * C1, 31) * C2;
            x1 = Long.rotateLeft(x1, 27) + x2;
            x1 = x1 * 5 + 0x52dce729;
            x2 ^= Long.rotateLeft(k2 * C2, 33) * C1;
            x2 = Long.rotateLeft(x2, 31) + x1;
            x2 = x2 * 5 + 0x38495ab5;
        }
        h1 = x1;
        h2 = x2;
    }

    /** Reads eight bytes as one long: under the client compiler about four times faster than shifting them together. */
    private static final VarHandle LITTLE_ENDIAN = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static long littleEndian(byte[] b, int i) {
        return (long) LITTLE_ENDIAN.get(b, i);
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
