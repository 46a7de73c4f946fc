package dev.gazette.clean;

import dev.gazette.clean.DumpLine.Kind;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the head of an article in a text dump: the title is the headline-shaped line above the
 * body that shares its vocabulary and heads the cluster of standfirst, byline and date over it
 * (pages often show it twice, in a breadcrumb and as the headline). Menus, teaser lists, captions
 * and control labels are told apart by their shape and their neighbours, never by what a
 * particular site calls them. It also says how a byline reads ("By ...", a name-shaped line),
 * which tells where a headline's cluster ends; which byline and date are the article's is
 * {@link HeaderCandidates}' choice.
 */
final class TextHeader {
    static final Pattern BYLINE = Pattern.compile(
            "^(?:" + Language.bylineAlternation() + ")\\b\\s*[:：\\-–●・]?\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    /** "Author: Jane Doe": a credit field, labelled in any known language (lang/*.json author_label). */
    static final Pattern AUTHOR_LABEL = Pattern.compile("^(?:" + String.join("|", Language.authorLabelWords()) + ")\\s*[:：]\\s*(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * A word of a person's name: capitalised, a particle ("de", "van"), a list's "and", or a
     * nickname in quotes ('Amanda "Tania Mae" Tan'), which a name carries after its first word.
     */
    /** A lower-case word a name may hold: a particle ("de", "van") or a list's closing word ("and", "und"), of any known language. */
    private static final String PARTICLE = Language.alternation(Stream.concat(Language.nameParticles().stream(),
            Language.listClosingWords().stream()).toList()) + "|&";
    private static final String NAME_WORD = "(?:\\p{Lu}[\\p{L}\\p{M}'’.-]*|[\"“]\\p{Lu}[\\p{L}\\p{M}'’. -]{0,30}[\"”]|" + PARTICLE + ")";
    private static final Pattern NAME = Pattern.compile("^(?![\"“])" + NAME_WORD + "(?:\\s+" + NAME_WORD + ")*$");
    /** "Analysis by Jane Doe, Outlet": a byline with a label in front. */
    static final Pattern CREDITED = Pattern.compile("\\b(?i:" + Language.bylineAlternation() + ")\\s+\\p{Lu}\\p{L}+\\s+\\p{Lu}");
    /**
     * Words after which a credit's name has ended, in any known language (lang/*.json): a date's label ("Updated",
     * "Mis à jour", "Aktualisiert"), the word that introduces the date ("on", "am") and the control to follow the author
     * ("Follow", "Folgen"). Where such a word is also a name's particle, as French "le" is, it ends the name only before
     * a figure or a word and a figure ("Jean Dupont le 5 mai", "le mardi 5 mai"; not "Jean le Rond d'Alembert").
     */
    private static final List<String> NAME_END_WORDS = Stream.of(Language.datePublishedWords(), Language.dateUpdatedWords(),
            Language.dateOnWords(), Language.followWords()).flatMap(List::stream).distinct().sorted().toList();
    /** Where a name in a byline ends: a separator, a handle, a date, a month's name before a figure, or {@link #NAME_END_WORDS}. */
    private static final Pattern NAME_END = Pattern.compile("\\s*(?:[,|•·@/(]|\\s[-–—]\\s|\\b(?iu:"
            + Language.alternation(NAME_END_WORDS.stream().filter(w -> !w.matches(PARTICLE)).toList()) + ")(?![\\p{L}\\p{M}\\p{N}_\\u200C])"
            + "|\\b(?iu:" + Language.alternation(NAME_END_WORDS.stream().filter(w -> w.matches(PARTICLE)).toList())
            + ")(?=\\s+(?:\\p{L}+\\s+)?\\d)"
            + "|\\s(?=\\d)|\\s(?=(?iu:" + Language.alternation(Language.monthNumbers().keySet()) + ")(?![\\p{L}])\\.?\\s+\\d))\\s*");
    /**
     * The first words of {@link #NAME_END_WORDS} and the months' names, each code point folded as the pattern compares
     * it: {@link #NAME_END} is tried before a word only when the word is one of them.
     */
    private static final Set<String> NAME_END_OPENERS = Stream.concat(NAME_END_WORDS.stream().map(w -> w.split(" ")[0]),
            Language.monthNumbers().keySet().stream()).map(Words::folded).collect(Collectors.toUnmodifiableSet());
    private static final int LONGEST_OPENER = NAME_END_OPENERS.stream().mapToInt(String::length).max().orElse(0);
    /** A line that opens as a credit later in it ("Posted by", "Story by", "Geschrieben von", "Published by"), in any known language. */
    private static final Pattern POSTED = Pattern.compile("^(?iu:" + Language.alternation(Stream.concat(Language.creditLeadWords().stream(),
            Language.datePublishedWords().stream()).toList()) + ")(?![\\p{L}\\p{N}])");
    private static final Pattern TIME = Pattern.compile("\\b\\d{1,2}:\\d{2}\\b");
    /** What follows a bare name that a role or an outlet is labelled by: "Jane Doe, Outlet", "Jane Doe | 4 min read". */
    private static final Pattern LABELLED = Pattern.compile("\\s*[,|•·@].*");
    static final Pattern WIDE_GAP = Pattern.compile("\\S {3,}\\S");
    /** "Home > News > 2015 > Headline": a trail of two or more steps. */
    static final Pattern BREADCRUMB = Pattern.compile("\\s[>»›]\\s.*\\s[>»›]\\s");
    private static final Pattern FIELD_LABEL = Pattern.compile("\\p{L}:(?:\\s|$)");
    /** Verbs that label links and buttons rather than start headlines. */
    static final Set<String> CONTROL_VERBS = Language.controlVerbs();
    /** A line that opens with a date's label ("Published", "Updated", "Veröffentlicht", "Mis à jour"), in any known language. */
    static final Pattern PUBLISHED = Pattern.compile("^(?:" + Language.alternation(Stream.concat(
            Language.datePublishedWords().stream(), Language.dateUpdatedWords().stream()).toList()) + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private TextHeader() {
    }

    /**
     * The rules' headline of the article whose body runs from {@code bodyStart} to {@code bodyEnd}: the
     * headline-shaped line above the body that shares its vocabulary, stands as a block of its own,
     * heads the cluster of standfirst, byline and date over the body, and is neither a menu entry
     * nor one of a list of teasers. The body's first paragraphs weigh most, since a headline
     * announces the lead and related headlines share only the topic. The run chosen as the body
     * may open with a notice or with the headline itself; a line among its first few is taken
     * only when the page shows it twice or a byline or date follows it. These rules, written on the
     * dev set, are two of the features by which {@link TitleCandidates}' fitted model chooses.
     * Each line's headline score from line {@code from} on ({@code scores[i - from]}, negative
     * infinity where a line cannot be the headline) and the line taken: the best scoring over
     * {@value #TITLE_MIN_SCORE}, or -1; and the article's {@link RunWords} they were measured by.
     */
    record TitleScores(int from, double[] scores, int best, RunWords words) {
    }

    /** How far above the article run headlines are looked for. */
    static final int TITLE_WINDOW = 40;

    /** The least score a headline must have. */
    static final double TITLE_MIN_SCORE = 0.9;

    /**
     * What headline candidates are measured against: where the run's head ends ({@code headEnd}) and the window of
     * candidates opens ({@code from}, forty lines above the run), the stems of the lead (its first 600 characters) and in
     * how many of the article's paragraphs each stem stands, how often the page shows each line of the head, how many
     * paragraphs make a stem the article's subject ({@code often}), and how often the rest of the page uses the stems of
     * would-be one- or two-word headlines ({@code elsewhere}).
     */
    record RunWords(int headEnd, int from, Set<String> lead, Map<String, Integer> bodyLines, Map<String, Integer> counts, int often,
            Map<String, Integer> elsewhere) {
    }

    /** The {@link RunWords} of the run from {@code bodyStart} to {@code bodyEnd}. */
    static RunWords runWords(List<DumpLine> lines, int bodyStart, int bodyEnd, String lang) {
        int headEnd = runHeadEnd(lines, bodyStart, bodyEnd);
        Set<String> leadWords = new HashSet<>();
        Map<String, Integer> bodyLines = new HashMap<>();
        int leadChars = 0;
        int paragraphs = 0;
        for (int i = bodyStart; i <= bodyEnd; i++) {
            DumpLine l = lines.get(i);
            if (i < headEnd && (l.kind != Kind.PROSE || headerBelow(lines, i, headEnd) >= 0)) {
                continue; // the head's notices are prose too, but not its headline and labels
            }
            Set<String> words = stems(l, lang);
            paragraphs++;
            for (String w : words) {
                bodyLines.merge(w, 1, Integer::sum);
            }
            if (leadChars < 600) {
                leadWords.addAll(words);
                leadChars += l.text.length();
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < headEnd; i++) {
            counts.merge(lines.get(i).key(), 1, Integer::sum);
        }
        int from = Math.max(0, bodyStart - TITLE_WINDOW);
        // How often the rest of the page names the words of would-be short headlines.
        int often = Math.max(3, paragraphs / 10);
        Map<String, Integer> elsewhere = new HashMap<>();
        for (int i = from; i < headEnd; i++) {
            DumpLine l = lines.get(i);
            if (l.words < 3 && stems(l, lang).stream().allMatch(w -> bodyLines.getOrDefault(w, 0) >= often)) {
                stems(l, lang).forEach(w -> elsewhere.put(w, 0));
            }
        }
        for (int i = 0; i < lines.size() && !elsewhere.isEmpty(); i++) {
            if (i < bodyStart || i > bodyEnd) {
                for (String w : stems(lines.get(i), lang)) {
                    elsewhere.computeIfPresent(w, (k, n) -> n + 1);
                }
            }
        }
        return new RunWords(headEnd, from, leadWords, bodyLines, counts, often, elsewhere);
    }

    /** The rules' headline scores: each candidate's score and the line the rules take (see {@link TitleScores}). */
    static TitleScores titleScores(List<DumpLine> lines, int bodyStart, int bodyEnd, String lang) {
        RunWords words = runWords(lines, bodyStart, bodyEnd, lang);
        int headEnd = words.headEnd();
        int from = words.from();
        Set<String> leadWords = words.lead();
        Map<String, Integer> bodyLines = words.bodyLines();
        Map<String, Integer> counts = words.counts();
        Map<String, Integer> elsewhere = words.elsewhere();
        int often = words.often();
        double[] scores = new double[headEnd - from];
        for (int i = from; i < headEnd; i++) {
            DumpLine line = lines.get(i);
            boolean repeated = counts.getOrDefault(line.key(), 0) > 1 && shownApart(lines, i, headEnd);
            boolean header = headerBelow(lines, i, headEnd) >= 0;
            // In the run, only a line the page shows twice, or the run's first line over a byline.
            boolean inRun = i >= bodyStart && !repeated && !(i == bodyStart && header);
            double s = inRun || isFieldValue(lines, i) ? Double.NEGATIVE_INFINITY
                    : titleScore(line, ownBlock(lines, i), leadWords, bodyLines, elsewhere, often, lang);
            scores[i - from] = s;
            if (s == Double.NEGATIVE_INFINITY) {
                continue;
            }
            s += repeated ? 0.75 : 0;
            s += ownBlock(lines, i) ? 0.5 : 0;
            s += 0.5 * Math.min(2, echoes(lines, i, headEnd, lang));
            // Teaser lists are runs of headlines, or of cards (headline, date, section) alike; the
            // headline's own repeat and the standfirst under it are no teasers.
            int neighbours = (isHeadlineShaped(lines, i - 1) && !lines.get(i - 1).key().equals(line.key()) ? 1 : 0)
                    + (isHeadlineShaped(lines, i + 1) && !header ? 1 : 0);
            boolean cards = inCardRun(lines, i);
            s -= neighbours == 2 || cards ? 1.0 : neighbours * 0.3;
            if (header && !cards) {
                s += 1.5;
            }
            if (inMenu(lines, i)) {
                s -= 1.5;
            }
            s -= 0.02 * Math.abs(bodyStart - 1 - i);
            scores[i - from] = s;
        }
        // A headline usually sits right over its article, unless a byline stands between.
        for (int i = bodyStart - 1; i >= from && i >= bodyStart - 4; i--) {
            if (scores[i - from] > Double.NEGATIVE_INFINITY) {
                boolean underByline = i > 0 && isByOrDateline(lines, i - 1);
                scores[i - from] += underByline ? 0 : 0.5;
                break;
            }
            if (!isByOrDateline(lines, i) && lines.get(i).words > 3) {
                break;
            }
        }
        // A headline stands over its standfirst and labels, and the standfirst tells the lead in
        // more of its words: the lines between a headline and its byline are no headline, nor are
        // the captions and standfirsts under an author's byline, unless the page shows them twice.
        boolean[] inCluster = new boolean[scores.length];
        for (int i = from; i < headEnd; i++) {
            int byline = scores[i - from] > 0.9 && !inCluster[i - from] ? headerBelow(lines, i, headEnd) : -1;
            int clusterEnd = byline >= 0 && authorOf(lines, byline) != null ? Math.max(byline, bodyStart) : byline;
            Set<String> members = new HashSet<>();
            for (int j = i + 1; j < clusterEnd; j++) {
                members.add(lines.get(j).key());
            }
            for (int k = i + 1; k < headEnd && !members.isEmpty(); k++) {
                String key = lines.get(k).key();
                if (!inCluster[k - from] && members.contains(key) && counts.getOrDefault(key, 0) < 2) {
                    inCluster[k - from] = true;
                    scores[k - from] -= 1.0;
                }
            }
        }
        int best = -1;
        double bestScore = TITLE_MIN_SCORE;
        for (int i = headEnd - 1; i >= from; i--) {
            if (scores[i - from] > bestScore) {
                bestScore = scores[i - from];
                best = i;
            }
        }
        return new TitleScores(from, scores, best, words);
    }

    /**
     * Whether the page shows line {@code i} again outside a list of teasers: a headline repeated
     * in a teaser list or a playlist is a teaser, not the page's own headline.
     */
    static boolean shownApart(List<DumpLine> lines, int i, int end) {
        String key = lines.get(i).key();
        for (int k = 0; k < end; k++) {
            if (k != i && lines.get(k).key().equals(key)) {
                boolean teaser = isHeadlineShaped(lines, k - 1) && !lines.get(k - 1).key().equals(key)
                        || isHeadlineShaped(lines, k + 1) && !lines.get(k + 1).key().equals(key) && headerBelow(lines, k, end) < 0;
                if (!teaser) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Where the head of the run ends, which may hold a notice, the headline and its byline before
     * the article's paragraphs: the first paragraph after the run's first line, at most eight lines
     * on; the run's start when the run opens with two paragraphs.
     */
    static int runHeadEnd(List<DumpLine> lines, int bodyStart, int bodyEnd) {
        int end = Math.min(bodyEnd, bodyStart + 8);
        for (int i = bodyStart + 1; i <= end; i++) {
            if (lines.get(i).kind == Kind.PROSE && !lines.get(i).heading) {
                return i == bodyStart + 1 ? bodyStart : i;
            }
        }
        return end > bodyStart ? end : bodyStart;
    }

    /**
     * The byline or dateline of a headline's cluster under line {@code i}, within a few lines and
     * with at most a standfirst and a short label (a section, an author's links) between; or -1.
     */
    static int headerBelow(List<DumpLine> lines, int i, int end) {
        boolean dek = false;
        boolean label = false;
        for (int j = i + 1; j <= i + 4 && j < end && j < lines.size(); j++) {
            DumpLine next = lines.get(j);
            if (authorOf(lines, j) != null || isDateline(next)) {
                return j;
            }
            if (!label && next.words <= 5) {
                label = true;
            } else if (!dek && !next.isListItem() && next.kind != Kind.CODE && next.kind != Kind.TRUNCATED
                    && (next.words >= 8 || isHeadlineShaped(lines, j))) {
                dek = true;
            } else {
                return -1;
            }
        }
        return -1;
    }

    /**
     * How many of the next lines show parts of line {@code i} again ("Jane Doe's Dress -- STOLEN"
     * over "Jane Doe" and "Dress ... STOLEN"): pages that split a headline into kicker and title
     * show it whole once.
     */
    static int echoes(List<DumpLine> lines, int i, int end, String lang) {
        Set<String> own = stems(lines.get(i), lang);
        int n = 0;
        for (int j = i + 1; j <= i + 3 && j < end; j++) {
            Set<String> words = stems(lines.get(j), lang);
            if (words.size() >= 2 && words.size() < own.size() && own.containsAll(words)) {
                n++;
            }
        }
        return n;
    }

    /** Line {@code i} and the next one each stand as a block of their own. */
    static boolean ownBlock(List<DumpLine> lines, int i) {
        return lines.get(i).blankBefore && (i + 1 >= lines.size() || lines.get(i + 1).blankBefore);
    }

    /**
     * Line {@code i} heads a card (headline, then date, section or the like) of a list of cards
     * alike: two more cards of the same shape before it, after it, or one on each side.
     */
    static boolean inCardRun(List<DumpLine> lines, int i) {
        if (shape(lines, i) != 'H') {
            return false;
        }
        if (shape(lines, i + 1) == 'H') {
            return false; // a run of bare headlines, which the neighbours tell
        }
        for (int p = 2; p <= 4; p++) {
            if (sameCards(lines, i, p, -1) + sameCards(lines, i, p, 1) >= 2) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many cards {@code p} lines apart, going {@code step}, open like the card at {@code i}
     * (a headline, then a line of the same shape), up to two.
     */
    private static int sameCards(List<DumpLine> lines, int i, int p, int step) {
        int n = 0;
        while (n < 2) {
            int other = i + step * (n + 1) * p;
            for (int t = 0; t < 2; t++) {
                if (shape(lines, i + t) != shape(lines, other + t)) {
                    return n;
                }
            }
            n++;
        }
        return n;
    }

    /** A coarse shape: (H)eadline, (D)ate, (S)hort label, (O)ther, or 0 past either end. */
    private static char shape(List<DumpLine> lines, int i) {
        if (i < 0 || i >= lines.size()) {
            return 0;
        }
        DumpLine l = lines.get(i);
        if (l.shape == 0) {
            // Read once per line: card runs compare each line with many others.
            l.shape = isDateline(l) ? 'D' : isHeadlineShaped(lines, i) ? 'H' : l.words <= 3 ? 'S' : 'O';
        }
        return l.shape;
    }

    /** Between two menu entries in one block of lines, or the last of a block of them: a menu entry itself. */
    static boolean inMenu(List<DumpLine> lines, int i) {
        if (i < 2 || lines.get(i).blankBefore || !isMenuEntry(lines, i - 1)) {
            return false;
        }
        boolean between = i + 1 < lines.size() && !lines.get(i + 1).blankBefore && isMenuEntry(lines, i + 1);
        boolean last = !lines.get(i - 1).blankBefore && isMenuEntry(lines, i - 2);
        return between || last;
    }

    private static boolean isMenuEntry(List<DumpLine> lines, int i) {
        DumpLine l = lines.get(i);
        return l.words <= 3 && !l.isListItem() && !isDateline(l) && authorOf(lines, i) == null;
    }

    /** The value of a labelled field ("Author:" over "Jane Doe"), not a headline. */
    static boolean isFieldValue(List<DumpLine> lines, int i) {
        if (i == 0 || lines.get(i).blankBefore) {
            return false;
        }
        DumpLine label = lines.get(i - 1);
        return label.text.endsWith(":") && label.words <= 3;
    }

    /**
     * The author a line names: "By Jane Doe", "Author: Jane Doe", or a bare name with a role or
     * outlet after a comma ("Jane Doe, Business Insider") or a date on the next line.
     */
    private static String authorOf(List<DumpLine> lines, int i) {
        DumpLine line = lines.get(i);
        if (!line.authorRead) {
            line.author = readAuthor(lines, i);
            line.authorRead = true;
        }
        return line.author;
    }

    private static String readAuthor(List<DumpLine> lines, int i) {
        DumpLine line = lines.get(i);
        String t = line.text;
        if (isBylineShaped(line)) {
            Matcher by = BYLINE.matcher(t);
            by.matches();
            return nameOf(by.group(1).isBlank() && i + 1 < lines.size() ? lines.get(i + 1).text : by.group(1));
        }
        Matcher label = mayBeLabelled(t) ? AUTHOR_LABEL.matcher(t) : null;
        if (label != null && label.matches()) {
            return nameOf(label.group(1).isBlank() && i + 1 < lines.size() ? lines.get(i + 1).text : label.group(1));
        }
        // "Posted by Jane Doe on ...", "5:45 AM 11/19/2019 by Jane Doe": a dateline that credits.
        Matcher inside = line.words <= 16 ? Bylines.creditInside(t) : null;
        if (inside != null && (POSTED.matcher(t).find() || line.date().isPresent() || TIME.matcher(t).find())) {
            return nameOf(inside.group(1));
        }
        // A bare name (of a line of eight words at most) counts when a separator labels it or a dateline follows it: the
        // name is read only then.
        if (line.words > 8) {
            return null;
        }
        boolean dateBelow = i + 1 < lines.size() && isDateline(lines.get(i + 1))
                || i + 2 < lines.size() && lines.get(i + 1).words <= 2 && isDateline(lines.get(i + 2));
        if (!dateBelow && !hasLabelSeparator(t)) {
            return null;
        }
        String name = bareName(line);
        if (name == null) {
            return null;
        }
        boolean labelled = t.length() > name.length() && LABELLED.matcher(t.substring(name.length())).matches();
        boolean dated = t.equals(name) && dateBelow;
        return labelled || dated ? name : null;
    }

    /** Whether {@link #AUTHOR_LABEL} may match: it wants a colon. */
    static boolean mayBeLabelled(String text) {
        return text.indexOf(':') >= 0 || text.indexOf('：') >= 0;
    }

    /** Whether the text holds a character {@link #LABELLED} opens with. */
    private static boolean hasLabelSeparator(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (",|•·@".indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The name a short line starts with, when it reads as a person's: two to four capitalised
     * words with no function words between ("The Harbour Times" is no one's name).
     */
    static String bareName(DumpLine line) {
        return bareNameOf(line.words <= 8 ? nameOf(line) : null);
    }

    /** {@link #bareName(DumpLine)} of a line's {@code text} of {@code words} words. */
    static String bareName(String text, int words) {
        return bareNameOf(words <= 8 ? nameOf(text) : null);
    }

    /** {@link #bareName(DumpLine)} of a text of at most eight words, given its {@link #nameOf} (null for none). */
    static String bareNameOf(String name) {
        if (name == null || name.contains("&") || name.split(" ").length < 2 || name.split(" ").length > 4) {
            return null;
        }
        for (String token : Words.tokens(name)) {
            if (Language.functionWords("en").contains(token) && !token.equals("and")) {
                return null;
            }
        }
        return name;
    }

    /**
     * A name standing apart ({@link #standsApart}) between headline and body, as sites credit their
     * authors, unless it is the subject the headline names ("Jane Doe" under "Jane Doe's boat").
     */
    private static String standaloneName(List<DumpLine> lines, int i, int titleAt, int bodyStart) {
        DumpLine line = lines.get(i);
        String name = standsApart(lines, i) && (i <= titleAt + 4 || i >= bodyStart - 3) ? bareName(line) : null;
        if (name == null || !name.equals(line.text) || titleAt < 0 || name.equals(name.toUpperCase(Locale.ROOT))) {
            return null; // a label in capitals is a section's name
        }
        List<String> title = lines.get(titleAt).tokens;
        return Words.tokens(name).stream().anyMatch(title::contains) ? null : name;
    }

    /**
     * A name-shaped line set apart from its neighbours: a block of its own, or, as dumpers that write no blank line
     * between a page's blocks (a browser's select-all text) give it, a line with no name-shaped line beside it (a menu
     * or a list of countries is a run of them).
     */
    private static boolean standsApart(List<DumpLine> lines, int i) {
        return ownBlock(lines, i) || !nameShaped(lines, i - 1) && !nameShaped(lines, i + 1);
    }

    private static boolean nameShaped(List<DumpLine> lines, int i) {
        return i >= 0 && i < lines.size() && bareName(lines.get(i)) != null;
    }

    /** A byline, a dateline, or an author's name standing alone under the headline at {@code titleAt}. */
    static boolean isCredit(List<DumpLine> lines, int i, int titleAt, int bodyStart) {
        return isByOrDateline(lines, i) || standaloneName(lines, i, titleAt, bodyStart) != null;
    }

    static boolean isByOrDateline(List<DumpLine> lines, int i) {
        return authorOf(lines, i) != null || isDateline(lines.get(i));
    }

    static boolean isDateline(DumpLine line) {
        return line.words <= 12 && line.date().isPresent();
    }

    static boolean isHeadlineShaped(List<DumpLine> lines, int i) {
        if (i < 0 || i >= lines.size()) {
            return false;
        }
        DumpLine l = lines.get(i);
        return (l.kind == Kind.MEDIUM || l.kind == Kind.SHORT || l.kind == Kind.TRUNCATED) && l.words >= 4 && l.words <= 20
                && !l.text.endsWith(".") && !isDateline(l) && !isBylineShaped(l);
    }

    /**
     * How much a line reads like the headline of this body, from its own shape and its words.
     * One- and two-word headlines ("Hermitian matrix") are allowed when the line stands as a block
     * of its own and the body repeats every word of it.
     */
    private static double titleScore(DumpLine line, boolean ownBlock, Set<String> leadWords, Map<String, Integer> bodyLines,
            Map<String, Integer> elsewhere, int often, String lang) {
        String t = line.text;
        Set<String> words = stems(line, lang);
        // The words of a short headline are the body's subject: in many of its paragraphs, and
        // named less often by the rest of the page.
        boolean shortTitle = line.words >= 1 && line.words < 3 && ownBlock && !words.isEmpty()
                && words.stream().allMatch(w -> bodyLines.getOrDefault(w, 0) >= often && bodyLines.get(w) > elsewhere.getOrDefault(w, 0));
        if (line.kind == Kind.CODE || line.kind == Kind.TRUNCATED || line.words < 3 && !shortTitle || line.words > 35
                || line.isListItem() || t.endsWith(":") || t.endsWith(",") || t.contains("©")
                || isBylineShaped(line) || PUBLISHED.matcher(t).find() || isDateline(line) || !mostlyWords(t)
                || line.words <= 8 && CREDITED.matcher(t).find() || isControlLabel(line) || words.isEmpty()
                || BREADCRUMB.matcher(t).find()) {
            return Double.NEGATIVE_INFINITY;
        }
        int inBody = 0;
        int inLead = 0;
        for (String w : words) {
            inBody += bodyLines.containsKey(w) ? 1 : 0;
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
        // Headlines capitalise their words; a line in capitals throughout is more often a label.
        boolean shouting = t.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
        double s = 3 * overlap + (shouting ? 0 : 0.5 * capitalised / parts.length) - (line.words < 5 ? 0.5 : 0);
        if (t.endsWith(".") && !t.endsWith("..")) {
            s -= 1.5;
        }
        if (line.words > 16) {
            s -= 0.1 * (line.words - 16);
        }
        if (line.kind == Kind.PROSE) {
            s -= 0.5;
        } else if (line.kind == Kind.BOILERPLATE) {
            s -= 1.0; // a sentence the page repeats: a blurb more often than the headline
        }
        // Wide gaps inside a line are columns of a preformatted header, and several labelled
        // fields ("Price: ... More info: ...") a fact box, not a headline.
        if (WIDE_GAP.matcher(t).find()) {
            s -= 2.5;
        }
        if (FIELD_LABEL.matcher(t).results().count() >= 2) {
            s -= 1.0;
        }
        // A caption runs into its credit ("... last week.Credit: Jane Doe/Agency").
        if (Captions.holdsCaption(t)) {
            s -= 1.0;
        }
        return s;
    }

    /** "Follow Us", "Share this story", "Sign in": a few words that start with what a control does. */
    private static boolean isControlLabel(DumpLine line) {
        return line.words <= 4 && !line.tokens.isEmpty() && CONTROL_VERBS.contains(line.tokens.get(0));
    }

    /** Most words have letters: "13.11.2019, 23:06" or "1 2 3 Next" are no headline; "Opening Bell 11.18.19" may be. */
    static boolean mostlyWords(String text) {
        // The words are the runs between white space (as the pattern \s reads it) of the stripped text, read in one pass.
        String stripped = text.strip();
        int parts = 0;
        int letters = 0;
        boolean inWord = false;
        boolean letter = false;
        for (int k = 0; k <= stripped.length(); ) {
            int c = k < stripped.length() ? stripped.codePointAt(k) : ' ';
            if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
                parts += inWord ? 1 : 0;
                letters += inWord && letter ? 1 : 0;
                inWord = false;
                letter = false;
            } else {
                inWord = true;
                letter |= Character.isLetter(c);
            }
            k += k < stripped.length() ? Character.charCount(c) : 1;
        }
        return letters * 2 > Math.max(1, parts);
    }

    /** Whether a line opens like a byline ("By ...", "Par ..."): {@link #BYLINE} matched once per line. */
    static boolean isBylineShaped(DumpLine line) {
        if (line.bylineShaped == null) {
            line.bylineShaped = BYLINE.matcher(line.text).matches();
        }
        return line.bylineShaped;
    }

    /**
     * The headline without a site's name the page wrote into it ("Headline | Outlet"): a first or
     * last part of at most four words that the page also shows as furniture (a line of its own, or
     * in two other lines outside the body that do not hold the whole headline: a breadcrumb or a
     * share label ending with it shows the headline, not a name) and that the body's lead does not use. A headline is
     * not split on its dashes otherwise ("Minecraft 1.8 - The Bountiful Update").
     */
    static String withoutSiteName(List<DumpLine> lines, int titleAt, int bodyStart, int bodyEnd, String lang) {
        String title = lines.get(titleAt).text;
        String site = siteName(lines, titleAt, bodyStart, bodyEnd, lang);
        return Headlines.withoutDrawn(site == null ? title : Headlines.withoutSiteName(title, site));
    }

    /**
     * The site's name as the page wrote it into the headline ("Headline | Outlet"), by the rule of
     * {@link #withoutSiteName}; null when the headline carries none. A text dump has no metadata,
     * so this is where it names its outlet.
     */
    static String siteName(List<DumpLine> lines, int titleAt, int bodyStart, int bodyEnd, String lang) {
        String title = lines.get(titleAt).text;
        String[] parts = Headlines.SEPARATOR.split(title);
        if (parts.length < 2) {
            return null;
        }
        Set<String> lead = new HashSet<>();
        for (int i = bodyStart; i <= bodyEnd && i < bodyStart + 5; i++) {
            lead.addAll(stems(lines.get(i), lang));
        }
        for (String part : new String[] {parts[parts.length - 1], parts[0]}) {
            String site = Words.comparable(part);
            List<String> tokens = Words.tokens(part);
            if (site.isEmpty() || tokens.size() > 4 || Words.tokens(title).size() - tokens.size() < 3
                    || stems(tokens, lang).stream().anyMatch(lead::contains)) {
                continue;
            }
            int seen = 0;
            boolean own = false;
            String firstWord = HeaderCandidates.firstWord(site);
            String whole = lines.get(titleAt).comparable();
            for (int i = 0; i < lines.size(); i++) {
                DumpLine l = lines.get(i);
                if (i >= bodyStart && i <= bodyEnd || l.key().equals(lines.get(titleAt).key()) || !HeaderCandidates.mayHold(l, firstWord)) {
                    continue;
                }
                String other = l.comparable();
                own |= other.equals(site);
                seen += HeaderCandidates.containsWords(other, site) && !HeaderCandidates.containsWords(other, whole) ? 1 : 0;
            }
            if (own || seen >= 2) {
                return part.strip();
            }
        }
        return null;
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

    /**
     * Whether the first character after white space can open {@link #NAME}: a capital letter ({@code \\p{Lu}}), or
     * the first letter of a particle or "&amp;" ("van Gogh", "de la Cruz").
     */
    private static boolean opensLikeName(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!Character.isWhitespace(c)) {
                return Character.getType(c) == Character.UPPERCASE_LETTER || c >= 'a' && c <= 'z' || c == '&';
            }
            i += Character.charCount(c);
        }
        return false;
    }

    /** {@link #nameOf(String)} of the line's text, read once: the header's rules and the byline candidates both ask. */
    static String nameOf(DumpLine line) {
        if (!line.nameRead) {
            line.name = nameOf(line.text);
            line.nameRead = true;
        }
        return line.name;
    }

    /** The name part of "Jane Doe, Transport Reporter | 4 min read", or null when it is no name. */
    static String nameOf(String text) {
        if (!opensLikeName(text)) {
            return null; // the cheap half of NAME: lines of figures, marks and other scripts fail it before split and match
        }
        // What split(text)[0] would give, without splitting the rest of the line.
        int end = nameEnd(text);
        if (end == NO_NAME) {
            return null;
        }
        String name = (end >= 0 ? text.substring(0, end) : text).strip();
        name = Words.foldRuns(name, Words::isAsciiSpace); // regex \s+ to one space
        if (name.isEmpty() || name.length() > 80 || !NAME.matcher(name).matches()) {
            return null;
        }
        int words = name.split(" ").length;
        return words <= 8 ? name : null;
    }

    /** What {@link #nameEnd} answers when the name run holds a character no name has: the text is no name. */
    private static final int NO_NAME = -2;

    /**
     * Where {@link #NAME_END} first matches in {@code text} (what {@code find()} gives as its start), -1 when nowhere, or
     * {@link #NO_NAME} when a character {@link #NAME} never matches comes first: the name would hold it. A match can
     * only start at white space, at a separator it lists, or at the start of a word that opens as one of
     * {@link #NAME_END_WORDS} does, so the pattern is tried at those positions only.
     */
    private static int nameEnd(String text) {
        Matcher end = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (mayOpenNameEnd(text, i, c)) {
                if (end == null) {
                    end = NAME_END.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                }
                if (end.region(i, text.length()).lookingAt()) {
                    return i;
                }
            } else if (!mayBeInName(c)) {
                return NO_NAME;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    /**
     * Whether {@link #NAME_END} may start at {@code c}, at {@code i} in {@code text}: at one of its separators; at white
     * space before a separator, a dash, a figure or one of {@link #NAME_END_OPENERS}; at the start of such a word.
     */
    private static boolean mayOpenNameEnd(String text, int i, int c) {
        if (",|•·@/(".indexOf(c) >= 0) {
            return true;
        }
        int at = i;
        if (Words.isAsciiSpace(c)) {
            while (at < text.length() && Words.isAsciiSpace(text.charAt(at))) {
                at++;
            }
            if (at == text.length()) {
                return false;
            }
            char next = text.charAt(at);
            if (next >= '0' && next <= '9' || ",|•·@/(-–—".indexOf(next) >= 0) {
                return true;
            }
        } else if (i > 0 && Character.isLetterOrDigit(text.codePointBefore(i))) {
            return false;
        }
        return opensNameEndWord(text, at);
    }

    /** Whether the run of letters at {@code at} is one of {@link #NAME_END_OPENERS}. */
    private static boolean opensNameEndWord(String text, int at) {
        StringBuilder word = null;
        for (int k = at; k < text.length(); ) {
            int c = text.codePointAt(k);
            if (!Character.isLetter(c) && !isMark(c) && c != ZERO_WIDTH_NON_JOINER) {
                break; // a word's marks are of it (Devanagari's vowel signs, Arabic's short vowels), as is Persian's non-joiner
            }
            if (word == null) {
                word = new StringBuilder(LONGEST_OPENER);
            } else if (word.length() >= LONGEST_OPENER) {
                return false;
            }
            word.appendCodePoint(Words.folded(c));
            k += Character.charCount(c);
        }
        return word != null && NAME_END_OPENERS.contains(word.toString());
    }

    /** Whether {@link #NAME} may hold {@code c}, once stripped and its runs of white space folded: letters, marks, the marks of names and quotes, white space. */
    private static boolean mayBeInName(int c) {
        return Character.isLetter(c) || isMark(c) || Character.isWhitespace(c) || "'’.-\"“”&".indexOf(c) >= 0;
    }

    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** The stems of a line's content words, read once per line. */
    static Set<String> stems(DumpLine line, String lang) {
        if (line.stems == null) {
            line.stems = line.contentWords != null ? stemsOf(line.contentWords, lang) : stems(line.tokens, lang);
        }
        return line.stems;
    }

    /** The stems of words already known to be content words. */
    private static Set<String> stemsOf(Set<String> contentWords, String lang) {
        Set<String> out = new HashSet<>();
        UnaryOperator<String> stemmer = Language.stemmer(lang);
        for (String w : contentWords) {
            out.add(stemmer.apply(w));
        }
        return out;
    }

    /** The stems of the content words, as headlines are matched to the text by. */
    private static Set<String> stems(List<String> tokens, String lang) {
        Set<String> out = new HashSet<>();
        UnaryOperator<String> stemmer = Language.stemmer(lang);
        Set<String> functionWords = Language.functionWords(lang);
        for (String t : tokens) {
            if (Words.isContentWord(t, functionWords)) {
                out.add(stemmer.apply(t));
            }
        }
        return out;
    }
}
