package dev.gazette.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TagsCommandTest {
    @Test
    void printsTagCountsAndSuggestsNamesWithoutATag() {
        Cli cli = Cli.run("tags", "--content", "content");
        assertThat(cli.code()).as(cli.toString()).isZero();
        assertThat(cli.out()).containsPattern("openai\\s+2\\s+OpenAI");
        assertThat(cli.out()).contains("Suggested tags").contains("Kestrel Line");
        String suggestions = cli.out().substring(cli.out().indexOf("Suggested tags"));
        assertThat(suggestions).as("names the vocabulary covers are not suggested").doesNotContain("OpenAI", "China");
    }
}
