package dev.gazette.link;

import dev.gazette.pipeline.Diagnostics;
import dev.gazette.pipeline.Pipeline;
import dev.gazette.config.SiteConfig;
import dev.gazette.config.SiteConfigLoader;
import dev.gazette.model.Article;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures auto-tagging on the sample digest against the curators' own tags: tags found
 * without looking at front matter that the curator also chose (precision), and curator tags
 * found from the text alone (recall). Abstract topics ("tech policy") are rarely named in
 * the text, so recall is expected to be well below precision.
 */
class AutoTaggingPrecisionTest {
    @Test
    void autoTagsAgreeWithTheCuratorsTags() {
        Path content = Path.of("content");
        SiteConfig site = SiteConfigLoader.load(content);
        List<Article> articles = new Pipeline(new Diagnostics()).articles(content, site, true, new Pipeline.Timer());
        TagVocabulary vocabulary = new TagVocabulary(site.vocabulary());
        AutoTagger tagger = new AutoTagger(site.vocabulary());
        int agreed = 0;
        int found = 0;
        int curated = 0;
        for (Article a : articles) {
            if (a.tags().isEmpty()) {
                continue;
            }
            Set<String> chosen = a.tags().stream().map(t -> vocabulary.resolve(t).slug()).collect(Collectors.toSet());
            List<String> auto = tagger.tags(a.title(), a.text());
            agreed += (int) auto.stream().filter(chosen::contains).count();
            found += auto.size();
            curated += chosen.size();
        }
        double precision = (double) agreed / found;
        double recall = (double) agreed / curated;
        System.out.printf(Locale.ROOT, "auto-tagging on the sample: precision %.2f (%d/%d), recall %.2f (%d/%d)%n",
                precision, agreed, found, recall, agreed, curated);
        assertThat(precision).isGreaterThanOrEqualTo(0.9);
        assertThat(recall).isGreaterThanOrEqualTo(0.4);
    }
}
