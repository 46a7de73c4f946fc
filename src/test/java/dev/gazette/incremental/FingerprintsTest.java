package dev.gazette.incremental;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintsTest {
    record Part(String name, int n) {
    }

    record Whole(String title, List<Part> parts, Map<String, Part> byName) {
    }

    private static Whole whole(int n) {
        Part a = new Part("a", n);
        Part b = new Part("b".repeat(300), 2);
        return new Whole("title", List.of(a, b), Map.of("a", a, "b", b));
    }

    @Test
    void everyWayOfAskingGivesTheFingerprintOfTheContent() {
        Fingerprints memo = new Fingerprints();
        Fingerprint direct = memo.of(whole(1));
        assertThat(new Fingerprints().of(whole(1))).isEqualTo(direct);
        assertThat(memo.reading().of(whole(1))).as("a page's memo").isEqualTo(direct);
        assertThat(new Fingerprints().ofOnce(whole(1))).as("a value asked about once").isEqualTo(direct);
        Fingerprints reading = memo.reading();
        Whole w = whole(1);
        assertThat(reading.of(w)).isEqualTo(reading.of(w)).isEqualTo(direct);

        assertThat(memo.reading().of(whole(2))).isNotEqualTo(direct);
        assertThat(new Fingerprints().ofOnce(whole(2))).isEqualTo(memo.of(whole(2)));
    }

    /** The components of a fingerprint as a plain record: its equals and hashCode are the ones Fingerprint writes out. */
    record Pair(long high, long low) {
    }

    @Test
    void aFingerprintHashesAndComparesAsARecordOfItsTwoHalves() {
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 10_000; i++) {
            long high = i < 4 ? (i & 1) * -1L : random.nextLong();
            long low = i < 4 ? (i >> 1) * Long.MIN_VALUE : random.nextLong();
            Fingerprint f = new Fingerprint(high, low);
            assertThat(f.hashCode()).isEqualTo(new Pair(high, low).hashCode());
            assertThat(f).isEqualTo(new Fingerprint(high, low)).isNotEqualTo(new Fingerprint(high, low + 1))
                    .isNotEqualTo(new Fingerprint(high + 1, low)).isNotEqualTo(new Pair(high, low));
        }
    }

    @Test
    void aPagesMemoFindsWhatTheLongerLivedMemoKnows() {
        Fingerprints memo = new Fingerprints();
        Part seeded = new Part("read back from the cache", 7);
        Fingerprint recorded = new Fingerprint(12345, 67890);
        memo.seed(seeded, recorded);

        Fingerprint viaPage = memo.reading().of(List.of(seeded));
        assertThat(viaPage).as("the seeded part stands for its recorded fingerprint, not its content")
                .isEqualTo(memo.of(List.of(seeded)))
                .isNotEqualTo(new Fingerprints().of(List.of(new Part("read back from the cache", 7))));
        // A page's memo adds nothing to the memo it reads from.
        Part fresh = new Part("only on this page", 1);
        memo.reading().of(fresh);
        memo.seed(fresh, recorded);
        assertThat(memo.of(fresh)).as("not remembered by the page's memo first").isEqualTo(recorded);
    }

    @Test
    void aStepCallIsNotRememberedButItsPartsAre() {
        Fingerprints memo = new Fingerprints();
        Part part = new Part("x", 1);
        Whole call = new Whole("call", List.of(part), Map.of());
        Fingerprint once = memo.ofOnce(call);
        // Had the call been remembered, seeding it now would be ignored (first one wins).
        memo.seed(call, new Fingerprint(1, 2));
        assertThat(memo.of(call)).isEqualTo(new Fingerprint(1, 2)).isNotEqualTo(once);
        memo.seed(part, new Fingerprint(3, 4));
        assertThat(memo.of(part)).as("the part was remembered when the call was digested").isNotEqualTo(new Fingerprint(3, 4));
    }
}
