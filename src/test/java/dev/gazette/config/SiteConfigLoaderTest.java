package dev.gazette.config;

import dev.gazette.model.GazetteException;
import dev.gazette.model.Tag;
import dev.gazette.source.YamlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiteConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileGivesSensibleDefaults() {
        SiteConfig site = SiteConfigLoader.load(dir);
        assertThat(site.title()).isEqualTo("Gazette");
        assertThat(site.baseUrl().toString()).isEqualTo("http://localhost:4000/");
        assertThat(site.language()).isEqualTo("en");
        assertThat(site.timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(site.feedItems()).isEqualTo(20);
        assertThat(site.vocabulary()).isEmpty();
    }

    @Test
    void readsSettingsAndTheTagVocabulary() {
        SiteConfig site = parse("""
                title: Morning Brief
                base_url: https://user.github.io/brief
                timezone: Asia/Singapore
                page_size: 5
                tags:
                  openai: {name: OpenAI, aliases: [OpenAI, ChatGPT], description: The lab.}
                  Climate Policy:
                """);
        assertThat(site.baseUrl().toString()).isEqualTo("https://user.github.io/brief/");
        assertThat(site.timeZone()).isEqualTo(ZoneId.of("Asia/Singapore"));
        assertThat(site.pageSize()).isEqualTo(5);
        assertThat(site.vocabulary()).containsExactly(
                new Tag("openai", "OpenAI", "The lab.", List.of("OpenAI", "ChatGPT")),
                new Tag("climate-policy", "Climate Policy", null, List.of("Climate Policy")));
    }

    @Test
    void wrongValuesAreReportedAtTheirLine() {
        assertThatThrownBy(() -> parse("title: x\ntimezone: Mars/Olympus\n"))
                .isInstanceOf(GazetteException.class)
                .hasMessageStartingWith("site.yml:2: unknown time zone 'Mars/Olympus'");
        assertThatThrownBy(() -> parse("title: x\nbase_url: not a url\n"))
                .hasMessageStartingWith("site.yml:2: base URL 'not a url' must be an absolute http(s) URL");
        assertThatThrownBy(() -> parse("feed_items: lots\n"))
                .hasMessageStartingWith("site.yml:1: 'feed_items' must be a whole number");
        assertThatThrownBy(() -> parse("titel: typo\n"))
                .hasMessageStartingWith("site.yml:1: unknown setting 'titel'");
        assertThatThrownBy(() -> parse("tags:\n  x:\n    nmae: X\n"))
                .hasMessageStartingWith("site.yml:3: unknown tag field 'nmae'");
    }

    /** Issue 9 #7 and "smaller": empty values were a NullPointerException or "not 'null'". */
    @Test
    void emptyValuesAreReportedNotCrashedOn() {
        assertThatThrownBy(() -> parse("timezone: \"\"\nbase_url: \"\"\nedition: ''\n"))
                .isInstanceOf(GazetteException.class)
                .satisfies(e -> assertThat(((GazetteException) e).problems()).extracting(Object::toString).containsExactly(
                        "site.yml:2: 'base_url' is empty; remove the line or give an absolute URL such as https://user.github.io/repo/",
                        "site.yml:1: 'timezone' is empty; remove the line or give a time zone such as Europe/London or UTC",
                        "site.yml:3: 'edition' is empty; remove the line or give one of its values"));
    }

    @Test
    void everyWrongSettingIsReportedAtOnceWithASuggestion() {
        assertThatThrownBy(() -> parse("titel: x\nfeed_items: lots\n"))
                .satisfies(e -> assertThat(((GazetteException) e).problems()).extracting(Object::toString).containsExactly(
                        "site.yml:1: unknown setting 'titel'; did you mean 'title'?; known settings: author, baseURL, base_url, "
                                + "baseurl, canonical, cname, copyright, description, edition, feed, feed_items, "
                                + "lang, language, languageCode, max_source_mb, page_size, paginate, tags, timezone, title, url",
                        "site.yml:2: 'feed_items' must be a whole number from 1 to 10000, not 'lots'"));
    }

    /** Issue 9 #14: "//repo/" made every link a protocol-relative link to a host named "repo". */
    @Test
    void repeatedSlashesInTheBasePathAreCollapsed() {
        assertThat(parse("base_url: https://site.example//repo//x\n").baseUrl().toString())
                .isEqualTo("https://site.example/repo/x/");
        assertThat(SiteConfigLoader.parseBaseUrl("https://site.example//repo/", null, null).toString())
                .isEqualTo("https://site.example/repo/");
    }

    private static SiteConfig parse(String yaml) {
        return SiteConfigLoader.fromYaml(YamlParser.parse("site.yml", yaml, 1));
    }
}
