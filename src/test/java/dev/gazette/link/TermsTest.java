package dev.gazette.link;

import org.junit.jupiter.api.Test;

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
}
