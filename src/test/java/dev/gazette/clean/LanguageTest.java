package dev.gazette.clean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one home of language knowledge: word lists from lang/*.json, stems from Lucene. */
class LanguageTest {
    @Test
    void bylineWordsOfEveryLanguageComeFromOneListLongestFirst() {
        assertThat(Language.bylineWords()).contains("by", "written by", "von", "par", "por", "di", "door")
                .doesNotHaveDuplicates();
        assertThat(Language.bylineWords().get(0).length()).isGreaterThanOrEqualTo(Language.bylineWords().get(Language.bylineWords().size() - 1).length());
        assertThat("Reporting by Jane Doe").containsPattern("(?i)^(?:" + Language.bylineAlternation() + ")\\s+\\p{Lu}");
    }

    @Test
    void everyKnownLanguageHasFunctionWordsAndUnknownOnesHaveNone() {
        for (String code : Language.codes()) {
            assertThat(Language.functionWords(code)).as(code).hasSizeGreaterThan(20);
            assertThat(Language.readerAddress(code)).as(code).isNotEmpty();
        }
        assertThat(Language.functionWords("de-AT")).contains("und");
        assertThat(Language.functionWords("xx")).isEmpty();
        assertThat(Language.readerAddress("xx")).isEqualTo(Language.readerAddress("en"));
    }

    @Test
    void stemsAreLuceneStemsOfTheLanguage() {
        assertThat(Language.stem("regulators", "en")).isEqualTo(Language.stem("regulator", "en"));
        assertThat(Language.stem("trading", "en")).isEqualTo(Language.stem("trade", "en"));
        assertThat(Language.stem("häuser", "de")).isEqualTo(Language.stem("haus", "de"));
    }
}
