package dev.gazette.enrich;

import dev.gazette.clean.Extraction;
import dev.gazette.config.SiteConfigLoader;
import dev.gazette.model.GazetteException;
import dev.gazette.model.Problem;
import dev.gazette.source.Source;
import dev.gazette.source.SourceFormat;
import dev.gazette.source.SourceReader;
import dev.gazette.source.YamlMap;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Front matter is read once with every key checked: no error thrown early, none dropped (issue 9). */
class FrontMatterTest {
    private final List<Problem> warnings = new ArrayList<>();

    private FrontMatter read(String yaml) {
        Source s = SourceReader.split("a.md", "a.md", SourceFormat.MARKDOWN, "---\n" + yaml + "---\nBody.\n");
        return FrontMatter.read(s.frontMatter(), warnings::add);
    }

    private static List<String> messages(FrontMatter m) {
        return m.errors().stream().map(Problem::toString).toList();
    }

    /** These were ignored: the builder threw what it had collected before reading them, and never checked again. */
    @Test
    void everyWrongValueIsAnErrorAtItsLine() {
        FrontMatter m = read("title: T\nsummary: [one, two]\nlang: {x: 1}\nsource: [a, b]\ndraft: maybe\n");
        assertThat(messages(m)).containsExactly(
                "a.md:5: 'source' must be a single value, not a list",
                "a.md:3: 'summary' must be a single value, not a list",
                "a.md:4: 'lang' must be a single value, not a mapping",
                "a.md:6: 'draft' must be true or false, not 'maybe'");
    }

    @Test
    void aListTitleIsOneErrorNotTwo() {
        FrontMatter m = read("title: [a, b]\n");
        assertThat(messages(m)).containsExactly("a.md:2: 'title' must be a single value, not a list");
    }

    @Test
    void quotedBooleansMeanWhatTheySay() {
        FrontMatter m = read("title: T\ndraft: 'true'\nlink_tags: \"false\"\n");
        assertThat(m.errors()).isEmpty();
        assertThat(m.draft()).isTrue();
        assertThat(m.linkTags()).isFalse();
    }

    @Test
    void anUnknownKeyNamesTheKeyItMostLikelyMeant() {
        read("title: T\nauther: Ann\nweather: fine\n");
        assertThat(warnings).extracting(Problem::toString).containsExactly(
                "a.md:3: warning: unknown front matter key 'auther' is ignored; did you mean 'author'?",
                "a.md:4: warning: unknown front matter key 'weather' is ignored");
    }

    @Test
    void aSecondSpellingOfAKeyIsNamedAsIgnored() {
        FrontMatter m = read("title: T\ndate: 2025-01-02\npubDate: 2024-12-31\n");
        assertThat(m.date()).isEqualTo("2025-01-02");
        assertThat(warnings).extracting(Problem::toString)
                .containsExactly("a.md:4: warning: 'pubDate' is ignored: 'date' (line 3) says the same");
    }

    @Test
    void theBuilderReportsFrontMatterErrorsTogetherWithItsOwn() {
        ArticleBuilder builder = new ArticleBuilder(SiteConfigLoader.fromYaml(YamlMap.empty("site.yml")));
        Source s = SourceReader.split("a.md", "a.md", SourceFormat.MARKDOWN,
                "---\nsummary: [one, two]\ndate: someday\n---\nBody.\n");
        Extraction found = new Extraction(null, null, null, null, null, null, null, "<p>Body.</p>", "Body.");
        assertThatThrownBy(() -> builder.build(s, found, warnings::add))
                .isInstanceOf(GazetteException.class)
                .satisfies(e -> assertThat(((GazetteException) e).problems()).extracting(Problem::toString).containsExactly(
                        "a.md:2: 'summary' must be a single value, not a list",
                        "a.md:2: missing title: add 'title: ...' to the front matter",
                        "a.md:3: 'someday' is not a date; write it as 2025-02-12 or 2025-02-12T09:30:00Z"));
    }

    /** Issue 9 #8: a date that becomes the year 10000 in the site's zone crashed the RSS writer. */
    @Test
    void aDateBeyondTheYear9999IsAnError() {
        ArticleBuilder builder = new ArticleBuilder(SiteConfigLoader.fromYaml(YamlMap.empty("site.yml")));
        Source s = SourceReader.split("a.md", "a.md", SourceFormat.MARKDOWN,
                "---\ntitle: T\nsource: self\ndate: 9999-12-31T23:00:00-12:00\n---\nBody.\n");
        Extraction found = new Extraction(null, null, null, null, null, null, null, "<p>Body.</p>", "Body.");
        assertThatThrownBy(() -> builder.build(s, found, warnings::add))
                .hasMessage("a.md:4: '9999-12-31T23:00:00-12:00' is outside the years 1 to 9999 in the site's time zone");
    }
}
