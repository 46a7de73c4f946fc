package dev.gazette.link;

import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Terms counted as the analyzer hands them over are the terms of the analyzer's list, counted. */
class TermsTest {
    private static final List<String> WORDS = List.of("The", "central", "bank's", "banks", "banking", "a", "I", "x",
            "rates", "Rate", "über", "Straße", "naïve", "café", "don't", "U.S.", "2026", "3.5%", "e-mail", "—", "“quoted”",
            "😀", "中国", "regulators", "regulation", "é", "and", "the", "ø", "\u00a0", ",", ".", "\n\n", "Élysée", "des", "der");
    private static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "it", "nl", "pt", "xx", "en-GB");

    @Test
    void countedAsTheyComeIsTheListCounted() {
        TermAnalyzer analyzer = new TermAnalyzer();
        Random random = new Random(29112026);
        for (int n = 0; n < 400; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(300); k >= 0; k--) {
                text.append(WORDS.get(random.nextInt(WORDS.size()))).append(random.nextInt(5) == 0 ? "" : " ");
            }
            String lang = LANGUAGES.get(random.nextInt(LANGUAGES.size()));
            Terms listed = Terms.count(analyzer.terms(text.toString(), lang));
            Terms counted = analyzer.counted(text.toString(), lang);
            assertThat(counted.words()).as(text.toString()).isEqualTo(listed.words());
            assertThat(counted.counts()).as(text.toString()).isEqualTo(listed.counts());
        }
    }

    /** Characters of prose and of every kind the plain word cutter treats apart, and some it stops at. */
    private static final String CHARACTERS = "aAbzZqQ09 5\n\t\r\f.,;:'\u2018\u2019\u00a0\u2013\u2014\u201c\u201d\u2026"
            + "!\"$%&()+-/<=>?@[\\]^`{|}~\u007f\u00e9\u00fc\u00c0\u00df\u0150\u01c5\u0237\u024f\u00d7\u00f7_#*\u0250\u00bf\u0301\u00ad\ufe0f\u20e3\u00b7\u2024\u200d\u4e2d\u0001";

    @Test
    void plainWordsAreTheStandardTokenizersWordsOrStopAtACharacterTheyDoNotKnow() throws IOException {
        Random random = new Random(30112026);
        int cut = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            // Mostly letters and digits, so that the joining characters stand between them.
            for (int k = random.nextInt(40); k >= 0; k--) {
                text.append(random.nextInt(3) > 0 ? CHARACTERS.charAt(random.nextInt(9))
                        : CHARACTERS.charAt(random.nextInt(random.nextInt(4) == 0 ? CHARACTERS.length() : 62)));
            }
            if (random.nextInt(50) == 0) {
                text.append("x".repeat(250 + random.nextInt(20)));
            }
            char[] chars = text.toString().toCharArray();
            List<String> words = new ArrayList<>();
            int[] word = new int[2];
            int at = 0;
            while ((at = TermAnalyzer.PlainWords.next(chars, chars.length, at, word)) >= 0) {
                words.add(new String(chars, word[0], word[1] - word[0]));
            }
            if (at == TermAnalyzer.PlainWords.UNKNOWN) {
                continue;
            }
            cut++;
            List<String> tokens = tokens(text.toString());
            if (words.stream().allMatch(w -> w.length() <= 255)) {
                assertThat(words).as(escaped(text.toString())).isEqualTo(tokens);
            }
        }
        assertThat(cut).isGreaterThan(10_000);
    }

    @Test
    void countedFromPlainWordsIsCountedByTheAnalyzer() {
        TermAnalyzer analyzer = new TermAnalyzer();
        Random random = new Random(30112027);
        for (int n = 0; n < 3_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(200); k >= 0; k--) {
                if (random.nextInt(3) == 0) {
                    text.append(CHARACTERS.charAt(random.nextInt(random.nextInt(8) == 0 ? CHARACTERS.length() : 62)));
                } else {
                    text.append(WORDS.get(random.nextInt(WORDS.size())));
                }
            }
            String lang = LANGUAGES.get(random.nextInt(LANGUAGES.size()));
            Terms byAnalyzer = analyzer.countedByAnalyzer(text.toString(), lang);
            Terms counted = analyzer.counted(text.toString(), lang);
            assertThat(counted.words()).as(escaped(text.toString())).isEqualTo(byAnalyzer.words());
            assertThat(counted.counts()).as(escaped(text.toString())).isEqualTo(byAnalyzer.counts());
        }
    }

    /**
     * Counted over more distinct words than a thread remembers (its memo of words cleared when
     * full), with words that stem alike among them: each text as the analyzer counts it.
     */
    @Test
    void countedPastTheWordsAThreadRemembersIsCountedByTheAnalyzer() {
        TermAnalyzer analyzer = new TermAnalyzer();
        Random random = new Random(2122026);
        List<String> alike = List.of("regulators", "regulation", "regulate", "Regulating", "banks", "bank's", "banking");
        int distinct = 0;
        for (int n = 0; n < 70; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < 1_500; k++) {
                if (random.nextInt(4) == 0) {
                    text.append(alike.get(random.nextInt(alike.size())));
                } else {
                    for (int c = 3 + random.nextInt(7); c > 0; c--) {
                        text.append((char) ('a' + random.nextInt(26)));
                    }
                    distinct++;
                }
                text.append(random.nextInt(10) == 0 ? ". " : " ");
            }
            Terms byAnalyzer = analyzer.countedByAnalyzer(text.toString(), "en");
            Terms counted = analyzer.counted(text.toString(), "en");
            assertThat(counted.words()).isEqualTo(byAnalyzer.words());
            assertThat(counted.counts()).isEqualTo(byAnalyzer.counts());
        }
        assertThat(distinct).isGreaterThan(75_000);
    }

    /**
     * A title and a body, copied into the thread's buffer, count as the three joined: also after
     * longer texts of words, which leave their words in the buffer past the end of the next one.
     */
    @Test
    void countedFromTitleAndBodyIsCountedAsTheyAreJoined() {
        TermAnalyzer analyzer = new TermAnalyzer();
        Random random = new Random(1122026);
        List<String> words = List.of("The", "central", "bank", "banks", "rates", "2026", "a", "x", "regulators",
                "regulation", "and", ",", ".", "\n\n");
        for (int n = 0; n < 1_000; n++) {
            StringBuilder title = new StringBuilder();
            for (int k = random.nextInt(8); k > 0; k--) {
                title.append(words.get(random.nextInt(words.size()))).append(' ');
            }
            StringBuilder body = new StringBuilder();
            for (int k = random.nextInt(n % 100 == 0 ? 20_000 : 300); k > 0; k--) {
                body.append(words.get(random.nextInt(words.size()))).append(random.nextInt(5) == 0 ? "" : " ");
            }
            String lang = LANGUAGES.get(random.nextInt(LANGUAGES.size()));
            Terms parts = analyzer.counted(title.toString(), body.toString(), lang);
            Terms joined = analyzer.counted(title + "\n" + title + "\n" + body, lang);
            assertThat(parts.words()).as(escaped(body.toString())).isEqualTo(joined.words());
            assertThat(parts.counts()).as(escaped(body.toString())).isEqualTo(joined.counts());
        }
    }

    private static List<String> tokens(String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (StandardTokenizer tokenizer = new StandardTokenizer()) {
            tokenizer.setReader(new StringReader(text));
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                out.add(term.toString());
            }
            tokenizer.end();
        }
        return out;
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.toString();
    }
}
