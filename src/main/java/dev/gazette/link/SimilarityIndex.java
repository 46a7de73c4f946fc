package dev.gazette.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TF-IDF vectors of documents with an inverted index, for finding each document's most
 * similar others without comparing all pairs: a query walks only the postings of its own
 * strongest terms, skipping terms so common that they say little and cost most.
 *
 * <p>Documents live in numbered slots. A preview server may {@link #add} and {@link #remove}
 * documents after the index was built; those keep the document frequencies of the build, so
 * their weights are a close approximation until the next full build.
 */
final class SimilarityIndex {
    /** Terms of a document used as its query; the rest add little to the cosine. */
    private static final int QUERY_TERMS = 60;

    /** A similar document and its (approximate) cosine similarity. */
    record Match(int doc, double score) {
    }

    private final Map<String, Integer> ids = new HashMap<>();
    private int[] df;
    private final int built;
    private final List<int[]> docTerms = new ArrayList<>();
    private final List<float[]> docWeights = new ArrayList<>();
    private boolean[] removed = new boolean[0];
    private int[][] postingDocs;
    private float[][] postingWeights;
    private int[] postingSize;
    private final int maxDf;
    private final ThreadLocal<float[]> scratch = ThreadLocal.withInitial(() -> new float[0]);

    SimilarityIndex(List<List<String>> documents) {
        built = documents.size();
        // Each document as sorted term ids with their counts, without boxing every occurrence.
        List<int[][]> counted = new ArrayList<>(built);
        for (List<String> terms : documents) {
            counted.add(count(terms));
        }
        df = new int[ids.size()];
        for (int[][] tc : counted) {
            for (int term : tc[0]) {
                df[term]++;
            }
        }
        postingSize = new int[ids.size()];
        postingDocs = new int[ids.size()][];
        postingWeights = new float[ids.size()][];
        for (int[][] tc : counted) {
            vector(tc);
            for (int t : tc[0]) {
                postingSize[t]++;
            }
        }
        for (int t = 0; t < postingSize.length; t++) {
            postingDocs[t] = new int[postingSize[t]];
            postingWeights[t] = new float[postingSize[t]];
            postingSize[t] = 0;
        }
        for (int d = 0; d < built; d++) {
            post(d);
        }
        removed = new boolean[built];
        // A term in many documents barely separates them and costs the most to walk: like
        // Lucene's MoreLikeThis, queries leave out terms in more than 5% of a large collection.
        maxDf = built < 1000 ? Math.max(50, built / 5) : built / 20;
    }

    /**
     * Smoothed inverse document frequency: never zero, so that in a small digest the words two
     * reports of one event share still count.
     */
    static double idf(int documents, int df) {
        return 1 + Math.log((1.0 + documents) / (1.0 + df));
    }

    /** Slots in use, removed ones included. */
    int slots() {
        return docTerms.size();
    }

    /** Adds a document after the build, weighted with the build's document frequencies; returns its slot. */
    int add(List<String> terms) {
        int[][] tc = count(terms);
        if (df.length < ids.size()) {
            df = Arrays.copyOf(df, ids.size());
            postingSize = Arrays.copyOf(postingSize, ids.size());
            postingDocs = Arrays.copyOf(postingDocs, ids.size());
            postingWeights = Arrays.copyOf(postingWeights, ids.size());
        }
        int slot = docTerms.size();
        vector(tc);
        removed = Arrays.copyOf(removed, slot + 1);
        post(slot);
        return slot;
    }

    /** Takes a document out of every later query's results. */
    void remove(int slot) {
        removed[slot] = true;
    }

    /** Up to {@code limit} documents most similar to {@code doc}, best first, ties by slot. */
    List<Match> similar(int doc, int limit, double minScore) {
        float[] scores = scratch.get();
        if (scores.length < docTerms.size()) {
            scores = new float[docTerms.size()];
            scratch.set(scores);
        }
        int[] touched = new int[64];
        int touchedCount = 0;
        int[] terms = docTerms.get(doc);
        float[] weights = docWeights.get(doc);
        int queryTerms = Math.min(QUERY_TERMS, terms.length);
        for (int k = 0; k < queryTerms; k++) {
            int t = terms[k];
            if (postingSize[t] > maxDf) {
                continue;
            }
            int[] docs = postingDocs[t];
            float[] ws = postingWeights[t];
            float wq = weights[k];
            for (int p = 0; p < postingSize[t]; p++) {
                int other = docs[p];
                if (other == doc || removed[other]) {
                    continue;
                }
                if (scores[other] == 0) {
                    if (touchedCount == touched.length) {
                        touched = Arrays.copyOf(touched, touchedCount * 2);
                    }
                    touched[touchedCount++] = other;
                }
                scores[other] += wq * ws[p];
            }
        }
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < touchedCount; i++) {
            int other = touched[i];
            if (scores[other] >= minScore) {
                matches.add(new Match(other, scores[other]));
            }
            scores[other] = 0;
        }
        matches.sort((a, b) -> a.score != b.score ? Double.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
        return matches.size() > limit ? matches.subList(0, limit) : matches;
    }

    /** Sorted distinct term ids of a document and their counts. */
    private int[][] count(List<String> terms) {
        int[] seq = new int[terms.size()];
        for (int i = 0; i < seq.length; i++) {
            seq[i] = ids.computeIfAbsent(terms.get(i), k -> ids.size());
        }
        Arrays.sort(seq);
        int distinct = 0;
        for (int i = 0; i < seq.length; i++) {
            if (i == 0 || seq[i] != seq[i - 1]) {
                distinct++;
            }
        }
        int[] t = new int[distinct];
        int[] c = new int[distinct];
        int k = -1;
        for (int i = 0; i < seq.length; i++) {
            if (i == 0 || seq[i] != seq[i - 1]) {
                t[++k] = seq[i];
            }
            c[k]++;
        }
        return new int[][] {t, c};
    }

    /** Appends the document's unit-length weight vector, heaviest terms first. */
    private void vector(int[][] tc) {
        int[] terms = tc[0].clone();
        float[] weights = new float[terms.length];
        double norm = 0;
        for (int i = 0; i < terms.length; i++) {
            double w = (1 + Math.log(tc[1][i])) * idf(built, Math.max(1, df[terms[i]]));
            weights[i] = (float) w;
            norm += w * w;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < weights.length; i++) {
            weights[i] *= scale;
        }
        sortByWeight(terms, weights);
        docTerms.add(terms);
        docWeights.add(weights);
    }

    private void post(int doc) {
        int[] terms = docTerms.get(doc);
        float[] weights = docWeights.get(doc);
        for (int k = 0; k < terms.length; k++) {
            int t = terms[k];
            int n = postingSize[t];
            if (postingDocs[t] == null || postingDocs[t].length == n) {
                int capacity = Math.max(4, n * 2);
                postingDocs[t] = postingDocs[t] == null ? new int[capacity] : Arrays.copyOf(postingDocs[t], capacity);
                postingWeights[t] = postingWeights[t] == null ? new float[capacity] : Arrays.copyOf(postingWeights[t], capacity);
            }
            postingDocs[t][n] = doc;
            postingWeights[t][n] = weights[k];
            postingSize[t] = n + 1;
        }
    }

    /** Sorts terms by weight, heaviest first, so a query can take a prefix; ties by term id. */
    private static void sortByWeight(int[] terms, float[] weights) {
        // Pack each (weight, term) into a long that sorts in the wanted order: weights are
        // non-negative, so their float bits order like the floats; negated for heaviest first.
        long[] packed = new long[terms.length];
        for (int i = 0; i < terms.length; i++) {
            packed[i] = ((long) -Float.floatToIntBits(weights[i]) << 32) | (terms[i] & 0xFFFFFFFFL);
        }
        Arrays.sort(packed);
        for (int i = 0; i < packed.length; i++) {
            terms[i] = (int) packed[i];
            weights[i] = Float.intBitsToFloat(-(int) (packed[i] >> 32));
        }
    }
}
