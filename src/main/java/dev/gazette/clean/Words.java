package dev.gazette.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level signals the cleaner reads prose by: tokens, function-word (stop-word) density per
 * language, and how much a passage addresses the reader. Function words are what separate running
 * prose from menus and labels (jusText's insight); the short lists here are the most frequent
 * function words of each language, not phrases from any page.
 */
final class Words {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\p{N}_]+");

    static final Map<String, Set<String>> FUNCTION_WORDS = Map.of(
            "en", Set.of("the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by",
                    "from", "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "it", "its",
                    "that", "this", "these", "those", "which", "who", "what", "when", "where", "than", "then",
                    "not", "no", "he", "she", "they", "them", "his", "her", "their", "would", "will", "can",
                    "could", "should", "may", "might", "into", "about", "after", "before", "also", "more",
                    "most", "such", "if", "so", "up", "out", "over", "there", "do", "does", "did", "all", "one"),
            "de", Set.of("der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "dem", "des",
                    "mit", "sich", "auf", "für", "im", "von", "auch", "es", "sie", "er", "wir", "als", "an",
                    "wird", "werden", "bei", "nach", "aus", "oder", "wie", "dass", "hat", "sind", "noch"),
            "fr", Set.of("le", "la", "les", "et", "des", "du", "un", "une", "est", "que", "qui", "dans", "pour",
                    "pas", "sur", "au", "aux", "avec", "ce", "il", "elle", "se", "ne", "par", "plus", "sont",
                    "ont", "mais", "ou", "leur", "cette", "son", "sa", "ses", "été", "être"),
            "es", Set.of("el", "la", "los", "las", "y", "de", "del", "que", "en", "un", "una", "es", "por", "con",
                    "para", "no", "se", "su", "sus", "al", "lo", "como", "más", "pero", "fue", "ha", "son", "este",
                    "esta", "entre"),
            "it", Set.of("il", "lo", "la", "gli", "le", "di", "del", "della", "che", "e", "è", "un", "una", "per",
                    "non", "con", "si", "da", "sono", "al", "alla", "nel", "nella", "anche", "come", "più", "ma"),
            "pt", Set.of("o", "os", "as", "de", "do", "da", "dos", "das", "que", "e", "em", "um", "uma", "para",
                    "com", "não", "por", "se", "no", "na", "mais", "foi", "ao", "como", "mas", "seu", "sua"),
            "nl", Set.of("de", "het", "een", "en", "van", "is", "dat", "die", "in", "te", "op", "niet", "met",
                    "voor", "zijn", "er", "aan", "ook", "als", "bij", "door", "maar", "om", "dan", "wordt"));

    /** Words by which a page speaks to its visitor rather than reports: cookie notices, sign-up boxes. */
    private static final Set<String> READER_ADDRESS = Set.of(
            "you", "your", "yours", "we", "our", "us", "please");

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
        Set<String> words = lang == null ? null : FUNCTION_WORDS.get(lang);
        if (words == null || tokens.isEmpty()) {
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

    static double readerAddressDensity(List<String> tokens) {
        if (tokens.isEmpty()) {
            return 0;
        }
        int n = 0;
        for (String t : tokens) {
            if (READER_ADDRESS.contains(t)) {
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
        String best = null;
        double bestDensity = 0.12;
        for (Map.Entry<String, Set<String>> e : FUNCTION_WORDS.entrySet()) {
            double d = functionWordDensity(tokens, e.getKey());
            if (d > bestDensity || (d == bestDensity && best != null && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestDensity = d;
            }
        }
        return best;
    }

    /** Lower case with punctuation and symbols folded to single spaces, for comparing headlines. */
    static String comparable(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{P}\\p{S}]+", " ").strip();
    }

    /**
     * A crude stem for matching a headline's words to the text's: a plural or verb "s" off, and in
     * English "ed" and "ing" ("seems", "talks", "trading" as "seem", "talk", "trad").
     */
    static String stem(String token, String lang) {
        int n = token.length();
        if ("en".equals(lang) && n >= 7 && token.endsWith("ing")) {
            return token.substring(0, n - 3);
        }
        if ("en".equals(lang) && n >= 6 && token.endsWith("ed")) {
            return token.substring(0, n - 2);
        }
        return n >= 5 && token.endsWith("s") && !token.endsWith("ss") ? token.substring(0, n - 1) : token;
    }

    /** Content words: tokens that are neither function words nor very short. */
    static boolean isContentWord(String token, String lang) {
        if (token.length() < 3) {
            return false;
        }
        Set<String> words = lang == null ? null : FUNCTION_WORDS.get(lang);
        return words == null || !words.contains(token);
    }
}
