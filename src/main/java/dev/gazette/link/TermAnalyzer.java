package dev.gazette.link;

import dev.gazette.clean.Language;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

import java.util.ArrayList;
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
}
