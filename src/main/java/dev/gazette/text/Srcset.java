package dev.gazette.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * An image's {@code srcset} read as HTML reads it (WHATWG, "parse a srcset attribute"): a
 * candidate's URL runs to the next white space, so an image CDN's commas inside a URL
 * ({@code .../q_lossy,w_1500/photo.jpg 1500w}) stay in it, and a comma ends a candidate only
 * after its URL or its descriptors.
 */
public final class Srcset {
    private Srcset() {
    }

    /* Compiled once: a set is read for every image of every body, and again for its feed. */
    private static final Pattern TRAILING_COMMAS = Pattern.compile(",+$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** None (1x), a width, or a density. */
    private static final Pattern DESCRIPTOR = Pattern.compile("|\\d+w|\\d*\\.?\\d+(?:e[+-]?\\d+)?x");

    /** One image candidate: its URL and its descriptor ("1500w", "2x"; "" for none, which means 1x). */
    public record Candidate(String url, String descriptor) {
    }

    public static List<Candidate> parse(String srcset) {
        List<Candidate> out = new ArrayList<>();
        int n = srcset.length();
        int i = 0;
        while (i < n) {
            while (i < n && (isSpace(srcset.charAt(i)) || srcset.charAt(i) == ',')) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(srcset.charAt(i))) {
                i++;
            }
            if (start == i) {
                break;
            }
            String url = srcset.substring(start, i);
            if (url.endsWith(",")) {
                out.add(new Candidate(TRAILING_COMMAS.matcher(url).replaceFirst(""), ""));
                continue;
            }
            // Descriptors run to a comma outside parentheses.
            int from = i;
            int depth = 0;
            while (i < n && (srcset.charAt(i) != ',' || depth > 0)) {
                char c = srcset.charAt(i++);
                depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
            }
            out.add(new Candidate(url, SPACES.matcher(srcset.substring(from, i).strip()).replaceAll(" ")));
        }
        out.removeIf(c -> c.url().isEmpty());
        return out;
    }

    /**
     * The srcset a page may carry: each URL through {@code url} (which returns null to refuse it,
     * and then the whole set is refused), at most one candidate per density or width (the first),
     * and either widths or densities, never both. Empty when nothing valid is left.
     */
    public static List<Candidate> valid(String srcset, UnaryOperator<String> url) {
        List<Candidate> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Boolean widths = null;
        for (Candidate c : parse(srcset)) {
            String u = url.apply(c.url());
            if (u == null) {
                return List.of();
            }
            String d = c.descriptor().toLowerCase(Locale.ROOT);
            if (!DESCRIPTOR.matcher(d).matches()) {
                return List.of();
            }
            boolean width = d.endsWith("w");
            if (widths != null && widths != width) {
                return List.of();
            }
            widths = width;
            String key = width ? d : String.valueOf(d.isEmpty() ? 1.0 : Double.parseDouble(d.substring(0, d.length() - 1)));
            if (seen.add(key)) {
                out.add(new Candidate(u, c.descriptor()));
            }
        }
        return out;
    }

    /** Whether the candidates give widths, which need a {@code sizes} beside them. */
    public static boolean givesWidths(List<Candidate> candidates) {
        return !candidates.isEmpty() && candidates.get(0).descriptor().toLowerCase(Locale.ROOT).endsWith("w");
    }

    public static String format(List<Candidate> candidates) {
        StringBuilder out = new StringBuilder();
        for (Candidate c : candidates) {
            out.append(out.length() > 0 ? ", " : "").append(c.url());
            if (!c.descriptor().isEmpty()) {
                out.append(' ').append(c.descriptor());
            }
        }
        return out.toString();
    }

    /** HTML's ASCII white space. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }
}
