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
 * Documents are numbered by their position in the list the index is built from.
 */
final class SimilarityIndex {
    /** Terms of a document used as its query; the rest add little to the cosine. */
    private static final int QUERY_TERMS = 60;

    /** A similar document and its cosine similarity (over the query's strongest terms). */
    record Match(int doc, double score) {
    }

    private final Map<String, Integer> ids = new HashMap<>();
    private final int[] df;
    private final int built;
    private final List<int[]> docTerms = new ArrayList<>();
    private final List<float[]> docWeights = new ArrayList<>();
    private int[][] postingDocs;
    private float[][] postingWeights;
    private int[] postingSize;
    private final int maxDf;
    private final ThreadLocal<float[]> scratch = ThreadLocal.withInitial(() -> new float[0]);

    SimilarityIndex(List<Terms> documents) {
        built = documents.size();
        // Each document as sorted term ids with their counts, without boxing every occurrence.
        List<int[][]> counted = new ArrayList<>(built);
        for (Terms terms : documents) {
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

    /** Up to {@code limit} documents most similar to {@code doc}, best first, ties by position. */
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
                if (other == doc) {
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
        // The best `limit` of the touched documents, kept in a small heap whose root is the worst
        // kept: sorting every touched document, and keeping them all, cost most of the link stage.
        int[] keptDoc = new int[Math.max(0, limit)];
        float[] keptScore = new float[keptDoc.length];
        int kept = 0;
        for (int i = 0; i < touchedCount; i++) {
            int other = touched[i];
            float score = scores[other];
            scores[other] = 0;
            if (score < minScore || keptDoc.length == 0) {
                continue;
            }
            if (kept < keptDoc.length) {
                keptDoc[kept] = other;
                keptScore[kept] = score;
                siftUp(keptDoc, keptScore, kept++);
            } else if (better(score, other, keptScore[0], keptDoc[0])) {
                keptDoc[0] = other;
                keptScore[0] = score;
                siftDown(keptDoc, keptScore, kept);
            }
        }
        Match[] best = new Match[kept];
        for (int i = 0; i < kept; i++) {
            best[i] = new Match(keptDoc[i], keptScore[i]);
        }
        Arrays.sort(best, (a, b) -> a.score != b.score ? Double.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
        return List.of(best);
    }

    /** Higher score first, then lower position: the order of the results. */
    private static boolean better(float score, int doc, float thanScore, int thanDoc) {
        return score != thanScore ? score > thanScore : doc < thanDoc;
    }

    /** Restores the heap (worst kept at the root) after adding at {@code i}. */
    private static void siftUp(int[] doc, float[] score, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!better(score[parent], doc[parent], score[i], doc[i])) {
                return;
            }
            swap(doc, score, i, parent);
            i = parent;
        }
    }

    /** Restores the heap after replacing the root. */
    private static void siftDown(int[] doc, float[] score, int size) {
        int i = 0;
        while (true) {
            int worst = i;
            for (int child = 2 * i + 1; child <= 2 * i + 2 && child < size; child++) {
                if (better(score[worst], doc[worst], score[child], doc[child])) {
                    worst = child;
                }
            }
            if (worst == i) {
                return;
            }
            swap(doc, score, i, worst);
            i = worst;
        }
    }

    private static void swap(int[] doc, float[] score, int i, int j) {
        int d = doc[i];
        doc[i] = doc[j];
        doc[j] = d;
        float s = score[i];
        score[i] = score[j];
        score[j] = s;
    }

    /** Sorted distinct term ids of a document and their counts. */
    private int[][] count(Terms terms) {
        String[] words = terms.list();
        int n = words.length;
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            int id = ids.computeIfAbsent(words[i], k -> ids.size());
            packed[i] = ((long) id << 32) | terms.counts()[i];
        }
        Arrays.sort(packed);
        int[] t = new int[n];
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = (int) (packed[i] >>> 32);
            c[i] = (int) packed[i];
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
