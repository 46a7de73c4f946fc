package dev.gazette.fuzz;

import dev.gazette.clean.Sanitizer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks the properties rely on catch what they are meant to catch. */
class ScriptFreeTest {
    @TempDir
    Path site;

    @Test
    void everyPayloadIsCaughtRawAndGoneOnceSanitized() {
        for (String payload : ContentFolders.PAYLOADS) {
            // A payload aimed at filters that strip "<script>" once is script after such stripping.
            String naive = payload.replace("<script>", "").replace("</script>", "");
            assertThat(ScriptFree.problems(Jsoup.parseBodyFragment(payload).body()).isEmpty()
                    && ScriptFree.problems(Jsoup.parseBodyFragment(naive).body()).isEmpty()).as(payload).isFalse();
            String clean = Sanitizer.untrusted().clean(payload, "https://wire.example/a.html");
            assertThat(ScriptFree.problems(Jsoup.parseBodyFragment(clean).body())).as(clean).isEmpty();
        }
    }

    @Test
    void ourJsonLdAndTextThatMerelyMentionsJavascriptAreFine() {
        String page = "<script type=\"application/ld+json\">{\"headline\":\"javascript: the good parts\"}</script>"
                + "<meta name=\"description\" content=\"javascript: a talk\"><a href=\"https://x.example/javascript:\">x</a>";
        assertThat(ScriptFree.problems(Jsoup.parse(page))).isEmpty();
        assertThat(ScriptFree.problems(Jsoup.parse("<script type=\"application/ld+json\">{\"a\":</script>"))).isNotEmpty();
    }

    @Test
    void scriptInAFeedEntryIsCaught() throws Exception {
        Files.writeString(site.resolve("feed.xml"), "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<link>https://x.example/</link><description>d</description><item><title>i</title>"
                + "<link>javascript:alert(1)</link><description>&lt;img src=x onerror=alert(1)&gt;</description></item>"
                + "</channel></rss>");
        Files.writeString(site.resolve("feed.json"), "{\"items\":[{\"url\":\"https://x.example/a\","
                + "\"content_html\":\"<p>fine</p><script>alert(1)</script>\"}]}");
        assertThat(BuildOutcome.feedScripts(site)).hasSize(3);
    }
}
