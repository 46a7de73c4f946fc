package dev.gazette.link;

import dev.gazette.clean.WordCount;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds named entities the cheap way that works well on news: runs of capitalised words
 * ("Sam Altman", "South China Morning Post"), brand-style words ("OpenAI", "DeepSeek") and
 * acronyms. A lone capitalised word at the start of a sentence only counts if the text also
 * capitalises it mid-sentence; a surname alone ("Altman") counts for the full name used in
 * the same article; honorifics and job titles are dropped.
 */
final class EntityFinder {
    /** A word: {@code [\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}.'’&-]*}, found by {@link Words}. */
    private static final int WORD_START = 1 << Character.UPPERCASE_LETTER | 1 << Character.LOWERCASE_LETTER
            | 1 << Character.TITLECASE_LETTER | 1 << Character.MODIFIER_LETTER | 1 << Character.OTHER_LETTER
            | 1 << Character.DECIMAL_DIGIT_NUMBER | 1 << Character.LETTER_NUMBER | 1 << Character.OTHER_NUMBER;
    private static final int WORD_PART = WORD_START | 1 << Character.NON_SPACING_MARK | 1 << Character.ENCLOSING_MARK
            | 1 << Character.COMBINING_SPACING_MARK;
    /** Honorifics and job titles: capitalised, but never the entity itself. */
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "lady",
            "ceo", "cfo", "cto", "coo", "chair", "chairman", "chairwoman", "president", "minister", "senator",
            "governor", "mayor", "judge", "captain", "st");
    private static final Set<String> CALENDAR = calendarWords();
    private static final Pattern DOTTED_ACRONYM = Pattern.compile("(\\p{Lu}\\.)+\\p{Lu}?");
    /** Punctuation between two words that ends a sentence or a name. */
    private static final String BREAKS = ".!?:;\"“”()[]\n|—–";

    /** An entity in one article: its display form, the other forms seen, and its weighted mentions. */
    record Entity(String name, Set<String> forms, int score, int mentions) {
    }

    /** Entities of one article, strongest first, keyed by their folded name. */
    Map<String, Entity> find(String title, String text) {
        return find(title, text, Integer.MIN_VALUE);
    }

    /** {@link #find(String, String)}'s entities scoring at least {@code minScore}: the others are not named. */
    Map<String, Entity> find(String title, String text, int minScore) {
        String t = title == null ? "" : title;
        String x = text == null ? "" : text;
        char[] chars = new char[t.length() + x.length()];
        t.getChars(0, t.length(), chars, 0);
        x.getChars(0, x.length(), chars, t.length());
        return find(t, x, minScore, chars, 0, t.length());
    }

    /**
     * {@link #find(String, String, int)} of {@code title} and {@code text}, whose characters
     * {@code chars} holds from {@code titleAt} and from {@code textAt}: read there in place, so
     * that a step reading the same text for other ends needs one copy of it.
     */
    Map<String, Entity> find(String title, String text, int minScore, char[] chars, int titleAt, int textAt) {
        Mentions.Parts parts = Mentions.Parts.of(title, text);
        // The body the parts cut is the text stripped (as String.strip strips; no white space is a surrogate).
        int bodyAt = textAt;
        while (text != null && bodyAt - textAt < text.length() && Character.isWhitespace(chars[bodyAt])) {
            bodyAt++;
        }
        List<Found> found = new ArrayList<>();
        for (Mentions where : Mentions.values()) {
            int at = where == Mentions.TITLE ? titleAt : bodyAt;
            int[] ranges = parts.paragraphRanges(where);
            for (int r = 0; r < ranges.length; r += 2) {
                // In a headline written in title case every word is capitalised: it names nothing by itself.
                boolean titleCase = isTitleCase(chars, at + ranges[r], at + ranges[r + 1]);
                phrases(chars, at + ranges[r], at + ranges[r + 1], where, titleCase, found);
            }
        }
        Set<String> midSentence = new HashSet<>();
        Map<String, Integer> runs = new HashMap<>();
        for (Found f : found) {
            if (!f.titleCase) {
                runs.merge(f.key, 1, Integer::sum);
                if (!f.sentenceStart) {
                    for (int from = 0, to; from <= f.name.length(); from = to + 1) {
                        to = f.name.indexOf(' ', from);
                        to = to < 0 ? f.name.length() : to;
                        midSentence.add(fold(f.name.substring(from, to)));
                    }
                }
            }
        }
        List<Found> names = new ArrayList<>();
        for (Found f : found) {
            String name = f.name;
            boolean start = f.sentenceStart;
            int space = name.indexOf(' ');
            // "Unlike Chinese firms": the first word is capitalised only because it starts the sentence.
            if (start && space > 0 && !midSentence.contains(fold(name.substring(0, space)))
                    && runs.getOrDefault(f.key, 0) < 2) {
                names.add(new Found(name.substring(space + 1), false, f.where, f.titleCase));
            } else {
                names.add(f);
            }
        }
        Map<String, String> bySurname = new HashMap<>();
        Set<String> prose = new HashSet<>();
        for (Found f : names) {
            int last = f.name.lastIndexOf(' ');
            if (!f.titleCase && last >= 0) {
                bySurname.putIfAbsent(fold(f.name.substring(last + 1)), f.name);
            }
        }
        Map<String, Integer> scores = new LinkedHashMap<>();
        Map<String, Integer> mentions = new HashMap<>();
        Map<String, Map<String, Integer>> forms = new HashMap<>();
        List<Found> counted = new ArrayList<>();
        List<String> surfaces = new ArrayList<>();
        for (Found f : names) {
            boolean single = f.name.indexOf(' ') < 0;
            String full = single ? bySurname.get(f.key) : null;
            Found as = f;
            if (full != null) {
                as = new Found(full, f.sentenceStart, f.where, f.titleCase);
            } else if (single && f.sentenceStart && !midSentence.contains(f.key) && !isDistinctive(f.name)) {
                continue;
            }
            if (!f.titleCase) {
                prose.add(as.key);
            }
            counted.add(as);
            surfaces.add(f.name);
        }
        for (int i = 0; i < counted.size(); i++) {
            Found f = counted.get(i);
            String key = f.key;
            if (f.titleCase && !prose.contains(key)) {
                // "Harbour Trust Buys Mill": count the names the prose confirms inside the run.
                String run = " " + key + " ";
                for (String known : prose) {
                    if (run.contains(" " + known + " ")) {
                        scores.merge(known, f.where.weight, Integer::sum);
                        mentions.merge(known, 1, Integer::sum);
                    }
                }
                continue;
            }
            scores.merge(key, f.where.weight, Integer::sum);
            mentions.merge(key, 1, Integer::sum);
            forms.computeIfAbsent(key, k -> new HashMap<>()).merge(surfaces.get(i), 1, Integer::sum);
        }
        Map<String, Entity> out = new LinkedHashMap<>();
        List<Map.Entry<String, Integer>> strongestFirst = new ArrayList<>(scores.entrySet());
        strongestFirst.sort((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey()) : b.getValue() - a.getValue());
        // The full name ("Sam Altman"), in its most frequent spelling, names the entity.
        Comparator<Map.Entry<String, Integer>> frequent = Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder());
        for (Map.Entry<String, Integer> e : strongestFirst) {
            if (e.getValue() < minScore) {
                break;
            }
            Map<String, Integer> f = forms.get(e.getKey());
            String display = f.entrySet().stream()
                    .filter(x -> fold(x.getKey()).equals(e.getKey()))
                    .max(frequent)
                    .or(() -> f.entrySet().stream().max(frequent))
                    .orElseThrow().getKey();
            out.put(e.getKey(), new Entity(display, Set.copyOf(f.keySet()), e.getValue(), mentions.get(e.getKey())));
        }
        return out;
    }

    /** A short line with most of its content words capitalised: a headline or a heading. */
    static boolean isTitleCase(String line) {
        return isTitleCase(line.toCharArray(), 0, line.length());
    }

    /** {@link #isTitleCase(String)} of the line from {@code from} to {@code to} of {@code chars}. */
    private static boolean isTitleCase(char[] chars, int from, int to) {
        // Stripped as String.strip strips (no white space is a surrogate, so char by char).
        int start = from;
        int end = to;
        while (start < end && Character.isWhitespace(chars[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(chars[end - 1])) {
            end--;
        }
        // Most paragraphs are longer than a headline: counted, not split into words.
        int count = WordCount.piecesUpTo(chars, start, end, 21);
        if (count < 3 || count > 20) {
            return false;
        }
        // Its words as splitting it at white space (\\s+) gives them, each trimmed, read in place.
        int content = 0;
        int capitalised = 0;
        char[] lower = new char[end - start];
        for (int i = start; i < end; ) {
            while (i < end && isSpace(chars[i])) {
                i++;
            }
            int a = i;
            while (i < end && !isSpace(chars[i])) {
                i++;
            }
            int b = trimmedEnd(chars, a, i);
            if (b == a || isStopWord(chars, a, b, lower)) {
                continue;
            }
            content++;
            if (Character.isUpperCase(chars[a])) {
                capitalised++;
            }
        }
        return content >= 3 && capitalised >= content * 0.75;
    }

    /** A character of the regular expressions' {@code \\s}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Where {@link #trimWord} of the word from {@code from} to {@code to} of {@code chars} ends. */
    private static int trimmedEnd(char[] chars, int from, int to) {
        int end = to - from >= 2 && chars[to - 1] == 's' && (chars[to - 2] == '\'' || chars[to - 2] == '’') ? to - 2 : to;
        while (end > from && !Character.isLetterOrDigit(chars[end - 1])) {
            end--;
        }
        return end;
    }

    /**
     * Whether the word from {@code from} to {@code to} of {@code chars}, folded, is an English
     * stop word: an ASCII word is lower-cased into {@code buffer} and looked up there.
     */
    private static boolean isStopWord(char[] chars, int from, int to, char[] buffer) {
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (c >= 128) {
                return TermAnalyzer.ENGLISH_STOP_WORDS.contains(fold(new String(chars, from, to - from)));
            }
            buffer[i - from] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return TermAnalyzer.ENGLISH_STOP_WORDS.contains(buffer, 0, to - from);
    }

    /** A name found, with its folded form ({@code key}): each found name is folded once, not at each look-up. */
    private record Found(String name, String key, boolean sentenceStart, Mentions where, boolean titleCase) {
        Found(String name, boolean sentenceStart, Mentions where, boolean titleCase) {
            this(name, fold(name), sentenceStart, where, titleCase);
        }
    }

    /**
     * Adds to {@code out} the capitalised phrases of the paragraph from {@code from} to {@code to}
     * of {@code chars}, split where a brand word or acronym stands on its own.
     */
    private static void phrases(char[] chars, int from, int to, Mentions where, boolean titleCase, List<Found> out) {
        Words m = new Words(chars, from, to);
        List<String> run = new ArrayList<>();
        boolean runAtStart = false;
        int lastEnd = from;
        boolean sentenceStart = true;
        boolean endsSentence = false;
        while (m.find()) {
            int start = m.start();
            boolean boundary = lastEnd == from || hasBreak(chars, lastEnd, start) || endsSentence;
            boolean oneSpace = start - lastEnd == 1 && chars[lastEnd] == ' ';
            lastEnd = m.end();
            // A word ending in a full stop closes the sentence, unless it is an acronym like "U.S.".
            char last = chars[lastEnd - 1];
            boolean capital = Character.isUpperCase(chars[start]);
            // Most words are not capitalised: they are looked at without making strings of them.
            String raw = capital ? new String(chars, start, lastEnd - start) : null;
            endsSentence = (last == '.' || last == '!' || last == '?')
                    && !(capital && DOTTED_ACRONYM.matcher(raw).matches());
            if (boundary || !oneSpace) {
                flush(run, runAtStart, where, titleCase, out);
            }
            if (boundary) {
                sentenceStart = true;
            }
            String word = capital ? trimWord(raw) : null;
            String folded = capital ? fold(word) : null;
            if (!capital || word.isEmpty() || TITLES.contains(folded)
                    || CALENDAR.contains(folded) || TermAnalyzer.ENGLISH_STOP_WORDS.contains(folded)) {
                flush(run, runAtStart, where, titleCase, out);
                sentenceStart = false;
                continue;
            }
            if (isDistinctive(word)) {
                // "OpenAI CEO Sam Altman": a brand or acronym is an entity of its own.
                flush(run, runAtStart, where, titleCase, out);
                out.add(new Found(normaliseAcronym(word), sentenceStart, where, titleCase));
                sentenceStart = false;
                continue;
            }
            if (run.isEmpty()) {
                runAtStart = sentenceStart;
            }
            run.add(word);
            sentenceStart = false;
            if (raw.endsWith("'s") || raw.endsWith("’s") || endsSentence || raw.endsWith(",")) {
                flush(run, runAtStart, where, titleCase, out);
            }
        }
        flush(run, runAtStart, where, titleCase, out);
    }

    /**
     * The words of a text one after another, as a matcher of the pattern above finds them (code
     * point by code point, the general categories the pattern names), without the regex engine,
     * which tried the pattern at every character of every article.
     */
    static final class Words {
        private static final byte NONE = 0;
        private static final byte START = 1;
        private static final byte PART = 2;
        /** What each ASCII character is to a word, so most characters need no code point or category. */
        private static final byte[] ASCII = new byte[128];

        static {
            for (char c = 0; c < 128; c++) {
                ASCII[c] = (WORD_START >> Character.getType(c) & 1) != 0 ? START : ".'&-".indexOf(c) >= 0 ? PART : NONE;
            }
        }

        /** The text, read from an array: the client compiler keeps String.charAt's checks on every call. */
        private final char[] chars;
        /** Where the text ends in {@link #chars}: it reads no character beyond, as if the array ended there. */
        private final int limit;
        private int start;
        private int end;

        Words(String text) {
            this(text.toCharArray(), 0, text.length());
        }

        /** The words of {@code chars} from {@code from} to {@code to}, as those of that part copied out. */
        Words(char[] chars, int from, int to) {
            this.chars = chars;
            this.limit = to;
            this.end = from;
        }

        boolean find() {
            char[] text = chars;
            int n = limit;
            int i = end;
            while (i < n) {
                char ch = text[i];
                int c = ch < 128 ? ch : Character.codePointAt(text, i, n);
                if (ch < 128 ? ASCII[ch] == START : (WORD_START >> Character.getType(c) & 1) != 0) {
                    start = i;
                    i += Character.charCount(c);
                    while (i < n) {
                        ch = text[i];
                        if (ch < 128) {
                            if (ASCII[ch] == NONE) {
                                break;
                            }
                            i++;
                            continue;
                        }
                        c = Character.codePointAt(text, i, n);
                        if ((WORD_PART >> Character.getType(c) & 1) == 0 && c != '’') {
                            break;
                        }
                        i += Character.charCount(c);
                    }
                    end = i;
                    return true;
                }
                i += Character.charCount(c);
            }
            start = n;
            end = n;
            return false;
        }

        int start() {
            return start;
        }

        int end() {
            return end;
        }
    }

    /** {@link #BREAKS} of ASCII, by character: most text between two words is one space. */
    private static final boolean[] ASCII_BREAKS = new boolean[128];

    static {
        for (char c : BREAKS.toCharArray()) {
            if (c < 128) {
                ASCII_BREAKS[c] = true;
            }
        }
    }

    private static boolean hasBreak(char[] text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text[i];
            if (c < 128 ? ASCII_BREAKS[c] : BREAKS.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static void flush(List<String> run, boolean atStart, Mentions where, boolean titleCase, List<Found> out) {
        if (!run.isEmpty()) {
            out.add(new Found(String.join(" ", run), atStart, where, titleCase));
            run.clear();
        }
    }

    /** Acronyms and words with inner capitals name something whatever their position. */
    static boolean isDistinctive(String word) {
        int upper = 0;
        for (int i = 1; i < word.length(); i++) {
            if (Character.isUpperCase(word.charAt(i))) {
                upper++;
            }
        }
        return upper > 0;
    }

    private static String trimWord(String word) {
        String w = word.endsWith("'s") || word.endsWith("’s") ? word.substring(0, word.length() - 2) : word;
        while (!w.isEmpty() && !Character.isLetterOrDigit(w.charAt(w.length() - 1))) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** "U.S." and "US" are one entity. */
    private static String normaliseAcronym(String word) {
        return DOTTED_ACRONYM.matcher(word).matches() ? word.replace(".", "") : word;
    }

    static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static Set<String> calendarWords() {
        Set<String> words = new HashSet<>();
        for (Month month : Month.values()) {
            words.add(fold(month.getDisplayName(TextStyle.FULL, Locale.ENGLISH)));
            words.add(fold(month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)));
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            words.add(fold(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)));
        }
        return words;
    }
}
