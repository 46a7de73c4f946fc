package dev.gazette.source;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Names the known key a misspelt one most likely meant: {@code auther} → {@code author}. */
public final class KnownKeys {
    private KnownKeys() {
    }

    /**
     * The known key nearest to {@code written} by edit distance (case-insensitive), when it is
     * near enough to be a typo: at most one edit for short keys, two for longer ones. Ties go to
     * the alphabetically first key, so the suggestion is stable.
     */
    public static Optional<String> nearest(String written, Collection<String> known) {
        String w = written.toLowerCase(Locale.ROOT);
        int allowed = w.length() <= 4 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String key : known.stream().sorted().toList()) {
            int d = distance(w, key.toLowerCase(Locale.ROOT), allowed);
            if (d <= allowed && d < bestDistance) {
                best = key;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** ", did you mean 'x'?" or nothing: the tail of an unknown-key message. */
    public static String suggestion(String written, Collection<String> known) {
        return nearest(written, known).map(k -> "; did you mean '" + k + "'?").orElse("");
    }

    /** Damerau-Levenshtein distance (adjacent swaps count one), cut off early above {@code limit}. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
