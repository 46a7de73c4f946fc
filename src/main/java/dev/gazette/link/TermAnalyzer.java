package dev.gazette.link;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns article text into index terms with Lucene's language analyzers: tokenised, lower-cased,
 * stop words removed and stemmed, so "regulators", "regulation" and "regulate" meet. Languages
 * without an analyzer here fall back to plain tokenisation.
 */
final class TermAnalyzer {
    private final Map<String, Analyzer> analyzers = Map.of(
            "en", new EnglishAnalyzer(),
            "de", new GermanAnalyzer(),
            "fr", new FrenchAnalyzer(),
            "es", new SpanishAnalyzer(),
            "it", new ItalianAnalyzer(),
            "nl", new DutchAnalyzer(),
            "pt", new PortugueseAnalyzer());
    private final Analyzer fallback = new StandardAnalyzer(CharArraySet.EMPTY_SET);

    /** English stop words, for the entity finder's tests of function words. */
    static final CharArraySet ENGLISH_STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    List<String> terms(String text, String lang) {
        String key = lang == null ? "" : lang.toLowerCase(Locale.ROOT).split("-")[0];
        Analyzer analyzer = analyzers.getOrDefault(key, fallback);
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (term.length() > 1) {
                    out.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string cannot fail", e);
        }
        return out;
    }
}
