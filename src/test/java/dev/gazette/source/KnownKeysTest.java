package dev.gazette.source;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KnownKeysTest {
    private static final List<String> KEYS = List.of("author", "authors", "title", "tags", "date", "summary", "source_url");

    @Test
    void suggestsTheNearestKeyForATypo() {
        assertThat(KnownKeys.nearest("auther", KEYS)).contains("author");
        assertThat(KnownKeys.nearest("titel", KEYS)).contains("title");
        assertThat(KnownKeys.nearest("Tags", KEYS)).contains("tags");
        assertThat(KnownKeys.nearest("sourceurl", KEYS)).contains("source_url");
    }

    @Test
    void suggestsNothingForAnUnrelatedWord() {
        assertThat(KnownKeys.nearest("weather", KEYS)).isEmpty();
        assertThat(KnownKeys.nearest("x", KEYS)).isEmpty();
        assertThat(KnownKeys.suggestion("weather", KEYS)).isEmpty();
        assertThat(KnownKeys.suggestion("auther", KEYS)).isEqualTo("; did you mean 'author'?");
    }
}
