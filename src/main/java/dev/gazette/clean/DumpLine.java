package dev.gazette.clean;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One logical line of a text dump (a paragraph, list item, menu entry, heading, script...) with
 * the shape features the cleaner reads it by. Hard-wrapped paragraphs are joined back into one
 * line first, so a paragraph is judged as a whole.
 */
final class DumpLine {
    enum Kind {
        /** Running prose: long enough, sentence-shaped, with the language's function words. */
        PROSE,
        /** Neither prose nor clearly short: labels, teaser headlines, list items. */
        MEDIUM,
        /** A few words: menu entries, buttons, labels. */
        SHORT,
        /** An item of a list whose lines read like content, not like a menu. */
        ITEM,
        /** Script or style text. */
        CODE,
        /** One line of a multi-line code listing, as technical articles show them. */
        LISTING,
        /** A teaser cut off with an ellipsis. */
        TRUNCATED,
        /** Prose that is page furniture: notices, repeated blurbs. */
        BOILERPLATE
    }

    private static final Pattern ORDERED = Pattern.compile("^\\s*(\\d{1,3})[.)]\\s+(.*)$");
    private static final String BULLET_MARKS = "•*·▪‣◦–+-";
    private static final Pattern BULLET = Pattern.compile("^\\s*[" + BULLET_MARKS + "]\\s+(.*)$");
    /** Sentence ends of Latin, CJK, Devanagari (।), Myanmar (။), Tibetan (།), Arabic (؟) and Urdu (۔) scripts. */
    private static final String SENTENCE_MARKS = ".!?。！？…:;।॥။།؟۔";
    /** Where a line of running text stops: a sentence's end, or a "|" between items. */
    private static final String LINE_END_MARKS = SENTENCE_MARKS + "|";
    /** What may follow a sentence's end mark: closing quotes and brackets. */
    private static final String CLOSERS = "\"'”’»)]";

    final int index;
    final String raw;
    final String text;
    final boolean blankBefore;
    final int block;
    final boolean ordered;
    final int number;
    final boolean bullet;
    final List<String> tokens;
    final int words;
    /** Share of its letters in scripts written without spaces between words (Chinese, Japanese, Thai...). */
    final double spacelessShare;
    final boolean endsSentence;
    Kind kind;
    boolean heading;
    /** The model's probability that the line is article text ({@link LineModel}). */
    double probability;
    private List<DateParser.Found> dates;
    /** {@link #functionWordShare}'s value and the language it was read in (classification and features both ask). */
    private double functionShare;
    private String functionLang;
    private String key;
    private String comparable;
    private Boolean code;
    /** Its content words ({@link Words#isContentWord}) in the page's language, as {@link LineFeatures} reads them. */
    Set<String> contentWords;
    /** The stems of its content words, as {@link TextHeader} compares lines by. */
    Set<String> stems;
    /** Its coarse shape among cards, once read (TextHeader.shape; 0 until then). */
    char shape;
    /** Whether it opens like a byline, once read ({@link TextHeader#isBylineShaped}). */
    Boolean bylineShaped;
    /** The author the line names in its place, once read (see {@link TextHeader}). */
    String author;
    boolean authorRead;
    /** The name its text opens with, once read ({@link TextHeader#nameOf(DumpLine)}). */
    String name;
    boolean nameRead;
    /**
     * The first of the dump's own lines when {@link #parse} joined this line from several because a sentence seemed to
     * carry on (not because the dump was hard-wrapped at a width), or null: a browser's dump puts a headline and "by Jane
     * Doe" or "1h ago" on lines of their own, which that reflow glues together.
     */
    String firstPhysical;

    private DumpLine(int index, String raw, boolean blankBefore, int block, String first) {
        this(index, raw, blankBefore, block);
        firstPhysical = first == null || first.isEmpty() ? null : first.strip();
    }

    /**
     * The first of the dump's own lines this line was joined from ({@link #firstPhysical}) as a line of its own, read
     * as this one was (its kind, heading and probability), or null when the reflow joined none.
     */
    DumpLine firstPart() {
        if (firstPhysical == null) {
            return null;
        }
        DumpLine part = new DumpLine(index, firstPhysical, blankBefore, block);
        part.kind = kind;
        part.heading = heading;
        part.probability = probability;
        return part;
    }

    private DumpLine(int index, String raw, boolean blankBefore, int block) {
        this.index = index;
        this.raw = raw;
        this.blankBefore = blankBefore;
        this.block = block;
        char first = firstAfterSpace(raw);
        Matcher o = first >= '0' && first <= '9' ? ORDERED.matcher(raw) : null;
        Matcher b = o == null && BULLET_MARKS.indexOf(first) >= 0 ? BULLET.matcher(raw) : null;
        if (o != null && o.matches() && !o.group(2).isBlank()) {
            ordered = true;
            number = Integer.parseInt(o.group(1));
            bullet = false;
            text = o.group(2).strip();
        } else if (b != null && b.matches() && !b.group(1).isBlank() && !raw.strip().endsWith("-")) {
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
        spacelessShare = spacelessShare(text);
        words = words(text, tokens.size(), spacelessShare);
        endsSentence = endsWithMark(text, SENTENCE_MARKS) || "\"”»".indexOf(lastChar(text)) >= 0;
    }

    /** The first date the line writes, if any. */
    Optional<String> date() {
        List<DateParser.Found> all = dates();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0).value());
    }

    /** Every date the line writes, in order, read once: the header is searched many times over. */
    List<DateParser.Found> dates() {
        if (dates == null) {
            dates = DateParser.findAll(text);
        }
        return dates;
    }

    /** Share of the line's tokens that are function words of {@code lang} ({@link Words#functionWordDensity}), read once. */
    double functionWordShare(String lang) {
        if (functionLang == null || !functionLang.equals(lang == null ? "" : lang)) {
            functionShare = Words.functionWordDensity(tokens, lang);
            functionLang = lang == null ? "" : lang;
        }
        return functionShare;
    }

    boolean isListItem() {
        return ordered || bullet;
    }

    /** The text compared when looking for repeats: {@link Words#comparable} of the text, read once: headlines and site names are compared with every line. */
    String comparable() {
        if (comparable == null) {
            comparable = Words.comparableOfKey(key()); // the key is lower-cased already
        }
        return comparable;
    }

    String key() {
        if (key == null) {
            key = Words.foldRuns(text.toLowerCase(Locale.ROOT), Words::isAsciiSpace);
        }
        return key;
    }

    /** Whether the line is script or style text, read once. */
    boolean isCode() {
        if (code == null) {
            code = LineClassifier.isCode(text);
        }
        return code;
    }

    /** Splits a dump into logical lines, remembering which were preceded by a blank line. */
    static List<DumpLine> parse(String dump) {
        List<DumpLine> out = new ArrayList<>();
        String[] physical = dump.split("\n");
        for (int i = 0; i < physical.length; i++) {
            physical[i] = stripTrailing(physical[i].replace('\u00A0', ' ').replace("\t", "    "));
        }
        Wrap wrap = wrap(physical);
        boolean blank = true;
        int block = -1;
        StringBuilder pending = null;
        int lastLength = 0;
        boolean pendingBlank = false;
        String first = null;
        for (String r : physical) {
            if (invisible(r)) {
                if (pending != null) {
                    out.add(new DumpLine(out.size(), pending.toString(), pendingBlank, block, first));
                    pending = null;
                }
                blank = true;
                continue;
            }
            boolean wrappedHere = pending != null && wrapped(lastLength, r, wrap);
            if (pending != null && (wrappedHere || continues(pending, r))) {
                if (first == null) {
                    first = wrappedHere ? "" : pending.toString();
                }
                String next = r.strip();
                // Chinese and Japanese are wrapped between any two characters: no space to restore.
                if (!(breaksAnywhere(pending.charAt(pending.length() - 1)) && breaksAnywhere(next.charAt(0)))) {
                    pending.append(' ');
                }
                pending.append(next);
                lastLength = wrap.width() == 0 ? 0 : wrap.length(r);
                continue;
            }
            if (pending != null) {
                out.add(new DumpLine(out.size(), pending.toString(), pendingBlank, block, first));
            }
            if (blank) {
                block++;
            }
            first = null;
            pending = new StringBuilder(r);
            lastLength = wrap.width() == 0 ? 0 : wrap.length(r); // only a wrapped dump's lines are measured
            pendingBlank = blank;
            blank = false;
        }
        if (pending != null) {
            out.add(new DumpLine(out.size(), pending.toString(), pendingBlank, block, first));
        }
        return out;
    }

    /** How a dump was hard-wrapped: at which width, counted in display columns ({@code wide}) or in characters. */
    record Wrap(int width, boolean wide) {
        static final Wrap NONE = new Wrap(0, false);

        int length(String line) {
            return wide ? columns(line) : line.codePointCount(0, line.length());
        }
    }

    /**
     * How a text browser or mail tool hard-wrapped the dump, or {@link Wrap#NONE}. Text wrapped at
     * a fixed width piles its lines up just under that width, which a dump of one line per
     * paragraph never does: the width W is the 99th percentile of the line lengths (a few lines,
     * such as long addresses, cannot be broken), between 30 and 150, and at least 5 lines, and at
     * least 30% of the lines longer than W/2, end within 10 of it. Tools count differently (lynx
     * counts characters, terminals display columns, where East Asian wide characters take two),
     * so both measures are tried; where both show a pile, the one under which more of the long
     * lines pass the reflow test ({@link #wrapped}) against the line after them is the tool's.
     */
    static Wrap wrap(String[] physical) {
        int nonBlank = 0;
        for (String l : physical) {
            nonBlank += l.isBlank() ? 0 : 1;
        }
        if (nonBlank < 10) {
            return Wrap.NONE;
        }
        Wrap best = Wrap.NONE;
        double bestFit = -1;
        // Each line measured once per measure, in arrays: this runs over every line of every dump.
        int[] measured = new int[physical.length];
        int[] lengths = new int[nonBlank];
        for (boolean wide : new boolean[] {true, false}) {
            Wrap measure = new Wrap(0, wide);
            int k = 0;
            for (int i = 0; i < physical.length; i++) {
                measured[i] = measure.length(physical[i]);
                if (!physical[i].isBlank()) {
                    lengths[k++] = measured[i];
                }
            }
            Arrays.sort(lengths);
            int width = lengths[lengths.length - 1 - lengths.length / 100];
            int near = 0;
            int longer = 0;
            for (int n : lengths) {
                near += n > width - 10 && n <= width ? 1 : 0;
                longer += n > width / 2 ? 1 : 0;
            }
            if (width < 30 || width > 150 || near < 5 || near * 10L < longer * 3L) {
                continue;
            }
            Wrap candidate = new Wrap(width, wide);
            int pairs = 0;
            int fit = 0;
            for (int i = 0; i + 1 < physical.length; i++) {
                int length = measured[i];
                if (length > width / 2 && !invisible(physical[i + 1])) {
                    pairs++;
                    fit += wrapped(length, physical[i + 1], candidate) ? 1 : 0;
                }
            }
            double share = pairs == 0 ? 0 : (double) fit / pairs;
            if (share > bestFit) {
                best = candidate;
                bestFit = share;
            }
        }
        return best;
    }

    /**
     * In a hard-wrapped dump, a line was broken where the next word would not have fitted: the
     * reflow test of text formatters. Chinese and Japanese may break after any character
     * ({@link #breaksAnywhere}), so there the next "word" is one character. List items and code
     * start lines of their own.
     */
    private static boolean wrapped(int lastLength, String next, Wrap wrap) {
        if (wrap.width() == 0 || isItem(next)) {
            return false;
        }
        String n = next.strip();
        int space = n.indexOf(' ');
        int firstWord = wrap.length(breaksAnywhere(n.charAt(0)) ? n.substring(0, 1) : space < 0 ? n : n.substring(0, space));
        return lastLength + 1 + firstWord > wrap.width();
    }

    /**
     * The columns a terminal gives the text: two for East Asian wide and full-width characters
     * (Han, kana, Hangul, CJK punctuation, full-width forms), none for combining marks and format
     * characters, one for the rest. Text browsers and mail tools wrap by these, not by characters.
     */
    static int columns(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x300) {
                n += c == 0xAD ? 0 : 1; // below the combining marks the soft hyphen is the one character that takes no column
                continue;
            }
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
                continue;
            }
            n += wide(c) ? 2 : 1;
        }
        return n;
    }

    private static boolean wide(int c) {
        if (c < 0x1100) {
            return false;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        if (s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA
                || s == Character.UnicodeScript.HANGUL || s == Character.UnicodeScript.BOPOMOFO || s == Character.UnicodeScript.YI) {
            return true;
        }
        // Marks shared by these scripts ("。", "ー", "㈜") and full-width forms.
        Character.UnicodeBlock b = Character.UnicodeBlock.of(c);
        return b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION || b == Character.UnicodeBlock.HIRAGANA
                || b == Character.UnicodeBlock.KATAKANA || b == Character.UnicodeBlock.KATAKANA_PHONETIC_EXTENSIONS
                || b == Character.UnicodeBlock.ENCLOSED_CJK_LETTERS_AND_MONTHS || b == Character.UnicodeBlock.CJK_COMPATIBILITY
                || b == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS || b == Character.UnicodeBlock.VERTICAL_FORMS
                || c >= 0xFF01 && c <= 0xFF60 || c >= 0xFFE0 && c <= 0xFFE6;
    }

    /**
     * A hard-wrapped sentence: the line so far is long and stops mid-sentence, and the next line
     * carries on in lower case or after a word that cannot end a sentence.
     */
    private static boolean continues(StringBuilder sofar, String next) {
        String tail = sofar.substring(sofar.lastIndexOf("\n") + 1);
        if (tail.length() < 40 || endsWithMark(tail, LINE_END_MARKS)) {
            return false;
        }
        // The cheap signs that the sentence carries on first: most lines show none, and the code tests are dear.
        String lastWord = tail.substring(tail.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
        boolean carriesOn = Character.isLowerCase(next.strip().charAt(0)) || tail.endsWith(",")
                || lastWord.length() > 1 && Language.isFunctionWord(lastWord);
        return carriesOn && !isItem(next) && !LineClassifier.isCode(next) && !LineClassifier.isCode(tail);
    }

    /** Whether the line opens a list item ({@link #ORDERED} or {@link #BULLET}). */
    private static boolean isItem(String line) {
        char first = firstAfterSpace(line);
        return first >= '0' && first <= '9' ? ORDERED.matcher(line).matches()
                : BULLET_MARKS.indexOf(first) >= 0 && BULLET.matcher(line).matches();
    }

    /**
     * The first character after the white space regex "^\\s*" skips (0 for none): what an item's
     * patterns want first, tested before they run on every line.
     */
    static char firstAfterSpace(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!Words.isAsciiSpace(c)) {
                return c;
            }
        }
        return 0;
    }

    /**
     * Nothing a reader sees: white space, or only format characters such as zero-width spaces,
     * which editors leave behind as spacer paragraphs.
     */
    static boolean invisible(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && Character.getType(c) != Character.FORMAT) {
                return false;
            }
        }
        return true;
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * Whether wrapping tools may break a line before or after the character with no space there:
     * Chinese and Japanese characters and their wide punctuation ("。", "、", "ー"). Hangul spaces
     * its words, and Thai, Lao, Khmer and Myanmar are broken only at their spaces (finding their
     * word ends takes a dictionary), so a wrap there stands for a space.
     */
    private static boolean breaksAnywhere(char c) {
        return wide(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.HANGUL;
    }

    /** The words of the text, or for scripts written without spaces between words, its characters over two. */
    static int words(String text) {
        return words(text, Words.tokens(text).size(), spacelessShare(text));
    }

    private static int words(String text, int tokens, double spacelessShare) {
        return spacelessShare > 0.5 ? Math.max(tokens, (int) Math.round(spacelessShare * letters(text)) / 2) : tokens;
    }

    /** Whether the letter belongs to a script written without spaces between words. */
    private static boolean spaceless(char c) {
        if (c < 0x0E00) {
            return false; // below Thai, the first such script, and Character.UnicodeScript.of is a binary search
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA
                || s == Character.UnicodeScript.THAI || s == Character.UnicodeScript.LAO || s == Character.UnicodeScript.KHMER
                || s == Character.UnicodeScript.MYANMAR || s == Character.UnicodeScript.TIBETAN;
    }

    /** Share of the letters of the text in scripts written without spaces between words. */
    private static double spacelessShare(String text) {
        int letters = 0;
        int spaceless = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                letters += isAsciiLetter(c) ? 1 : 0; // most characters of most pages, without the Unicode tables
            } else if (Character.isLetter(c)) {
                letters++;
                spaceless += spaceless(c) ? 1 : 0;
            }
        }
        return letters == 0 ? 0 : (double) spaceless / letters;
    }

    /**
     * Whether the text ends with one of the marks and then only {@link #CLOSERS}: what a regex
     * "[marks][closers]*$" finds, read from the end instead of tried at every character.
     */
    private static boolean endsWithMark(String text, String marks) {
        int end = endBeforeBreak(text);
        while (end > 0 && CLOSERS.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && marks.indexOf(text.charAt(end - 1)) >= 0;
    }

    /** The last character "$" sees (0 for none): it skips one final line break, and strip() keeps U+0085's. */
    private static char lastChar(String text) {
        int end = endBeforeBreak(text);
        return end == 0 ? 0 : text.charAt(end - 1);
    }

    private static int endBeforeBreak(String text) {
        int end = text.length();
        return end > 0 && text.charAt(end - 1) == '\u0085' ? end - 1 : end;
    }

    /** {@link Character#isLetter} below U+0080. */
    static boolean isAsciiLetter(char c) {
        int folded = c | 0x20;
        return folded >= 'a' && folded <= 'z';
    }

    private static int letters(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            n += Character.isLetter(text.charAt(i)) ? 1 : 0;
        }
        return n;
    }
}
