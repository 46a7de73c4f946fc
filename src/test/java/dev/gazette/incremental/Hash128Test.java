package dev.gazette.incremental;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class Hash128Test {
    private static Fingerprint hash(byte[] bytes) {
        Hash128 h = new Hash128();
        h.write(bytes, 0, bytes.length);
        return h.finish();
    }

    /**
     * MurmurHash3 x64 128 with seed 0, as published with the algorithm: the first eight bytes
     * of its output are {@code high} read little-endian, the last eight {@code low}.
     */
    @Test
    void matchesThePublishedFunction() {
        assertThat(hash(new byte[0])).isEqualTo(new Fingerprint(0, 0));
        assertThat(hash("The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(new Fingerprint(Long.reverseBytes(0x6c1b07bc7bbc4be3L), Long.reverseBytes(0x47939ac4a93c437aL)));
    }

    /** However the bytes come (one at a time, in pieces across the buffer's end), the hash is the same. */
    @Test
    void theHashDoesNotDependOnHowBytesAreWritten() {
        byte[] data = new byte[20_000];
        new Random(7).nextBytes(data);
        Fingerprint whole = hash(data);
        Hash128 h = new Hash128();
        int at = 0;
        Random pieces = new Random(11);
        while (at < data.length) {
            if (pieces.nextBoolean()) {
                h.write(data[at++]);
            } else {
                int n = Math.min(data.length - at, pieces.nextInt(9000));
                h.write(data, at, n);
                at += n;
            }
        }
        assertThat(h.finish()).isEqualTo(whole);
        for (int n = 0; n <= 300; n++) {
            Hash128 streamed = new Hash128();
            streamed.write(data, 5, n);
            assertThat(Hash128.of(data, 5, n)).as("%d bytes in place", n).isEqualTo(streamed.finish());
        }
        // finish() resets: the same hasher gives the same hash again
        h.write(data, 0, data.length);
        assertThat(h.finish()).isEqualTo(whole);
    }

    /** Every length up to a few blocks, and every single-bit change, gives a hash of its own. */
    @Test
    void nearbyInputsDiffer() {
        Set<Fingerprint> seen = new HashSet<>();
        byte[] data = new byte[48];
        for (int n = 0; n <= data.length; n++) {
            assertThat(seen.add(hash(Arrays.copyOf(data, n)))).isTrue();
        }
        for (int bit = 0; bit < data.length * 8; bit++) {
            byte[] flipped = data.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(seen.add(hash(flipped))).as("bit %d", bit).isTrue();
        }
    }
}
