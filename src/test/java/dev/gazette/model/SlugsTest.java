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
        assertThat(Slugs.of("東京")).isEmpty();
    }

    @Test
    void cutsLongSlugsAtAWordBoundary() {
        String slug = Slugs.of("word ".repeat(40));
        assertThat(slug.length()).isLessThanOrEqualTo(80);
        assertThat(slug).doesNotEndWith("-").endsWith("word");
    }
}
