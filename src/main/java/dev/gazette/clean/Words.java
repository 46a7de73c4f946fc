package dev.gazette.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level signals the cleaner reads prose by: tokens, function-word (stop-word) density per
 * language, and how much a passage addresses the reader. Function words are what separate running
 * prose from menus and labels (jusText's insight); the word lists are {@link Language}'s.
 */
final class Words {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\p{N}_]+");
    private static final Pattern PUNCTUATION_AND_SPACE = Pattern.compile("[\\s\\p{P}\\p{S}]+");

    private Words() {
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
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
        // One pass: each token counts for every language that has it as a function word.
        Map<String, Integer> hits = new TreeMap<>();
        for (String t : tokens) {
            for (String code : Language.functionWordOf(t)) {
                hits.merge(code, 1, Integer::sum);
            }
        }
        String best = null;
        double bestDensity = 0.12;
        for (String code : Language.codes()) {
            double d = tokens.isEmpty() ? 0 : (double) hits.getOrDefault(code, 0) / tokens.size();
            if (d > bestDensity) {
                best = code;
                bestDensity = d;
            }
        }
        return best;
    }

    /** Lower case with punctuation and symbols folded to single spaces, for comparing headlines. */
    static String comparable(String text) {
        return PUNCTUATION_AND_SPACE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** The stem of a lower-case word, as Lucene's analyzer for the language makes it. */
    static String stem(String token, String lang) {
        return Language.stem(token, lang);
    }

    /** Content words: tokens that are neither function words nor very short. */
    static boolean isContentWord(String token, String lang) {
        if (token.length() < 3) {
            return false;
        }
        return !Language.functionWords(lang).contains(token);
    }
}
