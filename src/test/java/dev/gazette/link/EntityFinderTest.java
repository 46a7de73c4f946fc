package dev.gazette.link;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EntityFinderTest {
    private final EntityFinder finder = new EntityFinder();

    @Test
    void findsNamesBrandsAndAcronymsButNotSentenceStarts() {
        Map<String, EntityFinder.Entity> found = finder.find("Harbour Trust Buys the Old Mill",
                "Yesterday the Harbour Trust said that CEO Mara Quist had agreed the deal with OpenMill. "
                        + "However, the U.S. buyer walked away. Quist said the Harbour Trust would reopen the mill in May.");
        assertThat(found.keySet()).contains("harbour trust", "mara quist", "openmill", "us")
                .doesNotContain("yesterday", "however", "ceo", "may", "buys", "old mill");
        // "Quist" alone counts for the full name; the title-case headline adds only names the prose confirms.
        assertThat(found.get("mara quist").forms()).containsExactlyInAnyOrder("Mara Quist", "Quist");
        assertThat(found.get("harbour trust").mentions()).isEqualTo(3);
    }

    @Test
    void aCapitalisedWordOpeningASentenceIsNotPartOfTheName() {
        Map<String, EntityFinder.Entity> found = finder.find("", "Unlike Chinese firms, it waited. Chinese rivals moved first.");
        assertThat(found.keySet()).contains("chinese").doesNotContain("unlike chinese");
    }

    @Test
    void recognisesTitleCaseLines() {
        assertThat(EntityFinder.isTitleCase("OpenAI Scrambles to Rethink China Strategy as DeepSeek Disrupts AI Race")).isTrue();
        assertThat(EntityFinder.isTitleCase("Sam Altman signals OpenAI’s desire to partner with China")).isFalse();
    }
}
