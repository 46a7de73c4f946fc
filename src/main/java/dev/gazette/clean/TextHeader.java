package dev.gazette.clean;

import dev.gazette.clean.DumpLine.Kind;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the head of an article in a text dump: the title is the headline-shaped line above the
 * body that shares its vocabulary (pages often show it twice, in a breadcrumb and as the
 * headline); byline and date are read between the title and the body.
 */
final class TextHeader {
    static final Pattern BYLINE = Pattern.compile(
            "^(?:by|written by|words by|reporting by|von|par|por|di|door)\\s*[:\\-–]?\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTHOR_LABEL = Pattern.compile("^(?:author|authors|byline)\\s*:\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile(
            "^(?:\\p{Lu}[\\p{L}\\p{M}'’.-]*|de|da|van|von|der|den|la|le|di|bin|al|and|&)(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}'’.-]*|de|da|van|von|der|den|la|le|di|bin|al|and|&))*$");
    private static final Pattern PUBLISHED = Pattern.compile("^(?:published|posted|updated|first published|date)\\b", Pattern.CASE_INSENSITIVE);

    private TextHeader() {
    }

    /** The headline-shaped line above the body that shares most of its words with the body. */
    static int findTitle(List<DumpLine> lines, int bodyStart, Set<String> bodyWords, String lang) {
        Map<String, Integer> counts = new HashMap<>();
        for (DumpLine l : lines.subList(0, bodyStart)) {
            counts.merge(l.key(), 1, Integer::sum);
        }
        int best = -1;
        double bestScore = 0.9;
        int from = Math.max(0, bodyStart - 40);
        for (int i = bodyStart - 1; i >= from; i--) {
            DumpLine line = lines.get(i);
            double s = titleScore(line, bodyWords, lang);
            if (s == Double.NEGATIVE_INFINITY) {
                continue;
            }
            if (counts.getOrDefault(line.key(), 0) > 1) {
                s += 1.5;
            }
            // A headline is a block of its own; header furniture comes in runs of single lines.
            if (line.blankBefore && (i + 1 >= lines.size() || lines.get(i + 1).blankBefore)) {
                s += 0.5;
            }
            s -= 0.04 * (bodyStart - 1 - i);
            if (s > bestScore) {
                bestScore = s;
                best = i;
            }
        }
        return best;
    }

    private static double titleScore(DumpLine line, Set<String> bodyWords, String lang) {
        String t = line.text;
        if (line.kind == Kind.CODE || line.kind == Kind.TRUNCATED || line.words < 3 || line.words > 35
                || line.isListItem() || t.endsWith(":") || t.endsWith(",") || t.contains("©")
                || BYLINE.matcher(t).matches() || PUBLISHED.matcher(t).find()) {
            return Double.NEGATIVE_INFINITY;
        }
        Set<String> words = contentWords(line.tokens, lang);
        if (words.isEmpty()) {
            return Double.NEGATIVE_INFINITY;
        }
        int shared = 0;
        for (String w : words) {
            if (bodyWords.contains(w)) {
                shared++;
            }
        }
        double overlap = (double) shared / words.size();
        int capitalised = 0;
        String[] parts = t.split("\\s+");
        for (String p : parts) {
            if (!p.isEmpty() && Character.isUpperCase(p.charAt(0))) {
                capitalised++;
            }
        }
        double s = 3 * overlap + (double) capitalised / parts.length;
        if (t.endsWith(".") && !t.endsWith("..")) {
            s -= 1.5;
        }
        if (line.words > 16) {
            s -= 0.1 * (line.words - 16);
        }
        if (line.kind == Kind.PROSE) {
            s -= 0.5;
        }
        return s;
    }

    /** A page title often carries the site name: "Headline | Outlet"; keep the headline part. */
    static String cleanTitle(String title, Set<String> bodyWords, String lang) {
        String[] parts = title.split("\\s+[|•·»]\\s+|\\s+[-–—]\\s+(?=[^-–—]*$)");
        if (parts.length < 2) {
            return title;
        }
        String best = title;
        double bestOverlap = -1;
        for (String part : parts) {
            Set<String> words = contentWords(Words.tokens(part), lang);
            int shared = 0;
            for (String w : words) {
                if (bodyWords.contains(w)) {
                    shared++;
                }
            }
            double overlap = words.isEmpty() ? 0 : shared + (double) shared / words.size();
            if (overlap > bestOverlap) {
                bestOverlap = overlap;
                best = part.strip();
            }
        }
        return Words.tokens(best).size() >= 3 ? best : title;
    }

    /** Pages often show the headline twice; the byline sits under the first one. */
    static int firstRepeat(List<DumpLine> lines, int titleAt) {
        if (titleAt < 0) {
            return titleAt;
        }
        for (int i = Math.max(0, titleAt - 40); i < titleAt; i++) {
            if (lines.get(i).key().equals(lines.get(titleAt).key())) {
                return i;
            }
        }
        return titleAt;
    }

    static int lastRepeat(List<DumpLine> lines, int titleAt, int bodyStart) {
        int last = titleAt;
        for (int i = titleAt + 1; i < bodyStart; i++) {
            if (lines.get(i).key().equals(lines.get(titleAt).key())) {
                last = i;
            }
        }
        return last;
    }

    static boolean isTitleRepeat(List<DumpLine> lines, int titleAt, int i) {
        return titleAt >= 0 && lines.get(i).key().equals(lines.get(titleAt).key());
    }

    static String findByline(List<DumpLine> lines, int from, int to) {
        for (int i = Math.max(0, from); i < to && i < lines.size(); i++) {
            String t = lines.get(i).text;
            Matcher by = BYLINE.matcher(t);
            Matcher label = AUTHOR_LABEL.matcher(t);
            String candidate = null;
            if (by.matches()) {
                candidate = by.group(1).isBlank() && i + 1 < to ? lines.get(i + 1).text : by.group(1);
            } else if (label.matches()) {
                candidate = label.group(1);
            }
            if (candidate != null) {
                String name = nameOf(candidate);
                if (name != null) {
                    return name;
                }
            }
        }
        return null;
    }

    /** The name part of "Jane Doe, Transport Reporter | 4 min read", or null when it is no name. */
    static String nameOf(String text) {
        String name = text.split("\\s*(?:[,|•·]|\\s[-–—]\\s|\\bon\\b|\\bupdated\\b|\\bpublished\\b)\\s*")[0].strip();
        name = name.replaceAll("\\s+", " ");
        if (name.isEmpty() || name.length() > 80 || !NAME.matcher(name).matches()) {
            return null;
        }
        int words = name.split(" ").length;
        return words <= 8 ? name : null;
    }

    static String findDate(List<DumpLine> lines, int from, int to) {
        for (int i = Math.max(0, from); i < to && i < lines.size(); i++) {
            DumpLine line = lines.get(i);
            if (line.words <= 12) {
                Optional<String> date = DateParser.find(line.text);
                if (date.isPresent()) {
                    return date.get();
                }
            }
        }
        return null;
    }

    static Set<String> contentWords(List<String> tokens, String lang) {
        Set<String> out = new HashSet<>();
        for (String t : tokens) {
            if (Words.isContentWord(t, lang)) {
                out.add(t);
            }
        }
        return out;
    }
}
