package dev.gazette.clean;

import dev.gazette.SharedFolder;
import dev.gazette.pipeline.Diagnostics;
import dev.gazette.pipeline.Pipeline;
import dev.gazette.config.SiteConfigLoader;
import dev.gazette.model.Article;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Building the two seed dumps in ../shared/seeds publishes exactly their articles. */
class SeedCleaningTest {
    private static final Path SEEDS = Path.of("..", "shared", "seeds");
    private static final String ALTMAN = "Sam Altman signals OpenAI’s desire to partner with China after DeepSeek disrupts the AI market";
    private static final String SCRAMBLES = "OpenAI Scrambles to Rethink China Strategy as DeepSeek Disrupts AI Race";
    private static Map<String, Article> byTitle;

    @BeforeAll
    static void build() {
        SharedFolder.require("seeds");
        List<Article> articles = new Pipeline(new Diagnostics())
                .articles(SEEDS, SiteConfigLoader.load(SEEDS), false, new Pipeline.Timer());
        byTitle = articles.stream().collect(Collectors.toMap(Article::title, Function.identity()));
    }

    @Test
    void titlesAndBylineAreFound() {
        assertThat(byTitle).containsOnlyKeys(ALTMAN, SCRAMBLES);
        assertThat(byTitle.get(SCRAMBLES).author()).isEqualTo("Amanda Zhang");
    }

    @Test
    void headingsAndTheNumberedListAreRecovered() {
        String html = byTitle.get(SCRAMBLES).html();
        assertThat(html).contains("<h2>The AI Cold War Takes a Turn</h2>", "<h2>Why Now? The DeepSeek Disruption</h2>",
                "<h3>Advantage: Financial Firepower &amp; Enterprise Adoption</h3>");
        assertThat(html).containsPattern("<ol>\\s*<li>China’s AI is a growing force")
                .containsPattern("(?s)<ol>(\\s*<li>[^<]*</li>){3}\\s*</ol>");
    }

    @Test
    void noPageFurnitureIsKept() {
        for (Article a : byTitle.values()) {
            assertThat(a.html() + a.text())
                    .doesNotContain("addEventListener", "dataLayer", "function(", "Advertisement", "Hot this week",
                            "cookies", "Newsletter", "You May Also Like", "Popular Categories", "Enable Notifications")
                    .doesNotContain(a.title());
        }
    }
}
