package dev.gazette.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {
    @Test
    void foldsToAsciiLowerCaseHyphens() {
        assertThat(Slugs.of("Sam Altman signals OpenAI’s desire")).isEqualTo("sam-altman-signals-openais-desire");
        assertThat(Slugs.of("Crème brûlée & Straße")).isEqualTo("creme-brulee-and-strasse");
        assertThat(Slugs.of("  --Rates: 3.25% -- ")).isEqualTo("rates-3-25");
        assertThat(Slugs.of("İstanbul")).isEqualTo("istanbul");
    }

    /** Issue 9 #11, #19, #21: names in other scripts keep their letters instead of vanishing. */
    @Test
    void keepsLettersOfEveryScript() {
        assertThat(Slugs.of("Москва")).isEqualTo("москва");
        assertThat(Slugs.of("東京 2025")).isEqualTo("東京-2025");
        assertThat(Slugs.of("नमस्ते दुनिया")).isEqualTo("नमस्ते-दुनिया");
        assertThat(Slugs.of("서울 뉴스")).isEqualTo("서울-뉴스");
        assertThat(Slugs.of("Ελλάδα")).isEqualTo("ελλάδα");
        assertThat(Slugs.of("القاهرة")).isEqualTo("القاهرة");
        assertThat(Slugs.of("\uD83D\uDE00\uD83D\uDE00 !!")).isEmpty();
    }

    @Test
    void aSlugThatWouldBeEmptyBecomesAStableHash() {
        assertThat(Slugs.orHash("!!", "story")).matches("story-[0-9a-f]{10}").isEqualTo(Slugs.orHash("!!", "story"));
        assertThat(Slugs.orHash("!!", "story")).isNotEqualTo(Slugs.orHash("??", "story"));
        assertThat(Slugs.orHash("Москва", "story")).isEqualTo("москва");
    }

    @Test
    void cutsLongSlugsInOtherScriptsWithoutSplittingACharacter() {
        String slug = Slugs.of("\uD840\uDC00".repeat(200));
        assertThat(slug.codePointCount(0, slug.length())).isEqualTo(80);
        assertThat(Character.isHighSurrogate(slug.charAt(slug.length() - 1))).isFalse();
    }

    @Test
    void cutsLongSlugsAtAWordBoundary() {
        String slug = Slugs.of("word ".repeat(40));
        assertThat(slug.length()).isLessThanOrEqualTo(80);
        assertThat(slug).doesNotEndWith("-").endsWith("word");
    }
}
