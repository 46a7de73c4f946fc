package dev.gazette.enrich;

import dev.gazette.clean.Extraction;
import dev.gazette.config.SiteConfigLoader;
import dev.gazette.model.Article;
import dev.gazette.model.Origin;
import dev.gazette.model.Problem;
import dev.gazette.source.Source;
import dev.gazette.source.SourceFormat;
import dev.gazette.source.SourceReader;
import dev.gazette.source.YamlMap;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Page names from file names, and provenance that is never invented. */
class ArticleBuilderProvenanceTest {
    private final ArticleBuilder builder = new ArticleBuilder(SiteConfigLoader.fromYaml(YamlMap.empty("site.yml")));
    private final List<Problem> problems = new ArrayList<>();

    @Test
    void theFileNameNamesThePageSoAHeadlineEditKeepsIt() {
        Article before = markdown("articles/2025-02-17-kestrel.md", "title: Trams reach the docks\nsource: Harbour Ledger");
        Article after = markdown("articles/2025-02-17-kestrel.md", "title: Trams finally reach Saltmarsh Quay\nsource: Harbour Ledger");
        assertThat(before.slug()).isEqualTo("kestrel").isEqualTo(after.slug());
        assertThat(before.sourcePath()).isEqualTo("articles/2025-02-17-kestrel.md");
    }

    @Test
    void anExplicitSlugWins() {
        assertThat(markdown("a.md", "title: T\nslug: Chosen Name\nsource: X").slug()).isEqualTo("chosen-name");
    }

    @Test
    void onlyTheCuratorCanSayAPieceWasWrittenForTheDigest() {
        Article own = markdown("own.md", "title: Our view\nsource: self");
        assertThat(own.origin()).isEqualTo(Origin.DIGEST);
        assertThat(own.publication()).isNull();
        assertThat(problems).isEmpty();

        Article unsaid = markdown("unsaid.md", "title: Someone's report\nauthor: A. Reporter");
        assertThat(unsaid.origin()).isEqualTo(Origin.UNRECORDED);
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.toString())
                .startsWith("content/unsaid.md:2: warning: no source recorded").contains("source: self"));
    }

    @Test
    void anOutletNamedByTheCuratorIsCreditedAsSuch() {
        Article a = markdown("a.md", "title: T\nsource: The Harbour Ledger\nsource_url: https://ledger.example/a");
        assertThat(a.origin()).isEqualTo(Origin.OUTLET);
        assertThat(a.publication()).isEqualTo("The Harbour Ledger");
        assertThat(problems).isEmpty();
    }

    @Test
    void anExtractedPageIsCreditedToTheSiteNameItShowsOrOnlyItsHost() {
        Article named = raw("raw/ferry.html", extraction("Sound & Shore News", "https://soundandshore.example/ferry"));
        assertThat(named.origin()).isEqualTo(Origin.PAGE);
        assertThat(named.publication()).isEqualTo("Sound & Shore News");
        assertThat(problems).isEmpty();

        Article hostOnly = raw("raw/ferry2.html", extraction(null, "https://soundandshore.example/ferry"));
        assertThat(hostOnly.origin()).isEqualTo(Origin.PAGE);
        assertThat(hostOnly.publication()).isNull();
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message())
                .contains("no outlet recorded", "soundandshore.example"));
    }

    @Test
    void aTextDumpWithNeitherOutletNorUrlIsNotCreditedToTheDigest() {
        Article dump = raw("raw/clock.txt", extraction(null, null));
        assertThat(dump.origin()).isEqualTo(Origin.UNRECORDED);
        assertThat(dump.publication()).isNull();
        assertThat(dump.slug()).isEqualTo("clock");
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.toString())
                .isEqualTo("content/raw/clock.txt: warning: no source recorded: the page says 'Source not recorded'; "
                        + "add 'source:' and 'source_url:', or 'source: self' for a piece written for this digest"));
    }

    private Article markdown(String path, String frontMatter) {
        problems.clear();
        Source source = SourceReader.split("content/" + path, path, SourceFormat.MARKDOWN,
                "---\n" + frontMatter + "\ndate: 2025-02-17\n---\nThe first tram arrived at noon.\n");
        Extraction body = new Extraction(null, null, null, null, null, null, null, "<p>The first tram arrived at noon.</p>",
                "The first tram arrived at noon.");
        return builder.build(source, body, problems::add).orElseThrow();
    }

    private Article raw(String path, Extraction found) {
        problems.clear();
        Source source = SourceReader.split("content/" + path, path,
                path.endsWith(".txt") ? SourceFormat.TEXT : SourceFormat.HTML, "page text");
        return builder.build(source, found, problems::add).orElseThrow();
    }

    private static Extraction extraction(String siteName, String url) {
        return new Extraction("A headline", "A. Reporter", "2025-02-27", siteName, "en", null, url,
                "<p>The clock struck three.</p>", "The clock struck three.");
    }
}
