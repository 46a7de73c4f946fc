package dev.gazette.incremental;

import java.util.HexFormat;

/**
 * A 128-bit digest of a value's canonical encoding ({@link Values}): what the incremental layer
 * records as "made from". Equal values have equal fingerprints in every run; different values
 * collide only by accident of the hash ({@link Hash128}, chosen for speed: these keys guard against stale
 * output, not against an attacker who could edit the content anyway).
 */
public record Fingerprint(long high, long low) {
    static Fingerprint of(byte[] digest) {
        long h = 0;
        long l = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (digest[i] & 0xFF);
            l = (l << 8) | (digest[i + 8] & 0xFF);
        }
        return new Fingerprint(h, l);
    }

    // Written out as the record's own would be (the same values): the record's go through method
    // handles, which the client compiler calls slowly, and the cache's maps hash 80,000 of them a build.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Fingerprint f && high == f.high && low == f.low;
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(high) + Long.hashCode(low);
    }

    @Override
    public String toString() {
        return HexFormat.of().toHexDigits(high) + HexFormat.of().toHexDigits(low);
    }
}
