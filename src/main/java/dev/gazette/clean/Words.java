package dev.gazette.clean;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.Set;

/**
 * Word-level signals the cleaner reads prose by: tokens, function-word (stop-word) density per
 * language, and how much a passage addresses the reader. Function words are what separate running
 * prose from menus and labels (jusText's insight); the word lists are {@link Language}'s.
 */
final class Words {
    /** The general categories of regex "\p{L}", "\p{M}" and "\p{N}", as bits by {@link Character#getType}. */
    private static final int WORD_PART = 1 << Character.UPPERCASE_LETTER | 1 << Character.LOWERCASE_LETTER
            | 1 << Character.TITLECASE_LETTER | 1 << Character.MODIFIER_LETTER | 1 << Character.OTHER_LETTER
            | 1 << Character.NON_SPACING_MARK | 1 << Character.ENCLOSING_MARK | 1 << Character.COMBINING_SPACING_MARK
            | 1 << Character.DECIMAL_DIGIT_NUMBER | 1 << Character.LETTER_NUMBER | 1 << Character.OTHER_NUMBER;
    /** The general categories of regex "\p{P}" and "\p{S}", as bits by {@link Character#getType}. */
    private static final int PUNCTUATION_OR_SYMBOL = 1 << Character.CONNECTOR_PUNCTUATION | 1 << Character.DASH_PUNCTUATION
            | 1 << Character.START_PUNCTUATION | 1 << Character.END_PUNCTUATION | 1 << Character.INITIAL_QUOTE_PUNCTUATION
            | 1 << Character.FINAL_QUOTE_PUNCTUATION | 1 << Character.OTHER_PUNCTUATION | 1 << Character.MATH_SYMBOL
            | 1 << Character.CURRENCY_SYMBOL | 1 << Character.MODIFIER_SYMBOL | 1 << Character.OTHER_SYMBOL;

    private Words() {
    }

    /**
     * The words of the text in lower case: runs of letters, marks, digits and "_", as regex
     * "[\p{L}\p{M}\p{N}_]+" finds them, in one pass over code points, as every line is read.
     */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int start = -1;
        // Whether the token so far is ASCII, and holds a capital: most tokens of most pages are, and are lower-cased here.
        boolean ascii = true;
        boolean capital = false;
        for (int i = 0; i < text.length(); ) {
            char ch = text.charAt(i);
            int c = ch < 0x80 ? ch : text.codePointAt(i);
            if (c < 0x80 ? ASCII_WORD_PART[c] : (WORD_PART >> Character.getType(c) & 1) != 0) {
                if (start < 0) {
                    start = i;
                    ascii = true;
                    capital = false;
                }
                ascii &= c < 0x80;
                capital |= c >= 'A' && c <= 'Z';
            } else if (start >= 0) {
                out.add(lowerCase(text, start, i, ascii, capital));
                start = -1;
            }
            i += Character.charCount(c);
        }
        if (start >= 0) {
            out.add(lowerCase(text, start, text.length(), ascii, capital));
        }
        return out;
    }

    /** {@code text.substring(start, end).toLowerCase(Locale.ROOT)}, in one copy for an ASCII token. */
    private static String lowerCase(String text, int start, int end, boolean ascii, boolean capital) {
        if (!ascii) {
            return text.substring(start, end).toLowerCase(Locale.ROOT);
        }
        if (!capital) {
            return text.substring(start, end);
        }
        char[] out = new char[end - start];
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            out[i - start] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return new String(out);
    }

    /** Regex "[\\p{L}\\p{M}\\p{N}_]" of the ASCII characters, looked up. */
    private static final boolean[] ASCII_WORD_PART = new boolean[0x80];

    static {
        for (int c = 0; c < ASCII_WORD_PART.length; c++) {
            ASCII_WORD_PART[c] = c == '_' || (WORD_PART >> Character.getType(c) & 1) != 0;
        }
    }

    /** Share of tokens that are function words of {@code lang}; 0 for an unknown language. */
    static double functionWordDensity(List<String> tokens, String lang) {
        return share(tokens, Language.functionWords(lang));
    }

    static double readerAddressDensity(List<String> tokens, String lang) {
        return share(tokens, Language.readerAddress(lang));
    }

    /** Share of tokens that label a page's controls and furniture ({@link Language#interfaceWords}). */
    static double interfaceDensity(List<String> tokens, String lang) {
        return share(tokens, Language.interfaceWords(lang));
    }

    private static double share(List<String> tokens, Set<String> words) {
        if (tokens.isEmpty()) {
            return 0;
        }
        int n = 0;
        for (String t : tokens) {
            if (words.contains(t)) {
                n++;
            }
        }
        return (double) n / tokens.size();
    }

    /**
     * The language whose function words cover most of the text, or {@code null} when none
     * covers enough to be sure (other languages and scripts).
     */
    static String guessLanguage(List<String> tokens) {
        if (tokens.isEmpty()) {
            return null;
        }
        // The language whose function words are densest, over a floor; a tie tells none ("to" and "by" are Czech words too).
        int[] hits = Language.functionWordHits(tokens);
        int best = Language.most(hits, k -> (double) hits[k] / tokens.size() > 0.12);
        return best < 0 ? null : Language.codes().get(best);
    }

    /**
     * The language an article is written in, for its page, feed and metadata: the one its script tells where a script
     * other than Latin holds half its words ({@link Language#ofScript}), else {@link #guessLanguage}'s. The cleaner's
     * features read {@link #guessLanguage} alone: word lists of Chinese, Japanese and Korean applied to every dump in their
     * script lost more than they gained (bench/HISTORY.md, "The language of a page in any script").
     */
    static String languageOf(List<String> tokens) {
        String script = Language.ofScript(tokens);
        return script != null ? script : guessLanguage(tokens);
    }

    /** Lower case with punctuation and symbols folded to single spaces, for comparing headlines. */
    static String comparable(String text) {
        return foldRuns(text.toLowerCase(Locale.ROOT), Words::isSpaceOrPunctuation).strip();
    }

    /**
     * {@link #comparable} of a text given its key, the text lower-cased with its runs of white space folded to one space
     * ({@link DumpLine#key}): folding those spaces with the punctuation around them gives the same runs.
     */
    static String comparableOfKey(String key) {
        return foldRuns(key, Words::isSpaceOrPunctuation).strip();
    }

    /**
     * The text with each run of code points that {@code fold} accepts replaced by one space: what
     * a regex replaceAll("[...]+", " ") gives, in one pass, as every line of a page is folded.
     */
    static String foldRuns(String text, IntPredicate fold) {
        if (foldsToItself(text, fold)) {
            return text; // most keys: words between single spaces, no copy made
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean inRun = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!fold.test(c)) {
                out.appendCodePoint(c);
                inRun = false;
            } else if (!inRun) {
                out.append(' ');
                inRun = true;
            }
        }
        return out.toString();
    }

    /** Whether {@link #foldRuns} leaves the text as it is: every run it folds is one space alone. */
    private static boolean foldsToItself(String text, IntPredicate fold) {
        boolean spaceBefore = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // A surrogate is half a code point, which the predicate sees whole: left to the general path.
            if (Character.isSurrogate(c) || fold.test(c) && (c != ' ' || spaceBefore)) {
                return false;
            }
            spaceBefore = c == ' ';
        }
        return true;
    }

    /** A code point as case-insensitive Unicode patterns compare it: upper-cased, then lower-cased. */
    static int folded(int c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** {@code word} with each code point {@link #folded(int) folded}. */
    static String folded(String word) {
        StringBuilder out = new StringBuilder(word.length());
        word.codePoints().forEach(c -> out.appendCodePoint(folded(c)));
        return out.toString();
    }

    /** Regex "\s": the ASCII space, tab, line feed, vertical tab, form feed and carriage return. */
    static boolean isAsciiSpace(int c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    /** Regex "[\s\p{P}\p{S}]". */
    private static boolean isSpaceOrPunctuation(int c) {
        return c < ASCII_SPACE_OR_PUNCTUATION.length ? ASCII_SPACE_OR_PUNCTUATION[c]
                : (PUNCTUATION_OR_SYMBOL >> Character.getType(c) & 1) != 0;
    }

    /** {@link #isSpaceOrPunctuation} of the ASCII characters, looked up: every character of every line is asked. */
    private static final boolean[] ASCII_SPACE_OR_PUNCTUATION = new boolean[0x80];

    static {
        for (int c = 0; c < ASCII_SPACE_OR_PUNCTUATION.length; c++) {
            ASCII_SPACE_OR_PUNCTUATION[c] = isAsciiSpace(c) || (PUNCTUATION_OR_SYMBOL >> Character.getType(c) & 1) != 0;
        }
    }

    /** The stem of a lower-case word, as Lucene's analyzer for the language makes it. */
    static String stem(String token, String lang) {
        return Language.stem(token, lang);
    }

    /** Content words: tokens that are neither function words nor very short. */
    static boolean isContentWord(String token, String lang) {
        return isContentWord(token, Language.functionWords(lang));
    }

    /** {@link #isContentWord(String, String)} with the language's {@link Language#functionWords} resolved once per page or line. */
    static boolean isContentWord(String token, Set<String> functionWords) {
        return token.length() >= 3 && !functionWords.contains(token);
    }

    /** The distinct content words ({@link #isContentWord}) of the tokens. */
    static Set<String> contentWords(List<String> tokens, String lang) {
        Set<String> functionWords = Language.functionWords(lang);
        Set<String> out = new HashSet<>();
        for (String t : tokens) {
            if (isContentWord(t, functionWords)) {
                out.add(t);
            }
        }
        return out;
    }
}
