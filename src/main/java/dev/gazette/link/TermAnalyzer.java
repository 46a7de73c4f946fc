package dev.gazette.link;

import dev.gazette.clean.Language;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns article text into index terms with Lucene's language analyzers ({@link Language}, the
 * one home of language knowledge): tokenised, lower-cased, stop words removed and stemmed, so
 * "regulators", "regulation" and "regulate" meet. Languages without an analyzer fall back to
 * plain tokenisation.
 */
final class TermAnalyzer {
    /** English stop words, for the entity finder's tests of function words. */
    static final CharArraySet ENGLISH_STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    List<String> terms(String text, String lang) {
        List<String> out = new ArrayList<>();
        for (String term : Language.terms(text, lang)) {
            if (term.length() > 1) {
                out.add(term);
            }
        }
        return out;
    }

    /**
     * {@code Terms.count(terms(text, lang))}, counted as the analyzer hands each term over: a
     * string is made per distinct term rather than per occurrence, with no list between.
     */
    Terms counted(String text, String lang) {
        CharArrayMap<int[]> seen = new CharArrayMap<>(256, false);
        List<int[]> order = new ArrayList<>();
        StringBuilder words = new StringBuilder();
        Language.eachTerm(text, lang, term -> {
            int length = term.length();
            if (length <= 1) {
                return;
            }
            char[] buffer = term.buffer();
            int[] count = seen.get(buffer, 0, length);
            if (count == null) {
                count = new int[1];
                seen.put(Arrays.copyOf(buffer, length), count);
                order.add(count);
                words.append(buffer, 0, length).append('\n');
            }
            count[0]++;
        });
        int[] counts = new int[order.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = order.get(i)[0];
        }
        return new Terms(words.toString(), counts);
    }
}
