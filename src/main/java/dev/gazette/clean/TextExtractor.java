package dev.gazette.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the article in a raw text dump of a web page (everything a browser shows, in order:
 * menus, ads, the article, teasers, cookie notices, inline scripts).
 *
 * <p>Each line is read for shape (length, sentence ending, function-word density, code
 * characters, truncation) and scored; the article is the contiguous run of lines with the
 * highest total score, which is long running prose interrupted only by a little noise. Prose
 * that shares little vocabulary with the rest of the article and speaks to the reader (cookie
 * and newsletter notices, disclaimers) is then scored as boilerplate and the run is chosen
 * again. The title is the headline-shaped line above the run that shares most words with it;
 * byline and date are read between the title and the body.
 */
final class TextExtractor {
    private static final Pattern ORDERED = Pattern.compile("^\\s*(\\d{1,3})[.)]\\s+(.*)$");
    private static final Pattern BULLET = Pattern.compile("^\\s*[•*·▪‣◦–-]\\s+(.*)$");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?。！？…:;][\"'”’»)\\]]*$|[\"”»]$");
    private static final Pattern BYLINE = Pattern.compile(
            "^(?:by|written by|words by|reporting by|von|par|por|di|door)\\s*[:\\-–]?\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTHOR_LABEL = Pattern.compile("^(?:author|authors|byline)\\s*:\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile(
            "^(?:\\p{Lu}[\\p{L}\\p{M}'’.-]*|de|da|van|von|der|den|la|le|di|bin|al|and|&)(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}'’.-]*|de|da|van|von|der|den|la|le|di|bin|al|and|&))*$");
    private static final Pattern PUBLISHED = Pattern.compile("^(?:published|posted|updated|first published|date)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CODE_WORDS = Pattern.compile(
            "\\b(?:function\\s*\\(|var\\s+\\w+\\s*=|const\\s+\\w+\\s*=|let\\s+\\w+\\s*=|return\\s|=>|window\\.|document\\.|"
                    + "\\w+\\.push\\(|addEventListener|getElementById|querySelector|typeof\\s|new\\s+\\w+\\(|googletag|dataLayer)");
    private static final Pattern CSS_RULE = Pattern.compile("[#.]?[\\w-]+(?:\\s*[,>+~]?\\s*[#.]?[\\w-]+)*\\s*\\{[^}]*:[^}]*;?[^}]*}");
    private static final Pattern READ_TIME = Pattern.compile("^\\d+\\s*(?:min(?:ute)?s?)\\b.*(?:read)?", Pattern.CASE_INSENSITIVE);

    private enum Kind { PROSE, MEDIUM, SHORT, CODE, TRUNCATED, BOILERPLATE }

    /** One non-blank line of the dump with what the classifier reads from it. */
    private static final class Line {
        final int index;
        final String text;
        final boolean blankBefore;
        final boolean ordered;
        final int number;
        final boolean bullet;
        final List<String> tokens;
        final int words;
        final boolean endsSentence;
        Kind kind;
        boolean heading;

        Line(int index, String raw, boolean blankBefore) {
            this.index = index;
            this.blankBefore = blankBefore;
            Matcher o = ORDERED.matcher(raw);
            Matcher b = BULLET.matcher(raw);
            if (o.matches() && !o.group(2).isBlank()) {
                ordered = true;
                number = Integer.parseInt(o.group(1));
                bullet = false;
                text = o.group(2).strip();
            } else if (b.matches() && !b.group(1).isBlank() && !raw.strip().endsWith("-")) {
                ordered = false;
                number = 0;
                bullet = true;
                text = b.group(1).strip();
            } else {
                ordered = false;
                number = 0;
                bullet = false;
                text = raw.strip();
            }
            tokens = Words.tokens(text);
            words = wordCount(text, tokens);
            endsSentence = SENTENCE_END.matcher(text).find();
        }

        String key() {
            return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        }
    }

    Extraction extract(String dump) {
        List<Line> lines = lines(dump);
        if (lines.isEmpty()) {
            return new Extraction(null, null, null, null, null, null, null, "", "");
        }
        List<String> all = new ArrayList<>();
        lines.forEach(l -> all.addAll(l.tokens));
        String lang = Words.guessLanguage(all);
        int blankBefore = 0;
        for (Line line : lines) {
            line.kind = classify(line, lang);
            blankBefore += line.blankBefore ? 1 : 0;
        }
        boolean blankSeparated = blankBefore >= lines.size() / 10;
        if (blankSeparated) {
            demoteCards(lines);
        }
        markHeadings(lines, blankSeparated);
        int[] region = bestRun(lines);
        if (region != null && demoteBoilerplate(lines, region, lang)) {
            markHeadings(lines, blankSeparated);
            region = bestRun(lines);
        }
        if (region == null) {
            return new Extraction(null, null, null, null, lang, null, null, "", "");
        }
        String regionText = joinText(lines, region[0], region[1]);
        Set<String> bodyWords = contentWords(Words.tokens(regionText), lang);
        int titleAt = firstRepeat(lines, findTitle(lines, region[0], bodyWords, lang));
        String title = titleAt < 0 ? null : cleanTitle(lines.get(titleAt).text, bodyWords, lang);
        int headerStart = titleAt < 0 ? Math.max(0, region[0] - 6) : lastRepeat(lines, titleAt, region[0]) + 1;
        int start = region[0];
        // Headings right above the first paragraph belong to the article, once past the title.
        while (start - 1 >= headerStart && lines.get(start - 1).heading && !isTitleRepeat(lines, titleAt, start - 1)) {
            start--;
        }
        String byline = findByline(lines, titleAt < 0 ? headerStart : titleAt + 1, start);
        String date = findDate(lines, titleAt < 0 ? headerStart : titleAt + 1, start);
        List<Line> body = new ArrayList<>();
        for (int i = start; i <= region[1]; i++) {
            Line line = lines.get(i);
            if (keepInBody(line, i == start) && !isTitleRepeat(lines, titleAt, i)) {
                body.add(line);
            }
        }
        StringBuilder html = new StringBuilder();
        StringBuilder text = new StringBuilder();
        render(body, html, text);
        return new Extraction(title, byline, date, null, lang, null, null, html.toString(), text.toString().strip());
    }

    private static List<Line> lines(String dump) {
        List<Line> out = new ArrayList<>();
        String[] raw = dump.split("\n");
        boolean blank = true;
        for (int i = 0; i < raw.length; i++) {
            String r = raw[i].replace('\u00A0', ' ').replace("\t", "    ");
            if (r.isBlank()) {
                blank = true;
                continue;
            }
            out.add(new Line(out.size(), stripTrailing(r), blank));
            blank = false;
        }
        return out;
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Words, or for scripts written without spaces, characters over two. */
    private static int wordCount(String text, List<String> tokens) {
        int letters = 0;
        int ideographs = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                        || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI) {
                    ideographs++;
                }
            }
        }
        return ideographs > letters / 2 ? Math.max(tokens.size(), ideographs / 2) : tokens.size();
    }

    private static Kind classify(Line line, String lang) {
        if (isCode(line.text)) {
            return Kind.CODE;
        }
        String t = line.text;
        if (line.words >= 8 && (t.endsWith("...") || t.endsWith("…")) && !t.endsWith("....")) {
            return Kind.TRUNCATED;
        }
        if (line.words < 7) {
            return Kind.SHORT;
        }
        double fw = Words.functionWordDensity(line.tokens, lang);
        boolean proseLike = lang == null || fw >= 0.15 || (line.words >= 30 && fw >= 0.08);
        if (proseLike && (line.endsSentence || line.words >= 25)) {
            return Kind.PROSE;
        }
        return Kind.MEDIUM;
    }

    static boolean isCode(String text) {
        String t = text.strip();
        if (t.startsWith("//") || t.startsWith("/*") || t.startsWith("<!--") || t.startsWith("<script") || t.startsWith("@media")
                || t.startsWith("@import") || t.startsWith("{") || t.startsWith("}")) {
            return true;
        }
        int symbols = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if ("{}();=<>[]$|&\\".indexOf(c) >= 0) {
                symbols++;
            }
        }
        double density = (double) symbols / Math.max(1, t.length());
        if (CSS_RULE.matcher(t).find() && density > 0.02) {
            return true;
        }
        Matcher m = CODE_WORDS.matcher(t);
        int hits = 0;
        while (m.find()) {
            hits++;
        }
        return (hits >= 2 && density > 0.02) || (hits >= 1 && density > 0.05) || density > 0.12;
    }

    /**
     * A short sentence glued to the short line above it, with no blank line between, is the
     * blurb of a teaser card ("Headline / One-line teaser."), not a paragraph of the article.
     */
    private static void demoteCards(List<Line> lines) {
        for (int i = 1; i < lines.size(); i++) {
            Line line = lines.get(i);
            Line previous = lines.get(i - 1);
            if (line.kind == Kind.PROSE && !line.blankBefore && line.words < 25
                    && (previous.kind == Kind.SHORT || previous.kind == Kind.MEDIUM) && !previous.ordered && !previous.bullet) {
                line.kind = Kind.MEDIUM;
            }
        }
    }

    /** A heading is a short title-shaped line followed by the prose (or sub-heading) it introduces. */
    private static void markHeadings(List<Line> lines, boolean blankSeparated) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            Line line = lines.get(i);
            line.heading = false;
            if (line.kind == Kind.CODE || line.kind == Kind.TRUNCATED || line.kind == Kind.BOILERPLATE
                    || line.ordered || line.bullet || line.words < 2 || line.words > 20) {
                continue;
            }
            String t = line.text;
            char first = t.charAt(0);
            if (!(Character.isUpperCase(first) || Character.isDigit(first) || !Character.isLetter(first) && first != '-')) {
                continue;
            }
            if (t.endsWith(".") || t.endsWith(",") || t.endsWith(";") || BYLINE.matcher(t).matches() || DateParser.find(t).isPresent() && line.words < 7) {
                continue;
            }
            if (i + 1 < lines.size()) {
                Line next = lines.get(i + 1);
                boolean introduces = next.kind == Kind.PROSE || next.heading || (next.ordered && next.kind != Kind.SHORT);
                // Where the dump separates blocks by blank lines, a heading and its text are two
                // blocks; a headline glued to a one-line blurb is a teaser card.
                if (introduces && (!blankSeparated || next.blankBefore)) {
                    line.heading = true;
                }
            }
        }
    }

    private static double score(Line line) {
        int chars = Math.min(line.text.length(), 1000);
        if (line.heading) {
            return 0;
        }
        return switch (line.kind) {
            case PROSE -> chars;
            case MEDIUM -> line.ordered || line.bullet ? chars / 2.0 : -10;
            case SHORT -> line.ordered || line.bullet ? -5 : -(25 + chars / 3.0);
            case CODE -> -(100 + chars);
            case TRUNCATED, BOILERPLATE -> -(50 + chars);
        };
    }

    /** The contiguous run of lines with the highest total score (maximum subarray), or null. */
    private static int[] bestRun(List<Line> lines) {
        double best = 0;
        double sum = 0;
        int start = 0;
        int[] run = null;
        for (int i = 0; i < lines.size(); i++) {
            double s = score(lines.get(i));
            if (sum <= 0) {
                sum = 0;
                start = i;
            }
            sum += s;
            if (sum > best) {
                best = sum;
                run = new int[] {start, i};
            }
        }
        if (run != null) {
            while (run[0] < run[1] && score(lines.get(run[0])) <= 0) {
                run[0]++;
            }
        }
        return run;
    }

    /**
     * Marks prose in the run that does not belong to the article: it shares few content words
     * with the rest of the run and addresses the reader. Returns whether anything changed.
     */
    private static boolean demoteBoilerplate(List<Line> lines, int[] run, String lang) {
        Map<String, Integer> lineFrequency = new HashMap<>();
        List<Set<String>> wordsOf = new ArrayList<>();
        int prose = 0;
        for (int i = run[0]; i <= run[1]; i++) {
            Set<String> words = contentWords(lines.get(i).tokens, lang);
            wordsOf.add(words);
            if (lines.get(i).kind == Kind.PROSE) {
                prose++;
                for (String w : words) {
                    lineFrequency.merge(w, 1, Integer::sum);
                }
            }
        }
        if (prose < 3) {
            return false;
        }
        boolean changed = false;
        for (int i = run[0]; i <= run[1]; i++) {
            Line line = lines.get(i);
            Set<String> words = wordsOf.get(i - run[0]);
            if (line.kind != Kind.PROSE || words.size() < 6) {
                continue;
            }
            int shared = 0;
            for (String w : words) {
                if (lineFrequency.getOrDefault(w, 0) > 1) {
                    shared++;
                }
            }
            double coherence = (double) shared / words.size();
            double address = Words.readerAddressDensity(line.tokens);
            if ((address >= 0.05 && coherence < 0.3) || coherence < 0.06) {
                line.kind = Kind.BOILERPLATE;
                changed = true;
            }
        }
        return changed;
    }

    private static Set<String> contentWords(List<String> tokens, String lang) {
        Set<String> out = new HashSet<>();
        for (String t : tokens) {
            if (Words.isContentWord(t, lang)) {
                out.add(t);
            }
        }
        return out;
    }

    private static String joinText(List<Line> lines, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i <= to; i++) {
            sb.append(lines.get(i).text).append('\n');
        }
        return sb.toString();
    }

    /** The headline-shaped line above the body that shares most of its words with the body. */
    private static int findTitle(List<Line> lines, int bodyStart, Set<String> bodyWords, String lang) {
        Map<String, Integer> counts = new HashMap<>();
        for (Line l : lines.subList(0, bodyStart)) {
            counts.merge(l.key(), 1, Integer::sum);
        }
        int best = -1;
        double bestScore = 0.9;
        int from = Math.max(0, bodyStart - 40);
        for (int i = bodyStart - 1; i >= from; i--) {
            Line line = lines.get(i);
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

    private static double titleScore(Line line, Set<String> bodyWords, String lang) {
        String t = line.text;
        if (line.kind == Kind.CODE || line.kind == Kind.TRUNCATED || line.words < 3 || line.words > 35
                || line.ordered || line.bullet || t.endsWith(":") || t.endsWith(",") || t.contains("©")
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
    private static String cleanTitle(String title, Set<String> bodyWords, String lang) {
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
    private static int firstRepeat(List<Line> lines, int titleAt) {
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

    private static int lastRepeat(List<Line> lines, int titleAt, int bodyStart) {
        int last = titleAt;
        for (int i = titleAt + 1; i < bodyStart; i++) {
            if (lines.get(i).key().equals(lines.get(titleAt).key())) {
                last = i;
            }
        }
        return last;
    }

    private static boolean isTitleRepeat(List<Line> lines, int titleAt, int i) {
        return titleAt >= 0 && lines.get(i).key().equals(lines.get(titleAt).key());
    }

    private static String findByline(List<Line> lines, int from, int to) {
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

    private static String findDate(List<Line> lines, int from, int to) {
        for (int i = Math.max(0, from); i < to && i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.words <= 12) {
                Optional<String> date = DateParser.find(line.text);
                if (date.isPresent()) {
                    return date.get();
                }
            }
        }
        return null;
    }

    private static boolean keepInBody(Line line, boolean first) {
        if (line.heading) {
            return true;
        }
        return switch (line.kind) {
            case PROSE -> true;
            case MEDIUM -> true;
            case SHORT -> (line.ordered || line.bullet) && line.words >= 2;
            case CODE, TRUNCATED, BOILERPLATE -> false;
        };
    }

    /** Writes the kept lines as HTML blocks and as plain text, one block per paragraph. */
    private static void render(List<Line> body, StringBuilder html, StringBuilder text) {
        boolean previousHeading = false;
        String openList = null;
        for (Line line : body) {
            String list = line.ordered ? "ol" : line.bullet ? "ul" : null;
            if (openList != null && !openList.equals(list)) {
                html.append("</").append(openList).append(">\n");
                openList = null;
            }
            String escaped = escape(line.text);
            if (list != null) {
                if (openList == null) {
                    html.append('<').append(list);
                    if (line.ordered && line.number != 1) {
                        html.append(" start=\"").append(line.number).append('"');
                    }
                    html.append(">\n");
                    openList = list;
                }
                html.append("<li>").append(escaped).append("</li>\n");
                previousHeading = false;
            } else if (line.heading) {
                String tag = previousHeading ? "h3" : "h2";
                html.append('<').append(tag).append('>').append(escaped).append("</").append(tag).append(">\n");
                previousHeading = true;
            } else {
                html.append("<p>").append(escaped).append("</p>\n");
                previousHeading = false;
            }
            text.append(line.text).append("\n\n");
        }
        if (openList != null) {
            html.append("</").append(openList).append(">\n");
        }
    }

    /** Escapes text for an HTML text node: only the characters that could open markup. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
