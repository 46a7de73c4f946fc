package dev.gazette.link;

import dev.gazette.model.IdentityChange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An index brought up to date edit by edit gives exactly the matches of an index made afresh
 * from the same documents, over random sequences of edits, additions and removals; and each
 * path (patched results, results queried again, a fresh index) is taken. A document an update
 * says kept its matches has the very matches it had before.
 */
class SimilarityIndexUpdateTest {
    private static final int LIMIT = 5;
    private static final double MIN_SCORE = 0.01;

    @Test
    void updatesGiveTheMatchesOfAFreshIndex() {
        Random random = new Random(20261129);
        int updated = 0;
        int fresh = 0;
        int kept = 0;
        for (int run = 0; run < 20; run++) {
            List<SimilarityIndex.Doc> docs = new ArrayList<>();
            int size = 30 + random.nextInt(90);
            for (int i = 0; i < size; i++) {
                docs.add(doc("doc-" + run + "-" + i, random));
            }
            SimilarityIndex index = SimilarityIndex.of(docs, LIMIT, MIN_SCORE);
            for (int edit = 0; edit < 25; edit++) {
                Map<String, List<String>> before = new HashMap<>();
                SimilarityIndex.Matches last = index.matches(docs);
                for (int i = 0; i < docs.size(); i++) {
                    before.put(docs.get(i).key(), byKey(docs, last.of(i)));
                }
                List<SimilarityIndex.Doc> now = edited(docs, random, run * 100 + edit);
                SimilarityIndex next = index.update(now, new IdentityChange<>(docs, now), Integer.MAX_VALUE);
                if (next == null) {
                    fresh++;
                    next = SimilarityIndex.of(now, LIMIT, MIN_SCORE);
                } else {
                    updated++;
                    SimilarityIndex.Matches matches = next.matches(now);
                    for (int i = 0; i < now.size(); i++) {
                        if (matches.kept(i)) {
                            kept++;
                            assertThat(byKey(now, matches.of(i))).as("run %d, edit %d, %s kept its matches", run, edit,
                                    now.get(i).key()).isEqualTo(before.get(now.get(i).key()));
                        }
                    }
                }
                if (edit % 3 == 2) {
                    // Goes on from the index as a build cache writes and reads it back.
                    next = readBack(next);
                }
                assertThat(next.matches(now).all()).as("run %d, edit %d", run, edit)
                        .isEqualTo(SimilarityIndex.of(now, LIMIT, MIN_SCORE).matches(now).all());
                docs = now;
                index = next;
            }
        }
        assertThat(updated).isGreaterThan(300);
        assertThat(kept).as("documents an update told unchanged").isGreaterThan(1000);
        assertThat(fresh).as("the collection's size crossed a step").isPositive();
    }

    /**
     * Terms numbered on many threads, in another order than the documents first use them, give the
     * index the documents added one by one give: the same term ids (written with it, and breaking
     * ties wherever ids are compared), the same matches, and the same after an update.
     */
    @Test
    void termsNumberedOnManyThreadsAreNumberedAgainInTheOrderOfFirstUse() {
        Random random = new Random(20261203);
        List<SimilarityIndex.Doc> docs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            docs.add(doc("doc-" + i, random));
        }
        SimilarityIndex.Numbering numbering = new SimilarityIndex.Numbering();
        // The last documents numbered first, so that the ids given are not those of first use.
        Map<Integer, int[]> ids = new ConcurrentHashMap<>();
        IntStream.range(0, docs.size()).map(i -> docs.size() - 1 - i).limit(20)
                .forEach(i -> ids.put(i, numbering.ids(docs.get(i).terms())));
        IntStream.range(0, docs.size()).parallel()
                .forEach(i -> ids.computeIfAbsent(i, k -> numbering.ids(docs.get(k).terms())));
        List<SimilarityIndex.Doc> numbered = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            numbered.add(new SimilarityIndex.Doc(docs.get(i).key(), docs.get(i).terms(), ids.get(i)));
        }
        assertThat(ids.get(docs.size() - 1)[0]).as("an id given out of order").isZero();

        SimilarityIndex plain = SimilarityIndex.of(docs, LIMIT, MIN_SCORE);
        SimilarityIndex made = SimilarityIndex.of(numbered, numbering, LIMIT, MIN_SCORE);
        assertThat(made.matches(numbered).all()).isEqualTo(plain.matches(docs).all());
        assertThat(Arrays.equals(written(made), written(plain))).as("the same index written").isTrue();

        List<SimilarityIndex.Doc> now = edited(docs, random, 1);
        now.set(7, doc(now.get(7).key(), random));
        List<SimilarityIndex.Doc> numberedNow = new ArrayList<>(now);
        for (int i = 0; i < now.size(); i++) {
            int at = docs.indexOf(now.get(i));
            numberedNow.set(i, at >= 0 ? numbered.get(at) : now.get(i));
        }
        plain = plain.update(now, new IdentityChange<>(docs, now), Integer.MAX_VALUE);
        made = made.update(numberedNow, new IdentityChange<>(numbered, numberedNow), Integer.MAX_VALUE);
        assertThat(made.matches(numberedNow).all()).isEqualTo(plain.matches(now).all());
        assertThat(Arrays.equals(written(made), written(plain))).as("the same index written after an update").isTrue();
    }

    private static byte[] written(SimilarityIndex index) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            SimilarityIndex.CODEC.write(index, new DataOutputStream(bytes));
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Matches as the other documents' keys with their scores. */
    private static List<String> byKey(List<SimilarityIndex.Doc> docs, List<SimilarityIndex.Match> matches) {
        return matches.stream().map(m -> docs.get(m.doc()).key() + "=" + m.score()).toList();
    }

    private static SimilarityIndex readBack(SimilarityIndex index) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(written(index)));
            SimilarityIndex read = SimilarityIndex.CODEC.read(in);
            assertThat(in.read()).as("everything written is read").isEqualTo(-1);
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void moreChangesThanAllowedAskForAFreshIndex() {
        Random random = new Random(7);
        List<SimilarityIndex.Doc> docs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            docs.add(doc("d" + i, random));
        }
        SimilarityIndex index = SimilarityIndex.of(docs, LIMIT, MIN_SCORE);
        List<SimilarityIndex.Doc> now = new ArrayList<>(docs);
        now.set(3, doc("d3", random));
        now.set(9, doc("d9", random));
        assertThat(index.update(now, new IdentityChange<>(docs, now), 1)).isNull();
        assertThat(index.update(now, new IdentityChange<>(docs, now), 100)).isSameAs(index);
        assertThat(index.matches(now).all()).isEqualTo(SimilarityIndex.of(now, LIMIT, MIN_SCORE).matches(now).all());
    }

    @Test
    void frequenciesAreQuantisedInQuarterPowersOfTwo() {
        assertThat(List.of(0, 1, 2, 3, 4, 5, 9, 10, 12, 13, 15, 16, 1000))
                .extracting(SimilarityIndex::quantised)
                .containsExactly(0, 1, 2, 3, 4, 5, 8, 10, 11, 13, 13, 16, 861);
    }

    /** One random edit: a document's words changed, a document added or removed, or the order shuffled. */
    private static List<SimilarityIndex.Doc> edited(List<SimilarityIndex.Doc> docs, Random random, int serial) {
        List<SimilarityIndex.Doc> now = new ArrayList<>(docs);
        int kind = random.nextInt(10);
        int at = random.nextInt(now.size());
        if (kind < 5) {
            now.set(at, doc(now.get(at).key(), random));
        } else if (kind < 7) {
            now.add(at, doc("new-" + serial, random));
        } else if (kind < 9 && now.size() > 5) {
            now.remove(at);
        } else {
            Collections.shuffle(now, random);
        }
        return now;
    }

    /** A document of 5 to 40 words from a vocabulary where low numbers are common (as in text). */
    private static SimilarityIndex.Doc doc(String key, Random random) {
        List<String> words = new ArrayList<>();
        int n = 5 + random.nextInt(36);
        for (int i = 0; i < n; i++) {
            int w = (int) Math.floor(Math.pow(400, random.nextDouble())) - 1;
            words.add("w" + w);
        }
        return new SimilarityIndex.Doc(key, Terms.count(words));
    }
}
