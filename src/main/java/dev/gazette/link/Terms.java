package dev.gazette.link;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An article's index terms, each once with how often it occurs, in order of first occurrence:
 * what the similarity index needs. The terms are kept in one string, one per line (analysed
 * terms never hold a line break), a small fraction of the memory of a string per term.
 *
 * @param words  the distinct terms, each followed by '\n'
 * @param counts occurrences of each, in the same order
 */
record Terms(String words, int[] counts) {
    static Terms count(List<String> tokens) {
        Map<String, int[]> seen = new LinkedHashMap<>();
        for (String token : tokens) {
            seen.computeIfAbsent(token, k -> new int[1])[0]++;
        }
        StringBuilder words = new StringBuilder();
        int[] counts = new int[seen.size()];
        int i = 0;
        for (Map.Entry<String, int[]> e : seen.entrySet()) {
            words.append(e.getKey()).append('\n');
            counts[i++] = e.getValue()[0];
        }
        return new Terms(words.toString(), counts);
    }

    /** The distinct terms, in order. */
    String[] list() {
        String[] out = new String[counts.length];
        int start = 0;
        for (int i = 0; i < out.length; i++) {
            int end = words.indexOf('\n', start);
            out[i] = words.substring(start, end);
            start = end + 1;
        }
        return out;
    }
}
