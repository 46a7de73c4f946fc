package dev.gazette.render;

import io.pebbletemplates.pebble.PebbleEngine;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in theme's card: rendered once per article and engine, escaped as any other template. */
class CardTemplateTest {

    private static Views.ArticleCard card(String url, String title) {
        return new Views.ArticleCard(url, title, "A <b>summary</b> & more", "Ann O'Brien", null, null,
                "2026-01-02", "2 January 2026", 3, List.of(new Views.TagLink("R&D <x>", "/tags/r-d/", null, 2)),
                "en", "digest", "Example \"Times\"", null);
    }

    private static String render(PebbleEngine engine, String template, Object card) throws Exception {
        StringWriter out = new StringWriter();
        engine.getTemplate(template).evaluate(out, Map.of("card", card), Locale.ROOT);
        return out.toString();
    }

    @Test
    void aCardReadsAsItsBodyWithEveryTextEscaped() throws Exception {
        PebbleEngine engine = Theme.load(null).engine();
        Views.ArticleCard card = card("/articles/a/", "Why <script>'s & \"quotes\" matter");
        String html = render(engine, "_card.peb", card);
        assertThat(html).isEqualTo(render(engine, "_card-body.peb", card));
        assertThat(html).contains("Why &lt;script&gt;&#39;s &amp; &quot;quotes&quot; matter", "R&amp;D &lt;x&gt;",
                "A &lt;b&gt;summary&lt;/b&gt; &amp; more", "Ann O&#39;Brien").doesNotContain("<script>", "<b>");
    }

    @Test
    void aCardIsRenderedOncePerArticleAndEngineAndAFreshEngineRendersItAgain() throws Exception {
        PebbleEngine engine = Theme.load(null).engine();
        String first = render(engine, "_card.peb", card("/articles/a/", "First title"));
        // Within one build an article's card is the same wherever it is listed: the address keys it.
        assertThat(render(engine, "_card.peb", card("/articles/a/", "Another title"))).isEqualTo(first);
        assertThat(render(engine, "_card.peb", card("/articles/b/", "Another title"))).contains("Another title");
        // Every build loads its theme afresh (Pipeline), so an edited article's card is rendered anew.
        assertThat(render(Theme.load(null).engine(), "_card.peb", card("/articles/a/", "Another title")))
                .contains("Another title").doesNotContain("First title");
    }
}
