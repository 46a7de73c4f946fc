package dev.gazette.incremental;

import java.io.OutputStream;

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
    /** A multiple of the 16-byte block. */
    private final byte[] buffer = new byte[8192];
    private int size;
    private long length;
    private long h1;
    private long h2;

    @Override
    public void write(int b) {
        if (size == buffer.length) {
            blocks();
        }
        buffer[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
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
        mix(whole);
        long k1 = 0;
        long k2 = 0;
        int tail = size - whole;
        for (int i = tail - 1; i >= 8; i--) {
            k2 = (k2 << 8) | (buffer[whole + i] & 0xFFL);
        }
        for (int i = Math.min(tail, 8) - 1; i >= 0; i--) {
            k1 = (k1 << 8) | (buffer[whole + i] & 0xFFL);
        }
        if (tail > 8) {
            h2 ^= Long.rotateLeft(k2 * C2, 33) * C1;
        }
        if (tail > 0) {
            h1 ^= Long.rotateLeft(k1 * C1, 31) * C2;
        }
        long total = length + size;
        long a = h1 ^ total;
        long b = h2 ^ total;
        a += b;
        b += a;
        a = fmix(a);
        b = fmix(b);
        a += b;
        b += a;
        reset();
        return new Fingerprint(a, b);
    }

    void reset() {
        size = 0;
        length = 0;
        h1 = 0;
        h2 = 0;
    }

    /** Hashes the full buffer. */
    private void blocks() {
        mix(size);
        length += size;
        size = 0;
    }

    /** Mixes the 16-byte blocks of the buffer's first {@code end} bytes into the state. */
    private void mix(int end) {
        byte[] b = buffer;
        long x1 = h1;
        long x2 = h2;
        for (int i = 0; i < end; i += 16) {
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

    private static long littleEndian(byte[] b, int i) {
        return (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24
                | (b[i + 4] & 0xFFL) << 32 | (b[i + 5] & 0xFFL) << 40 | (b[i + 6] & 0xFFL) << 48 | (b[i + 7] & 0xFFL) << 56;
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
