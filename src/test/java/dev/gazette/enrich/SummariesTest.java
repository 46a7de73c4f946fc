package dev.gazette.enrich;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SummariesTest {
    @Test
    void takesWholeSentencesOfTheFirstSubstantialParagraph() {
        String text = "Photo: Jane\n\n" + "The council voted on Monday to keep the library open. ".repeat(3)
                + "It will review the decision in a year. ".repeat(5);
        String summary = Summaries.of(text, 300);
        assertThat(summary).startsWith("The council voted").endsWith(".").hasSizeLessThanOrEqualTo(300);
    }

    @Test
    void cutsAnOverlongSentenceAtAWordWithAnEllipsis() {
        String summary = Summaries.of("word ".repeat(200), 300);
        assertThat(summary).endsWith("word…").hasSizeLessThanOrEqualTo(300);
    }

    @Test
    void emptyTextHasAnEmptySummary() {
        assertThat(Summaries.of("", 300)).isEmpty();
        assertThat(Summaries.of(null, 300)).isEmpty();
    }

    /** Issue 9 #22: 400 emoji without spaces were cut inside a surrogate pair ("?…" in feeds). */
    @Test
    void aLongRunWithoutSpacesIsCutBetweenCharacters() {
        String summary = Summaries.of("\uD83D\uDE00".repeat(400), Summaries.MAX_LENGTH);
        assertThat(summary).endsWith("\uD83D\uDE00…").hasSizeLessThanOrEqualTo(Summaries.MAX_LENGTH);
        assertThat(summary.chars().filter(c -> Character.isSurrogate((char) c)).count() % 2).isZero();
        assertThat(Summaries.of("東京".repeat(400), Summaries.MAX_LENGTH)).hasSize(Summaries.MAX_LENGTH);
    }
}
