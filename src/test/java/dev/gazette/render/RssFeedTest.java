package dev.gazette.render;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.gazette.config.SiteConfigLoader;
import dev.gazette.source.YamlMap;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RssFeedTest {
    /**
     * Found by PipelinePropertiesTest: a code sample "<script>" in an article's text reached the
     * RSS description escaped only once, so a reader decoding the XML rendered a live script.
     */
    @Test
    void aSummaryIsTextToAReaderThatRendersTheDescriptionAsHtml() throws Exception {
        var site = SiteConfigLoader.fromYaml(YamlMap.empty("site.yml"));
        FeedItem item = new FeedItem("Code", "https://x.example/a/", "urn:a", null, null, List.of(),
                "Try <script>alert(1)</script> & <b>this</b>", "<p>Body</p>", null, null, "en");
        byte[] xml = new RssFeed(site, new Urls(URI.create("https://x.example/"))).write(List.of(item), "T",
                "Dig <i>this</i>", "", "feed.xml");

        SyndFeed feed = new SyndFeedInput().build(new StringReader(new String(xml, StandardCharsets.UTF_8)));
        assertThat(feed.getEntries().get(0).getDescription().getValue())
                .isEqualTo("Try &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;this&lt;/b&gt;");
        assertThat(feed.getDescription()).isEqualTo("Dig &lt;i&gt;this&lt;/i&gt;");
    }

    @Test
    void anItemWrittenOnceReadsTheSameInEveryFeedThatListsIt() {
        var site = SiteConfigLoader.fromYaml(YamlMap.empty("site.yml"));
        Urls urls = new Urls(URI.create("https://x.example/"));
        FeedItem first = new FeedItem("Caf\u00e9 & <co>", "https://x.example/a/", "urn:a",
                ZonedDateTime.parse("2026-11-29T10:00:00Z"), "Ed \"Q\" Writer",
                List.of(new FeedItem.Category("ai", "AI & ML")), "Sum \u2014 <b>mary</b>",
                "<p>Body &amp; <a href=\"https://x.example/t/\">link</a> \u201cquoted\u201d</p>", null, null, "en");
        FeedItem second = new FeedItem("Two", "https://x.example/b/", "urn:b", null, null, List.of(), null,
                "<p>Second\u0007</p>", null, null, "en");
        RssFeed.Items items = new RssFeed.Items();
        for (List<FeedItem> feed : List.of(List.of(first, second), List.of(second), List.of(first))) {
            byte[] inPlace = new RssFeed(site, urls).write(feed, "T", "D", "tags/ai/", "tags/ai/feed.xml");
            byte[] copied = new RssFeed(site, urls, items).write(feed, "T", "D", "tags/ai/", "tags/ai/feed.xml");
            assertThat(new String(copied, StandardCharsets.UTF_8)).isEqualTo(new String(inPlace, StandardCharsets.UTF_8))
                    .contains("</item>");
        }
        assertThat(items.of(first)).isSameAs(items.of(first));
        assertThat(new String(items.of(first), StandardCharsets.UTF_8)).contains("<dc:creator>Ed \"Q\" Writer</dc:creator>");
    }
}
