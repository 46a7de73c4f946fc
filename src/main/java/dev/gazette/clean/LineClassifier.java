package dev.gazette.clean;

import dev.gazette.clean.DumpLine.Kind;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads each line of a dump for what it is (prose, menu entry, list item, script, teaser...) from
 * its own shape and from the block it stands in: a run of short title-case lines is a menu, a run
 * of sentence-like lines is a list in the article, a multi-line block of code is a listing.
 */
final class LineClassifier {
    private static final Pattern CODE_WORDS = Pattern.compile(
            "\\b(?:function\\s*\\(|var\\s+\\w+\\s*=|const\\s+\\w+\\s*=|let\\s+\\w+\\s*=|return\\s|=>|window\\.|document\\.|"
                    + "\\w+\\.push\\(|addEventListener|getElementById|querySelector|typeof\\s|new\\s+\\w+\\(|googletag|dataLayer)");
    /**
     * How script statements start: a keyword, a well-known global, or a call of an object's method
     * or an assignment to its property, ended by a semicolon ("_nk.putUrl(...);", "conf.URL = ...;"),
     * which opens a line of prose as "word.word(" or "word.word=" never does. Both alternatives are
     * anchored at the start, so lookingAt() finds what find() would without trying every character.
     */
    private static final Pattern STATEMENT = Pattern.compile(
            "^(?:var|let|const|function|if|for|try|window\\.|document\\.|\\(function|!function|\\$\\(|jQuery)\\b.*[;{=]"
                    + "|^[\\w$]+(?:\\.[\\w$]+)+\\s*(?:\\(|=[^=]).*;$");

    /** The share of function words at which a line reads as prose rather than as a label or a headline. */
    private static final double PROSE_FUNCTION_SHARE = 0.15;

    private final String lang;

    LineClassifier(String lang) {
        this.lang = lang;
    }

    void classify(List<DumpLine> lines) {
        for (DumpLine line : lines) {
            line.kind = kindOf(line);
        }
        markListings(lines);
        markContentLists(lines);
        markRepeats(lines);
    }

    private Kind kindOf(DumpLine line) {
        if (line.isCode()) {
            return Kind.CODE;
        }
        String t = line.text;
        if (line.words >= 8 && (t.endsWith("...") || t.endsWith("…")) && !t.endsWith("....")) {
            return Kind.TRUNCATED;
        }
        if (line.words < 7) {
            return Kind.SHORT;
        }
        double fw = line.functionWordShare(lang);
        boolean proseLike = lang == null || fw >= PROSE_FUNCTION_SHARE || (line.words >= 30 && fw >= 0.08);
        if (proseLike && (line.endsSentence || line.words >= 25)) {
            return Kind.PROSE;
        }
        return Kind.MEDIUM;
    }

    /**
     * Whether the text holds a CSS rule: a selector ending in a name, then "{", a ":" and "}"
     * ({@code .nav a{color:red}}). A scan in linear time: the regular expression it replaces
     * backtracked in the fourth power of the line's length on {@code a{b:c;a{b:c;...}.
     */
    static boolean hasCssRule(String t) {
        int n = t.length();
        int nextClose = -1;
        int nextColon = -1;
        for (int i = n - 1; i >= 0; i--) {
            char c = t.charAt(i);
            if (c == '}') {
                nextClose = i;
            } else if (c == ':') {
                nextColon = i;
            } else if (c == '{' && nextClose > i && nextColon > i && nextColon < nextClose && afterName(t, i)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a name ({@code [\w-]}) ends right before {@code brace}, white space allowed between. */
    private static boolean afterName(String t, int brace) {
        int j = brace - 1;
        while (j >= 0 && " \t\f\u000B\r\n".indexOf(t.charAt(j)) >= 0) {
            j--;
        }
        if (j < 0) {
            return false;
        }
        char c = t.charAt(j);
        return c == '-' || c == '_' || (c < 128 && Character.isLetterOrDigit(c));
    }

    /**
     * Whether {@link #STATEMENT} may match: it opens with one of its keywords' first characters, or ends with a ";".
     * Most lines of prose open with a capital and hold no ";", and are passed over without trying it.
     */
    private static boolean mayBeStatement(String t) {
        return !t.isEmpty() && ("vlcfitwd(!$j".indexOf(t.charAt(0)) >= 0 || t.indexOf(';') >= 0);
    }

    static boolean isCode(String text) {
        String t = text.strip();
        if (t.startsWith("//") || t.startsWith("/*") || t.startsWith("<!--") || t.startsWith("<script") || t.startsWith("@media")
                || t.startsWith("@import") || t.startsWith("{") || t.startsWith("}") || mayBeStatement(t) && STATEMENT.matcher(t).lookingAt()) {
            return true;
        }
        int symbols = 0;
        for (int i = 0; i < t.length(); i++) {
            switch (t.charAt(i)) { // a switch, not indexOf in a string of them: this runs for every character of a page
                case '{', '}', '(', ')', ';', '=', '<', '>', '[', ']', '$', '|', '&', '\\' -> symbols++;
                default -> { }
            }
        }
        double density = (double) symbols / Math.max(1, t.length());
        if (density <= 0.02) {
            return false; // every test below wants more symbols than prose has
        }
        if (hasCssRule(t)) {
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
     * Code spread over several lines of one block, with prose close above, is a listing the
     * article shows; scripts and styles in a dump are single collapsed lines, or stand alone.
     */
    private static void markListings(List<DumpLine> lines) {
        int i = 0;
        while (i < lines.size()) {
            int end = i;
            while (end + 1 < lines.size() && lines.get(end + 1).block == lines.get(i).block) {
                end++;
            }
            int code = 0;
            for (int j = i; j <= end; j++) {
                code += lines.get(j).kind == Kind.CODE ? 1 : 0;
            }
            boolean introduced = i > 0 && lines.get(i - 1).kind == Kind.PROSE;
            if (end > i && code * 2 >= end - i + 1 && introduced) {
                for (int j = i; j <= end; j++) {
                    lines.get(j).kind = Kind.LISTING;
                }
            }
            i = end + 1;
        }
    }

    /**
     * Lines of a block that read like sentences on average are list items of the article, when a
     * lead-in line ending in a colon announces them or most end like sentences; a block of one- or
     * two-word lines is a menu, and a block of bare headlines is a teaser list. Judged per block,
     * since a list shows as one block of single lines.
     */
    private void markContentLists(List<DumpLine> lines) {
        int i = 0;
        while (i < lines.size()) {
            int end = i;
            while (end + 1 < lines.size() && lines.get(end + 1).block == lines.get(i).block) {
                end++;
            }
            int count = end - i + 1;
            boolean announced = i > 0 && lines.get(i - 1).text.endsWith(":");
            if (count >= 3) {
                int words = 0;
                int tokens = 0;
                int sentences = 0;
                double function = 0;
                for (int j = i; j <= end; j++) {
                    DumpLine l = lines.get(j);
                    words += l.words;
                    tokens += l.tokens.size();
                    sentences += l.endsSentence ? 1 : 0;
                    function += l.functionWordShare(lang) * l.tokens.size();
                }
                double meanWords = (double) words / count;
                double density = tokens == 0 ? 0 : function / tokens;
                if (meanWords >= 5 && (lang == null || density >= 0.12) && (announced || sentences * 2 > count)) {
                    for (int j = i; j <= end; j++) {
                        DumpLine l = lines.get(j);
                        if ((l.kind == Kind.MEDIUM || l.kind == Kind.SHORT && l.words >= 3) && !l.heading) {
                            l.kind = Kind.ITEM;
                        }
                    }
                }
            }
            i = end + 1;
        }
    }

    /** An article does not repeat its paragraphs; notices and teaser blurbs do. */
    private static void markRepeats(List<DumpLine> lines) {
        Map<String, Integer> counts = new HashMap<>();
        for (DumpLine l : lines) {
            if (l.words >= 10) {
                counts.merge(l.key(), 1, Integer::sum);
            }
        }
        for (DumpLine l : lines) {
            if (l.words >= 10 && (l.endsSentence || l.words >= 20) && counts.get(l.key()) > 1 && l.kind != Kind.CODE) {
                l.kind = Kind.BOILERPLATE;
            }
        }
    }

    /**
     * A short sentence glued to the short line above it, with no blank line between, is the
     * blurb of a teaser card ("Headline / One-line teaser."), not a paragraph of the article.
     */
    static void demoteCards(List<DumpLine> lines) {
        for (int i = 1; i < lines.size(); i++) {
            DumpLine line = lines.get(i);
            DumpLine previous = lines.get(i - 1);
            if (line.kind == Kind.PROSE && !line.blankBefore && line.words < 25
                    && (previous.kind == Kind.SHORT || previous.kind == Kind.MEDIUM) && !previous.isListItem()) {
                line.kind = Kind.MEDIUM;
            }
        }
    }

    /** A heading is a short title-shaped line followed by the prose (or sub-heading) it introduces. */
    static void markHeadings(List<DumpLine> lines, boolean blankSeparated) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            DumpLine line = lines.get(i);
            line.heading = false;
            if (line.kind == Kind.CODE || line.kind == Kind.TRUNCATED || line.kind == Kind.BOILERPLATE
                    || line.isListItem() || line.words < 2 || line.words > 20) {
                continue;
            }
            String t = line.text;
            char first = t.charAt(0);
            if (!(Character.isUpperCase(first) || Character.isDigit(first) || !Character.isLetter(first) && first != '-')) {
                continue;
            }
            if (t.endsWith(".") || t.endsWith(",") || t.endsWith(";") || t.endsWith(":") || TextHeader.BYLINE.matcher(t).matches() || line.words < 7 && line.date().isPresent()) {
                continue;
            }
            if (i + 1 < lines.size()) {
                DumpLine next = lines.get(i + 1);
                boolean introduces = next.kind == Kind.PROSE || next.heading || (next.ordered && next.kind != Kind.SHORT);
                // Where the dump separates blocks by blank lines, a heading and its text are two
                // blocks; a headline glued to a one-line blurb is a teaser card.
                if (introduces && (!blankSeparated || next.blankBefore)) {
                    line.heading = true;
                }
            }
        }
    }
}
