package dev.gazette.clean;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Credits that are no capitalised name of two to four words, read by their general shape so that
 * the byline model can weigh them beside the others ({@link HeaderCandidates#bylines}): a handle
 * ("@jdoe", "u/jdoe"), a name written in lower case after a credit word ("By Cindy mangomini",
 * "Posted on ... by jdoe"), one word alone on its line by a dateline (a blog's author by first name
 * or pen name: "Paul", "EvilSpark"), a name in a script without capitals alone on its line by a
 * dateline ("島津健吾") or opening one ("松村太郎2019年04月13日"), and a credit set in brackets
 * ("[山田太郎，Tech Desk]", "《KT》"). Each shape is a named feature; none decides alone.
 */
final class Bylines {
    /** The shapes, as {@link HeaderCandidates#BYLINE_FEATURES} names them; {@link #NONE} for a capitalised name. */
    static final int NONE = 0;
    static final int HANDLE = 1;
    static final int UNCAPITALISED = 2;
    static final int LONE_WORD = 3;
    static final int SPACELESS_ALONE = 4;
    static final int BRACKETED = 5;

    /** A handle: "@name" or a forum's "u/name", letters, digits, "_" and inner dots. */
    private static final Pattern HANDLE_TEXT = Pattern.compile("(?:@|u/)[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.]{0,38}[\\p{L}\\p{N}_])?");
    /** One word of a name as a credit word may introduce it in any case ("mangomini", "doumae", "O'Neil", "jean-luc"). */
    private static final Pattern LOOSE_WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{M}\\p{N}_'’.-]{0,30}");
    /** "... by jdoe" closing a dateline: a credit word and one word in any case, the line's last. */
    private static final Pattern LOOSE_INSIDE = Pattern.compile("(?:^|\\s)(?i:" + Language.bylineAlternation() + ")\\s+([\\p{L}][\\p{L}\\p{N}_.-]{1,30})\\s*$");
    /** A credit in brackets, the whole line: "[山田太郎，Tech Desk]", "《KT》", "(Jane Doe)". */
    private static final Pattern BRACKETS = Pattern.compile("^[\\[［【《(（〈]\\s*([^\\[\\]［］【】《》()（）〈〉]{1,40}?)\\s*[\\]］】》)）〉]$");
    /** What parts a bracketed credit's fields: "山田太郎，Tech Desk". */
    private static final Pattern FIELD = Pattern.compile("\\s*[,，、/／|｜・]\\s*");
    /** A name in a script without capitals (Chinese, Japanese, Korean): two to twelve of its letters. */
    private static final Pattern SPACELESS = Pattern.compile(
            "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}ー][\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}ー・]{1,11}");
    /** What may follow a spaceless name on its line: an at sign or a separator and what the site adds ("高木浩光＠自宅の日記"). */
    private static final Pattern AFTER_SPACELESS = Pattern.compile("[＠@|｜/／·•]");
    /** How many lines away a dateline makes a lone word or a spaceless name a likely credit. */
    private static final int DATE_DISTANCE = 2;

    private Bylines() {
    }

    /** A credit's name and its shape. */
    record Shaped(String name, int shape) {
    }

    /** The handle {@code credited} is, alone ("@jdoe", "u/jdoe"), or null. */
    static String handle(String credited) {
        String t = credited.strip();
        return HANDLE_TEXT.matcher(t).matches() ? t : null;
    }

    /**
     * What a credit word introduces when it is no capitalised name: a handle, or one to three words in any case up to a
     * separator ("By Cindy mangomini", "By doumae | May 5"), no function, interface or calendar word among them.
     */
    static Shaped afterLabel(String credited, String lang) {
        String t = credited.strip();
        String handle = handle(t.split("\\s+|\\s*[,|•·]\\s*", 2)[0]);
        if (handle != null) {
            return new Shaped(handle, HANDLE);
        }
        String head = t.split("\\s*[,|•·/(]\\s*|\\s[-–—]\\s", 2)[0];
        String[] words = head.split("\\s+");
        if (head.isEmpty() || words.length > 3) {
            return null; // more than three words before any separator: a sentence, not a name
        }
        for (String w : words) {
            if (!LOOSE_WORD.matcher(w).matches() || !plainWord(w, lang)) {
                return null;
            }
        }
        return new Shaped(head, UNCAPITALISED);
    }

    /**
     * Whether {@code text}, a line read as code, may be a credit in brackets with its fields ("[山田太郎，Tech Desk]" reads as an
     * array), as {@link #alone} reads one. A bracket of one field ("(BUTTON)") is a dumper's label of a control.
     */
    static boolean bracketed(String text) {
        String t = text.strip();
        Matcher m = t.length() <= 60 ? BRACKETS.matcher(t) : null;
        return m != null && m.matches() && FIELD.matcher(m.group(1)).find();
    }

    /** "... by jdoe" closing a dateline (a line that writes a date): the word credited, or null. */
    static String looseInside(DumpLine line, String lang) {
        if (line.dates().isEmpty()) {
            return null;
        }
        Matcher m = LOOSE_INSIDE.matcher(line.text);
        return m.find() && plainWord(m.group(1), lang) ? m.group(1) : null;
    }

    /**
     * A credit standing alone on line {@code i}: a handle; one word, capitalised or in camel case, or a name in a
     * script without capitals (up to an at sign or separator), within {@value #DATE_DISTANCE} lines of a dateline;
     * a credit in brackets. Null when the line is none of these. Like a lone word, a spaceless name holds no interface word
     * ("このニュースをシェア", "分享").
     */
    static Shaped alone(List<DumpLine> lines, int i, String lang) {
        DumpLine line = lines.get(i);
        String t = line.text.strip();
        if (t.length() > 60) {
            return null;
        }
        String handle = handle(t);
        if (handle != null) {
            return new Shaped(handle, HANDLE);
        }
        Matcher bracket = BRACKETS.matcher(t);
        if (bracket.matches()) {
            String first = FIELD.split(bracket.group(1).strip(), 2)[0];
            String name = TextHeader.nameOf(first);
            boolean spaceless = SPACELESS.matcher(first).matches() && !Language.holdsSpacelessInterfaceWord(first);
            return name != null && name.equals(first) || spaceless ? new Shaped(first, BRACKETED) : null;
        }
        if (!dateNear(lines, i)) {
            // A name in a script without capitals may open the dateline itself ("松村太郎2019年04月13日 09時00分").
            Matcher spaceless = TextHeader.isDateline(line) && line.dates().get(0).at() > 0 ? SPACELESS.matcher(t) : null;
            return spaceless != null && spaceless.lookingAt() && line.dates().get(0).at() == spaceless.end()
                    && !Language.holdsSpacelessInterfaceWord(spaceless.group()) ? new Shaped(spaceless.group(), SPACELESS_ALONE) : null;
        }
        Matcher spaceless = SPACELESS.matcher(t);
        if (spaceless.lookingAt() && (spaceless.end() == t.length() || AFTER_SPACELESS.matcher(t).region(spaceless.end(), t.length()).lookingAt())
                && !Language.holdsSpacelessInterfaceWord(spaceless.group())) {
            return new Shaped(spaceless.group(), SPACELESS_ALONE);
        }
        if (line.words == 1 && t.length() >= 3 && LOOSE_WORD.matcher(t).matches() && Character.isUpperCase(t.codePointAt(0))
                && t.chars().allMatch(Character::isLetter) && plainWord(t, lang)) {
            return new Shaped(t, LONE_WORD);
        }
        return null;
    }

    /** A credit word glued to itself ("Byby JANE DOE"): a dumper joined a label hidden for screen readers to the one shown. */
    private static final Pattern DOUBLED = Pattern.compile("^(?:" + Language.bylineAlternation() + ")(?=(?:" + Language.bylineAlternation()
            + ")\\b)", Pattern.CASE_INSENSITIVE);

    /** The first characters of the credit words, an ASCII letter in both cases: what {@link #DOUBLED} may open with. */
    private static final String CREDIT_FIRST_LETTERS = Language.bylineWords().stream()
            .map(w -> w.charAt(0) < 128 ? w.substring(0, 1).toLowerCase(Locale.ROOT) + w.substring(0, 1).toUpperCase(Locale.ROOT) : w.substring(0, 1))
            .distinct().sorted().collect(Collectors.joining());

    /**
     * A credit word glued to the capitalised name after it ("ByTravis Haney"): a dumper joined a label to the link that
     * follows it. Not a name's particle ("DiCaprio", "VonDrehle"), which opens a surname so.
     */
    private static final Pattern GLUED_CREDIT = Pattern.compile("^(?i:" + Language.bylineAlternation() + ")(?=\\p{Lu}\\p{Ll})");
    private static final Set<String> PARTICLES = Set.copyOf(Language.nameParticles());

    /**
     * The line's text without the first of a credit word glued to itself ("Byby JANE DOE" reads "by JANE DOE"), and
     * with a space after a credit word glued to the name it credits ("ByTravis Haney" reads "By Travis Haney").
     */
    static String undoubled(String text) {
        boolean may = text.length() > 3 && Character.isLetter(text.charAt(0)) && opensLikeCredit(text.charAt(0));
        Matcher m = may ? DOUBLED.matcher(text) : null;
        if (m != null && m.lookingAt() && m.end() > 0) {
            return text.substring(m.end());
        }
        Matcher glued = may ? GLUED_CREDIT.matcher(text) : null;
        return glued != null && glued.lookingAt() && !PARTICLES.contains(text.substring(0, glued.end()).toLowerCase(Locale.ROOT))
                ? text.substring(0, glued.end()) + " " + text.substring(glued.end()) : text;
    }

    /** Whether {@link #DOUBLED} may match a text that opens with {@code c}: a credit word's first character (in either case when ASCII). */
    private static boolean opensLikeCredit(char c) {
        return CREDIT_FIRST_LETTERS.indexOf(c) >= 0;
    }

    /** What parts the names of a credit listed by commas alone ("By Jane Doe, John Roe"). */
    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");
    /** The most names a credit listed by commas alone is read to hold. */
    private static final int MAX_LISTED = 4;

    /**
     * The names of a credit listed by commas alone ("Jane Doe, John Roe", "Jane Doe, John Roe, Outlet"): the first two
     * to {@value #MAX_LISTED} fields that are each a name of two or three capitalised words; null when fewer than two are.
     * A field with a role word ("Staff Reporter") or that the page shows on a line of its own or in its copyright notice
     * (an outlet's name, "Harbour Times") ends the list: it is no co-author.
     */
    static String commaList(String credited, List<DumpLine> lines, int at) {
        String[] parts = COMMA.split(credited.strip());
        if (parts.length < 2) {
            return null;
        }
        int n = 0;
        for (String part : parts) {
            String[] words = part.split("\\s+");
            if (n == MAX_LISTED || words.length < 2 || words.length > 3 || !part.equals(TextHeader.nameOf(part)) || part.contains("&")
                    || Words.tokens(part).stream().anyMatch(w -> Language.roleWords().contains(w) || Language.isFunctionWord(w))
                    || n > 0 && furniture(part, lines, at)) {
                break;
            }
            n++;
        }
        return n < 2 ? null : String.join(", ", Arrays.copyOf(parts, n));
    }

    /** Whether the page shows {@code name} on a line of its own, or in a copyright notice, other than line {@code at}. */
    private static boolean furniture(String name, List<DumpLine> lines, int at) {
        String key = Words.comparable(name);
        String firstWord = HeaderCandidates.firstWord(key);
        for (int j = 0; j < lines.size(); j++) {
            DumpLine l = lines.get(j);
            if (j != at && HeaderCandidates.mayHold(l, firstWord) && (l.comparable().equals(key) || l.text.contains("©") && HeaderCandidates.containsWords(l.comparable(), key))) {
                return true;
            }
        }
        return false;
    }

    /** The fewest names an unlabelled line must list to be read as a credit's list ("A B, C D, E F"): two could be places. */
    private static final int MIN_UNLABELLED_LIST = 3;
    /** The most words of one name in a list: a given name, initials and a surname with particles ("Michelina C. de la Maza"). */
    private static final int MAX_LISTED_NAME_WORDS = 5;

    /**
     * A line that is nothing but a list of names parted by commas ("Havell Markus, Jun Zhao, Tania Contente-Cuomo, ..."):
     * a paper's or a team's authors, however many; null unless every field is a capitalised name of two to
     * {@value #MAX_LISTED_NAME_WORDS} words, with no role, and there are {@value #MIN_UNLABELLED_LIST} or more. The last
     * name is read up to what follows it, as a dumper may join the next block to the line.
     */
    static String nameList(String text) {
        String t = text.strip();
        int comma = t.indexOf(',');
        if (comma < 0 || !isListedName(t.substring(0, comma))) {
            return null; // most lines fail on their first field, before the split
        }
        String[] parts = COMMA.split(t);
        if (parts.length < MIN_UNLABELLED_LIST) {
            return null;
        }
        for (int k = 0; k < parts.length - 1; k++) {
            if (!isListedName(parts[k])) {
                return null;
            }
        }
        // The last name may run on into what a dumper joined to the line ("..., Muhammed Murtaza doi: https://...").
        String last = parts[parts.length - 1];
        if (!isListedName(last)) {
            String[] words = last.strip().split("\\s+");
            last = null;
            for (int n = Math.min(MAX_LISTED_NAME_WORDS, words.length - 1); n >= 2 && last == null; n--) {
                String head = String.join(" ", Arrays.copyOf(words, n));
                last = isListedName(head) ? head : null;
            }
            if (last == null) {
                return null;
            }
            parts[parts.length - 1] = last;
        }
        return String.join(", ", parts);
    }

    /** One field of {@link #nameList}: a capitalised name of two to {@value #MAX_LISTED_NAME_WORDS} words, no role or "&" in it. */
    private static boolean isListedName(String part) {
        String p = part.strip();
        int words = p.isEmpty() ? 0 : p.split("\\s+").length;
        return words >= 2 && words <= MAX_LISTED_NAME_WORDS && !p.contains("&") && p.equals(TextHeader.nameOf(p))
                && Words.tokens(p).stream().noneMatch(w -> Language.roleWords().contains(w));
    }

    /**
     * A sentence's end inside the text: a word of six letters or more, lower case after its first, closed by a full stop,
     * a question or an exclamation mark, and more after it ("... von Produktionsmitteln. Unterschreiben Sie"). A name's
     * abbreviations are shorter ("Jr.", "Prof.", "Assoc."), so a credit word in a capitalised language's prose ("von",
     * "by") read a sentence as a name.
     */
    private static final Pattern SENTENCE_END = Pattern.compile("(?:^|\\s)\\p{L}\\p{Ll}{5,}[.!?]\\s+\\S");

    /** Whether {@code name} runs over a sentence's end ({@link #SENTENCE_END}): no name does. */
    static boolean spansSentences(String name) {
        return (name.indexOf(". ") > 0 || name.indexOf("? ") > 0 || name.indexOf("! ") > 0) && SENTENCE_END.matcher(name).find();
    }

    /** "... by Jane Doe", "Publié par Jeanne Dupont le ...": a credit inside a line, after a credit word of any known language. */
    private static final Pattern CREDIT_INSIDE = Pattern.compile("(?:^|\\s)(?i:" + Language.bylineAlternation() + ")\\s+(\\p{Lu}.*)$");

    /** {@link #CREDIT_INSIDE} found in {@code text} (its group 1 the credited name and what follows it), or null. */
    static Matcher creditInside(String text) {
        if (!mayCreditInside(text)) {
            return null;
        }
        Matcher m = CREDIT_INSIDE.matcher(text);
        return m.find() ? m : null;
    }

    /** The first word of each byline word, lower case: what {@link #CREDIT_INSIDE} wants a word of the line to be. */
    private static final Set<String> CREDIT_FIRST_WORDS = new HashSet<>(Language.bylineWords().stream()
            .map(w -> w.split(" ")[0].toLowerCase(Locale.ROOT)).toList());
    /** {@link #CREDIT_FIRST_WORDS} by their first character. */
    private static final Map<Character, List<String>> CREDIT_WORDS_BY_FIRST = CREDIT_FIRST_WORDS.stream().sorted()
            .collect(Collectors.groupingBy(w -> w.charAt(0)));
    /** The longest of {@link #CREDIT_FIRST_WORDS}, in characters, as lower-casing never shortens a word below it. */
    private static final int LONGEST_CREDIT_WORD = CREDIT_FIRST_WORDS.stream().mapToInt(String::length).max().orElse(0);

    /**
     * Whether {@link #CREDIT_INSIDE} may find a credit in {@code text}: it wants a byline word standing between white
     * space (or the line's start) and white space, so a line with no such word is passed over without trying the
     * pattern at each of its characters.
     */
    private static boolean mayCreditInside(String text) {
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || Words.isAsciiSpace(text.charAt(i))) {
                if (i > start && i < text.length() && i - start <= LONGEST_CREDIT_WORD && isCreditFirstWord(text, start, i)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    /**
     * Whether {@code text} from {@code start} to {@code end}, lower-cased, is one of {@link #CREDIT_FIRST_WORDS}. The lower
     * case of a word opens with its first character's (a surrogate, half a code point, is left to the full comparison),
     * and a word in ASCII is lower-cased letter by letter, so most words are told without a copy.
     */
    private static boolean isCreditFirstWord(String text, int start, int end) {
        char first = text.charAt(start);
        if (Character.isSurrogate(first)) {
            return CREDIT_FIRST_WORDS.contains(text.substring(start, end).toLowerCase(Locale.ROOT));
        }
        List<String> words = CREDIT_WORDS_BY_FIRST.get(Character.toLowerCase(first));
        if (words == null) {
            return false;
        }
        for (int k = start; k < end; k++) {
            if (text.charAt(k) >= 128) {
                return CREDIT_FIRST_WORDS.contains(text.substring(start, end).toLowerCase(Locale.ROOT));
            }
        }
        for (String w : words) {
            if (w.length() == end - start && asciiLowerEquals(text, start, w)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the ASCII text at {@code start}, lower-cased, is {@code word}. */
    private static boolean asciiLowerEquals(String text, int start, String word) {
        for (int k = 0; k < word.length(); k++) {
            char c = text.charAt(start + k);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The credit words of every known language, lower case ("by", "von", "posted by"). */
    private static final Set<String> CREDIT_WORDS = Language.bylineWords().stream().map(w -> w.toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());

    /** Whether {@code name} is a credit word and nothing else: a box's label printed apart from the name ("By" in a span of its own). */
    static boolean isCreditWord(String name) {
        return name.length() <= 20 && CREDIT_WORDS.contains(name.strip().toLowerCase(Locale.ROOT));
    }

    /** The last word of each credit word of any known language, lower case ("by", "von", "par"). */
    private static final Set<String> CREDIT_LAST_WORDS = new HashSet<>(Language.bylineWords().stream()
            .map(Words::tokens).filter(t -> !t.isEmpty()).map(t -> t.get(t.size() - 1)).toList());

    /**
     * Whether a short line ends with a credit word that leaves the name to the next line ("Posted by" over "u/jdoe"):
     * two to four words, the last a credit word.
     */
    static boolean endsWithCredit(DumpLine line) {
        List<String> tokens = line.tokens;
        if (tokens.size() < 2 || tokens.size() > 4 || !CREDIT_LAST_WORDS.contains(tokens.get(tokens.size() - 1))) {
            return false;
        }
        String t = line.text.strip();
        String last = tokens.get(tokens.size() - 1);
        return t.length() > last.length() && t.regionMatches(true, t.length() - last.length(), last, 0, last.length())
                && !Character.isLetterOrDigit(t.charAt(t.length() - last.length() - 1));
    }

    /** A dateline (twelve words at most, writing a date) within {@value #DATE_DISTANCE} lines of line {@code i}. */
    private static boolean dateNear(List<DumpLine> lines, int i) {
        for (int j = Math.max(0, i - DATE_DISTANCE); j <= Math.min(lines.size() - 1, i + DATE_DISTANCE); j++) {
            if (j != i && TextHeader.isDateline(lines.get(j))) {
                return true;
            }
        }
        return false;
    }

    /** The words of the credit and date labels of every known language ("by", "author", "posted", "updated"). */
    private static final Set<String> LABEL_WORDS = new HashSet<>(Words.tokens(String.join(" ", Stream.of(Language.bylineWords(),
            Language.authorLabelWords(), Language.datePublishedWords(), Language.dateUpdatedWords()).flatMap(List::stream).toList())));

    /** No function word, no word of the interface ("Share", "Menu"), no month or weekday, no word that labels a date. */
    static boolean plainWord(String word, String lang) {
        for (String token : Words.tokens(word)) {
            if (Language.isFunctionWord(token) || Language.interfaceWords(lang).contains(token) || DateParser.isCalendarWord(token)
                    || LABEL_WORDS.contains(token)) {
                return false;
            }
        }
        return true;
    }
}
