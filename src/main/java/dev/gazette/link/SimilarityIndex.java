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
 */
final class SimilarityIndex {
    /** Terms of a document used as its query; the rest add little to the cosine. */
    private static final int QUERY_TERMS = 60;

    /** A similar document and its (approximate) cosine similarity. */
    record Match(int doc, double score) {
    }

    private final int size;
    private final int[][] docTerms;
    private final float[][] docWeights;
    private final int[][] postingDocs;
    private final float[][] postingWeights;
    private final int maxDf;
    private final ThreadLocal<float[]> scratch;

    SimilarityIndex(List<List<String>> documents) {
        size = documents.size();
        Map<String, Integer> ids = new HashMap<>();
        // Each document as sorted term ids with their counts, without boxing every occurrence.
        int[][] termsOf = new int[size][];
        int[][] countsOf = new int[size][];
        for (int d = 0; d < size; d++) {
            List<String> terms = documents.get(d);
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
            termsOf[d] = t;
            countsOf[d] = c;
        }
        int[] df = new int[ids.size()];
        for (int[] t : termsOf) {
            for (int term : t) {
                df[term]++;
            }
        }
        docTerms = new int[size][];
        docWeights = new float[size][];
        int[] postingSize = new int[ids.size()];
        for (int d = 0; d < size; d++) {
            int[] terms = termsOf[d];
            float[] weights = new float[terms.length];
            double norm = 0;
            for (int i = 0; i < terms.length; i++) {
                double w = (1 + Math.log(countsOf[d][i])) * idf(size, df[terms[i]]);
                weights[i] = (float) w;
                norm += w * w;
            }
            float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < weights.length; i++) {
                weights[i] *= scale;
                postingSize[terms[i]]++;
            }
            sortByWeight(terms, weights);
            docTerms[d] = terms;
            docWeights[d] = weights;
        }
        postingDocs = new int[ids.size()][];
        postingWeights = new float[ids.size()][];
        for (int t = 0; t < ids.size(); t++) {
            postingDocs[t] = new int[postingSize[t]];
            postingWeights[t] = new float[postingSize[t]];
        }
        int[] fill = new int[ids.size()];
        for (int d = 0; d < size; d++) {
            for (int k = 0; k < docTerms[d].length; k++) {
                int t = docTerms[d][k];
                postingDocs[t][fill[t]] = d;
                postingWeights[t][fill[t]] = docWeights[d][k];
                fill[t]++;
            }
        }
        // In a large collection, a term in over a fifth of the documents barely separates them.
        maxDf = size < 50 ? Integer.MAX_VALUE : size / 5;
        scratch = ThreadLocal.withInitial(() -> new float[size]);
    }

    /**
     * Smoothed inverse document frequency: never zero, so that in a small digest the words two
     * reports of one event share still count.
     */
    static double idf(int documents, int df) {
        return 1 + Math.log((1.0 + documents) / (1.0 + df));
    }

    int size() {
        return size;
    }

    /** Up to {@code limit} documents most similar to {@code doc}, best first, ties by document order. */
    List<Match> similar(int doc, int limit, double minScore) {
        float[] scores = scratch.get();
        int[] touched = new int[64];
        int touchedCount = 0;
        int queryTerms = Math.min(QUERY_TERMS, docTerms[doc].length);
        for (int k = 0; k < queryTerms; k++) {
            int t = docTerms[doc][k];
            int[] docs = postingDocs[t];
            if (docs.length > maxDf) {
                continue;
            }
            float wq = docWeights[doc][k];
            float[] ws = postingWeights[t];
            for (int p = 0; p < docs.length; p++) {
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

    /** Sorts terms by weight, heaviest first, so a query can take a prefix. */
    private static void sortByWeight(int[] terms, float[] weights) {
        Integer[] order = new Integer[terms.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> weights[a] != weights[b] ? Float.compare(weights[b], weights[a]) : Integer.compare(terms[a], terms[b]));
        int[] t = terms.clone();
        float[] w = weights.clone();
        for (int i = 0; i < order.length; i++) {
            terms[i] = t[order[i]];
            weights[i] = w[order[i]];
        }
    }
}
