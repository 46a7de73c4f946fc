package dev.gazette.clean;

import dev.gazette.pipeline.Diagnostics;
import dev.gazette.pipeline.Pipeline;
import dev.gazette.config.SiteConfigLoader;
import dev.gazette.model.Article;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The raw sources shipped in content/raw keep extracting to the articles they hold. */
class SampleContentCleaningTest {
    private static final Path CONTENT = Path.of("content");
    private static final List<Article> ARTICLES = new Pipeline(new Diagnostics())
            .articles(CONTENT, SiteConfigLoader.load(CONTENT), true, new Pipeline.Timer());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "raw/aldwick-chronicle-astronomical-clock.txt | Restored 1760s astronomical clock returns to display at Aldwick Museum | Harriet Delacourt | 2025-02-27",
            "raw/evening-post-kestrel-line-first-trams.txt | Crowds pack first trams as Kestrel Line finally reaches Saltmarsh Quay | Tom Ashworth | 2025-02-17",
            "raw/sound-and-shore-electric-ferry.html | Battery-electric ferry Aurora Tern enters service on the Tollan Sound crossing | Callum Rees-Whitford | 2025-03-14"})
    void rawSourcesKeepTheirMetadata(String file, String title, String author, String date) {
        Article article = ARTICLES.stream().filter(a -> a.sourceFile().endsWith(file)).findFirst().orElseThrow();
        assertThat(article.title()).isEqualTo(title);
        assertThat(article.author()).isEqualTo(author);
        assertThat(article.date().toLocalDate()).hasToString(date);
        assertThat(article.text()).doesNotContain("Advertisement", "cookie", "dataLayer");
    }
}
