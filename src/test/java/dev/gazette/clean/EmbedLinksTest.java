package dev.gazette.clean;

import dev.gazette.source.SourceFormat;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12: frames and players a page embeds never vanish silently; each becomes a safe, labelled link. */
class EmbedLinksTest {
    private static final String PARAGRAPH = "<p>The harbour authority reopened the northern docks on Monday after a week"
            + " of repairs, and the first ferries left on time with every berth on board taken.</p>";

    @Test
    void aSavedPagesFramesAndPlayersBecomeLinksToTheirAddress() {
        String page = "<html><head><title>Docks reopen</title></head><body><article><h1>Docks reopen</h1>" + PARAGRAPH
                + "<iframe src=\"https://www.youtube.com/embed/abc?start=4\" title=\"Harbour  reopening\" width=560 height=315></iframe>"
                + PARAGRAPH
                + "<figure><video controls><source src=\"/media/clip.mp4\" type=\"video/mp4\"></video></figure>"
                + "<p>Listen: <audio src=\"//cdn.example/a b.mp3\"></audio> and more.</p>"
                + "<iframe src=\"javascript:alert(1)\"></iframe><iframe src=\"data:text/html,x\"></iframe>"
                + "<iframe src=\"https://tracker.example/pixel\" width=\"1\" height=\"1\"></iframe>"
                + "<object data=\"https://player.example/show.swf\"><embed src=\"https://player.example/inner.swf\"></object>"
                + PARAGRAPH + "</article></body></html>";

        Extraction found = new Cleaner().clean(SourceFormat.HTML, page, "https://outlet.example/news/docks");

        Element body = Jsoup.parseBodyFragment(found.html()).body();
        assertThat(body.select("iframe, video, audio, object, embed, source")).isEmpty();
        assertThat(body.select("a").eachAttr("href")).containsExactly(
                "https://www.youtube.com/embed/abc?start=4",
                "https://outlet.example/media/clip.mp4",
                "https://cdn.example/a%20b.mp3",
                "https://player.example/show.swf");
        assertThat(body.select("a").eachText()).containsExactly(
                "Embedded content from www.youtube.com: Harbour reopening",
                "Embedded video from outlet.example",
                "Embedded audio from cdn.example",
                "Embedded media from player.example");
        assertThat(body.selectFirst("a[href^=https://www.youtube.com]").parent().normalName()).isEqualTo("p");
        assertThat(body.selectFirst("a[href^=https://cdn.example]").parent().text()).startsWith("Listen:");
        assertThat(found.html()).doesNotContain("javascript:").doesNotContain("data:").doesNotContain("tracker.example");
    }

    @Test
    void markdownEmbedsBecomeLinksAndTheWarningSaysSo() {
        String markdown = "Before.\n\n<iframe src=\"https://video.example/embed/1\"></iframe>\n\n<script src=\"https://x.example/a.js\"></script>\n";

        Extraction found = new Cleaner().clean(SourceFormat.MARKDOWN, markdown, null);

        assertThat(Jsoup.parseBodyFragment(found.html()).select("a").outerHtml())
                .isEqualTo("<a href=\"https://video.example/embed/1\">Embedded content from video.example</a>");
        assertThat(found.html()).doesNotContain("<script").doesNotContain("x.example");
        assertThat(Embeds.inMarkdown(markdown)).extracting(Embeds.Embed::message).containsExactly(
                "an embedded frame (iframe) from https://video.example/embed/1 is shown as a link to it: pages never"
                        + " embed other sites' frames, players or scripts",
                "a script from https://x.example/a.js is left out: pages never embed other sites' frames, players or scripts");
    }
}
