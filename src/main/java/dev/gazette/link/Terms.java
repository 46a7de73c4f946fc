package dev.gazette.link;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An article's index terms, each once with how often it occurs, in order of first occurrence:
 * what the similarity index needs, in a tenth of the memory of the token list.
 *
 * @param words  distinct terms
 * @param counts occurrences of each, same order
 */
record Terms(String[] words, int[] counts) {
    static Terms count(List<String> tokens) {
        Map<String, int[]> seen = new LinkedHashMap<>();
        for (String token : tokens) {
            seen.computeIfAbsent(token, k -> new int[1])[0]++;
        }
        String[] words = new String[seen.size()];
        int[] counts = new int[seen.size()];
        int i = 0;
        for (Map.Entry<String, int[]> e : seen.entrySet()) {
            words[i] = e.getKey();
            counts[i++] = e.getValue()[0];
        }
        return new Terms(words, counts);
    }
}
