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
    /** "Analysis by Jane Doe, Outlet": a byline with a label in front. */
    private static final Pattern CREDITED = Pattern.compile("\\b(?:by|von|par|por)\\s+\\p{Lu}\\p{L}+\\s+\\p{Lu}");
    private static final Pattern PUBLISHED = Pattern.compile("^(?:published|posted|updated|first published|date)\\b", Pattern.CASE_INSENSITIVE);

    private TextHeader() {
    }

    /** The headline-shaped line above the body that shares most of its words with the body. */
    /**
     * @param bodyEnd the last line of the article body; its first paragraphs weigh most, since a
     *                headline announces the lead and related headlines share only the topic
     */
    static int findTitle(List<DumpLine> lines, int bodyStart, int bodyEnd, String lang) {
        Set<String> bodyWords = new HashSet<>();
        Set<String> leadWords = new HashSet<>();
        int leadChars = 0;
        for (DumpLine l : lines.subList(bodyStart, bodyEnd + 1)) {
            Set<String> words = contentWords(l.tokens, lang);
            bodyWords.addAll(words);
            if (leadChars < 600) {
                leadWords.addAll(words);
                leadChars += l.text.length();
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        for (DumpLine l : lines.subList(0, bodyStart)) {
            counts.merge(l.key(), 1, Integer::sum);
        }
        int best = -1;
        double bestScore = 0.9;
        int from = Math.max(0, bodyStart - 40);
        for (int i = bodyStart - 1; i >= from; i--) {
            DumpLine line = lines.get(i);
            double s = titleScore(line, leadWords, bodyWords, lang);
            if (s == Double.NEGATIVE_INFINITY) {
                continue;
            }
            if (counts.getOrDefault(line.key(), 0) > 1) {
                s += 0.75;
            }
            // A headline is a block of its own; header furniture comes in runs of single lines.
            if (line.blankBefore && (i + 1 >= lines.size() || lines.get(i + 1).blankBefore)) {
                s += 0.5;
            }
            if (bylineOrDateFollows(lines, i, bodyStart)) {
                s += 1.5;
            }
            // Teaser lists are runs of headlines; the article's own stands among short furniture.
            int neighbours = (isHeadlineShaped(lines, i - 1) ? 1 : 0) + (isHeadlineShaped(lines, i + 1) ? 1 : 0);
            s -= neighbours == 2 ? 1.0 : neighbours * 0.3;
            s -= 0.02 * (bodyStart - 1 - i);
            if (s > bestScore) {
                bestScore = s;
                best = i;
            }
        }
        return best;
    }

    /** The next line (or the one after a standfirst) names an author or a date, as under a headline. */
    private static boolean bylineOrDateFollows(List<DumpLine> lines, int i, int bodyStart) {
        for (int j = i + 1; j <= i + 2 && j < bodyStart; j++) {
            DumpLine next = lines.get(j);
            if (authorOf(lines, j) != null || isDateline(next)) {
                return true;
            }
            if (next.words < 8) {
                return false; // only a standfirst may stand between headline and byline
            }
        }
        return false;
    }

    /**
     * The author a line names: "By Jane Doe", "Author: Jane Doe", or a bare name with a role or
     * outlet after a comma ("Jane Doe, Business Insider") or a date on the next line.
     */
    private static String authorOf(List<DumpLine> lines, int i) {
        DumpLine line = lines.get(i);
        String t = line.text;
        Matcher by = BYLINE.matcher(t);
        if (by.matches()) {
            return nameOf(by.group(1).isBlank() && i + 1 < lines.size() ? lines.get(i + 1).text : by.group(1));
        }
        Matcher label = AUTHOR_LABEL.matcher(t);
        if (label.matches()) {
            return nameOf(label.group(1));
        }
        String name = line.words <= 8 ? nameOf(t) : null;
        if (name == null || name.contains("&") || name.split(" ").length < 2 || name.split(" ").length > 4) {
            return null;
        }
        boolean labelled = t.length() > name.length() && t.substring(name.length()).matches("\\s*[,|•·].*");
        boolean dated = t.equals(name) && i + 1 < lines.size() && isDateline(lines.get(i + 1));
        return labelled || dated ? name : null;
    }

    private static boolean isDateline(DumpLine line) {
        return line.words <= 12 && DateParser.find(line.text).isPresent();
    }

    private static boolean isHeadlineShaped(List<DumpLine> lines, int i) {
        if (i < 0 || i >= lines.size()) {
            return false;
        }
        DumpLine l = lines.get(i);
        return (l.kind == Kind.MEDIUM || l.kind == Kind.SHORT || l.kind == Kind.TRUNCATED) && l.words >= 4 && l.words <= 20
                && !l.text.endsWith(".") && !isDateline(l) && !BYLINE.matcher(l.text).matches();
    }

    private static double titleScore(DumpLine line, Set<String> leadWords, Set<String> bodyWords, String lang) {
        String t = line.text;
        if (line.kind == Kind.CODE || line.kind == Kind.TRUNCATED || line.words < 3 || line.words > 35
                || line.isListItem() || t.endsWith(":") || t.endsWith(",") || t.contains("©")
                || BYLINE.matcher(t).matches() || PUBLISHED.matcher(t).find() || isDateline(line) || !mostlyWords(line)
                || line.words <= 8 && CREDITED.matcher(t).find()) {
            return Double.NEGATIVE_INFINITY;
        }
        Set<String> words = contentWords(line.tokens, lang);
        if (words.isEmpty()) {
            return Double.NEGATIVE_INFINITY;
        }
        int inBody = 0;
        int inLead = 0;
        for (String w : words) {
            inBody += bodyWords.contains(w) ? 1 : 0;
            inLead += leadWords.contains(w) ? 1 : 0;
        }
        double overlap = (1.5 * inBody + 1.5 * inLead) / 3 / words.size();
        int capitalised = 0;
        String[] parts = t.split("\\s+");
        for (String p : parts) {
            if (!p.isEmpty() && Character.isUpperCase(p.charAt(0))) {
                capitalised++;
            }
        }
        double s = 3 * overlap + 0.5 * capitalised / parts.length - (line.words < 5 ? 0.5 : 0);
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

    /** Most tokens have letters: "13.11.2019, 23:06" or "1 2 3 Next" are no headline. */
    private static boolean mostlyWords(DumpLine line) {
        int letters = 0;
        for (String t : line.tokens) {
            if (t.codePoints().anyMatch(Character::isLetter)) {
                letters++;
            }
        }
        return letters * 2 > line.tokens.size();
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
            String name = authorOf(lines, i);
            if (name != null) {
                return name;
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
